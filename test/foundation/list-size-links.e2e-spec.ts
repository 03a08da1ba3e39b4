import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { RecordSource } from '@app/domain';
import { PracticesRepository } from '@app/practices';
import { openTestDataSource } from '../setup/test-context';
import { propertyChunks } from '../setup/property-runs';

/**
 * The list-size link rule (DESIGN.md "Words"): each list size runs until its practice's next effective
 * date. add_list_sizes (libs/practices/src/sql/add-list-sizes.sql) is its one copy, used by manual writes
 * (PracticesRepository.upsertListSize), imports and the demo loader. Here any mix of single manual writes
 * and batches of new dates, in any date order, must leave every link where the words put it.
 */
const PRACTICES = 3;
const dayOf = (n: number) => new Date(Date.UTC(2020, 0, 1 + n * 7)).toISOString().slice(0, 10);

type Write =
  | { kind: 'manual'; practice: number; day: number; patients: number }
  | { kind: 'batch'; rows: { practice: number; day: number; patients: number }[] };

const rowArb = fc.record({
  practice: fc.integer({ min: 0, max: PRACTICES - 1 }),
  day: fc.integer({ min: 0, max: 20 }),
  patients: fc.integer({ min: 0, max: 20000 }),
});
const writeArb: fc.Arbitrary<Write> = fc.oneof(
  rowArb.map((r) => ({ kind: 'manual' as const, ...r })),
  fc
    .uniqueArray(rowArb, { minLength: 1, maxLength: 12, selector: (r) => `${r.practice}/${r.day}` })
    .map((rows) => ({ kind: 'batch' as const, rows })),
);

interface Held {
  practice_id: number;
  effective_date: string;
  valid_to: string | null;
  patients: number;
}

describe('list-size links (add_list_sizes)', () => {
  let ds: DataSource;
  let close: (() => Promise<void>) | undefined;
  let repo: PracticesRepository;
  const ids: number[] = [];

  beforeAll(async () => {
    ({ ds, close } = await openTestDataSource());
    repo = new PracticesRepository(ds);
    await ds.query(`INSERT INTO region (code, name) VALUES ('Y54', 'North')`);
    await ds.query(`INSERT INTO ccg (code, name, region_code) VALUES ('00M', 'A CCG', 'Y54')`);
    for (let i = 0; i < PRACTICES; i++) {
      const [row] = await ds.query(
        `INSERT INTO practice (code, name, ccg_code, clinical_system, opened_on)
         VALUES ($1, $2, '00M', 'EMIS', '2000-01-01') RETURNING id`,
        [`L${10000 + i}`, `Practice ${i}`],
      );
      ids.push(row.id);
    }
  });
  afterAll(async () => {
    await close?.();
  });

  const addBatch = async (rows: { practice: number; day: number; patients: number }[]): Promise<number> => {
    const [answer] = await ds.query(
      `SELECT count(*)::int AS n FROM add_list_sizes($1::integer[], $2::date[], $3::integer[], NULL, 'import')`,
      [rows.map((r) => ids[r.practice]), rows.map((r) => dayOf(r.day)), rows.map((r) => r.patients)],
    );
    return answer.n;
  };
  const held = (): Promise<Held[]> =>
    ds.query(
      `SELECT practice_id, effective_date::text, valid_to::text, patients FROM list_size
       ORDER BY practice_id, effective_date`,
    );

  it.each(propertyChunks(30).map((runs, i) => ({ part: i + 1, runs })))(
    'any mix of manual writes and batches leaves each list size linked to its next date (part $part, $runs cases)',
    async ({ runs }) => {
      await fc.assert(
        fc.asyncProperty(fc.array(writeArb, { minLength: 1, maxLength: 6 }), async (writes) => {
          await ds.query(`TRUNCATE list_size`);
          // The model: practice/date → patients (a manual write replaces; a batch adds only new dates).
          const model = new Map<string, number>();
          const key = (practice: number, day: number) => `${ids[practice]}/${dayOf(day)}`;
          for (const w of writes) {
            if (w.kind === 'manual') {
              await ds.transaction((m) =>
                repo.upsertListSize(m, ids[w.practice], dayOf(w.day), w.patients, null, RecordSource.Manual),
              );
              model.set(key(w.practice, w.day), w.patients);
            } else {
              const fresh = w.rows.filter((r) => !model.has(key(r.practice, r.day)));
              expect(await addBatch(w.rows)).toBe(fresh.length);
              for (const r of fresh) model.set(key(r.practice, r.day), r.patients);
            }
            const rows = await held();
            expect(new Map(rows.map((r) => [`${r.practice_id}/${r.effective_date}`, r.patients]))).toEqual(model);
            rows.forEach((r, i) => {
              const next = rows[i + 1]?.practice_id === r.practice_id ? rows[i + 1].effective_date : null;
              expect({ date: r.effective_date, to: r.valid_to }).toEqual({ date: r.effective_date, to: next });
            });
          }
        }),
        { numRuns: runs },
      );
    },
  );

  it('a new latest date writes one row and rewrites one row a practice, never the rest of its history', async () => {
    await ds.query(`TRUNCATE list_size`);
    const month = (n: number) => ids.map((_, practice) => ({ practice, day: n, patients: 1000 + n }));
    for (const n of [0, 1, 2, 3]) await addBatch(month(n));
    const runner = ds.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(
        `SELECT count(*) FROM add_list_sizes($1::integer[], $2::date[], $3::integer[], NULL, 'import')`,
        [ids, ids.map(() => dayOf(4)), ids.map(() => 1004)],
      );
      // Rows this transaction wrote carry its id as xmin: the new one and the one it follows.
      const written: { effective_date: string }[] = await runner.query(
        `SELECT effective_date::text FROM list_size WHERE xmin::text = (txid_current() % 4294967296)::text
         ORDER BY 1`,
      );
      expect(written.map((r) => r.effective_date)).toEqual([...ids.map(() => dayOf(3)), ...ids.map(() => dayOf(4))]);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
