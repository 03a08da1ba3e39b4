import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiProblem, type User } from '../api/client';
import { ApiErrorSummary, Loading } from '../layout/status';
import { useTitle } from '../layout/use-title';
import { mayWrite } from '../practices/may-write';
import { useSession } from '../session/use-session';
import { CannotChange } from './cannot-change';
import { type Practice, usePracticeToChange } from './use-practice';

interface Props {
  code: string;
  /** The page's title while the practice loads or fails. */
  title: string;
  children: (practice: Practice, user: User) => ReactNode;
}

/**
 * A form that changes a practice, shown only once the practice is in and only to a user who may change it
 * (others get "You cannot change this practice"); loading and failures in the design system's patterns.
 */
export function PracticeWriteGate({ code, title, children }: Props) {
  const session = useSession();
  const practice = usePracticeToChange(code);
  const notFound = practice.error instanceof ApiProblem && practice.error.status === 404;
  useTitle(notFound ? 'Practice not found' : title, practice.isError && !notFound);

  if (session.status !== 'signed-in') return null;
  if (practice.isPending) return <Loading what="the practice" />;
  if (notFound)
    return (
      <>
        <h1 className="nhsuk-heading-xl">Practice not found</h1>
        <p className="nhsuk-body">There is no practice with the code {code}.</p>
        <p className="nhsuk-body">
          <Link to="/">Go to the dashboard</Link>
        </p>
      </>
    );
  if (practice.isError)
    return (
      <>
        <h1 className="nhsuk-heading-xl">{title}</h1>
        <ApiErrorSummary
          title="The practice cannot be shown"
          error={practice.error}
          retry={() => void practice.refetch()}
        />
      </>
    );
  if (!mayWrite(session.user, practice.data.regionCode))
    return <CannotChange user={session.user} practice={practice.data} />;
  return children(practice.data, session.user);
}
