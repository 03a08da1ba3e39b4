import { Tag } from 'nhsuk-react-components';
import type { Practice } from './words';
import { longDate } from '../common/formats';
import { LEVELS, SERVICES } from '../common/words';
import { TableScroll } from '../common/table-scroll';

/** Each service's level today: the words in a tag, the POMI code beside them, and since when. */
export function CurrentLevels({ practice }: { practice: Practice }) {
  return (
    <TableScroll label="Services today table">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--m">Services today</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col" className="nhsuk-table__header">
              Service
            </th>
            <th scope="col" className="nhsuk-table__header">
              Level
            </th>
            <th scope="col" className="nhsuk-table__header">
              POMI code
            </th>
            <th scope="col" className="nhsuk-table__header">
              Since
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {SERVICES.map((s) => {
            const current = practice.services[s.key];
            const level = LEVELS[current.level];
            return (
              <tr key={s.key} className="nhsuk-table__row">
                <th scope="row" className="nhsuk-table__header">
                  {s.name}
                </th>
                <td className="nhsuk-table__cell">
                  <Tag modifier={level.colour}>{level.words}</Tag>
                </td>
                <td className="nhsuk-table__cell">{level.code ?? 'None'}</td>
                <td className="nhsuk-table__cell">
                  {current.effectiveDate ? longDate(current.effectiveDate) : 'Never recorded'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
