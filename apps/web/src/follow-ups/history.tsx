import { dateText, type FollowUpDetail, METHOD_WORDS } from './labels';
import { dateTimeText } from '../common/formats';
import '../common/timeline.css';
import { BARRIER_WORDS, SERVICE_NAMES, STATE_WORDS } from '../common/words';

interface Event {
  at: string;
  title: string;
  text?: string;
  by?: string | null;
  key: string;
}

/**
 * What happened to the follow-up, newest first: opened, each contact, each barrier, each change of due date
 * or owner, and its close. The API keeps all of them for good; who made each is the API's name for them.
 */
export function History({ followUp }: { followUp: FollowUpDetail }) {
  const events: Event[] = [
    { key: 'opened', at: followUp.createdAt, title: 'Opened', text: 'The practice does not offer every service.' },
    ...followUp.contacts.map((c) => ({
      key: `contact-${c.id}`,
      at: c.contactedAt,
      title: `Contacted by ${METHOD_WORDS[c.method].toLowerCase()}`,
      text: c.outcome,
      by: c.recordedByName,
    })),
    ...followUp.barriers.map((b) => ({
      key: `barrier-${b.id}`,
      at: b.recordedAt,
      title: `Barrier recorded: ${BARRIER_WORDS[b.category]}`,
      text: `${SERVICE_NAMES[b.service]}${b.detail ? `: ${b.detail}` : ''}`,
      by: b.recordedByName,
    })),
    ...followUp.changes.map((c, i) => ({
      key: `change-${i}`,
      at: c.at,
      ...(c.field === 'dueDate'
        ? { title: 'Due date changed', text: `From ${dateText(c.from!)} to ${dateText(c.to!)}.` }
        : { title: c.to ? `Owner set to ${c.to}` : 'Owner removed', text: `Owner before: ${c.from ?? 'nobody'}.` }),
      by: c.byName,
    })),
    ...(followUp.closedAt
      ? [
          {
            key: 'closed',
            at: followUp.closedAt,
            title: STATE_WORDS[followUp.state],
            text: followUp.closeNote ?? undefined,
            by: followUp.closedBy === null ? 'the tracker (automatically)' : followUp.closedByName,
          },
        ]
      : []),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));

  return (
    <section aria-labelledby="history">
      <h2 className="nhsuk-heading-m" id="history">
        History
      </h2>
      <ol className="app-timeline" aria-label="History, newest first">
        {events.map((e) => (
          <li key={e.key} className="app-timeline__item">
            <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">{e.title}</h3>
            <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-1">
              <time dateTime={e.at}>{dateTimeText(e.at)}</time>
              {e.by ? `, by ${e.by}` : ''}
            </p>
            {e.text && <p className="nhsuk-body app-timeline__text">{e.text}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
