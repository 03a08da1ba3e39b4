import { useSearchParams } from 'react-router';
import { useSession } from '../session/use-session';

/** The URL's value for all of England: an explicit choice, so a regional user's link to England stays England. */
export const ENGLAND = 'england';

const REGION_CODE = /^[A-Z0-9]{3}$/;
const CCG_CODE = /^[0-9A-Z]{3}$/;

/**
 * The area of the dashboard, from the URL's `area` (`?area=Y54`, or `england`); with none, the signed-in
 * user's region, or England for a user without one. The region code to send to the API, or undefined.
 */
export function useArea(): string | undefined {
  const [params] = useSearchParams();
  const session = useSession();
  const value = params.get('area');
  if (value === ENGLAND) return undefined;
  if (value && REGION_CODE.test(value)) return value;
  return session.status === 'signed-in' ? (session.user.regionCode ?? undefined) : undefined;
}

/**
 * A CCG within the region shown, from the URL's `ccg` (`?area=Y54&ccg=00C`; a regional user's link may leave
 * out `area`). Only within a region: England lists no CCGs, so a `ccg` there is ignored.
 */
export function useCcg(regionCode: string | undefined): string | undefined {
  const [params] = useSearchParams();
  const value = params.get('ccg');
  return regionCode && value && CCG_CODE.test(value) ? value : undefined;
}

/** What the sections send to the API: a CCG (which names its region), else a region, else nothing (England). */
export interface AreaProps {
  regionCode?: string;
  ccgCode?: string;
}

export const areaQuery = ({ regionCode, ccgCode }: AreaProps): AreaProps => (ccgCode ? { ccgCode } : { regionCode });
