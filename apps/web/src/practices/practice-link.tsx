import { Link } from 'react-router';

/** A practice named anywhere in the app, linking to its page (`/practices/A81001`). */
export function PracticeLink({ code, name }: { code: string; name: string }) {
  return <Link to={`/practices/${encodeURIComponent(code)}`}>{name}</Link>;
}
