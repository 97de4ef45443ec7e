/**
 * Malformed, unusual and hostile inputs, one case per class of the input layer (src/input/),
 * through the CLI: each asserts the exit code, a message naming the file and the place, no stack
 * trace, and that nothing was left behind in the input's directory.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runMain, type CliResult } from '../helpers/cli.ts';
import { repoRoot, samplePath } from '../helpers/seeds.ts';
import { readMunicipalityCode } from '../../src/common/municipality-code.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'kofukin-rel-'));

/** A copy of the Kyoto sample (companions included) in a fresh directory. */
function sample(transform: (text: string) => string = (t) => t): { dir: string; file: string } {
  const dir = tmp();
  for (const f of ['grants.json', 'narrative.json']) copyFileSync(samplePath(f), join(dir, f));
  const text = readFileSync(samplePath('municipality.json'), 'utf8').replaceAll('../../', samplePath('../../'));
  const file = join(dir, 'municipality.json');
  writeFileSync(file, transform(text));
  return { dir, file };
}

/** The user-error contract: exit code, `file: place: rule` on stderr, no stack trace, no stray file. */
function expectUserError(r: CliResult, code: number, file: string, place: string | RegExp | undefined, rule: string | RegExp): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at .+[:(]\d+/);
  const line = r.stderr.split('\n').find((l) => l.includes(`${file}: `) && (typeof rule === 'string' ? l.includes(rule) : rule.test(l)));
  expect(line, r.stderr).toBeDefined();
  if (place !== undefined) {
    const after = line!.slice(line!.indexOf(`${file}: `) + file.length + 2);
    if (typeof place === 'string') expect(after.startsWith(`${place}: `), line).toBe(true);
    else expect(after, line).toMatch(place);
  }
}

function expectOnly(dir: string, names: string[]): void {
  expect(readdirSync(dir).sort()).toEqual([...names].sort());
}

/** Runs the CLI in its own process, with a time limit (for inputs that could hang a process). */
function runProcess(args: string[], timeout = 30_000): CliResult & { signal: string | null } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `${repoRoot}src/cli.ts`, ...args], { cwd: repoRoot, encoding: 'utf8', timeout });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

// ---------------------------------------------------------------------------------------------
// Minimal .xlsx archives written by hand, so a test controls every byte and size

function zip(entries: Array<{ name: string; data: Buffer; declaredSize?: number }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const deflated = deflateRawSync(e.data, { level: e.data.length > 1024 * 1024 ? 1 : 6 }); // level 1: big test data fast
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, deflated);
    centrals.push(central, name);
    offset += 30 + name.length + deflated.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** An .xlsx workbook with one sheet; `rows` is the sheet's <sheetData> content. */
function xlsx(sheetData: string | Buffer, declaredSheetSize?: number): Buffer {
  const x = (s: string) => Buffer.from(s);
  const data = typeof sheetData === 'string' ? x(sheetData) : sheetData;
  const head = x('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const tail = x('</sheetData></worksheet>');
  return zip([
    {
      name: '[Content_Types].xml',
      data: x(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: x(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: x(
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: x(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.concat([head, data, tail]), ...(declaredSheetSize !== undefined ? { declaredSize: declaredSheetSize } : {}) },
  ]);
}

const inlineRow = (r: number, cells: string[]) =>
  `<row r="${r}">${cells.map((c, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${c}</t></is></c>`).join('')}</row>`;

// ---------------------------------------------------------------------------------------------

describe('files that are not regular files, or too large', () => {
  it('a directory as the municipality file', async () => {
    const dir = tmp();
    const r = await runMain(['summary', dir]);
    // refused before anything is read, with the file to give instead (here: none in the folder)
    expectUserError(r, 2, dir, undefined, 'is a folder, not a file. it holds no .json / .xlsx file');
  });

  it('a named companion that is a FIFO fails at once instead of hanging', () => {
    const { dir, file } = sample();
    const fifo = join(dir, 'peers.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = runProcess(['summary', file, '--peers', fifo]);
    expect(r.signal).toBeNull(); // not killed by the time limit
    expectUserError(r, 2, fifo, undefined, 'is a named pipe (FIFO), not a JSON file');
    expectOnly(dir, ['municipality.json', 'grants.json', 'narrative.json', 'peers.fifo']);
  });

  it('a named companion that is /dev/zero is refused before anything is read', async () => {
    const { dir, file } = sample();
    const r = await runMain(['summary', file, '--grants', '/dev/zero']);
    expectUserError(r, 2, '/dev/zero', undefined, 'is a device, not a JSON file');
    expectOnly(dir, ['municipality.json', 'grants.json', 'narrative.json']);
  });

  it('a file above the size cap of its kind is refused by its size, not read', async () => {
    const { dir, file } = sample();
    const big = join(dir, 'narrative-big.json');
    writeFileSync(big, '');
    truncateSync(big, 11 * 1024 * 1024); // sparse: 11 MB of nothing, over the 10 MB JSON cap
    const r = await runMain(['summary', file, '--narrative', big]);
    expectUserError(r, 2, big, undefined, /is too large for a JSON file: 11\.0 MB on disk, the limit is 10\.0 MB/);
  });
});

describe('encodings', () => {
  it('a municipality.json saved as Shift_JIS is refused naming the encoding, never shown as mojibake', async () => {
    const { dir, file } = sample();
    const sjis: Record<string, number[]> = { 京: [0x8b, 0x9e], 都: [0x93, 0x73], 市: [0x8e, 0x73], 府: [0x95, 0x7b] };
    const bytes = Buffer.from([...readFileSync(file, 'utf8')].flatMap((ch) => sjis[ch] ?? [...Buffer.from(ch)]));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    writeFileSync(file, bytes);
    const r = await runMain(['summary', file]);
    expectUserError(r, 2, file, undefined, /is Shift_JIS \(CP932\) text; JSON files must be UTF-8: re-save it as UTF-8/);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain('\uFFFD');
    expectOnly(dir, ['municipality.json', 'grants.json', 'narrative.json']);
  });

  it('a UTF-8 BOM is accepted', async () => {
    const { file } = sample((t) => '\uFEFF' + t);
    const r = await runMain(['summary', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('a Shift_JIS CSV (as Japanese Excel saves it) is read: its text comes out right', async () => {
    const dir = tmp();
    const file = join(dir, 'raw.csv');
    // "code,name,suishin.II.ii.1" / "990001,京都,12" / "990002,京都,x" with 京都 in Shift_JIS
    const kyoto = Buffer.from([0x8b, 0x9e, 0x93, 0x73]);
    writeFileSync(file, Buffer.concat([Buffer.from('code,name,suishin.II.ii.1\r\n990001,'), kyoto, Buffer.from(',12\r\n990002,'), kyoto, Buffer.from(',x\r\n')]));
    const r = await runMain(['tiers', file, '--json']);
    expectUserError(r, 2, file, 'line 3, column 3 (suishin.II.ii.1)', '"x" is not a number');
    writeFileSync(file, Buffer.concat([Buffer.from('code,name,suishin.II.ii.1\r\n990001,'), kyoto, Buffer.from(',12\r\n')]));
    const ok = await runMain(['tiers', file, '--code', '990001', '--json']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('京都');
  });
});

describe('JSON', () => {
  it('a syntax error in a companion file: line and column, and none of the file\'s text', async () => {
    const { dir, file } = sample();
    const peers = join(dir, 'peers.json');
    writeFileSync(peers, '{\n  "name": "TOPSECRET-4711",\n  "members": [1, 2,]\n}\n');
    const r = await runMain(['summary', file, '--peers', peers]);
    expectUserError(r, 2, peers, 'line 3, column 20', 'not valid JSON: a comma before the closing bracket (JSON allows no trailing comma)');
    expect(r.stderr).not.toContain('TOPSECRET');
  });

  it('JSON nested 100,000 levels deep is refused at a depth limit, not a crash', async () => {
    const { dir, file } = sample();
    const deep = join(dir, 'deep.json');
    writeFileSync(deep, '{"members":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}');
    const r = await runMain(['summary', file, '--peers', deep]);
    expectUserError(r, 2, deep, 'line 1, column 75', 'not valid JSON: nested deeper than 64 levels of objects and arrays');
  });

  it('a __proto__ or constructor key in scores is reported at its line, not dropped', async () => {
    const { file } = sample((t) => t.replace('"suishin.I.i.1": 16,', '"suishin.I.i.1": 16,\n    "__proto__": 16,\n    "constructor": 4,'));
    const r = await runMain(['summary', file]);
    expectUserError(r, 2, file, '$.scores.__proto__ (line 11, column 5)', 'key "__proto__" is not allowed');
    expectUserError(r, 2, file, '$.scores.constructor (line 12, column 5)', 'key "constructor" is not allowed');
  });

  it('rule errors name the JSON path and the line and column where the value was typed', async () => {
    const { file } = sample((t) => t.replace('"suishin.I.i.1": 16,', '"suishin.I.i.1": 15,'));
    const r = await runMain(['summary', file]);
    expectUserError(r, 2, file, '$.scores["suishin.I.i.1"] (line 10, column 5)', 'score 15 of "suishin.I.i.1" cannot be produced by its 配点 rule');
  });
});

describe('tables (CSV and .xlsx)', () => {
  it('a CSV with 200,000 junk rows: problems listed up to the cap, then "and N more"', async () => {
    const dir = tmp();
    const file = join(dir, 'junk.csv');
    writeFileSync(file, 'code,suishin.II.ii.1\n' + 'x,y\n'.repeat(200_000));
    const r = await runMain(['tiers', file]);
    expectUserError(r, 2, file, 'line 2, column 1 (code)', '"x" is not a 全国地方公共団体コード');
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBe(201);
    expect(lines.at(-1)).toBe(`kofukin tiers: error: ${file}: … and 399800 more problem(s) not listed`);
    expectOnly(dir, ['junk.csv']);
  });

  it('an .xlsx with a million junk rows is refused by its uncompressed size before it is inflated', async () => {
    const dir = tmp();
    const file = join(dir, 'junk.xlsx');
    const rows: string[] = [];
    for (let r = 1; r <= 1_000_000; r++) rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>x</t></is></c></row>`);
    writeFileSync(file, xlsx(rows.join('')));
    const r = await runMain(['tiers', file]);
    expectUserError(r, 2, file, undefined, /is too large: its contents would take more than 40\.0 MB uncompressed/);
    expectOnly(dir, ['junk.xlsx']);
  });

  it('an .xlsx with 20,000 junk rows (within the caps) reports its problems capped, by cell', async () => {
    const dir = tmp();
    const file = join(dir, 'junk.xlsx');
    const rows = [inlineRow(1, ['code', 'suishin.II.ii.1'])];
    for (let r = 2; r <= 20_001; r++) rows.push(inlineRow(r, ['x', 'y']));
    writeFileSync(file, xlsx(rows.join('')));
    const r = await runMain(['tiers', file]);
    expectUserError(r, 2, file, 'Sheet1!A2', '"x" is not a 全国地方公共団体コード');
    expect(r.stderr).toContain('… and 39800 more problem(s) not listed');
  });

  it('a zip bomb that declares its real size is refused from the directory, before inflating', async () => {
    const dir = tmp();
    const file = join(dir, 'bomb.xlsx');
    writeFileSync(file, xlsx(Buffer.alloc(64 * 1024 * 1024, 0x20)));
    expect(readFileSync(file).length).toBeLessThan(1024 * 1024);
    const r = await runMain(['tiers', file]);
    expectUserError(r, 2, file, undefined, /is too large: its contents would take more than 40\.0 MB uncompressed/);
  });

  it('a zip bomb that lies about its size is refused after inflating no more than it declared; memory stays small', () => {
    const dir = tmp();
    const file = join(dir, 'liar.xlsx');
    writeFileSync(file, xlsx(Buffer.alloc(256 * 1024 * 1024, 0x20), 1000));
    expect(readFileSync(file).length).toBeLessThan(4 * 1024 * 1024);
    // run in a process of its own and report its peak memory (VmHWM, kB: unlike getrusage's
    // maxrss it is not inherited from this test process across fork and exec)
    const script = `import { readFileSync } from 'node:fs';
import { main } from '${repoRoot}src/cli.ts';
const code = await main(['tiers', ${JSON.stringify(file)}], { stdout: process.stdout, stderr: process.stderr });
process.stdout.write('maxRSS=' + /VmHWM:\\s*(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1] + '\\n');
process.exitCode = code;`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    expectUserError({ code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }, 2, file, undefined, /is too large: its contents would take more than 40\.0 MB uncompressed/);
    const maxRss = Number(/maxRSS=(\d+)/.exec(r.stdout)?.[1]);
    expect(maxRss).toBeGreaterThan(0);
    expect(maxRss).toBeLessThan(200 * 1024); // kB: far below the 256 MB the entry would inflate to
  });

  it('a formula cell uses its saved value; one without a saved value is an error naming the cell', async () => {
    const dir = tmp();
    const file = join(dir, 'raw.xlsx');
    const head = inlineRow(1, ['code', 'suishin.II.ii.1']);
    const row = (r: number, code: string, valueXml: string) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${code}</t></is></c>${valueXml}</row>`;
    writeFileSync(file, xlsx(head + row(2, '990001', '<c r="B2"><f>6*2</f><v>12</v></c>') + row(3, '990002', '<c r="B3"><f>6*3</f></c>')));
    const r = await runMain(['tiers', file]);
    expectUserError(r, 2, file, 'Sheet1!B3', 'the cell has a formula but no saved value');
    expect(r.stderr.trim().split('\n')).toHaveLength(1); // B2's saved value 12 is accepted
  });

  it('a file that is not a zip archive at all, named .xlsx', async () => {
    const dir = tmp();
    const file = join(dir, 'raw.xlsx');
    writeFileSync(file, 'code,suishin.II.ii.1\n990001,1\n');
    const r = await runMain(['tiers', file]);
    expectUserError(r, 2, file, undefined, /: not a readable \.xlsx workbook \(it is not a ZIP archive\)/);
  });
});

describe('the fill-in workbook: rule errors name the cell', () => {
  it('a score its 配点 rule cannot produce is located at its 推進 cell, not a JSON path', async () => {
    const dir = tmp();
    const book = join(dir, 'kyoto.xlsx');
    const made = await runMain(['init', samplePath('municipality.json'), '--out', book]);
    expect(made.code, made.stderr).toBe(0);
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    await wb.xlsx.readFile(book);
    const ws = wb.getWorksheet('推進')!;
    let row = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(1).value === 'suishin.I.i.1') row = n;
    });
    expect(row).toBeGreaterThan(0);
    ws.getCell(`E${row}`).value = 15;
    // clear the stated totals (公表値 …), which 15 would contradict: only the 配点 rule is at stake
    wb.getWorksheet('基本情報')!.eachRow((r) => {
      if (String(r.getCell(1).value ?? '').startsWith('公表値')) r.getCell(2).value = null;
    });
    await wb.xlsx.writeFile(book);
    const r = await runMain(['summary', book]);
    expectUserError(r, 2, book, `推進!E${row}`, 'score 15 of "suishin.I.i.1" cannot be produced by its 配点 rule');
    expect(r.stderr).not.toContain('$.scores');
    expectOnly(dir, ['kyoto.xlsx']);
  });
});

describe('one municipality-code rule for every reader', () => {
  it('six digits need their check digit; five are resolved by context or refused as ambiguous', () => {
    expect(readMunicipalityCode('261009')).toEqual({ ok: true, code: '261009' });
    expect(readMunicipalityCode('２６１００９ ')).toEqual({ ok: true, code: '261009' });
    expect(readMunicipalityCode('261008')).toEqual({ ok: false, rule: 'code 261008 has a wrong check digit: 26100 gives 261009' });
    // a dropped leading zero (北海道 011002 → 11002) or a missing check digit (京都市 26100 → 261009)
    expect(readMunicipalityCode('11002', { prefecture: '北海道' })).toEqual({ ok: true, code: '011002' });
    expect(readMunicipalityCode('26100', { prefecture: '京都府' })).toEqual({ ok: true, code: '261009' });
    expect(readMunicipalityCode('11002', { known: new Set(['011002']) })).toEqual({ ok: true, code: '011002' });
    expect(readMunicipalityCode('13101', { known: new Set(['131016']) })).toEqual({ ok: true, code: '131016' });
    expect(readMunicipalityCode('11002', { fromNumber: true })).toEqual({ ok: true, code: '011002' });
    expect(readMunicipalityCode('26100')).toMatchObject({ ok: false, rule: expect.stringMatching(/^"26100" has 5 digits/) });
    expect(readMunicipalityCode('2610')).toMatchObject({ ok: false, rule: expect.stringContaining('is not a 全国地方公共団体コード') });
  });

  it('the municipality.json code goes through the same rule', async () => {
    const five = sample((t) => t.replace('"code": "261009"', '"code": "26100"'));
    const r = await runMain(['summary', five.file]);
    expectUserError(r, 2, five.file, '$.municipality.code (line 4, column 5)', '"26100" has 5 digits: give the 6-digit 全国地方公共団体コード');
    const wrong = sample((t) => t.replace('"code": "261009"', '"code": "261008"'));
    const w = await runMain(['summary', wrong.file]);
    expectUserError(w, 2, wrong.file, '$.municipality.code (line 4, column 5)', 'code 261008 has a wrong check digit: 26100 gives 261009');
  });
});
