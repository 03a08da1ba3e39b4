import { Actor, mayWriteInRegion, Role, writableRegion } from './access';

describe('writableRegion', () => {
  const actors: (Actor | undefined)[] = [
    undefined,
    { userId: 1, role: Role.Admin, regionCode: null },
    { userId: 2, role: Role.Admin, regionCode: 'Y56' },
    { userId: 3, role: Role.Support, regionCode: null },
    { userId: 4, role: Role.Support, regionCode: 'Y56' },
    { userId: 5, role: Role.Manager, regionCode: null },
    { userId: 6, role: Role.Manager, regionCode: 'Y56' },
  ];

  // The database tests `writableRegion(actor) IS NULL OR region = writableRegion(actor)`: it must agree
  // with mayWriteInRegion for every actor and region.
  it.each(actors.flatMap((actor) => ['Y56', 'Y58'].map((region) => [actor, region] as const)))(
    'agrees with mayWriteInRegion for %o in %s',
    (actor, region) => {
      const limit = writableRegion(actor);
      expect(limit === null || limit === region).toBe(mayWriteInRegion(actor, region));
    },
  );
});
