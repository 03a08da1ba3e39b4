import { Level, Service } from '@app/domain';
import { TestContext } from '../setup/test-context';
import { WorkerContext } from '../setup/worker-context';

/** Monday 6 October 2014, 09:00 in London (BST): the fake "now" of the follow-up specs. */
export const MONDAY = new Date('2014-10-06T08:00:00Z');
export const TODAY = '2014-10-06';

/** Moves the API's and the worker's clocks together. */
export function setNow(instant: Date, ...apps: { clock: { setNow(d: Date): void } }[]): void {
  for (const app of apps) app.clock.setNow(instant);
}

export interface FollowUpRow {
  id: number;
  practice_id: number;
  services_not_offered: string[];
  state: string;
  due_date: string;
  owner_id: number | null;
  close_note: string | null;
}

export async function followUpsOf(ctx: TestContext, practiceId: number): Promise<FollowUpRow[]> {
  return ctx.db.query(
    `SELECT id, practice_id, services_not_offered::text[], state, due_date::text, owner_id, close_note FROM follow_up
     WHERE practice_id = $1 ORDER BY id`,
    [practiceId],
  );
}

export async function pendingOutbox(
  ctx: TestContext,
): Promise<{ id: string; kind: string; payload: Record<string, unknown> }[]> {
  return ctx.db.query(`SELECT id::text, kind, payload FROM outbox WHERE dispatched_at IS NULL ORDER BY id`);
}

/** Records a level through the API (as the status write path under test does). */
export async function recordLevel(
  ctx: TestContext,
  code: string,
  service: Service,
  level: Level,
  effectiveDate = '2014-09-01',
): Promise<void> {
  await ctx.api().post(`/practices/${code}/status`).send({ service, level, effectiveDate }).expect(201);
}

export async function enableAll(ctx: TestContext, code: string, effectiveDate = '2014-09-01'): Promise<void> {
  for (const s of [Service.Appointments, Service.Prescriptions, Service.Records])
    await recordLevel(ctx, code, s, Level.Enabled, effectiveDate);
}

export type { WorkerContext };
