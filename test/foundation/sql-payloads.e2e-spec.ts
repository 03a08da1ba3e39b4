import { Level, Service } from '@app/domain';
import { EvaluatePracticePayload, JobName } from '@app/jobs';
import { STATUS_RECORD_ACTION, StatusRecordAuditDetails } from '@app/status';
import { TestContext } from '../setup/test-context';

interface AuditRow {
  user_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string;
  details: Record<string, unknown>;
}

/** Each key of a JSON object with the JSON type of its value. */
const shape = (o: object) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === null ? 'null' : typeof v]));

/**
 * record_status_event writes its audit entry and outbox row in SQL; they must have the shapes the
 * TypeScript writers use (AuditService, Outbox with JobPayloads), defined once on the TypeScript side.
 */
describe('audit and outbox rows written by SQL', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
    await ctx.factories.ccg('00M', 'Y54');
  });
  afterAll(() => ctx.close());

  it('have the shapes of the TypeScript payloads, and of the rows the TypeScript writers add', async () => {
    const code = 'A81077';
    // TypeScript writers: Outbox.add (a new practice asks for the follow-up rule), AuditService.record.
    await ctx
      .api()
      .post('/practices')
      .send({ code, name: 'Payload Surgery', ccgCode: '00M', openedOn: '2001-01-01' })
      .expect(201);
    await ctx
      .api()
      .post(`/practices/${code}/list-sizes`)
      .send({ patients: 4000, effectiveDate: '2013-04-01' })
      .expect(201);
    const tsOutbox: { id: string; payload: object }[] = await ctx.db.query(
      `SELECT id::text, payload FROM outbox WHERE kind = $1 ORDER BY id`,
      [JobName.EvaluatePractice],
    );
    // The SQL writer.
    const recorded = await ctx
      .api()
      .post(`/practices/${code}/status`)
      .send({ service: 'records', level: 'capable', effectiveDate: '2014-01-10', note: 'EMIS upgrade' })
      .expect(201);

    const [{ id: practiceId }] = await ctx.db.query(`SELECT id FROM practice WHERE code = $1`, [code]);
    const outbox: { payload: object }[] = await ctx.db.query(
      `SELECT payload FROM outbox WHERE kind = $1 AND id > $2 ORDER BY id`,
      [JobName.EvaluatePractice, tsOutbox[tsOutbox.length - 1].id],
    );
    const expectedPayload: EvaluatePracticePayload = { practiceId };
    expect(outbox.map((r) => r.payload)).toEqual([expectedPayload]);
    expect(shape(outbox[0].payload)).toEqual(shape(tsOutbox[tsOutbox.length - 1].payload));

    const audit = async (action: string): Promise<AuditRow> =>
      (
        await ctx.db.query(
          `SELECT user_id, action, entity_type, entity_id, details FROM audit_entry WHERE action = $1`,
          [action],
        )
      )[0];
    const fromSql = await audit(STATUS_RECORD_ACTION);
    const fromTs = await audit('list_size.record');
    const expectedDetails: StatusRecordAuditDetails = {
      eventId: recorded.body.event.id,
      service: Service.Records,
      level: Level.Capable,
      effectiveDate: '2014-01-10',
      note: 'EMIS upgrade',
    };
    expect(fromSql.details).toEqual(expectedDetails);
    // The rest of the row as AuditService writes it for the same actor and practice.
    const { details: _s, action: _a, ...sqlRow } = fromSql;
    const { details: _t, action: _b, ...tsRow } = fromTs;
    expect(sqlRow).toEqual(tsRow);
  });
});
