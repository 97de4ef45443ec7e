import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/errors.ts';
import { loadScoringRules } from '../../src/load/scoring-rules.ts';
import { loadSeriesFile, rawNumberFromText, readRawValuesCsvText, readRawValuesFile, readRawWhatIfNotes } from '../../src/scoring/raw-file.ts';
import { repoRoot } from '../helpers/seeds.ts';

const rules = loadScoringRules(2024)!;
const { infos } = loadSeriesFile(rules);
const FIXTURES = `${repoRoot}test/fixtures/raw/`;
const tmpDirs: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kofukin-raw-'));
  tmpDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});
const read = (text: string) => readRawValuesCsvText(text, 'raw.csv', rules, infos);

/** The located problems of an input that must fail. */
function problemsOf(fn: () => unknown): Array<[string | undefined, string]> {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err.problems.map((p) => [p.location.place, p.rule]);
    throw err;
  }
  throw new Error('expected an InputError');
}

async function problemsOfAsync(fn: () => Promise<unknown>): Promise<Array<[string | undefined, string]>> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof InputError) return err.problems.map((p) => [p.location.place, p.rule]);
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('reading a raw values file', () => {
  it('reads the fixture: 20 fictional municipalities, every ranked series, an empty cell left out', async () => {
    const raw = await readRawValuesFile(`${FIXTURES}fictional-20.csv`, rules, infos);
    expect(raw.municipalities).toHaveLength(20);
    expect(raw.fictional).toBe(true);
    expect(raw.series).toEqual(infos.map((i) => i.key));
    expect(raw.municipalities[0]).toMatchObject({ code: '990001', name: '架空町', fictional: true });
    expect(raw.municipalities[0]!.values['suishin.II.ii.1']).toBe(39.8);
    expect(raw.municipalities.find((m) => m.code === '990020')!.values).not.toHaveProperty('shien.I.ii.6');
  });

  it('accepts a BOM, NFKC column names (full-width ／, spaces) and Japanese number forms', () => {
    const raw = read('\uFEFFcode, shien.I.ii.4 ／ ア ,suishin.IV.5/イ,suishin.II.ii.1\n990001,１２.５,△0.5,12.3%\n990002,"1,234",−1.25,\n');
    expect(raw.series).toEqual(['suishin.II.ii.1', 'suishin.IV.5/イ', 'shien.I.ii.4/ア']);
    expect(raw.municipalities.map((m) => m.values)).toEqual([
      { 'shien.I.ii.4/ア': 12.5, 'suishin.IV.5/イ': -0.5, 'suishin.II.ii.1': 12.3 },
      { 'shien.I.ii.4/ア': 1234, 'suishin.IV.5/イ': -1.25 },
    ]);
    expect(raw.fictional).toBe(false);
  });

  it('numbers', () => {
    expect(['0', '12', '-0.5', '+3', '.5', '1e3', '▲2', '12.3 %'].map(rawNumberFromText)).toEqual([0, 12, -0.5, 3, 0.5, 1000, -2, 12.3]);
    expect(['abc', '1,2', '12..3', '', '-', '1/2', 'NaN', 'Infinity'].map(rawNumberFromText)).toEqual(Array(8).fill(undefined));
  });

  it('header problems are located and all collected: unknown, misnamed and repeated columns, no code column', () => {
    const problems = problemsOf(() =>
      read('name,suishin.II.ii.1,shien.I.ii.4,suishin.II.ii.1/ア,suishin.I.i.1,suishin.II.i.2,shien.I.ii.4/エ,foo,suishin.II.ii.1\nx,1,1,1,1,1,1,1,1\n'),
    );
    expect(problems).toEqual([
      ['line 1, column 3', expect.stringMatching(/^column "shien\.I\.ii\.4": this indicator is ranked in 2 series; give one column per series: shien\.I\.ii\.4\/ア, shien\.I\.ii\.4\/イ$/)],
      ['line 1, column 4', 'column "suishin.II.ii.1/ア": suishin.II.ii.1 is ranked in a single series; name the column suishin.II.ii.1'],
      ['line 1, column 5', expect.stringContaining('suishin.I.i.1 is not ranked into 上位7割…上位1割')],
      ['line 1, column 6', expect.stringContaining('suishin.II.i.2 is not ranked')],
      ['line 1, column 7', 'column "shien.I.ii.4/エ": shien.I.ii.4 has no such series; its columns are shien.I.ii.4/ア, shien.I.ii.4/イ'],
      ['line 1, column 8', expect.stringMatching(/^unknown column "foo": columns are code, name, prefecture, fictional and the ranked series/)],
      ['line 1, column 9', 'column "suishin.II.ii.1" appears more than once (first at line 1, column 2)'],
      ['line 1', expect.stringContaining('column "code" is missing')],
    ]);
  });

  it('no series columns, no rows, an unnamed column with values', () => {
    expect(problemsOf(() => read('code,name\n990001,x\n'))).toEqual([['line 1', expect.stringContaining('no ranked series columns')]]);
    expect(problemsOf(() => read('code,suishin.II.ii.1\n'))).toEqual([['line 1', expect.stringContaining('no municipality rows')]]);
    expect(problemsOf(() => read('code,suishin.II.ii.1,\n990001,1,5\n'))).toEqual([['line 1, column 3', expect.stringContaining('without a header has values')]]);
  });

  it('row problems are located by line, column and column name, and all collected', async () => {
    const problems = await problemsOfAsync(() => readRawValuesFile(`${FIXTURES}bad-rows.csv`, rules, infos));
    expect(problems).toEqual([
      ['line 3, column 4 (suishin.II.ii.1)', '"abc" is not a number: the value of suishin.II.ii.1 (ケアプラン点検の実施割合) must be a number such as 12.3 or -0.5'],
      ['line 4, column 1 (code)', 'municipality code 990001 appears more than once (first at line 2, column 1 (code))'],
      ['line 5, column 1 (code)', expect.stringMatching(/^"99003" has 5 digits: give the 6-digit 全国地方公共団体コード/)],
      ['line 6', 'the row has 4 fields but the header has 5'],
    ]);
  });

  it('bad codes and fictional flags', () => {
    expect(problemsOf(() => read('code,fictional,suishin.II.ii.1\nabc,maybe,1\n,true,2\n'))).toEqual([
      ['line 2, column 1 (code)', expect.stringContaining('"abc" is not a 全国地方公共団体コード')],
      ['line 2, column 2 (fictional)', expect.stringContaining('"maybe" is not a yes/no value')],
      ['line 3, column 1 (code)', '団体コード (code) is empty'],
    ]);
  });

  it('a file that cannot be read; Shift_JIS (as Japanese Excel saves CSV) is decoded, not mangled', async () => {
    expect(await problemsOfAsync(() => readRawValuesFile(`${FIXTURES}no-such-file.csv`, rules, infos))).toEqual([[undefined, 'cannot read file (ENOENT)']]);
    const dir = tmp();
    const sjis = join(dir, 'sjis.csv');
    // "code,京都\n990001,1\n" in Shift_JIS: the column name comes out as 京都
    writeFileSync(sjis, Buffer.concat([Buffer.from('code,'), Buffer.from([0x8b, 0x9e, 0x93, 0x73]), Buffer.from('\n990001,1\n')]));
    expect(await problemsOfAsync(() => readRawValuesFile(sjis, rules, infos))).toContainEqual(['line 1, column 2', expect.stringContaining('unknown column "京都"')]);
    const latin = join(dir, 'latin1.csv');
    writeFileSync(latin, Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xff, 0xfd, 0x0a])); // neither UTF-8 nor Shift_JIS
    expect(await problemsOfAsync(() => readRawValuesFile(latin, rules, infos))).toEqual([[undefined, expect.stringContaining('neither UTF-8 nor Shift_JIS')]]);
  });

  it('an .xlsx workbook with the same columns (first sheet) is read too, located by cell', async () => {
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    const ws = wb.addWorksheet('実績値');
    ws.addRow(['code', 'suishin.II.ii.1', 'suishin.IV.5/ア']);
    ws.addRow(['990001', 12.5, 13.1]);
    ws.addRow([990002, 'x', 12]);
    const file = join(tmp(), 'raw.xlsx');
    await wb.xlsx.writeFile(file);
    expect(await problemsOfAsync(() => readRawValuesFile(file, rules, infos))).toEqual([['実績値!B3', expect.stringContaining('"x" is not a number')]]);
    ws.getCell('B3').value = 20;
    await wb.xlsx.writeFile(file);
    const raw = await readRawValuesFile(file, rules, infos);
    expect(raw.municipalities.map((m) => [m.code, m.values])).toEqual([
      ['990001', { 'suishin.II.ii.1': 12.5, 'suishin.IV.5/ア': 13.1 }],
      ['990002', { 'suishin.II.ii.1': 20, 'suishin.IV.5/ア': 12 }],
    ]);
  });
});

describe('whatif notes from a raw values file', () => {
  it('per indicator of the municipality, and a clear error for a code not in the file', async () => {
    const town = JSON.parse(readFileSync(`${repoRoot}data/samples/fictional-town/municipality.json`, 'utf8')) as {
      municipality: { code: string; name: string };
      scores: Record<string, number>;
    };
    const notes = await readRawWhatIfNotes(`${FIXTURES}fictional-20.csv`, rules, { ...town.municipality, scores: town.scores });
    expect(notes.get('suishin.II.ii.1')!.text).toBe('ケアプラン点検の実施割合 39.8% → 60.9%以上で上位3割（+4点）');
    expect(notes.has('suishin.I.i.1')).toBe(false);
    const problems = await problemsOfAsync(() =>
      readRawWhatIfNotes(`${FIXTURES}fictional-20.csv`, rules, { code: '261009', name: '京都市' }, 'kyoto-2024/municipality.json'),
    );
    expect(problems).toEqual([
      [undefined, 'no row for municipality code 261009 (京都市, from kyoto-2024/municipality.json): add its row (code 261009) to the raw values file'],
    ]);
  });
});
