/** Who may do what (DESIGN.md "People"): the roles and the region rule, without any framework. */
export enum Role {
  Admin = 'admin',
  Support = 'support',
  Manager = 'manager',
}

/** Who is making a request: set on `request.user` by the authentication guard. */
export interface Actor {
  userId: number;
  role: Role;
  /** Support staff with a region may write only within it; null means everywhere. */
  regionCode: string | null;
}

/** All roles may read. */
export const READERS = [Role.Admin, Role.Support, Role.Manager];
/** Those who may change practice data (support staff within their region). */
export const WRITERS = [Role.Admin, Role.Support];

/**
 * Support staff with a region may change only practices in that region (DESIGN.md "People"). Managers
 * never reach a write route (the role guard stops them), admins and region-less support staff write anywhere.
 * No actor means an internal caller (an import, a job) acting for the system.
 */
export function mayWriteInRegion(actor: Actor | undefined, regionCode: string): boolean {
  const only = writableRegion(actor);
  return only === null || only === regionCode;
}

/**
 * The same rule as one value a query can test (record_status_event): null when the actor may write in
 * every region, otherwise the only region it may write in ('' for none, which no region matches).
 */
export function writableRegion(actor: Actor | undefined): string | null {
  if (!actor || actor.role === Role.Admin) return null;
  if (actor.role === Role.Support) return actor.regionCode;
  return '';
}
