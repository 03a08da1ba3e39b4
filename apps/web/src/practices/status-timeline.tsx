import { Tag } from 'nhsuk-react-components';
import type { StatusEvent } from './words';
import { dateTimeText, longDate } from '../common/formats';
import { levelText, SERVICES } from '../common/words';
import '../common/timeline.css';

/**
 * The status history of each service as a timeline, newest effective date first (the API's order). An
 * event the API marks back-dated (recorded after the end of the month it took effect in) says so in words
 * and with a tag: it changed the figures of a month-end already past, perhaps after they were published.
 */
export function StatusTimeline({ events }: { events: StatusEvent[] }) {
  return (
    <>
      {SERVICES.map((s) => {
        const mine = events.filter((e) => e.service === s.key);
        const headingId = `history-${s.key}`;
        return (
          <section key={s.key} aria-labelledby={headingId}>
            <h3 id={headingId} className="nhsuk-heading-s">
              {s.name}
            </h3>
            {mine.length === 0 ? (
              <p className="nhsuk-body">No status recorded.</p>
            ) : (
              <ol className="app-timeline" aria-labelledby={headingId}>
                {mine.map((e) => (
                  <li key={e.id} className="app-timeline__item">
                    <p className="nhsuk-body app-timeline__title">
                      <strong>{levelText(e.level)}</strong> from {longDate(e.effectiveDate)}
                      {e.backDated && (
                        <>
                          {' '}
                          <Tag modifier="orange">Back-dated</Tag>
                        </>
                      )}
                    </p>
                    <p className="nhsuk-body-s app-timeline__meta">
                      Recorded {dateTimeText(e.recordedAt)}, {e.source === 'import' ? 'by an import' : 'by hand'}
                      {e.backDated && ', after the month it took effect in: earlier month-end figures changed'}.
                    </p>
                    {e.note && <p className="nhsuk-body-s">Note: {e.note}</p>}
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </>
  );
}
