import { useQuery } from '@tanstack/react-query';
import { api, dataOr } from '../api/client';

/** The URL's value for the whole region: no CCG. */
export const WHOLE_REGION = '';

/** A region's CCGs, for the CCG select and the page's heading (they change rarely: kept for the session). */
export function useCcgs(regionCode: string | undefined) {
  return useQuery({
    queryKey: ['ccgs', regionCode],
    queryFn: async () => dataOr(await api.GET('/api/v1/ccgs', { params: { query: { regionCode } } })),
    staleTime: Infinity,
    enabled: regionCode !== undefined,
  });
}

/** A CCG's name once the list is in (its code until then). */
export function useCcgName(regionCode: string | undefined, ccgCode: string | undefined): string | undefined {
  const ccgs = useCcgs(regionCode);
  if (!ccgCode) return undefined;
  return ccgs.data?.find((c) => c.code === ccgCode)?.name ?? ccgCode;
}

interface Props {
  regionCode: string;
  value: string | undefined;
  onChange: (ccg: string) => void;
}

/** The whole region or one of its CCGs, as the design system's select; choosing one shows its figures at once. */
export function CcgSelect({ regionCode, value, onChange }: Props) {
  const ccgs = useCcgs(regionCode);
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor="ccg">
        CCG
      </label>
      <div className="nhsuk-hint" id="ccg-hint">
        Clinical commissioning group within the region, or the whole region
      </div>
      <select
        className="nhsuk-select"
        id="ccg"
        name="ccg"
        aria-describedby="ccg-hint"
        value={value ?? WHOLE_REGION}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value={WHOLE_REGION}>All CCGs in the region</option>
        {/* A CCG not (yet) in the list still shows as selected, by its code. */}
        {value && !ccgs.data?.some((c) => c.code === value) && <option value={value}>{value}</option>}
        {ccgs.data?.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name} ({c.code})
          </option>
        ))}
      </select>
      {ccgs.isError && (
        <p className="nhsuk-body-s" role="status">
          The list of CCGs could not be loaded: {ccgs.error.message}
        </p>
      )}
    </div>
  );
}
