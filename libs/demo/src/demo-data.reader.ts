/**
 * Reads the compact demo dataset of `data/demo/` (written by scripts/derive-demo-data.ts) into typed
 * arrays. Validates as it goes: a malformed file fails loudly with its name and line.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'csv-parse/sync';
import { isCalendarDate } from '@app/domain';

export const DEMO_SUPPLIERS = ['EMIS', 'TPP', 'INPS', 'MICROTEST', 'OTHER', 'UNKNOWN'] as const;
export type DemoSupplier = (typeof DEMO_SUPPLIERS)[number];

export interface DemoRegion {
  code: string;
  name: string;
}
export interface DemoAreaTeam {
  code: string;
  name: string;
  regionCode: string;
}
export interface DemoCcg {
  code: string;
  name: string;
  regionCode: string;
  areaTeamCode: string;
}
export interface DemoPractice {
  code: string;
  name: string;
  postcode: string;
  ccgCode: string;
  openedOn: string | null;
  closedOn: string | null;
  supplier: DemoSupplier;
}
export interface DemoListSize {
  practiceCode: string;
  effectiveDate: string;
  patients: number;
}
export interface DemoData {
  regions: DemoRegion[];
  areaTeams: DemoAreaTeam[];
  ccgs: DemoCcg[];
  practices: DemoPractice[];
  /** One entry per practice and quarter that has a list size, ordered by practice then date. */
  listSizes: DemoListSize[];
}

/** `data/demo` of the project, found from the working directory (the project root under npm scripts). */
export function defaultDemoDataDir(cwd: string = process.cwd()): string {
  return path.resolve(cwd, 'data', 'demo');
}

function readRows(dir: string, file: string, expectedHeader?: string[]): { header: string[]; rows: string[][] } {
  const full = path.join(dir, file);
  const records = parse(fs.readFileSync(full, 'utf8'), { skip_empty_lines: true });
  if (records.length === 0) throw new Error(`${full}: empty file`);
  const [header, ...rows] = records;
  if (expectedHeader && header.join(',') !== expectedHeader.join(',')) {
    throw new Error(`${full}: expected header ${expectedHeader.join(',')}, got ${header.join(',')}`);
  }
  rows.forEach((r, i) => {
    if (r.length !== header.length) throw new Error(`${full}:${i + 2}: ${r.length} fields, expected ${header.length}`);
  });
  return { header, rows };
}

function check(condition: boolean, where: string, message: string): void {
  if (!condition) throw new Error(`${where}: ${message}`);
}

export function readDemoData(dir: string = defaultDemoDataDir()): DemoData {
  const regions = readRows(dir, 'regions.csv', ['code', 'name']).rows.map(([code, name]) => ({ code, name }));
  const regionCodes = new Set(regions.map((r) => r.code));

  const areaTeams = readRows(dir, 'area-teams.csv', ['code', 'name', 'regionCode']).rows.map(
    ([code, name, regionCode], i) => {
      check(regionCodes.has(regionCode), `area-teams.csv:${i + 2}`, `unknown region ${regionCode}`);
      return { code, name, regionCode };
    },
  );
  const areaTeamCodes = new Set(areaTeams.map((a) => a.code));

  const ccgs = readRows(dir, 'ccgs.csv', ['code', 'name', 'regionCode', 'areaTeamCode']).rows.map(
    ([code, name, regionCode, areaTeamCode], i) => {
      check(regionCodes.has(regionCode), `ccgs.csv:${i + 2}`, `unknown region ${regionCode}`);
      check(areaTeamCodes.has(areaTeamCode), `ccgs.csv:${i + 2}`, `unknown area team ${areaTeamCode}`);
      return { code, name, regionCode, areaTeamCode };
    },
  );
  const ccgCodes = new Set(ccgs.map((c) => c.code));

  const practices = readRows(dir, 'practices.csv', [
    'code',
    'name',
    'postcode',
    'ccgCode',
    'openedOn',
    'closedOn',
    'supplier',
  ]).rows.map(([code, name, postcode, ccgCode, openedOn, closedOn, supplier], i): DemoPractice => {
    const where = `practices.csv:${i + 2}`;
    check(/^[A-Z]\d{5}$/.test(code), where, `bad practice code ${code}`);
    check(ccgCodes.has(ccgCode), where, `unknown CCG ${ccgCode}`);
    check(openedOn === '' || isCalendarDate(openedOn), where, `bad open date ${openedOn}`);
    check(closedOn === '' || isCalendarDate(closedOn), where, `bad close date ${closedOn}`);
    check((DEMO_SUPPLIERS as readonly string[]).includes(supplier), where, `unknown supplier ${supplier}`);
    return {
      code,
      name,
      postcode,
      ccgCode,
      openedOn: openedOn || null,
      closedOn: closedOn || null,
      supplier: supplier as DemoSupplier,
    };
  });
  const practiceCodes = new Set(practices.map((p) => p.code));

  const sizes = readRows(dir, 'list-sizes.csv');
  check(sizes.header[0] === 'code', 'list-sizes.csv:1', 'first column must be code');
  const dates = sizes.header.slice(1);
  dates.forEach((d) => check(isCalendarDate(d), 'list-sizes.csv:1', `bad effective date ${d}`));
  const listSizes: DemoListSize[] = [];
  sizes.rows.forEach(([code, ...cells], i) => {
    const where = `list-sizes.csv:${i + 2}`;
    check(practiceCodes.has(code), where, `unknown practice ${code}`);
    cells.forEach((cell, j) => {
      if (cell === '') return;
      check(/^\d+$/.test(cell), where, `bad list size ${cell}`);
      listSizes.push({ practiceCode: code, effectiveDate: dates[j], patients: Number(cell) });
    });
  });

  return { regions, areaTeams, ccgs, practices, listSizes };
}
