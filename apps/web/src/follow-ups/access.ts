import type { User } from '../api/client';

/** Who owns follow-ups: admins and support staff (managers read them). */
export const mayOwnFollowUps = (role: User['role']) => role === 'admin' || role === 'support';

/**
 * Whether the user may change a follow-up in `regionCode`: the API's rule (admins everywhere, support staff
 * in their region, or everywhere without one; managers never). Only to hide controls: the API still checks.
 */
export const mayWriteIn = (user: User, regionCode: string) =>
  user.role === 'admin' || (user.role === 'support' && (user.regionCode === null || user.regionCode === regionCode));
