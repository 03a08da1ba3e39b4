import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTitle } from '../layout/use-title';
import { MonthEndForm } from '../dashboard/month-end-form';
import { lastMonthEnd, parseMonthEnd } from '../dashboard/month-end';
import { monthYear } from '../common/formats';
import { ProgressInNumbers, useSummary } from '../dashboard/progress-in-numbers';
import { useArea, useCcg } from '../dashboard/area';
import { AreaSelect, useAreaName } from '../dashboard/area-select';
import { CcgSelect, useCcgName } from '../dashboard/ccg-select';
import { fieldProblem } from '../dashboard/field-problem';
import { knownAtPhrase, parseKnownOn } from '../dashboard/known-on';
import { KnownOnForm } from '../dashboard/known-on-form';
import { KnownOnNotice } from '../dashboard/known-on-notice';
import { StillToGo } from '../dashboard/still-to-go';
import { Barriers } from '../dashboard/barriers';
import { NotOffering } from '../dashboard/not-offering';
import { chosenRange } from '../dashboard/trend-range';
import { TrendCharts } from '../dashboard/trend-charts';
import { Breakdown } from '../dashboard/breakdown';

type Param = 'asOf' | 'area' | 'ccg' | 'knownAt' | 'from' | 'to';

/**
 * The managers' dashboard. Its state lives in the URL (`?asOf=2014-09-30&area=Y54&ccg=00C&knownAt=2014-10-15
 * &from=2013-01&to=2014-09`), so a view can be sent as a link and Back and Forward step through the views
 * shown. No `area`: the user's region, else England. No `knownAt`: the figures as known now.
 */
export function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const asOf = parseMonthEnd(params.get('asOf')) ?? lastMonthEnd();
  const regionCode = useArea();
  const ccgCode = useCcg(regionCode);
  const regionName = useAreaName(regionCode);
  const areaName = useCcgName(regionCode, ccgCode) ?? regionName;
  const knownOn = parseKnownOn(params.get('knownAt'));
  const knownAt = knownOn?.instant;
  const range = chosenRange(asOf, params.get('from'), params.get('to'));
  // The API's problem with a known-on it refuses (from a pasted link), shown against the form's field.
  const knownAtProblem = fieldProblem(useSummary({ asOf, regionCode, ccgCode, knownAt }).error, ['knownAt']);
  // The forms' own problems: the title starts with "Error:" while one shows (the design system's pattern).
  const [knownOnInvalid, setKnownOnInvalid] = useState(false);
  const [rangeInvalid, setRangeInvalid] = useState(false);
  useTitle(
    `Progress in numbers, ${areaName}, ${monthYear(asOf)}${knownAt ? `, ${knownAtPhrase(knownAt)}` : ''}`,
    knownAtProblem !== undefined || knownOnInvalid || rangeInvalid,
  );

  const show = (values: Partial<Record<Param, string | undefined>>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [name, value] of Object.entries(values))
        if (value === undefined) next.delete(name);
        else next.set(name, value);
      return next;
    });

  return (
    <>
      <h1 className="nhsuk-heading-xl">
        <span className="nhsuk-caption-l">
          Patient Online in {areaName}
          {ccgCode && regionName !== areaName ? `, ${regionName}` : ''}
          {knownAt ? `, ${knownAtPhrase(knownAt)}` : ''}
        </span>
        Progress in numbers
      </h1>
      {knownAt && <KnownOnNotice knownAt={knownAt} />}
      {/* A new region drops the CCG: the CCGs listed are the region's. */}
      <AreaSelect value={regionCode} onChange={(area) => show({ area, ccg: undefined })} />
      {regionCode && (
        <CcgSelect regionCode={regionCode} value={ccgCode} onChange={(ccg) => show({ ccg: ccg || undefined })} />
      )}
      <MonthEndForm key={asOf} value={asOf} onChange={(date) => show({ asOf: date })} />
      <KnownOnForm
        key={knownOn?.value ?? ''}
        value={knownOn}
        apiProblem={knownAtProblem?.message}
        onChange={(value) => show({ knownAt: value })}
        onInvalid={setKnownOnInvalid}
      />
      <ProgressInNumbers asOf={asOf} regionCode={regionCode} ccgCode={ccgCode} knownAt={knownAt} />
      <StillToGo asOf={asOf} regionCode={regionCode} ccgCode={ccgCode} knownAt={knownAt} />
      <Barriers regionCode={regionCode} ccgCode={ccgCode} areaName={areaName} />
      <NotOffering regionCode={regionCode} ccgCode={ccgCode} areaName={areaName} />
      <TrendCharts
        range={range}
        onRangeChange={({ from, to }) => show({ from, to })}
        onRangeInvalid={setRangeInvalid}
        regionCode={regionCode}
        ccgCode={ccgCode}
        knownAt={knownAt}
      />
      <Breakdown asOf={asOf} regionCode={regionCode} ccgCode={ccgCode} knownAt={knownAt} />
    </>
  );
}
