import type { ReactNode } from 'react';
import { ChartFigure } from './chart-figure';

/**
 * A chart and its figures as a table behind a toggle (NHS details): the chart is an image named by
 * `description` for screen readers, which then find every figure in the table. The chart waits for its
 * chunk (`ChartFigure`); the table does not.
 */
export function ChartWithTable({
  description,
  figureClassName,
  chart,
  toggle,
  caption,
  children,
}: {
  description: string;
  /** The chart box's class, which sizes it. */
  figureClassName: string;
  /** The (lazy) chart. */
  chart: ReactNode;
  /** The toggle's words, e.g. "Show the data as a table". */
  toggle: string;
  caption: ReactNode;
  /** The table's head and body. */
  children: ReactNode;
}) {
  return (
    <>
      <ChartFigure description={description} className={figureClassName}>
        {chart}
      </ChartFigure>
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">{toggle}</span>
        </summary>
        <div className="nhsuk-details__text">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption">{caption}</caption>
            {children}
          </table>
        </div>
      </details>
    </>
  );
}
