import { Link } from 'react-router';

/**
 * A practice's name, linked to its page. (The practices feature has its own link component; until the
 * branches meet, this small one stands in for it.)
 */
export function PracticeName({ code, name }: { code: string; name: string }) {
  return <Link to={`/practices/${encodeURIComponent(code)}`}>{name}</Link>;
}
