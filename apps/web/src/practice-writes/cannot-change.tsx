import { Link } from 'react-router';
import type { User } from '../api/client';
import { practicePath } from '../common/practice-link';
import { useTitle } from '../layout/use-title';
import type { Practice } from './use-practice';

/** For a user who may not change the practice (practices/may-write.ts): no form, and why. */
export function CannotChange({ user, practice }: { user: User; practice: Practice }) {
  useTitle('You cannot change this practice');
  return (
    <>
      <h1 className="nhsuk-heading-xl">
        <span className="nhsuk-caption-l">
          {practice.name} ({practice.code})
        </span>
        You cannot change this practice
      </h1>
      <p className="nhsuk-body">
        {user.role === 'manager'
          ? 'Your account can read the tracker but not change it.'
          : `Your account can change practices in region ${user.regionCode ?? ''} only. ` +
            `This practice is in region ${practice.regionCode}.`}
      </p>
      <p className="nhsuk-body">Ask an administrator, or the support team of that region, to make the change.</p>
      <p className="nhsuk-body">
        <Link to={practicePath(practice.code)}>Go back to the practice</Link>
      </p>
    </>
  );
}
