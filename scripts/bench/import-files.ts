import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { Client } from 'pg';
import { mulberry32 } from '@app/demo';
import { connect, freshDatabase } from './bench-support';

/**
 * Full-size England files for `npm run bench:import`, in the published layouts, from a fixed seed:
 * an ODS practice list (8,000 GP practices among 12,000 rows of other organisation sub-types and
 * prescribing settings), 24 monthly list-size files (gp-reg-pat-prac-all) and 24 monthly POMI files
 * (long layout: 3 service levels, the list size and 6 uptake counts per practice).
 */
export const GP_PRACTICES = 8000;
export const OTHER_ROWS = 12000;
export const MONTHS = 24;
export const CCGS = 211;

const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const LETTERS = 'ABCDEFGHJKLMNPY';

export const ccgCode = (i: number) => String(i).padStart(3, '0');
export const regionOfCcg = (i: number) => `Y5${4 + (i % 4)}`;
const practiceCode = (i: number) =>
  `${LETTERS[i % LETTERS.length]}${String(10000 + Math.floor(i / LETTERS.length) * 7 + (i % 7)).padStart(5, '0')}`;

export interface BenchFiles {
  epraccur: string;
  listSizes: string[];
  pomi: string[];
}

/** Month m (0-based) from January 2019: the first day, and the POMI period end (last day). */
function month(m: number) {
  const year = 2019 + Math.floor(m / 12);
  const mon = m % 12;
  const last = new Date(Date.UTC(year, mon + 1, 0)).getUTCDate();
  return {
    first: `01${MONTH_NAMES[mon]}${year}`,
    end: `${last}${MONTH_NAMES[mon]}${year}`,
    tag: `${year}-${String(mon + 1).padStart(2, '0')}`,
  };
}

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let buffer = '';
  for (const line of lines) {
    buffer += line;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

function* epraccurRows(): Generator<string> {
  const rnd = mulberry32(1);
  const total = GP_PRACTICES + OTHER_ROWS;
  let gp = 0;
  for (let i = 0; i < total; i++) {
    // Spread the GP practices through the file, as in the real one.
    const isGp = gp < GP_PRACTICES && (i * GP_PRACTICES) / total >= gp;
    const code = isGp ? practiceCode(gp++) : `W${String(i).padStart(5, '0')}`;
    const ccg = Math.floor(rnd() * CCGS);
    const closed = rnd() < 0.03;
    const status = closed ? 'C' : rnd() < 0.02 ? 'D' : 'A';
    const opened = rnd() < 0.8 ? '19740401' : `${1975 + Math.floor(rnd() * 40)}0${1 + Math.floor(rnd() * 9)}01`;
    const subtype = isGp ? 'B' : rnd() < 0.6 ? 'B' : 'Z';
    const setting = isGp ? '4' : ['0', '8', '9', '10', '13'][Math.floor(rnd() * 5)];
    const fields = [
      code,
      `THE ${code} MEDICAL PRACTICE`,
      regionOfCcg(ccg),
      'Q74',
      `${code} HOUSE`,
      `${Math.floor(rnd() * 200)} HIGH STREET`,
      'MIDDLESBROUGH',
      'CLEVELAND',
      '',
      `TS${1 + Math.floor(rnd() * 20)} ${Math.floor(rnd() * 9)}AB`,
      opened,
      closed ? '20160331' : '',
      status,
      subtype,
      ccgCode(ccg),
      '20130401',
      '',
      '01642 374788',
      '',
      '',
      '',
      '1',
      '',
      ccgCode(ccg),
      '',
      setting,
      '',
    ];
    yield `"${fields.join('","')}"\r\n`;
  }
}

function* listSizeRows(m: number, sizes: number[]): Generator<string> {
  const { first } = month(m);
  yield 'PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\r\n';
  for (let p = 0; p < GP_PRACTICES; p++) {
    yield (
      `GP_PRAC_PAT_LIST,${first},GP,${ccgCode(p % CCGS)},E38000130,${practiceCode(p)},TS6 0HA,ALL,ALL,` +
      `${sizes[p]}\r\n`
    );
  }
}

const SYSTEMS = ['EMIS', 'TPP', 'INPS', 'MICROTEST'];
const LEVEL_FIELDS = ['Sys_Appts_Enbld', 'Sys_Presc_Enbld', 'Sys_DetCodeRec_Enbld'];
const UPTAKE_FIELDS = [
  'Pat_Appts_Enbld',
  'Pat_Appts_Use',
  'Pat_Presc_Enbld',
  'Pat_Presc_Use',
  'Pat_DetCodeRec_Enbld',
  'Pat_DetCodeRec_Use',
];

function* pomiRows(m: number, levels: number[][], sizes: number[], rnd: () => number): Generator<string> {
  const { end } = month(m);
  yield (
    'report_period_end,region_code,region_name,ccg_code,ccg_name,practice_code,practice_name,system_supplier,' +
    'field,value\r\n'
  );
  for (let p = 0; p < GP_PRACTICES; p++) {
    const ccg = p % CCGS;
    const head =
      `${end},${regionOfCcg(ccg)},REGION,${ccgCode(ccg)},"NHS ${ccgCode(ccg)} CCG",${practiceCode(p)},` +
      `"PRACTICE ${p}",${SYSTEMS[p % 4]}`;
    yield `${head},Patient_List_Size,${sizes[p]}\r\n`;
    for (let s = 0; s < LEVEL_FIELDS.length; s++) {
      // 0.5 % of values are "not known" (9) in any month.
      yield `${head},${LEVEL_FIELDS[s]},${rnd() < 0.005 ? 9 : levels[p][s]}\r\n`;
    }
    for (const field of UPTAKE_FIELDS) yield `${head},${field},${Math.floor(rnd() * sizes[p] * 0.2)}\r\n`;
  }
}

/** Writes every file (about 260 MB) into `dir`; the same bytes on every run. */
export async function generateBenchFiles(dir: string): Promise<BenchFiles> {
  await mkdir(dir, { recursive: true });
  const files: BenchFiles = { epraccur: join(dir, 'epraccur.csv'), listSizes: [], pomi: [] };
  await writeLines(files.epraccur, epraccurRows());
  const rnd = mulberry32(2);
  const sizes = Array.from({ length: GP_PRACTICES }, () => 2000 + Math.floor(rnd() * 14000));
  // Levels 0/1/2 per practice and service; in 2019 appointments and prescriptions are mostly enabled.
  const start = [
    [0.02, 0.08],
    [0.03, 0.12],
    [0.25, 0.6],
  ];
  const levels = sizes.map(() =>
    start.map(([notCapable, capable]) => {
      const r = rnd();
      return r < notCapable ? 0 : r < capable ? 1 : 2;
    }),
  );
  for (let m = 0; m < MONTHS; m++) {
    for (let p = 0; p < GP_PRACTICES; p++) {
      sizes[p] = Math.max(500, Math.round(sizes[p] * (1 + (rnd() - 0.48) * 0.01)));
      for (let s = 0; s < 3; s++) if (levels[p][s] < 2 && rnd() < 0.03) levels[p][s]++;
    }
    const { tag } = month(m);
    const listSizes = join(dir, `gp-reg-pat-prac-all-${tag}.csv`);
    const pomi = join(dir, `pomi-long-${tag}.csv`);
    await writeLines(listSizes, listSizeRows(m, sizes));
    await writeLines(pomi, pomiRows(m, levels, sizes, rnd));
    files.listSizes.push(listSizes);
    files.pomi.push(pomi);
  }
  return files;
}

/**
 * What figures-after-import.ts starts from, to import in this process: a fresh database `name` that this
 * process's settings point at (and the import folder, under `work`), the generated files, and the regions
 * and CCGs those files name, inserted directly (the files start at the practice list). No Redis prefix: the
 * importer (ImportsScriptModule) writes no Redis key.
 */
export async function prepareImportBench(name: string, work: string): Promise<{ files: BenchFiles; db: Client }> {
  const config = await freshDatabase(name);
  process.env.DB_NAME = name;
  process.env.IMPORT_DIR = join(work, 'store');
  process.env.LOG_LEVEL = 'warn';

  console.log('Generating the files…');
  const files = await generateBenchFiles(join(work, 'files'));
  const db = await connect(config);
  await seedImportGeography(db);
  return { files, db };
}

/** The regions and CCGs the generated files name, inserted directly (the files start at the practice list). */
export async function seedImportGeography(db: Client): Promise<void> {
  await db.query(`INSERT INTO region (code, name) SELECT 'Y5' || (4 + i), 'Region ' || i FROM generate_series(0, 3) i`);
  for (let i = 0; i < CCGS; i++)
    await db.query(`INSERT INTO ccg (code, name, region_code) VALUES ($1, $2, $3)`, [
      ccgCode(i),
      `CCG ${i}`,
      regionOfCcg(i),
    ]);
}
