import { SummaryList } from 'nhsuk-react-components';
import { useRegions } from '../dashboard/area-select';
import { useCcgs } from './queries';
import type { Practice } from './words';
import { count, longDate } from '../common/formats';
import { systemName } from '../common/words';

/** The practice's details as the design system's summary list (names of region and CCG once they are in). */
export function PracticeDetails({ practice }: { practice: Practice }) {
  const regions = useRegions();
  const ccgs = useCcgs(practice.regionCode);
  const region = regions.data?.find((r) => r.code === practice.regionCode)?.name;
  const ccg = ccgs.data?.find((c) => c.code === practice.ccgCode)?.name;
  const rows: [string, string][] = [
    ['ODS code', practice.code],
    ['Name', practice.name],
    ['Postcode', practice.postcode ?? 'Not recorded'],
    ['CCG', ccg ? `${ccg} (${practice.ccgCode})` : practice.ccgCode],
    ['Region', region ? `${region} (${practice.regionCode})` : practice.regionCode],
    ['Clinical system', systemName(practice.clinicalSystem)],
    ['Opened', practice.openedOn ? longDate(practice.openedOn) : 'Not recorded'],
    ['Closed', practice.closedOn ? longDate(practice.closedOn) : 'Open'],
    [
      'List size',
      practice.listSize
        ? `${count(practice.listSize.patients)} patients (from ${longDate(practice.listSize.effectiveDate)})`
        : 'Not recorded',
    ],
  ];
  return (
    <SummaryList>
      {rows.map(([key, value]) => (
        <SummaryList.Row key={key}>
          <SummaryList.Key>{key}</SummaryList.Key>
          <SummaryList.Value>{value}</SummaryList.Value>
        </SummaryList.Row>
      ))}
    </SummaryList>
  );
}
