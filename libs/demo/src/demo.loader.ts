import { DataSource } from 'typeorm';
import { readDemoData } from './demo-data.reader';
import { DemoRepository } from './demo.repository';
import { generateStatusHistory } from './status-history.generator';

export interface DemoLoadResult {
  practices: number;
  listSizes: number;
  statusEvents: number;
}

/**
 * Loads the shipped demo dataset (real regions, area teams, CCGs, practices and list sizes; generated
 * status histories) in one transaction. `timeZone` (APP_TIME_ZONE) is the zone whose 09:00 the generated
 * events are recorded at. Idempotent: what exists already is left as it is.
 */
export async function loadDemoData(db: DataSource, timeZone: string, dataDir?: string): Promise<DemoLoadResult> {
  const data = readDemoData(dataDir);
  const events = generateStatusHistory(
    data.practices.map((p) => ({ code: p.code, openedOn: p.openedOn, closedOn: p.closedOn, supplier: p.supplier })),
    data.listSizes,
  );
  const repo = new DemoRepository(db);
  const result = await db.transaction(async (m) => {
    await repo.insertGeography(m, data);
    const practices = await repo.insertPractices(m, data);
    const listSizes = await repo.insertListSizes(m, data);
    const statusEvents = await repo.insertStatusEvents(m, events, timeZone);
    return { practices, listSizes, statusEvents };
  });
  // Fresh statistics, or the planner treats the just-filled tables as empty and the reports crawl.
  if (result.practices || result.statusEvents) await repo.analyse();
  return result;
}
