import { InsetText, WarningCallout } from 'nhsuk-react-components';
import type { components } from '../api/schema';
import { longDate, monthYear } from '../common/formats';
import { levelName } from '../common/words';

export type StatusImpact = components['schemas']['StatusImpactDto'];

/** "England, North of England, NHS Darlington CCG and practices using EMIS" */
function areaList(areas: StatusImpact['areas']): string {
  const names = areas.map((a) => (a.kind === 'clinical-system' ? `practices using ${a.name}` : a.name));
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? '');
}

const range = (r: NonNullable<StatusImpact['monthEnds']>) =>
  r.count === 1 ? monthYear(r.first) : `from ${monthYear(r.first)} to ${monthYear(r.last)}`;

/**
 * What recording the change will alter, in words, from the API's answer (GET …/status-impact): the page
 * formats the API's dates and areas, it works nothing out. A change that alters published month-end
 * figures is a warning callout; anything else an inset.
 */
export function ImpactMessage({ impact }: { impact: StatusImpact }) {
  const from = longDate(impact.effectiveDate);
  const until =
    impact.until === null
      ? null
      : impact.untilBecause === 'closed'
        ? `the practice closed on ${longDate(impact.until)}`
        : `a later change is recorded from ${longDate(impact.until)}`;

  if (!impact.changesFigures)
    return (
      <InsetText>
        <p>
          {impact.levelBefore === impact.level
            ? `On ${from} the level recorded for this service is already ${levelName(impact.levelBefore)}: ` +
              'saving this changes no figure.'
            : `This change alters no figure: ${until ?? 'the practice is not open then'}.`}
        </p>
      </InsetText>
    );

  const lasts = until ? ` It applies until ${until}.` : '';
  if (!impact.monthEnds)
    return (
      <InsetText>
        <p>
          {impact.backDated
            ? `This change is effective from ${from}. It changes no published month-end figure, but it changes ` +
              `the figures for the days from ${from} for ${areaList(impact.areas)}.${lasts}`
            : `This change is effective today. It changes today’s figures for ${areaList(impact.areas)} ` +
              'and no published month-end figure.'}
        </p>
      </InsetText>
    );

  return (
    <WarningCallout>
      <WarningCallout.Heading>This change alters published figures</WarningCallout.Heading>
      <p>
        {`This change is effective from ${from}. It will change the published month-end figures `}
        {`${range(impact.monthEnds)} for ${areaList(impact.areas)}.${lasts}`}
      </p>
      {impact.previousYearOf && (
        <p>
          It also changes the figures shown for the same point in the previous year, and the change since then, at the
          month-ends {range(impact.previousYearOf)}.
        </p>
      )}
      <p>
        The level recorded for {from} is now {levelName(impact.levelBefore)}; it will be {levelName(impact.level)}.
      </p>
    </WarningCallout>
  );
}
