import { Actor, mayWriteInRegion, Role, writableRegion } from './roles';

describe('who may write in which region', () => {
  const system = undefined;
  const admin: Actor = { userId: 1, role: Role.Admin, regionCode: 'Y56' };
  const supportAnywhere: Actor = { userId: 2, role: Role.Support, regionCode: null };
  const supportY56: Actor = { userId: 3, role: Role.Support, regionCode: 'Y56' };
  const manager: Actor = { userId: 4, role: Role.Manager, regionCode: null };

  // writableRegion is what the database tests (`limit IS NULL OR region = limit`); mayWriteInRegion is
  // built on it, so both say the same for every actor and region.
  it.each([
    ['the system (an import, a job)', system, null, true, true],
    ['an admin, whatever their region', admin, null, true, true],
    ['support staff without a region', supportAnywhere, null, true, true],
    ['support staff of Y56', supportY56, 'Y56', true, false],
    ['a manager', manager, '', false, false],
  ] as const)('%s: limit %p, may write in Y56 %p, in Y58 %p', (_who, actor, limit, inY56, inY58) => {
    expect(writableRegion(actor)).toBe(limit);
    expect(mayWriteInRegion(actor, 'Y56')).toBe(inY56);
    expect(mayWriteInRegion(actor, 'Y58')).toBe(inY58);
  });
});
