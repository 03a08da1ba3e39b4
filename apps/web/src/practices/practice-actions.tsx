import { Button } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { useSession } from '../session/use-session';
import { practicePath } from '../common/practice-link';
import { mayWrite } from './may-write';
import type { Practice } from './words';

/**
 * The write controls of a practice's page: "Record a status change" and "Edit details", shown only to users
 * who may change this practice (`mayWrite`: admins, support staff of its region). Everyone else sees
 * nothing here, not a control that ends in a refusal; the API refuses them anyway.
 */
export function PracticeActions({ practice }: { practice: Practice }) {
  const session = useSession();
  if (session.status !== 'signed-in' || !mayWrite(session.user, practice.regionCode)) return null;
  const base = practicePath(practice.code);
  return (
    <div className="app-practice-actions">
      <Button asElement={Link} to={`${base}/status/new`} href={`${base}/status/new`}>
        Record a status change
      </Button>
      <Button secondary asElement={Link} to={`${base}/edit`} href={`${base}/edit`}>
        Edit details
      </Button>
    </div>
  );
}
