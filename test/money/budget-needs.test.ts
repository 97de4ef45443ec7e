/**
 * Budgets as people write them, and the needs file (所要見込額) with located errors.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/errors.ts';
import { formatBudget, parseYen } from '../../src/derive/money/budget.ts';
import { needsFromCsvText, needsFromJson, readNeedsFile } from '../../src/money/needs.ts';

describe('parseYen', () => {
  it.each([
    ['100億', 10_000_000_000],
    ['100億円', 10_000_000_000],
    ['10000000000', 10_000_000_000],
    ['10,000,000,000円', 10_000_000_000],
    ['1.5兆', 1_500_000_000_000],
    ['1兆5000億円', 1_500_000_000_000],
    ['２００億', 20_000_000_000],
    ['0.5億', 50_000_000],
    ['3億2500万', 325_000_000],
    ['1億2345', 100_002_345],
  ])('%s → %i yen', (text, yen) => {
    expect(parseYen(text)).toEqual({ ok: true, yen });
  });

  it.each(['', '億', 'abc', '100ドル', '5万1億', '0', '0億', '0.000000001億', '100億x', '-5億'])('rejects %j', (text) => {
    expect(parseYen(text).ok).toBe(false);
  });

  it('formats budgets back in 億円', () => {
    expect(formatBudget(10_000_000_000)).toBe('100億円');
    expect(formatBudget(15_000_000_000)).toBe('150億円');
    expect(formatBudget(1_050_000_000)).toBe('10.5億円');
    expect(formatBudget(123_456_789)).toBe('123,456,789円');
  });
});

const KNOWN = new Set(['261009', '011002', '131016']);

function problems(f: () => unknown): string[] {
  try {
    f();
  } catch (err) {
    if (err instanceof InputError) return err.problems.map((p) => `${p.location.place ?? ''}: ${p.rule}`);
    throw err;
  }
  throw new Error('no error');
}

describe('needs file (CSV)', () => {
  it('reads 千円 per grant; empty means no cap; 5-digit codes and dropped leading zeros', () => {
    const t = needsFromCsvText('\uFEFFcode,name,推進,支援\r\n261009,京都市,"120,000",\r\n11002,札幌市,5000千円,7000\r\n13101,千代田区,,\r\n', 'n.csv', KNOWN);
    expect(t.grants).toEqual(['suishin', 'shien']);
    expect(Object.fromEntries(t.byCode)).toEqual({
      '261009': { suishin: 120000, shien: null },
      '011002': { suishin: 5000, shien: 7000 },
      '131016': { suishin: null, shien: null },
    });
  });

  it('takes one grant alone', () => {
    const t = needsFromCsvText('団体コード,所要見込額（支援）\n261009,100\n', 'n.csv', KNOWN);
    expect(t.grants).toEqual(['shien']);
    expect(t.byCode.get('261009')).toEqual({ suishin: null, shien: 100 });
  });

  it('locates every problem at once', () => {
    const csv = ['code,suishin,shien', '261009,abc,-5', '261008,1,1', '999999,1,1', '261009,2,2', 'x1,1.5,1', '131016,1'].join('\n');
    expect(problems(() => needsFromCsvText(csv, 'n.csv', KNOWN))).toEqual([
      'line 2, column 2 (suishin): "abc" is not an amount: 所要見込額 is a whole number of 千円 (e.g. 120000 or 120,000), or empty for no cap',
      'line 2, column 3 (shien): 所要見込額 -5 is below 0',
      'line 3, column 1 (code): code 261008 has a wrong check digit: 26100 gives 261009',
      'line 4, column 1 (code): code 999999 has a wrong check digit: 99999 gives 999997',
      'line 5, column 1 (code): municipality code 261009 appears more than once (first at line 2, column 1 (code))',
      'line 6, column 1 (code): "x1" is not a 全国地方公共団体コード (6 digits, or 5 without the check digit)',
      'line 6, column 2 (suishin): "1.5" is not an amount: 所要見込額 is a whole number of 千円 (e.g. 120000 or 120,000), or empty for no cap',
      'line 7: the row has 2 fields but the header has 3',
    ]);
  });

  it('names unknown codes, unknown and missing columns', () => {
    expect(problems(() => needsFromCsvText('code,suishin\n011011,1\n', 'n.csv', KNOWN))).toEqual([
      'line 2, column 1 (code): municipality 011011 is not in the national results file',
    ]);
    expect(problems(() => needsFromCsvText('コード,金額\n261009,1\n', 'n.csv', KNOWN))).toEqual([
      'line 1, column 2: unknown column "金額": a needs file has the columns code, suishin and/or shien (所要見込額 in 千円), and optionally name and prefecture',
      'line 1: no amount column: give "suishin" and/or "shien" (所要見込額, 千円)',
    ]);
  });
});

describe('needs file (JSON)', () => {
  it('reads the document form and the plain array', () => {
    const t = needsFromJson({ unit: '千円', needs: [{ code: '261009', suishin: 120000, shien: null }] }, 'n.json', KNOWN);
    expect(t.byCode.get('261009')).toEqual({ suishin: 120000, shien: null });
    const a = needsFromJson([{ code: 261009, shien: 5 }], 'n.json', KNOWN);
    expect(a.byCode.get('261009')).toEqual({ suishin: null, shien: 5 });
  });

  it('locates problems by JSON path', () => {
    expect(
      problems(() =>
        needsFromJson({ unit: '円', needs: [{ code: '261009', suishin: -1 }, { code: '261009', shien: 1.5 }, { code: '000000', suishin: 'x' }] }, 'n.json', KNOWN),
      ),
    ).toEqual(['$.needs[2].suishin: Invalid input: expected number, received string']);
    expect(problems(() => needsFromJson({ unit: '円', needs: [{ code: '261009', suishin: -1 }, { code: '261009', shien: 1.5 }] }, 'n.json', KNOWN))).toEqual([
      '$.unit: unit "円" is not supported: amounts in a needs file are in 千円',
      '$.needs[0].suishin: 所要見込額 -1 is below 0',
      '$.needs[1].shien: "1.5" is not an amount: 所要見込額 is a whole number of 千円 (e.g. 120000 or 120,000), or empty for no cap',
      '$.needs[1].code: municipality code 261009 appears more than once (first at $.needs[0].code)',
    ]);
  });

  it('reads files by extension and rejects repeated keys', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kofukin-needs-'));
    const f = join(dir, 'needs.json');
    writeFileSync(f, '[{"code": "261009", "suishin": 1, "suishin": 2}]');
    expect(problems(() => readNeedsFile(f, KNOWN))).toEqual(['$[0].suishin (line 1, column 35): key appears more than once in the same object (JSON keeps only the last)']);
    const c = join(dir, 'needs.csv');
    writeFileSync(c, 'code,shien\n261009,3\n');
    expect(readNeedsFile(c, KNOWN).byCode.get('261009')).toEqual({ suishin: null, shien: 3 });
  });
});
