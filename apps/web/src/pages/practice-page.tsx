import { BackLink } from 'nhsuk-react-components';
import { Link, useParams } from 'react-router';
import { ApiProblem } from '../api/client';
import { useTitle } from '../layout/use-title';
import { ApiErrorSummary, Loading } from '../layout/status';
import { CurrentLevels } from '../practices/current-levels';
import { ListSizes } from '../practices/list-sizes';
import { PracticeActions } from '../practices/practice-actions';
import { PracticeAudit } from '../practices/practice-audit';
import { PracticeDetails } from '../practices/practice-details';
import { PracticeFollowUp } from '../practices/practice-follow-up';
import { useActiveFollowUp, usePractice, usePracticeHistory } from '../practices/queries';
import { StatusTimeline } from '../practices/status-timeline';
import { useSession } from '../session/use-session';
import { NotFoundPage } from './not-found-page';
import '../practices/practices.css';

/** Only admins may read the audit log (GET /audit); for anyone else the section is left out. */
const AUDIT_ROLES: readonly string[] = ['admin'];

/**
 * A practice's page (`/practices/A81001`): its details, each service's level today, the status history,
 * the list size over time, its follow-up, and (for admins) who changed what. Each part loads on its own
 * and says so; the write controls are for those who may write here only.
 */
export function PracticePage() {
  const code = (useParams().code ?? '').toUpperCase();
  const practice = usePractice(code);
  const history = usePracticeHistory(code);
  // Every service enabled: a follow-up still in progress is about to be resolved by the tracker itself.
  const allEnabled = !!practice.data && Object.values(practice.data.services).every((s) => s.level === 'enabled');
  const followUp = useActiveFollowUp(code, allEnabled);
  const session = useSession();
  const name = practice.data?.name ?? code;
  useTitle(name, practice.isError);
  const mayReadAudit = session.status === 'signed-in' && AUDIT_ROLES.includes(session.user.role);

  if (practice.error instanceof ApiProblem && (practice.error.status === 404 || practice.error.status === 400))
    return <NotFoundPage />;
  const ready = practice.isSuccess && history.isSuccess && !followUp.isPending;

  return (
    <div data-practice-ready={ready ? 'true' : undefined}>
      <BackLink asElement={Link} to="/practices" href="/practices">
        All practices
      </BackLink>
      {practice.isPending && <Loading what="the practice" />}
      {practice.isError && (
        <ApiErrorSummary
          title="The practice could not be loaded"
          error={practice.error}
          retry={() => void practice.refetch()}
        />
      )}
      {practice.data && (
        <>
          <h1 className="nhsuk-heading-xl">
            <span className="nhsuk-caption-l">Practice {practice.data.code}</span>
            {practice.data.name}
          </h1>
          {/* The write controls (status change, edit) go here: PracticeActions decides who sees them. */}
          <PracticeActions practice={practice.data} />
          <h2 className="nhsuk-heading-l">Details</h2>
          <PracticeDetails practice={practice.data} />
          <CurrentLevels practice={practice.data} />
        </>
      )}

      <h2 className="nhsuk-heading-l">Status history</h2>
      {history.isPending && <Loading what="the history" />}
      {history.isError && (
        <ApiErrorSummary
          title="The history could not be loaded"
          error={history.error}
          retry={() => void history.refetch()}
        />
      )}
      {history.data && <StatusTimeline events={history.data.statusEvents} />}

      <h2 className="nhsuk-heading-l">List size</h2>
      {history.isPending && <Loading what="the list sizes" />}
      {history.data && <ListSizes entries={history.data.listSizes} />}

      <h2 className="nhsuk-heading-l">Follow-up</h2>
      {followUp.isPending && <Loading what="the follow-up" />}
      {followUp.isError && (
        <ApiErrorSummary
          title="The follow-up could not be loaded"
          error={followUp.error}
          retry={() => void followUp.refetch()}
        />
      )}
      {followUp.isSuccess && <PracticeFollowUp followUp={followUp.data} resolvingItself={allEnabled} />}

      {mayReadAudit && (
        <>
          <h2 className="nhsuk-heading-l">Who changed what</h2>
          <PracticeAudit code={code} />
        </>
      )}
    </div>
  );
}
