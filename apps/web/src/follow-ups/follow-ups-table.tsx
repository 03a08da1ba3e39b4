import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { dateText, type FollowUpSummary } from './labels';
import { StateTag } from './state-tag';
import { SERVICE_NAMES } from '../common/words';
import { PracticeLink } from '../common/practice-link';

/** One page of follow-ups as the API ordered them (soonest due first). */
export function FollowUpsTable({ caption, items }: { caption: string; items: FollowUpSummary[] }) {
  return (
    <table className="nhsuk-table-responsive app-follow-ups-table">
      <caption className="nhsuk-table__caption">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr>
          {['Practice', 'Code', 'Region', 'Services not offered', 'State', 'Owner', 'Due', 'Follow-up'].map((name) => (
            <th key={name} scope="col" className="nhsuk-table__header">
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {items.map((f) => (
          <tr key={f.id} className="nhsuk-table__row">
            <Cell heading="Practice">
              <PracticeLink code={f.practice.code} name={f.practice.name} />
            </Cell>
            <Cell heading="Code">{f.practice.code}</Cell>
            <Cell heading="Region">{f.practice.regionCode}</Cell>
            <Cell heading="Services not offered">
              <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                {f.servicesNotOffered.map((s) => (
                  <li key={s}>{SERVICE_NAMES[s]}</li>
                ))}
              </ul>
            </Cell>
            <Cell heading="State">
              <StateTag state={f.state} />
            </Cell>
            <Cell heading="Owner">{f.ownerName ?? 'Nobody'}</Cell>
            <Cell heading="Due">
              {dateText(f.dueDate)}
              {f.overdue && (
                <>
                  {' '}
                  <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>
                </>
              )}
            </Cell>
            <Cell heading="Follow-up">
              <Link to={`/follow-ups/${f.id}`}>
                View<span className="nhsuk-u-visually-hidden"> the follow-up with {f.practice.name}</span>
              </Link>
            </Cell>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A cell of the design system's responsive table: on a small screen its column's name shows beside it. */
function Cell({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <td className="nhsuk-table__cell">
      <span className="nhsuk-table-responsive__heading" aria-hidden="true">
        {heading}{' '}
      </span>
      {children}
    </td>
  );
}
