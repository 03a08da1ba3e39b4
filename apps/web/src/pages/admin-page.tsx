import { Link } from 'react-router';
import { useTitle } from '../layout/use-title';

/** The admin pages, one link each (the header has a single "Admin" item). */
export function AdminPage() {
  useTitle('Admin');
  return (
    <>
      <h1 className="nhsuk-heading-xl">Admin</h1>
      <ul className="nhsuk-list nhsuk-list--border">
        <li>
          <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
            <Link to="/admin/users">Users</Link>
          </h2>
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
            Add people with a role and region, reset a password, deactivate an account.
          </p>
        </li>
        <li>
          <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
            <Link to="/admin/imports">Imports</Link>
          </h2>
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
            Upload an NHS file (practice list, list sizes, POMI), follow it and read its problems.
          </p>
        </li>
        <li>
          <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
            <Link to="/admin/audit">Audit log</Link>
          </h2>
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">Who changed what, and when.</p>
        </li>
      </ul>
    </>
  );
}
