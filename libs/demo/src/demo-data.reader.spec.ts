import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readDemoData } from './demo-data.reader';

const DIR = path.resolve(__dirname, '../../../data/demo');

describe('readDemoData (shipped data/demo)', () => {
  const data = readDemoData(DIR);

  it('has the 2013 geography: 4 regions, 27 area teams, 211 CCGs', () => {
    expect(data.regions).toEqual([
      { code: 'Y54', name: 'North of England' },
      { code: 'Y55', name: 'Midlands and East of England' },
      { code: 'Y56', name: 'London' },
      { code: 'Y57', name: 'South of England' },
    ]);
    expect(data.areaTeams).toHaveLength(27);
    expect(data.areaTeams.filter((a) => a.regionCode === 'Y56').map((a) => a.code)).toEqual(['Q61', 'Q62', 'Q63']);
    expect(data.ccgs).toHaveLength(211);
    expect(new Set(data.ccgs.map((c) => c.code)).size).toBe(211);
    const regionOfAreaTeam = new Map(data.areaTeams.map((a) => [a.code, a.regionCode]));
    for (const c of data.ccgs) expect(regionOfAreaTeam.get(c.areaTeamCode)).toBe(c.regionCode);
    expect(data.ccgs.find((c) => c.code === '08Y')!.name).toContain('Queen’s Park');
  });

  it('has the GP practices of the ODS list with their dates and a supplier', () => {
    expect(data.practices).toHaveLength(8165);
    expect(new Set(data.practices.map((p) => p.code)).size).toBe(8165);
    expect(data.practices[0]).toEqual({
      code: 'A81001',
      name: 'THE DENSHAM SURGERY',
      postcode: 'TS18 1HU',
      ccgCode: '00K',
      openedOn: '1974-04-01',
      closedOn: null,
      supplier: expect.any(String),
    });
    expect(data.practices.filter((p) => p.closedOn)).toHaveLength(140);
    const shares = new Map<string, number>();
    for (const p of data.practices) shares.set(p.supplier, (shares.get(p.supplier) ?? 0) + 1 / data.practices.length);
    expect(shares.get('EMIS')).toBeCloseTo(0.55, 1);
    expect(shares.get('TPP')).toBeCloseTo(0.3, 1);
    expect(shares.get('INPS')).toBeCloseTo(0.1, 1);
  });

  it('has nine quarters of list sizes, from the first day of each quarter', () => {
    const dates = [...new Set(data.listSizes.map((l) => l.effectiveDate))].sort();
    expect(dates).toEqual([
      '2013-04-01',
      '2013-07-01',
      '2013-10-01',
      '2014-01-01',
      '2014-04-01',
      '2014-07-01',
      '2014-10-01',
      '2015-01-01',
      '2015-04-01',
    ]);
    const total = (d: string) =>
      data.listSizes.filter((l) => l.effectiveDate === d).reduce((a, l) => a + l.patients, 0);
    expect(total('2013-04-01')).toBe(55_929_449);
    expect(total('2014-07-01')).toBe(56_546_274);
    expect(total('2015-04-01')).toBe(57_020_909);
    expect(data.listSizes.find((l) => l.practiceCode === 'A81002' && l.effectiveDate === '2013-04-01')!.patients).toBe(
      20105,
    );
  });
});

describe('readDemoData (malformed files)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-data-'));
    for (const f of ['regions.csv', 'area-teams.csv', 'ccgs.csv'])
      fs.copyFileSync(path.join(DIR, f), path.join(dir, f));
    fs.writeFileSync(
      path.join(dir, 'practices.csv'),
      'code,name,postcode,ccgCode,openedOn,closedOn,supplier\nA81001,X,TS1 1AA,00K,1974-04-01,,EMIS\n',
    );
    fs.writeFileSync(path.join(dir, 'list-sizes.csv'), 'code,2013-04-01,2013-07-01\nA81001,100,\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a minimal set, skipping empty cells', () => {
    expect(readDemoData(dir).listSizes).toEqual([
      { practiceCode: 'A81001', effectiveDate: '2013-04-01', patients: 100 },
    ]);
  });

  it('names the file and line of a bad row', () => {
    fs.writeFileSync(
      path.join(dir, 'practices.csv'),
      'code,name,postcode,ccgCode,openedOn,closedOn,supplier\nA81001,X,TS1 1AA,ZZZ,1974-04-01,,EMIS\n',
    );
    expect(() => readDemoData(dir)).toThrow(/practices\.csv:2: unknown CCG ZZZ/);
    fs.writeFileSync(
      path.join(dir, 'practices.csv'),
      'code,name,postcode,ccgCode,openedOn,closedOn,supplier\na81001,X,TS1 1AA,00K,1974-04-01,,EMIS\n',
    );
    expect(() => readDemoData(dir)).toThrow(/bad practice code/);
    fs.writeFileSync(
      path.join(dir, 'practices.csv'),
      'code,name,postcode,ccgCode,openedOn,closedOn,supplier\nA81001,X,TS1 1AA,00K,19740401,,EMIS\n',
    );
    expect(() => readDemoData(dir)).toThrow(/bad open date/);
  });

  it('rejects list sizes of unknown practices or with bad numbers', () => {
    fs.writeFileSync(path.join(dir, 'list-sizes.csv'), 'code,2013-04-01\nB99999,100\n');
    expect(() => readDemoData(dir)).toThrow(/unknown practice B99999/);
    fs.writeFileSync(path.join(dir, 'list-sizes.csv'), 'code,2013-04-01\nA81001,-3\n');
    expect(() => readDemoData(dir)).toThrow(/bad list size/);
  });
});
