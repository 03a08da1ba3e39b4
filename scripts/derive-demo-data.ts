/**
 * One-off: derives the compact demo dataset in `data/demo/` from the public NHS files.
 *
 *   npx ts-node --transpile-only scripts/derive-demo-data.ts [sourceDir] [outDir]
 *
 * sourceDir defaults to ../shared/data next to the project, outDir to data/demo in the project. The
 * project never reads sourceDir at run time: `npm run demo` loads only the derived files. Re-running the
 * script on the same inputs writes byte-identical outputs (suppliers come from a fixed-seed PRNG).
 * How each file is derived is written to data/demo/ATTRIBUTION.md by this script.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'csv-parse/sync';
import { streamFor, pickWeighted } from '../libs/demo/src/prng';
import type { DemoPractice } from '../libs/demo/src/demo-data.reader';

const SOURCE_DIR = path.resolve(process.argv[2] ?? path.resolve(__dirname, '../../shared/data'));
const OUT_DIR = path.resolve(process.argv[3] ?? path.resolve(__dirname, '../data/demo'));

/** The four NHS England regions of 2013: ODS code, ONS code, name (checked against the lookup below). */
const REGIONS = [
  { code: 'Y54', ons: 'E40000001', name: 'North of England' },
  { code: 'Y55', ons: 'E40000002', name: 'Midlands and East of England' },
  { code: 'Y56', ons: 'E40000003', name: 'London' },
  { code: 'Y57', ons: 'E40000004', name: 'South of England' },
];
/** ONS code of the single "London" area team in the ONS lookup; NHS England ran it as three area teams. */
const ONS_LONDON_AREA_TEAM = 'E39000018';

const SUPPLIER_SEED = 20130401;
const SUPPLIER_SHARES: ReadonlyArray<readonly [string, number]> = [
  ['EMIS', 55],
  ['TPP', 30],
  ['INPS', 10],
  ['MICROTEST', 3],
  ['OTHER', 2],
];

const PRACTICE_CODE = /^[A-Z]\d{5}$/;

// ---------------------------------------------------------------------------------------------- reading

/** Reads a text file that is UTF-8 or, failing that, Windows-1252; normalises CR and CRLF line ends. */
function readText(file: string): string {
  const bytes = fs.readFileSync(path.join(SOURCE_DIR, file));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
    log(`  ${file}: not UTF-8, read as Windows-1252`);
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Windows-1252 (Node's TextDecoder treats that label as Latin-1, which gets 0x80–0x9F wrong). */
const CP1252_80_9F =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';
function decodeWindows1252(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80] : String.fromCharCode(b);
  return out;
}

function readCsv(file: string): string[][] {
  return parse(readText(file), { skip_empty_lines: true });
}

/** Rows as objects keyed by the header row. */
function readCsvWithHeader(file: string): Record<string, string>[] {
  const [header, ...rows] = readCsv(file);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), (r[i] ?? '').trim()])));
}

function log(message: string): void {
  process.stdout.write(message + '\n');
}

function fail(message: string): never {
  throw new Error(message);
}

// ---------------------------------------------------------------------------------------------- writing

function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function writeCsv(file: string, header: string[], rows: Array<Array<string | number | null>>): number {
  const text = [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
  fs.writeFileSync(path.join(OUT_DIR, file), text);
  log(`wrote ${file}: ${rows.length} rows, ${text.length} bytes`);
  return text.length;
}

/** "NORTH EAST LONDON AREA TEAM" → "North East London". */
function areaTeamNameFromListSizeFile(raw: string): string {
  return raw
    .replace(/\s+AREA TEAM$/i, '')
    .trim()
    .toLowerCase()
    .replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

function isoDate(yyyymmdd: string): string | null {
  if (!yyyymmdd) return null;
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd) ?? fail(`bad date ${yyyymmdd}`);
  return `${m[1]}-${m[2]}-${m[3]}`;
}

// ---------------------------------------------------------------------------------------------- main

function main(): void {
  log(`source: ${SOURCE_DIR}`);
  log(`output: ${OUT_DIR}`);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const notes: string[] = [];

  // --- the 2013 lookups
  const lookup = readCsvWithHeader('CCG13_NHSAT13_NHSCR13_EW_LU.csv');
  const ccgList = readCsvWithHeader('CCG_APR_2013.csv');
  const nhsat = readCsvWithHeader('NHSAT_APR_2013_EN_NC.csv');
  const atCodes = readCsvWithHeader('at.csv');
  if (lookup.length !== 211 || ccgList.length !== 211)
    fail(`expected 211 CCGs, got ${lookup.length}/${ccgList.length}`);

  // regions: check the fixed table against the lookup's ONS codes and names
  const regionByOns = new Map(REGIONS.map((r) => [r.ons, r]));
  for (const row of lookup) {
    const region = regionByOns.get(row.NHSCR13CD) ?? fail(`unknown region ${row.NHSCR13CD}`);
    if (region.name !== row.NHSCR13NM) fail(`region ${row.NHSCR13CD}: ${row.NHSCR13NM} ≠ ${region.name}`);
  }
  if (new Set(lookup.map((r) => r.NHSCR13CD)).size !== 4) fail('expected 4 regions in the lookup');

  // --- quarterly list-size files (also give the 2013 area team of London CCGs and old CCG of practices)
  const quarterFiles = fs
    .readdirSync(SOURCE_DIR)
    .filter((f) => /^Patient_List_Size_\d{4}_\d{2}-\d{2}\.csv$/.test(f))
    .sort();
  if (quarterFiles.length !== 9) fail(`expected 9 Patient_List_Size files, found ${quarterFiles.length}`);
  const quarters = quarterFiles.map((f) => {
    const m = /^Patient_List_Size_(\d{4})_(\d{2})-\d{2}\.csv$/.exec(f)!;
    return { file: f, effectiveDate: `${m[1]}-${m[2]}-01` };
  });
  const ccgByCode = new Map(ccgList.map((c) => [c.CCG13CDH, c]));
  /** practice code → patients per quarter index (0 / absent = no list size) */
  const patientsByPractice = new Map<string, Array<number | null>>();
  /** practice code → CCG (3-character, one of the 211) per quarter, from the PCO code of that quarter */
  const ccgOfPracticeByQuarter = new Map<string, Array<string | null>>();
  /** CCG → area team code seen in CCG-coded rows, with counts */
  const areaTeamOfCcg = new Map<string, Map<string, number>>();
  const areaTeamNameFromFiles = new Map<string, string>();
  const quarterTotals: number[] = [];
  quarters.forEach((q, qi) => {
    const rows = readCsv(q.file);
    const header = rows.shift()!;
    // 8 organisation columns, then the male/female age bands (18 of them in these files: 9 age groups).
    const bands = header.slice(8);
    if (header[7] !== 'Practice Code' || bands.length !== 18 || !bands.every((b) => /^(Male|Female) /.test(b))) {
      fail(`${q.file}: unexpected header ${header.join(',')}`);
    }
    let total = 0;
    for (const r of rows) {
      if (r.length !== header.length) fail(`${q.file}: row with ${r.length} fields`);
      const code = r[7].trim().toUpperCase();
      if (r.slice(8).some((x) => !/^\d+$/.test(x.trim()))) fail(`${q.file}: non-numeric band for ${code}`);
      const patients = r.slice(8).reduce((s, x) => s + Number(x), 0);
      total += patients;
      const list = patientsByPractice.get(code) ?? Array<number | null>(quarters.length).fill(null);
      if (patients > 0) list[qi] = patients;
      patientsByPractice.set(code, list);
      const pco = r[5].trim();
      if (pco.length === 5 && pco.endsWith('00') && ccgByCode.has(pco.slice(0, 3))) {
        const ccg = pco.slice(0, 3);
        const seen = ccgOfPracticeByQuarter.get(code) ?? Array<string | null>(quarters.length).fill(null);
        seen[qi] = ccg;
        ccgOfPracticeByQuarter.set(code, seen);
        const counts = areaTeamOfCcg.get(ccg) ?? new Map<string, number>();
        counts.set(r[3].trim(), (counts.get(r[3].trim()) ?? 0) + 1);
        areaTeamOfCcg.set(ccg, counts);
        areaTeamNameFromFiles.set(r[3].trim(), r[2].trim());
      }
    }
    quarterTotals.push(total);
  });

  // --- area teams: Q codes from at.csv (checked against the NHSAT file), London split as in the list-size files
  const atNameByOns = new Map(nhsat.map((a) => [a.NHSAT13CD, a.NHSAT13NM]));
  const atQByOns = new Map<string, { code: string; name: string }>();
  for (const a of atCodes) {
    if (atNameByOns.get(a.ons_code) !== a.name) fail(`area team ${a.ons_code}: at.csv name ${a.name} ≠ NHSAT file`);
    atQByOns.set(a.ons_code, { code: a.hscic_code, name: a.name });
  }
  if (atQByOns.size !== 25) fail(`expected 25 area teams in at.csv, got ${atQByOns.size}`);
  const regionOfAtOns = new Map(lookup.map((r) => [r.NHSAT13CD, regionByOns.get(r.NHSCR13CD)!.code]));

  const ccgRows: Array<{ code: string; name: string; regionCode: string; areaTeamCode: string }> = [];
  const londonAreaTeams = new Map<string, string>(); // Q code → name
  for (const c of ccgList) {
    const lu = lookup.find((l) => l.CCG13CD === c.CCG13CD) ?? fail(`CCG ${c.CCG13CD} not in lookup`);
    if (lu.CCG13NM !== c.CCG13NM)
      notes.push(`CCG ${c.CCG13CDH} name differs between files: "${c.CCG13NM}" / "${lu.CCG13NM}"`);
    const regionCode = regionByOns.get(lu.NHSCR13CD)!.code;
    const seen = [...(areaTeamOfCcg.get(c.CCG13CDH) ?? new Map<string, number>()).entries()].sort(
      (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
    );
    let areaTeamCode: string;
    if (lu.NHSAT13CD === ONS_LONDON_AREA_TEAM) {
      if (seen.length !== 1) fail(`London CCG ${c.CCG13CDH}: area teams in list-size files ${JSON.stringify(seen)}`);
      areaTeamCode = seen[0][0];
      londonAreaTeams.set(areaTeamCode, areaTeamNameFromListSizeFile(areaTeamNameFromFiles.get(areaTeamCode)!));
    } else {
      areaTeamCode = (atQByOns.get(lu.NHSAT13CD) ?? fail(`no Q code for ${lu.NHSAT13CD}`)).code;
      const other = seen.filter(([q]) => q !== areaTeamCode);
      if (other.length) {
        notes.push(
          `CCG ${c.CCG13CDH} (${c.CCG13NM}) appears under area team ` +
            `${other.map(([q, n]) => `${q} in ${n} rows`).join(', ')} of the list-size files; kept the ONS lookup's ` +
            `${areaTeamCode}`,
        );
      }
    }
    ccgRows.push({ code: c.CCG13CDH, name: c.CCG13NM, regionCode, areaTeamCode });
  }
  ccgRows.sort((a, b) => a.code.localeCompare(b.code));

  const areaTeamRows: Array<{ code: string; name: string; regionCode: string }> = [];
  for (const [ons, at] of atQByOns) {
    if (ons === ONS_LONDON_AREA_TEAM) continue;
    areaTeamRows.push({ code: at.code, name: at.name, regionCode: regionOfAtOns.get(ons)! });
  }
  for (const [code, name] of londonAreaTeams) areaTeamRows.push({ code, name, regionCode: 'Y56' });
  areaTeamRows.sort((a, b) => a.code.localeCompare(b.code));
  if (areaTeamRows.length !== 27) fail(`expected 27 area teams, got ${areaTeamRows.length}`);
  for (const c of ccgRows) {
    const at = areaTeamRows.find((a) => a.code === c.areaTeamCode)!;
    if (at.regionCode !== c.regionCode) fail(`CCG ${c.code}: area team ${at.code} in another region`);
  }

  // --- practices: ODS list, GP practices only
  const ccgCodes = new Set(ccgRows.map((c) => c.code));
  const ods = readCsv('epraccur-2015-09.csv');
  const odsByCode = new Map(ods.map((r) => [r[0].trim().toUpperCase(), r]));
  // The practices as the demo reader reads them back (the supplier is checked there, not here).
  const practiceRows: Array<Omit<DemoPractice, 'supplier'> & { supplier: string }> = [];
  const dropped = { notGpPractice: 0, badCode: 0, ccgUnmapped: [] as string[] };
  const remapped = new Map<string, number>(); // "13T→00F" → count
  const ccgRegionMismatch: string[] = [];
  for (const r of ods) {
    if (r.length !== 27) fail(`epraccur row with ${r.length} fields: ${r[0]}`);
    const [code, name, nationalGrouping] = [r[0].trim().toUpperCase(), r[1].trim(), r[2].trim()];
    if (r[13].trim() !== 'B' || r[25].trim() !== '4') {
      dropped.notGpPractice++;
      continue;
    }
    if (!PRACTICE_CODE.test(code)) {
      dropped.badCode++;
      continue;
    }
    let ccgCode = r[14].trim().toUpperCase();
    if (!ccgCodes.has(ccgCode)) {
      // A CCG created after April 2013 (13T Newcastle Gateshead, April 2015): use the 2013 CCG the practice
      // was listed under in the latest quarterly list-size file that names one of the 211.
      const history = ccgOfPracticeByQuarter.get(code) ?? [];
      const old = [...history].reverse().find((c) => c !== null);
      if (!old) {
        dropped.ccgUnmapped.push(`${code} (CCG ${ccgCode})`);
        continue;
      }
      const key = `${ccgCode}→${old}`;
      remapped.set(key, (remapped.get(key) ?? 0) + 1);
      ccgCode = old;
    }
    const region = ccgRows.find((c) => c.code === ccgCode)!.regionCode;
    if (region !== nationalGrouping)
      ccgRegionMismatch.push(`${code}: ODS ${nationalGrouping}, CCG ${ccgCode} in ${region}`);
    const rnd = streamFor(SUPPLIER_SEED, 'supplier', code);
    practiceRows.push({
      code,
      name,
      postcode: r[9].trim(),
      ccgCode,
      openedOn: isoDate(r[10].trim()),
      closedOn: isoDate(r[11].trim()),
      supplier: pickWeighted(SUPPLIER_SHARES, rnd()),
    });
  }
  practiceRows.sort((a, b) => a.code.localeCompare(b.code));
  const practiceCodes = new Set(practiceRows.map((p) => p.code));
  log(`epraccur: ${ods.length} rows; ${dropped.notGpPractice} not GP practices (sub-type B and prescribing setting 4)`);
  log(
    `  kept ${practiceRows.length} GP practices; CCG remapped to 2013: ${JSON.stringify(Object.fromEntries(remapped))}`,
  );
  log(
    `  dropped: ${dropped.badCode} malformed codes, ${dropped.ccgUnmapped.length} with a CCG outside the 211 and no ` +
      `2013 CCG ${dropped.ccgUnmapped.join(' ')}`,
  );
  if (ccgRegionMismatch.length) log(`  ODS region ≠ CCG's 2013 region: ${ccgRegionMismatch.length}`);

  // --- list sizes of the kept practices; list-size codes not among them are dropped
  const listRows: Array<Array<string | number | null>> = [];
  const droppedListCodes: string[] = [];
  const droppedPatients = Array<number>(quarters.length).fill(0);
  const keptPatients = Array<number>(quarters.length).fill(0);
  const whyDropped = new Map<string, number>();
  let zeroedCells = 0;
  for (const [code, list] of [...patientsByPractice.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (list.every((v) => v === null)) continue;
    if (!practiceCodes.has(code)) {
      droppedListCodes.push(code);
      list.forEach((v, i) => (droppedPatients[i] += v ?? 0));
      const o = odsByCode.get(code);
      const why = !o
        ? 'not in the ODS list'
        : o[13].trim() === 'B' && o[25].trim() === '4'
          ? 'GP practice dropped above'
          : `in the ODS list with sub-type ${o[13].trim()} and prescribing setting other than 4`;
      whyDropped.set(why, (whyDropped.get(why) ?? 0) + 1);
      continue;
    }
    list.forEach((v, i) => (keptPatients[i] += v ?? 0));
    // Once a practice has had a list, a later quarter without it (absent or zero) is written as 0: its
    // list went to 0 (merged, closing, dormant). Leaving the cell empty would carry the old figure forward
    // under "latest list size effective ≤ D" and count those patients twice.
    const first = list.findIndex((v) => v !== null);
    const cells = list.map((v, i) => (v === null && i > first ? 0 : v));
    zeroedCells += cells.filter((v, i) => v === 0 && list[i] === null).length;
    listRows.push([code, ...cells]);
  }
  const listed = new Set(listRows.map((l) => l[0]));
  const withoutList = practiceRows.filter((p) => !listed.has(p.code));
  log(
    `list sizes: ${listRows.length} practices kept; dropped ${droppedListCodes.length} codes with patients: ` +
      `${JSON.stringify(Object.fromEntries(whyDropped))}`,
  );
  log(`  dropped patients per quarter: ${droppedPatients.join(', ')}`);
  log(`  kept patients per quarter:    ${keptPatients.join(', ')}`);
  log(`  cells written as 0 (practice no longer listed): ${zeroedCells}`);
  log(
    `  practices with no list size in any quarter: ${withoutList.length} ` +
      `(${withoutList.filter((p) => p.closedOn).length} closed)`,
  );

  // --- write
  const sizes: Record<string, number> = {};
  sizes['regions.csv'] = writeCsv(
    'regions.csv',
    ['code', 'name'],
    REGIONS.map((r) => [r.code, r.name]),
  );
  sizes['area-teams.csv'] = writeCsv(
    'area-teams.csv',
    ['code', 'name', 'regionCode'],
    areaTeamRows.map((a) => [a.code, a.name, a.regionCode]),
  );
  sizes['ccgs.csv'] = writeCsv(
    'ccgs.csv',
    ['code', 'name', 'regionCode', 'areaTeamCode'],
    ccgRows.map((c) => [c.code, c.name, c.regionCode, c.areaTeamCode]),
  );
  sizes['practices.csv'] = writeCsv(
    'practices.csv',
    ['code', 'name', 'postcode', 'ccgCode', 'openedOn', 'closedOn', 'supplier'],
    practiceRows.map((p) => [p.code, p.name, p.postcode, p.ccgCode, p.openedOn, p.closedOn, p.supplier]),
  );
  sizes['list-sizes.csv'] = writeCsv('list-sizes.csv', ['code', ...quarters.map((q) => q.effectiveDate)], listRows);
  const supplierCounts = new Map<string, number>();
  for (const p of practiceRows) supplierCounts.set(p.supplier, (supplierCounts.get(p.supplier) ?? 0) + 1);
  log(`suppliers: ${JSON.stringify(Object.fromEntries(supplierCounts))}`);
  for (const n of notes) log(`note: ${n}`);

  const attribution = renderAttribution({
    quarters,
    practices: practiceRows.length,
    closed: practiceRows.filter((p) => p.closedOn).length,
    odsRows: ods.length,
    notGp: dropped.notGpPractice,
    remapped,
    unmapped: dropped.ccgUnmapped,
    listRows: listRows.length,
    zeroedCells,
    droppedListCodes: droppedListCodes.length,
    whyDropped,
    droppedPatients,
    keptPatients,
    withoutList: withoutList.length,
    supplierCounts,
    notes,
  });
  fs.writeFileSync(path.join(OUT_DIR, 'ATTRIBUTION.md'), attribution);
  log(`wrote ATTRIBUTION.md; total CSV ${Object.values(sizes).reduce((a, b) => a + b, 0)} bytes`);
}

function renderAttribution(x: {
  quarters: Array<{ file: string; effectiveDate: string }>;
  practices: number;
  closed: number;
  odsRows: number;
  notGp: number;
  remapped: Map<string, number>;
  unmapped: string[];
  listRows: number;
  zeroedCells: number;
  droppedListCodes: number;
  whyDropped: Map<string, number>;
  droppedPatients: number[];
  keptPatients: number[];
  withoutList: number;
  supplierCounts: Map<string, number>;
  notes: string[];
}): string {
  const fmt = (n: number) => n.toLocaleString('en-GB');
  const supplierLine = [...x.supplierCounts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([s, n]) => `${s} ${fmt(n)} (${((100 * n) / x.practices).toFixed(1)}%)`)
    .join(', ');
  // The Markdown is written out as it stands (ATTRIBUTION.md, reproduced byte for byte): its table rows and
  // paragraph lines cannot be rewrapped here.
  /* eslint-disable max-len */
  return `# Demo dataset: attribution and derivation

Contains public sector information licensed under the Open Government Licence v3.0
(<https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/>).

The files in this folder are derived from public data published by NHS Digital (formerly the Health and
Social Care Information Centre), NHS England and the Office for National Statistics. They were generated
by \`scripts/derive-demo-data.ts\` (re-run it to reproduce them byte for byte) from copies of the
published files kept in the public repository ebmdatalab/openprescribing (commit 2aab031):

| source file | publisher | used for |
|---|---|---|
| \`CCG13_NHSAT13_NHSCR13_EW_LU.csv\` (ONS, CCG to area team to region lookup, April 2013) | ONS | regions, CCG → area team → region |
| \`CCG_APR_2013.csv\` (ONS, CCG names and codes, April 2013) | ONS | the 211 CCGs and their 3-character codes |
| \`NHSAT_APR_2013_EN_NC.csv\`, \`at.csv\` (area team ONS codes ↔ Q codes) | ONS / HSCIC | area teams |
| \`epraccur.csv\` (ODS GP practices, September 2015; \`epraccur-2015-09.csv\` in the copy used) | NHS Digital (ODS) | practices |
| \`Patient_List_Size_2013_04-06.csv\` … \`Patient_List_Size_2015_04-06.csv\` (numbers of patients registered at a GP practice, quarterly) | HSCIC | list sizes, London area teams, 2013 CCG of practices |

None of the raw files is copied here; only the columns below are kept.

## Files

- \`regions.csv\` (code, name): the 4 NHS England regions of 2013 by their ODS codes: Y54 North of England
  (ONS E40000001), Y55 Midlands and East of England (E40000002), Y56 London (E40000003), Y57 South of
  England (E40000004). Names and ONS codes checked against the lookup; the ODS ↔ ONS pairing agrees with the
  region column of every practice in the ODS list.
- \`area-teams.csv\` (code, name, regionCode): the 27 NHS England area teams of 2013 by Q code. 24 come from
  \`at.csv\` (names checked against the NHSAT file) with their region from the lookup. The ONS files have a
  single "London" area team (E39000018, Q71 in \`at.csv\`); NHS England ran London as three area teams, which
  the quarterly list-size files name: Q61, Q62 and Q63, with the names of those files in title case and
  without "Area Team". Q71 is not used.
- \`ccgs.csv\` (code, name, regionCode, areaTeamCode): the 211 CCGs of \`CCG_APR_2013.csv\` (3-character code
  and name; that file is Windows-1252 and was read as such) joined with the lookup on the ONS code. The area
  team of a London CCG is the one it is listed under in the list-size files (each is listed under exactly one).
- \`practices.csv\` (code, name, postcode, ccgCode, openedOn, closedOn, supplier): the rows of the ODS list
  with organisation sub-type \`B\` (column 14) and prescribing setting 4 (column 26), i.e. GP practices:
  ${fmt(x.practices)} of ${fmt(x.odsRows)} rows (${fmt(x.notGp)} other organisations left out). The September 2015
  list still holds the practices that closed from 2013 on, so it covers the whole 2013–2015 period (only
  ${fmt(x.whyDropped.get('not in the ODS list') ?? 0)} codes of the list-size files are missing from it). Code, name and postcode as
  published; open and close dates (columns 11 and 12) turned from YYYYMMDD to YYYY-MM-DD, empty when absent
  (${fmt(x.closed)} practices are closed and keep their close date). ccgCode is the commissioner (column 15),
  always one of the 211 CCGs: ${
    x.remapped.size
      ? `practices whose commissioner is a CCG created after April 2013 (${[...x.remapped.entries()]
          .map(([k, n]) => `${k}: ${n}`)
          .join(', ')}; 13T is NHS Newcastle Gateshead CCG, formed in April 2015 from 00F, 00G and 00H) get the
  2013 CCG they are listed under in the latest quarterly list-size file that names one of the 211`
      : 'no practice needed a change'
  }; ${x.unmapped.length ? `${x.unmapped.length} practices that could not be mapped were dropped (${x.unmapped.join(', ')})` : 'no practice was dropped for its CCG'}.
  **supplier is generated, not published** (the ODS list has no clinical system): each practice gets one of
  EMIS, TPP, INPS, MICROTEST, OTHER with probabilities 55/30/10/3/2%, drawn from a mulberry32 stream seeded
  with the fixed seed ${SUPPLIER_SEED} and the practice code (so a practice's supplier does not depend on the
  other rows). Result: ${supplierLine}.
- \`list-sizes.csv\` (code, then one column per quarter): the number of registered patients of each kept
  practice per quarter, the sum of all the male/female age-band columns of that quarter's file (18 columns, 9 age
  groups from 0-4 to 75+ for each sex; not 20 as sometimes described). The header
  holds the date the figure is effective from, the first day of its quarter: ${x.quarters
    .map((q) => `${q.effectiveDate} (${q.file})`)
    .join(', ')}. A cell is empty when the practice has no list size yet: absent from that quarter's file and
  all earlier ones, or its rows sum to zero (zero rows are organisations with no registered list). Once a
  practice has had a list size, a later quarter where it is absent or zero is written as \`0\`
  (${fmt(x.zeroedCells)} cells: practices merged, closing or dormant while still open in the ODS list of
  2015): under the rule "the list size on D is the latest one effective on or before D", an empty cell would
  carry the last published figure forward and count those patients twice. With the 0, each quarter's column
  adds up to that quarter's published total for these practices (figures below).
  ${fmt(x.listRows)} practices have at least one
  list size; ${fmt(x.withoutList)} practices have none in any quarter (mostly practices closed early in the
  period) and have no row.
  Rows of the list-size files that are not a kept practice are dropped (${fmt(x.droppedListCodes)} codes with
  patients: ${[...x.whyDropped.entries()].map(([w, n]) => `${n} ${w}`).join('; ')}): special allocation
  (violent patient) schemes, homeless and other services with a registered list, and dormant former
  practices whose ODS record no longer has prescribing setting 4. None is a GP practice of the ODS list, so
  none can carry a service status; keeping their patients would only add to the denominators. Patients
  dropped per quarter: ${x.droppedPatients.map(fmt).join(', ')}; patients kept: ${x.keptPatients.map(fmt).join(', ')}.

## Not derived from published data

The service-status history of the demo (which practice offered which Patient Online service when) is not
published practice by practice for 2013–2015. The demo generates it with
\`libs/demo/src/status-history.generator.ts\` (fixed seed, deterministic) so that the national figures
computed from it match the ones NHS England published: end of September 2013, patients at practices offering
appointments / prescriptions / records 64% / 64% / 2%; end of September 2014, practices capable 99% / 98% / 84%
and patients at offering practices 91% / 88% / 21%; 31 March 2015, practices offering 98.7% / 97.4% / 96.8%.
Which practice is enabled when is invented; only those national totals are real.
${x.notes.length ? `\n## Notes\n\n${x.notes.map((n) => `- ${n}`).join('\n')}\n` : ''}`;
  /* eslint-enable max-len */
}

main();
