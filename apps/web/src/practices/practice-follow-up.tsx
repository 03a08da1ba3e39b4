import { SummaryList, Tag } from 'nhsuk-react-components';
import { Link } from 'react-router';
import type { components } from '../api/schema';
import { BARRIER_WORDS, SERVICE_NAMES } from '../common/words';
import { StateTag } from '../follow-ups/state-tag';
import { useSession } from '../session/use-session';
import { longDate } from '../common/formats';

type FollowUp = components['schemas']['FollowUpDetailDto'];

/**
 * The practice's follow-up in progress: state, owner, due date, the services it is about and the barriers
 * recorded, with a link to its own page where the work is done. None: said in words.
 */
export function PracticeFollowUp({
  followUp,
  resolvingItself,
}: {
  followUp: FollowUp | null;
  resolvingItself: boolean;
}) {
  const session = useSession();
  if (!followUp)
    return <p className="nhsuk-body">No follow-up in progress: none is open, contacted or waiting on barriers.</p>;
  const me = session.status === 'signed-in' ? session.user.id : undefined;
  const owner =
    followUp.ownerId === null
      ? 'Nobody'
      : followUp.ownerId === me
        ? 'You'
        : (followUp.ownerName ?? `User ${String(followUp.ownerId)}`);
  return (
    <>
      {resolvingItself && (
        <div className="nhsuk-inset-text">
          <p>
            Every service is now enabled: the tracker resolves this follow-up by itself, usually within seconds. This
            page shows it when it has.
          </p>
        </div>
      )}
      <SummaryList>
        <SummaryList.Row>
          <SummaryList.Key>State</SummaryList.Key>
          <SummaryList.Value>
            <StateTag state={followUp.state} />
            {followUp.overdue && (
              <>
                {' '}
                <Tag modifier="red">Overdue</Tag>
              </>
            )}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Owner</SummaryList.Key>
          <SummaryList.Value>{owner}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Due</SummaryList.Key>
          <SummaryList.Value>{longDate(followUp.dueDate)}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Services not offered</SummaryList.Key>
          <SummaryList.Value>{followUp.servicesNotOffered.map((s) => SERVICE_NAMES[s]).join(', ')}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Barriers</SummaryList.Key>
          <SummaryList.Value>
            {followUp.barriers.length === 0 ? (
              'None recorded'
            ) : (
              <ul className="nhsuk-list nhsuk-list--bullet">
                {followUp.barriers.map((b) => (
                  <li key={b.id}>
                    {SERVICE_NAMES[b.service]}: {BARRIER_WORDS[b.category]}
                    {b.detail ? ` (${b.detail})` : ''}
                  </li>
                ))}
              </ul>
            )}
          </SummaryList.Value>
        </SummaryList.Row>
      </SummaryList>
      <p className="nhsuk-body">
        <Link to={`/follow-ups/${followUp.id}`}>Open the follow-up</Link>
      </p>
    </>
  );
}
