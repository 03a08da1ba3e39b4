import { useQuery } from '@tanstack/react-query';
import { api, dataOr } from '../api/client';
import { ENGLAND } from './area';

/** The regions, for the area select and the page's heading (they change rarely: kept for the session). */
export function useRegions() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: async () => dataOr(await api.GET('/api/v1/regions')),
    staleTime: Infinity,
  });
}

/** The name of an area: England, or the region's name once the list is in (its code until then). */
export function useAreaName(regionCode: string | undefined): string {
  const regions = useRegions();
  if (!regionCode) return 'England';
  return regions.data?.find((r) => r.code === regionCode)?.name ?? regionCode;
}

interface Props {
  value: string | undefined;
  onChange: (area: string) => void;
}

/** England and every region, as the design system's select; choosing one shows its figures at once. */
export function AreaSelect({ value, onChange }: Props) {
  const regions = useRegions();
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor="area">
        Area
      </label>
      <select
        className="nhsuk-select"
        id="area"
        name="area"
        value={value ?? ENGLAND}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value={ENGLAND}>England</option>
        {/* A region not (yet) in the list still shows as selected, by its code. */}
        {value && !regions.data?.some((r) => r.code === value) && <option value={value}>{value}</option>}
        {regions.data?.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </select>
    </div>
  );
}
