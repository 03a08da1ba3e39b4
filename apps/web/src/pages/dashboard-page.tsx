import { useSearchParams } from 'react-router';
import { useTitle } from '../layout/use-title';
import { MonthEndForm } from '../dashboard/month-end-form';
import { lastMonthEnd, monthYear, parseMonthEnd } from '../dashboard/month-end';
import { ProgressInNumbers } from '../dashboard/progress-in-numbers';
import { useArea } from '../dashboard/area';
import { AreaSelect, useAreaName } from '../dashboard/area-select';
import { StillToGo } from '../dashboard/still-to-go';
import { TrendCharts } from '../dashboard/trend-charts';
import { Breakdown } from '../dashboard/breakdown';

/**
 * The managers' dashboard. Its state lives in the URL (`?asOf=2014-09-30&area=Y54`), so a view can be sent
 * as a link and Back and Forward step through the views shown. No `area`: the user's region, else England.
 */
export function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const asOf = parseMonthEnd(params.get('asOf')) ?? lastMonthEnd();
  const regionCode = useArea();
  const areaName = useAreaName(regionCode);
  useTitle(`Progress in numbers, ${areaName}, ${monthYear(asOf)}`);

  const show = (name: 'asOf' | 'area', value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set(name, value);
      return next;
    });

  return (
    <>
      <h1 className="nhsuk-heading-xl">
        <span className="nhsuk-caption-l">Patient Online in {areaName}</span>
        Progress in numbers
      </h1>
      <AreaSelect value={regionCode} onChange={(area) => show('area', area)} />
      <MonthEndForm key={asOf} value={asOf} onChange={(date) => show('asOf', date)} />
      <ProgressInNumbers asOf={asOf} regionCode={regionCode} />
      <StillToGo asOf={asOf} regionCode={regionCode} />
      <TrendCharts asOf={asOf} regionCode={regionCode} />
      <Breakdown asOf={asOf} regionCode={regionCode} />
    </>
  );
}
