import { Link } from 'react-router';
import { useTitle } from '../layout/use-title';

/** A page the signed-in user's role may not use (the API refuses its requests too). */
export function NotAllowedPage() {
  useTitle('You are not allowed to see this page');
  return (
    <>
      <h1 className="nhsuk-heading-xl">You are not allowed to see this page</h1>
      <p className="nhsuk-body">This page is for administrators of the tracker only.</p>
      <p className="nhsuk-body">If you need to use it, ask an administrator to change your role.</p>
      <p className="nhsuk-body">
        <Link to="/">Go to the dashboard</Link>
      </p>
    </>
  );
}
