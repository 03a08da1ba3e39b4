import type { User } from '../api/client';

/**
 * Whether `user` may change `practice` (its details, statuses, list sizes): the API's own rule,
 * `mayWriteInRegion` and `writableRegion` in libs/common/src/access.ts (keep the two alike). Admins
 * anywhere; support staff in their region, or everywhere when they have none; managers never. The page
 * uses it to offer forms only to those who may write; the API still checks every write.
 */
export function mayWrite(user: Pick<User, 'role' | 'regionCode'>, practice: { regionCode: string }): boolean {
  if (user.role === 'admin') return true;
  if (user.role === 'support') return user.regionCode === null || user.regionCode === practice.regionCode;
  return false;
}
