import { combineOnsCcgLookups } from './index';
import { bytes, collect, fixture } from './test-helpers';

describe('regions and CCGs parsers', () => {
  it('reads our own regions CSV (code,name)', async () => {
    const { records, summary } = await collect(fixture('regions.csv'), 'regions');
    expect(records.map((r) => r.record)).toEqual([
      { type: 'region', code: 'Y54', name: 'North of England' },
      { type: 'region', code: 'Y55', name: 'Midlands and East of England' },
      { type: 'region', code: 'Y56', name: 'London' },
      { type: 'region', code: 'Y57', name: 'South of England' },
    ]);
    expect(records[0].row).toBe(2);
    expect(summary).toMatchObject({ header: ['code', 'name'], rowsRead: 4, records: 4 });
  });

  it('reads our own CCGs CSV (code,name,region_code) with quoted commas and UTF-8 names', async () => {
    const { records, problems } = await collect(fixture('ccgs.csv'), 'ccgs');
    expect(problems).toEqual([]);
    expect(records).toHaveLength(6);
    expect(records[3].record).toEqual({
      type: 'ccg',
      code: '02N',
      name: 'NHS Airedale, Wharfedale and Craven CCG',
      regionCode: 'Y54',
    });
    expect(records[5].record.name).toBe('NHS West London (Kensington and Chelsea, Queen’s Park and Paddington) CCG');
  });

  it('validates region and CCG codes', async () => {
    const file = 'Code,Name,RegionCode\n00c,NHS Darlington CCG,y54\n0C,Short,Y54\n01A,,Y5\n';
    const { records, problems } = await collect(bytes(file), 'ccgs');
    expect(records.map((r) => r.record)).toEqual([
      { type: 'ccg', code: '00C', name: 'NHS Darlington CCG', regionCode: 'Y54' },
    ]);
    expect(problems.map((p) => [p.row, p.column, p.value])).toEqual([
      [3, 'Code', '0C'],
      [4, 'Name', ''],
      [4, 'RegionCode', 'Y5'],
    ]);
  });

  it('reads the 2013 ONS CCG lookup and maps its regions to ODS codes', async () => {
    const { records, summary } = await collect(fixture('CCG13_NHSAT13_NHSCR13_EW_LU-excerpt.csv'), 'ccg-lookup');
    expect(summary).toMatchObject({ rowsRead: 25, records: 25, fatal: null, encoding: 'utf-8' });
    expect(records[0].record).toEqual({
      type: 'ons-ccg-lookup',
      ccgOnsCode: 'E38000001',
      ccgName: 'NHS Airedale, Wharfedale and Craven',
      areaTeamOnsCode: 'E39000009',
      areaTeamName: 'West Yorkshire',
      regionOnsCode: 'E40000001',
      regionName: 'North of England',
      regionCode: 'Y54',
    });
    expect(records[1].record).toMatchObject({ ccgName: 'NHS Ashford', regionOnsCode: 'E40000004', regionCode: 'Y57' });
  });

  it('reads the 2013 CCG code list, a Windows-1252 file, and says so', async () => {
    const { records, summary } = await collect(fixture('CCG_APR_2013-excerpt.csv'), 'ccg-codes');
    expect(records[0].record).toEqual({
      type: 'ons-ccg-code',
      ccgOnsCode: 'E38000001',
      ccgCode: '02N',
      ccgName: 'NHS Airedale, Wharfedale and Craven',
    });
    const last = records[records.length - 1];
    expect(last.row).toBe(26);
    expect(last.record).toMatchObject({
      ccgCode: '08Y',
      ccgName: 'NHS West London (Kensington and Chelsea, Queen’s Park and Paddington)',
    });
    expect(summary.encoding).toBe('windows-1252');
    expect(summary.notes).toEqual([expect.stringMatching(/not UTF-8 \(byte \d+\): read as Windows-1252/)]);
  });

  it('joins the two ONS lookups into our regions and CCGs', async () => {
    const lookups = (await collect(fixture('CCG13_NHSAT13_NHSCR13_EW_LU-excerpt.csv'), 'ccg-lookup')).records.map(
      (r) => r.record,
    );
    const codes = (await collect(fixture('CCG_APR_2013-excerpt.csv'), 'ccg-codes')).records.map((r) => r.record);
    const { regions, ccgs, problems } = combineOnsCcgLookups(lookups, codes);
    expect(problems).toEqual([]);
    expect(ccgs).toHaveLength(25);
    expect(ccgs[0]).toEqual({
      type: 'ccg',
      code: '02N',
      name: 'NHS Airedale, Wharfedale and Craven',
      regionCode: 'Y54',
    });
    expect(regions.map((r) => r.code).sort()).toEqual(expect.arrayContaining(['Y54', 'Y57']));
    const partial = combineOnsCcgLookups(lookups.slice(0, 2), codes.slice(1, 3));
    expect(partial.ccgs.map((c) => c.code)).toEqual(['09C']);
    expect(partial.problems).toEqual([
      expect.stringContaining('E38000001 NHS Airedale, Wharfedale and Craven: no ODS code'),
      expect.stringContaining('not in the CCG lookup'),
    ]);
  });
});
