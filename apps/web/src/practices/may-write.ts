import type { User } from '../api/client';

/**
 * Whether the signed-in user may change a practice in `regionCode` (its status, its details): admins
 * anywhere, support staff in their own region (everywhere when they have none), managers never. The same
 * rule as the API's `mayWriteInRegion` (libs/domain/src/roles.ts): the page offers write controls only to
 * those the API will let through, and the API still checks every request.
 */
export function mayWrite(user: Pick<User, 'role' | 'regionCode'> | undefined, regionCode: string): boolean {
  if (!user) return false;
  if (user.role === 'admin') return true;
  return user.role === 'support' && (user.regionCode === null || user.regionCode === regionCode);
}
