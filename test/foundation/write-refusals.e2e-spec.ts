import { Role } from '@app/domain';
import { TestContext } from '../setup/test-context';

/**
 * A status write is checked by record_status_event under the practice's lock, which answers a refusal
 * code; a list-size write is checked in TypeScript (lockForWrite, checkEffectiveDate). Both turn a broken
 * rule into the API's answer through PracticesService.refusalError: the same rule gives the same answer.
 */
describe('a refused write answers the same whichever side checked it', () => {
  let ctx: TestContext;
  const north = { role: Role.Support, regionCode: 'Y54' };

  beforeAll(async () => {
    ctx = await TestContext.create();
    await ctx.factories.ccg('00M', 'Y54');
    await ctx.factories.ccg('07X', 'Y56');
    await ctx.factories.practice({ code: 'A81001', ccgCode: '00M', openedOn: '2010-04-01' });
    await ctx.factories.practice({ code: 'F85001', ccgCode: '07X', openedOn: '2000-01-01' });
  });
  afterAll(() => ctx.close());

  const answer = (res: { status: number; body: Record<string, unknown> }) => {
    const { status, body } = res;
    return { status, error: body.error, message: body.message, problems: body.problems };
  };

  it.each([
    ['not_found', Role.Admin, 'A89999', '2014-03-01', 404],
    ['outside_region', north, 'F85001', '2014-03-01', 403],
    ['future', Role.Admin, 'A81001', '2999-01-01', 400],
    ['before_opened', Role.Admin, 'A81001', '2010-03-31', 400],
  ] as const)('%s', async (_refusal, as, code, effectiveDate, status) => {
    const before = (await ctx.db.query(`SELECT count(*)::int AS n FROM status_event`))[0].n;
    const byDatabase = await ctx
      .api(as)
      .post(`/practices/${code}/status`)
      .send({ service: 'records', level: 'enabled', effectiveDate });
    const byTypeScript = await ctx
      .api(as)
      .post(`/practices/${code}/list-sizes`)
      .send({ patients: 4321, effectiveDate });
    expect(byDatabase.status).toBe(status);
    expect(answer(byDatabase)).toEqual(answer(byTypeScript));
    expect((await ctx.db.query(`SELECT count(*)::int AS n FROM status_event`))[0].n).toBe(before);
  });
});
