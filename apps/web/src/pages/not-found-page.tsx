import { Link } from 'react-router';
import { useTitle } from '../layout/use-title';

export function NotFoundPage() {
  useTitle('Page not found');
  return (
    <>
      <h1 className="nhsuk-heading-xl">Page not found</h1>
      <p className="nhsuk-body">If you typed the web address, check it is correct.</p>
      <p className="nhsuk-body">
        <Link to="/">Go to the dashboard</Link>
      </p>
    </>
  );
}
