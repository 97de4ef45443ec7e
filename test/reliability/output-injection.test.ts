/**
 * CSV injection (OWASP) through the CLI: a municipality or peer name that a spreadsheet would run
 * as a formula (`=HYPERLINK(...)`, `+1`, `-cmd`, `@SUM(A1)`) is written by `compare --csv` and
 * `grants` with a leading `'`, while numbers (negative differences included) stay numbers; in the
 * XLSX outputs the same names are plain strings, never formulas.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/load/catalog.ts';
import { parseCsv } from '../../src/input/csv.ts';
import { synthTable } from '../../src/national/synth.ts';
import { runMain } from '../helpers/cli.ts';
import { dataPath } from '../helpers/seeds.ts';
import { readZip } from '../helpers/zip.ts';
import { syntheticNation } from '../money/nation-fixture.ts';
import { expectNoStray, tempDir } from './output-helpers.ts';

const PAYLOADS = ['=HYPERLINK("http://x","y")', '+1', '-cmd', '@SUM(A1)'];

function csvRows(file: string): string[][] {
  return parseCsv(readFileSync(file, 'utf8')).map((r) => r.fields.map((f) => f.text));
}

/** Every cell of every sheet holding one of the payloads is a string cell, not a formula; the XML has no formula for them. */
async function expectPayloadsAreStrings(file: string): Promise<void> {
  const bytes = readFileSync(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const seen = new Set<string>();
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (typeof v === 'string' && PAYLOADS.includes(v)) seen.add(v);
        if (typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v)) {
          const f = String((v as { formula?: string }).formula ?? '');
          for (const p of PAYLOADS) expect(f, `formula in ${ws.name}!${cell.address}`).not.toContain(p.slice(1));
        }
        if (PAYLOADS.includes(String(v))) expect(cell.type, `${ws.name}!${cell.address}`).toBe(ExcelJS.ValueType.String);
      }),
    ),
  );
  expect([...seen].sort()).toEqual([...PAYLOADS].sort());
  for (const [name, xml] of readZip(bytes))
    if (name.startsWith('xl/worksheets/')) expect(xml.toString('utf8'), name).not.toMatch(/<f>[^<]*(HYPERLINK|SUM\(A1\)|cmd)/);
}

describe('compare: peer names that look like formulas', () => {
  let dir: string;
  let peersFile: string;
  beforeAll(() => {
    dir = tempDir('inject-compare');
    const group = JSON.parse(readFileSync(dataPath('peers/designated-cities-fy2024.json'), 'utf8'));
    PAYLOADS.forEach((p, i) => (group.members[i].name = p));
    peersFile = join(dir, 'peers.json');
    writeFileSync(peersFile, JSON.stringify(group));
  });

  it('--csv: names get a leading quote, figures stay numbers', async () => {
    const out = join(dir, 'c.csv');
    const r = await runMain(['compare', peersFile, '--csv', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(out);
    const group = JSON.parse(readFileSync(peersFile, 'utf8'));
    PAYLOADS.forEach((p, i) => {
      const row = rows.find((x) => x[0] === group.members[i].code)!;
      expect(row[1]).toBe(`'${p}`);
      expect(row[2]).toBe(String(group.members[i].suishin));
    });
    const diffs = rows.slice(1, -1).map((x) => x[5]!);
    expect(diffs.some((d) => d.startsWith('-'))).toBe(true); // a negative difference: a number, not neutralised
    expect(diffs.every((d) => /^[+-]?\d+\.\d$/.test(d))).toBe(true);
    expect(readFileSync(out, 'utf8')).not.toMatch(/(^|,)"?[=+@-](HYPERLINK|1,|cmd|SUM)/m);
    expectNoStray(dir);
  });

  it('.xlsx: the same names are strings, not formulas', async () => {
    const out = join(dir, 'c.xlsx');
    const r = await runMain(['compare', peersFile, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    await expectPayloadsAreStrings(out);
  });
});

describe('grants: municipality names that look like formulas', () => {
  let dir: string;
  let nationFile: string;
  beforeAll(() => {
    dir = tempDir('inject-grants');
    const table = synthTable(syntheticNation(5, 150), loadCatalog(2024), true);
    const nameCol = table[0]!.indexOf('name');
    PAYLOADS.forEach((p, i) => (table[i + 1]![nameCol] = p));
    // the input file is written raw (quoted where RFC 4180 needs it), as a user's file would be
    const raw = (v: string | number | boolean) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
    nationFile = join(dir, 'nation.csv');
    writeFileSync(nationFile, table.map((r) => r.map(raw).join(',')).join('\r\n') + '\r\n');
  });

  it('CSV: names neutralised, codes and amounts untouched; XLSX: strings, not formulas', async () => {
    const out = join(dir, 'out');
    const r = await runMain(['grants', nationFile, '--out', out, '--date', '2025-01-01']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(join(out, 'kofukin-grants-2024.csv'));
    const header = rows[0]!;
    const name = header.indexOf('市区町村');
    const insured = header.indexOf('第1号被保険者数');
    const doc = JSON.parse(readFileSync(join(out, 'kofukin-grants-2024.json'), 'utf8'));
    for (const p of PAYLOADS) {
      const row = rows.find((x) => x[name] === `'${p}`);
      expect(row, p).toBeDefined();
      const m = doc.municipalities.find((x: { code: string }) => x.code === row![0]);
      expect(m.name).toBe(p); // the JSON keeps the name as it is
      expect(row![insured]).toBe(String(m.insuredType1));
    }
    await expectPayloadsAreStrings(join(out, 'kofukin-grants-2024.xlsx'));
    expectNoStray(out);
  });
});
