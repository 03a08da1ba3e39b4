import { useSearchParams } from 'react-router';
import { useTitle } from '../layout/use-title';
import { MonthEndForm } from '../dashboard/month-end-form';
import { lastMonthEnd, monthYear, parseMonthEnd } from '../dashboard/month-end';
import { ProgressInNumbers } from '../dashboard/progress-in-numbers';
import { TrendCharts } from '../dashboard/trend-charts';

/**
 * The managers' dashboard. Its state lives in the URL (`?asOf=2014-09-30`), so a view can be sent as a
 * link and Back and Forward step through the dates shown.
 */
export function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const asOf = parseMonthEnd(params.get('asOf')) ?? lastMonthEnd();
  useTitle(`Progress in numbers, ${monthYear(asOf)}`);

  const show = (date: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set('asOf', date);
      return next;
    });

  return (
    <>
      <h1 className="nhsuk-heading-xl">
        <span className="nhsuk-caption-l">Patient Online in England</span>
        Progress in numbers
      </h1>
      <MonthEndForm key={asOf} value={asOf} onChange={show} />
      <ProgressInNumbers asOf={asOf} />
      <TrendCharts asOf={asOf} />
    </>
  );
}
