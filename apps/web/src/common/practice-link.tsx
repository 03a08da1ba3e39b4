import { Link } from 'react-router';

/** A practice's page in the app (`/practices/A81001`). */
export const practicePath = (code: string) => `/practices/${encodeURIComponent(code)}`;

/** A practice named anywhere in the app, linking to its page. */
export function PracticeLink({ code, name }: { code: string; name: string }) {
  return <Link to={practicePath(code)}>{name}</Link>;
}
