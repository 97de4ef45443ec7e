/**
 * Bad national results files: every problem located (CSV `line N, column X (header)`, XLSX
 * `Sheet!C5`) with the rule broken, all problems of a file reported at once, and the CLI exits 2.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/errors.ts';
import { loadCatalog } from '../../src/load/catalog.ts';
import { loadJson } from '../../src/load/json.ts';
import { loadScoringRules } from '../../src/load/scoring-rules.ts';
import { NationalAggregates } from '../../src/load/schemas/inputs.ts';
import { formatCsv } from '../../src/output/csv.ts';
import { readNationalCsvText, readNationalFile } from '../../src/national/read.ts';
import { synthTable, synthesizeNational } from '../../src/national/synth.ts';
import { resultsWorkbook } from '../../src/national/xlsx.ts';
import { runMain } from '../helpers/cli.ts';
import { dataPath } from '../helpers/seeds.ts';

const catalog = loadCatalog(2024);
const rules = loadScoringRules(2024)!;
const targets = loadJson(NationalAggregates, dataPath('national/fy2024-summary.json'));
const dir = mkdtempSync(join(tmpdir(), 'kofukin-national-bad-'));

/** The problems of reading a CSV text, as "place: rule". */
function problemsOf(text: string, file = 'bad.csv'): Array<{ place: string | undefined; rule: string }> {
  try {
    readNationalCsvText(text, file, { catalog, rules });
  } catch (err) {
    if (err instanceof InputError) return err.problems.map((p) => ({ place: p.location.place, rule: p.rule }));
    throw err;
  }
  throw new Error('expected an InputError');
}

async function fileProblems(file: string) {
  try {
    await readNationalFile(file, { catalog, rules });
  } catch (err) {
    if (err instanceof InputError) return err.problems.map((p) => ({ file: p.location.file, place: p.location.place, rule: p.rule }));
    throw err;
  }
  throw new Error('expected an InputError');
}

const GRANTS_HEADER = 'code,prefecture,name,insuredType1,suishin,shien,total';
const grants = (...lines: string[]) => [GRANTS_HEADER, ...lines].join('\r\n') + '\r\n';

/** A per-indicator table of three fictional municipalities, to spoil one cell. */
function indicatorTable(): Array<Array<string | number | boolean>> {
  return synthTable(synthesizeNational({ seed: 5, count: 3, catalog, rules, targets }), catalog, true);
}
const col = (table: Array<Array<string | number | boolean>>, name: string) => table[0]!.indexOf(name);

describe('located errors in CSV national files', () => {
  it('a good totals file reads (grant level, 5-digit code gets its check digit, "30,475" is a number)', () => {
    const ds = readNationalCsvText(grants('011002,北海道,札幌市,"551,217",270,277,547', '26100,京都府,京都市,393443,277,283,560'), 'ok.csv', { catalog, rules });
    expect(ds.level).toBe('grants');
    expect(ds.municipalities.map((m) => [m.code, m.insuredType1, m.total])).toEqual([
      ['011002', 551217, 547],
      ['261009', 393443, 560],
    ]);
  });

  it('an unknown column is located at its header cell', () => {
    const ps = problemsOf('code,prefecture,name,insuredType1,suishin,shien,suishin.I.i.9\r\n011002,北海道,札幌市,551217,270,277,3\r\n');
    expect(ps).toContainEqual({ place: 'line 1, column 7', rule: expect.stringContaining('unknown column "suishin.I.i.9"') });
  });

  it('a value that is not a number: line, column and header', () => {
    const ps = problemsOf(grants('011002,北海道,札幌市,551217,270,277,547', '261009,京都府,京都市,393443,27o,283,'));
    expect(ps).toEqual([{ place: 'line 3, column 5 (suishin)', rule: '"27o" is not a number: the suishin score must be a whole number' }]);
  });

  it('a score above its maximum: indicator and grant total', () => {
    const t = indicatorTable();
    t[2]![col(t, 'suishin.I.i.1')] = 20;
    t[2]![col(t, 'suishin')] = Number(t[2]![col(t, 'suishin')]) + 20 - Number(indicatorTable()[2]![col(t, 'suishin.I.i.1')]);
    t[2]![col(t, 'total')] = Number(t[2]![col(t, 'suishin')]) + Number(t[2]![col(t, 'shien')]);
    const ps = problemsOf(formatCsv(t));
    expect(ps).toContainEqual({ place: `line 3, column ${col(t, 'suishin.I.i.1') + 1} (suishin.I.i.1)`, rule: 'score 20 of "suishin.I.i.1" is above its maximum 16' });
    const ps2 = problemsOf(grants('011002,北海道,札幌市,551217,401,277,'));
    expect(ps2).toEqual([{ place: 'line 2, column 5 (suishin)', rule: 'score 401 of "suishin" is above its maximum 400' }]);
  });

  it('a score its 配点 rule cannot produce (各3点 tiers: 4)', () => {
    const t = indicatorTable();
    const c = col(t, 'suishin.I.ii.1');
    const before = Number(t[1]![c]);
    t[1]![c] = 4;
    t[1]![col(t, 'suishin')] = Number(t[1]![col(t, 'suishin')]) - before + 4;
    t[1]![col(t, 'total')] = Number(t[1]![col(t, 'total')]) - before + 4;
    const ps = problemsOf(formatCsv(t));
    expect(ps).toHaveLength(1);
    expect(ps[0]!.place).toBe(`line 2, column ${c + 1} (suishin.I.ii.1)`);
    expect(ps[0]!.rule).toMatch(/^score 4 of "suishin.I.ii.1" cannot be produced .*possible scores are 0, 3, 6, 9, 12$/);
  });

  it('duplicate codes name the first occurrence', () => {
    const ps = problemsOf(grants('011002,北海道,札幌市,551217,270,277,', '261009,京都府,京都市,393443,277,283,', '011002,北海道,札幌市,551217,270,277,'));
    expect(ps).toEqual([{ place: 'line 4, column 1 (code)', rule: 'municipality code 011002 appears more than once (first at line 2, column 1 (code))' }]);
  });

  it('totals that do not match the indicator sums', () => {
    const t = indicatorTable();
    const s = col(t, 'suishin');
    const stated = Number(t[3]![s]) + 1;
    const derived = stated - 1;
    t[3]![s] = stated;
    const ps = problemsOf(formatCsv(t));
    expect(ps).toContainEqual({ place: `line 4, column ${s + 1} (suishin)`, rule: `stated suishin total ${stated} does not equal the ${derived} derived from the indicator scores` });
    // total beside grant totals
    const ps2 = problemsOf(grants('011002,北海道,札幌市,551217,270,277,548'));
    expect(ps2).toEqual([{ place: 'line 2, column 7 (total)', rule: 'stated total 548 does not equal the 547 derived from the indicator scores' }]);
  });

  it('a prefecture that does not match the code, a wrong check digit, an empty name', () => {
    const ps = problemsOf(grants('011002,青森県,札幌市,551217,270,277,', '261008,京都府,京都市,393443,277,283,', '141003,神奈川県,,934278,260,279,'));
    expect(ps).toEqual([
      { place: 'line 2, column 2 (prefecture)', rule: 'prefecture "青森県" does not match code 011002: its first two digits 01 are 北海道' },
      { place: 'line 3, column 1 (code)', rule: 'code 261008 has a wrong check digit: 26100 gives 261009' },
      { place: 'line 4, column 3 (name)', rule: '市区町村名 (name) is empty' },
    ]);
  });

  it('some indicator columns but not all; one grant total without the other; no score column', () => {
    const t = indicatorTable().map((r) => r.slice(0, 10));
    expect(problemsOf(formatCsv(t))[0]).toEqual({ place: 'line 1', rule: expect.stringMatching(/^47 indicator column\(s\) missing \(suishin.I.ii.3, suishin.II.i.1, /) });
    expect(problemsOf('code,prefecture,name,insuredType1,suishin\r\n011002,北海道,札幌市,551217,270\r\n')).toEqual([
      { place: 'line 1', rule: 'column "suishin" is given without "shien": give both grant totals' },
    ]);
    expect(problemsOf('code,prefecture,name,insuredType1\r\n011002,北海道,札幌市,551217\r\n')[0]!.rule).toMatch(/^no score columns/);
  });

  it('CSV syntax: an unterminated quote; a row longer than the header', () => {
    expect(problemsOf(grants('011002,北海道,"札幌市,551217,270,277,'))).toEqual([
      { place: 'line 2, column 12', rule: 'a quoted field is never closed (a double quote is missing)' },
    ]);
    expect(problemsOf(grants('011002,北海道,札幌市,551217,270,277,547,9'))).toContainEqual({ place: 'line 2', rule: 'the row has 8 fields but the header has 7' });
  });

  it('every problem of a file at once', () => {
    const ps = problemsOf(grants('011002,北海道,札幌市,abc,270,277,', '261009,京都府,京都市,393443,-1,283,', '261009,京都府,京都市,393443,277,283.5,'));
    expect(ps.map((p) => p.place)).toEqual(['line 2, column 4 (insuredType1)', 'line 3, column 5 (suishin)', 'line 4, column 6 (shien)', 'line 4, column 1 (code)']);
    expect(ps[1]!.rule).toBe('suishin must not be negative');
    expect(ps[2]!.rule).toBe('shien must be a whole number');
  });

  it('a Shift_JIS file (as Japanese Excel saves CSV) is decoded, not mangled', async () => {
    const f = join(dir, 'sjis.csv');
    // "code,都道府県,名前" with the Japanese in Shift_JIS: 都道府県 is understood, 名前 is named as it is
    const sjis = (...b: number[]) => Buffer.from(b);
    writeFileSync(f, Buffer.concat([Buffer.from('code,'), sjis(0x93, 0x73, 0x93, 0xb9, 0x95, 0x7b, 0x8c, 0xa7), Buffer.from(','), sjis(0x96, 0xbc, 0x91, 0x4f), Buffer.from('\r\n')]));
    const ps = await fileProblems(f);
    expect(ps).toContainEqual({ file: f, place: 'line 1, column 3', rule: expect.stringContaining('unknown column "名前"') });
    expect(ps.some((p) => /prefecture/.test(p.rule) && /missing/.test(p.rule))).toBe(false);
  });
});

describe('located errors in XLSX national files', () => {
  it('cells are named Sheet!C5', async () => {
    const t = indicatorTable();
    t[2]![col(t, 'shien.I.i.1')] = 'abc';
    t[3]![0] = t[1]![0]!; // duplicate code
    const f = join(dir, 'bad.xlsx');
    writeFileSync(f, await resultsWorkbook(t));
    const ps = await fileProblems(f);
    const letter = (n: number) => (n >= 26 ? String.fromCharCode(64 + Math.floor(n / 26)) : '') + String.fromCharCode(65 + (n % 26));
    expect(ps).toContainEqual({ file: f, place: `市町村別得点!${letter(col(t, 'shien.I.i.1'))}3`, rule: '"abc" is not a number: the score of shien.I.i.1 must be a whole number' });
    expect(ps).toContainEqual({ file: f, place: '市町村別得点!A4', rule: `municipality code ${t[1]![0]} appears more than once (first at 市町村別得点!A2)` });
  });
});

describe('kofukin national with a bad file', () => {
  it('exits 2 and prints each problem as file: place: rule', async () => {
    const f = join(dir, 'cli-bad.csv');
    writeFileSync(f, grants('011002,北海道,札幌市,551217,270,x,'));
    const r = await runMain(['national', f, '--out', join(dir, 'out'), '--no-pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kofukin national: error: ${f}: line 2, column 6 (shien): "x" is not a number: the shien score must be a whole number\n`);
  });
});
