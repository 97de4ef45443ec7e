/**
 * The output layer on its own: an OutputSet commits all its files or none, restores the files
 * it already replaced when a rename fails midway, removes its temporary files and the folders
 * it created; the CSV writer neutralises formula cells and leaves numbers alone.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CannotWriteError } from '../../src/errors/errors.ts';
import { CsvNumber, csvField, formatCsv } from '../../src/output/csv.ts';
import { OutputSet, outputFs, recoverStagedFiles, withOutputSet } from '../../src/output/set.ts';
import { expectNoStray, expectUnchanged, snapshot, systemError, tempDir } from './output-helpers.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

function folderWithEarlierOutputs(): string {
  const dir = tempDir('set');
  writeFileSync(join(dir, 'a.html'), 'old html');
  writeFileSync(join(dir, 'b.pdf'), 'old pdf');
  return dir;
}

describe('OutputSet', () => {
  it('renames every staged file together at commit; nothing shows before', async () => {
    const dir = folderWithEarlierOutputs();
    const before = snapshot(dir);
    const set = new OutputSet();
    await set.write(join(dir, 'a.html'), 'new html');
    await set.write(join(dir, 'b.pdf'), Buffer.from('new pdf'));
    await set.write(join(dir, 'c.json'), '{}');
    expect(readFileSync(join(dir, 'a.html'), 'utf8')).toBe('old html');
    expect([...snapshot(dir).keys()].filter((n) => n.endsWith('.tmp'))).toHaveLength(3);
    expect(set.commit()).toEqual(['a.html', 'b.pdf', 'c.json'].map((n) => join(dir, n)));
    expect(readFileSync(join(dir, 'a.html'), 'utf8')).toBe('new html');
    expect(readFileSync(join(dir, 'b.pdf'), 'utf8')).toBe('new pdf');
    expect([...snapshot(dir).keys()]).toEqual(['a.html', 'b.pdf', 'c.json']);
    expect(before.size).toBe(2);
  });

  it('a failure while staging leaves the folder exactly as it was', async () => {
    const dir = folderWithEarlierOutputs();
    const before = snapshot(dir);
    await expect(
      withOutputSet(async (out) => {
        await out.write(join(dir, 'a.html'), 'new html');
        throw new Error('the PDF step failed');
      }),
    ).rejects.toThrow('the PDF step failed');
    expectUnchanged(dir, before);
  });

  it('a rename that fails midway puts back the files already replaced, from their backups', async () => {
    const dir = folderWithEarlierOutputs();
    const before = snapshot(dir);
    const rename = outputFs.rename.bind(outputFs);
    vi.spyOn(outputFs, 'rename').mockImplementation((from, to) => {
      if (to.endsWith('c.json')) throw systemError('EROFS', 'rename', from);
      rename(from, to);
    });
    const err = await withOutputSet(async (out) => {
      await out.write(join(dir, 'a.html'), 'new html');
      await out.write(join(dir, 'b.pdf'), 'new pdf');
      await out.write(join(dir, 'c.json'), '{}');
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CannotWriteError);
    expect((err as CannotWriteError).exitCode).toBe(73);
    expect((err as Error).message).toBe(`cannot write ${join(dir, 'c.json')}: the file system is read-only (EROFS)`);
    expectUnchanged(dir, before);
  });

  it('a full disk while writing: CannotWriteError naming the file, folder unchanged', async () => {
    const dir = folderWithEarlierOutputs();
    const before = snapshot(dir);
    const writeNew = outputFs.writeNew.bind(outputFs);
    vi.spyOn(outputFs, 'writeNew').mockImplementation(async (path, data) => {
      await writeNew(path, typeof data === 'string' ? data.slice(0, 3) : data); // a partial file, then the error
      if (path.includes('b.pdf')) throw systemError('ENOSPC', 'write', path);
    });
    const err = await withOutputSet(async (out) => {
      await out.write(join(dir, 'a.html'), 'new html');
      await out.write(join(dir, 'b.pdf'), 'new pdf');
    }).catch((e: unknown) => e);
    expect((err as Error).message).toBe(`cannot write ${join(dir, 'b.pdf')}: no space left on the disk (ENOSPC)`);
    expectUnchanged(dir, before);
  });

  it('folders it created are removed again when the set is discarded, kept when committed', async () => {
    const dir = tempDir('set-dirs');
    await expect(
      withOutputSet(async (out) => {
        await out.write(join(dir, 'new', 'deeper', 'a.csv'), 'x');
        throw new Error('later failure');
      }),
    ).rejects.toThrow('later failure');
    expect([...snapshot(dir).keys()]).toEqual([]);
    await withOutputSet(async (out) => {
      await out.write(join(dir, 'new', 'deeper', 'a.csv'), 'x');
    });
    expect([...snapshot(dir).keys()]).toEqual(['new/', 'new/deeper/', 'new/deeper/a.csv']);
  });

  it('a folder in the way of a file, a file in the way of a folder: exit-73 errors naming both', async () => {
    const dir = tempDir('set-way');
    mkdirSync(join(dir, 'a.pdf'));
    writeFileSync(join(dir, 'plain'), 'x');
    const before = snapshot(dir);
    const set = new OutputSet();
    await expect(set.write(join(dir, 'a.pdf'), 'x')).rejects.toThrow(`cannot write ${join(dir, 'a.pdf')}: a folder of that name is in the way (EISDIR)`);
    await expect(set.write(join(dir, 'plain', 'sub', 'a.pdf'), 'x')).rejects.toThrow(
      `cannot write ${join(dir, 'plain', 'sub', 'a.pdf')}: ${join(dir, 'plain')} is a file, not a folder (ENOTDIR)`,
    );
    await expect(set.write(join(dir, 'plain', 'a.pdf'), 'x')).rejects.toThrow(`cannot write ${join(dir, 'plain', 'a.pdf')}: ${join(dir, 'plain')} is a file, not a folder (EEXIST)`);
    set.discard();
    expectUnchanged(dir, before);
    expectNoStray(dir);
  });

  it('cannot be used after commit or discard', async () => {
    const set = new OutputSet();
    set.discard();
    await expect(set.write(join(tempDir('set-closed'), 'a'), 'x')).rejects.toThrow('output set already discarded');
  });
});

describe('the CSV writer', () => {
  it('prefixes text a spreadsheet would run as a formula with a quote (OWASP)', () => {
    expect(['=HYPERLINK("http://x","y")', '+1', '-cmd', '@SUM(A1)', '\tx', '\rx'].map(csvField)).toEqual([
      `"'=HYPERLINK(""http://x"",""y"")"`,
      "'+1",
      "'-cmd",
      "'@SUM(A1)",
      "'\tx",
      `"'\rx"`,
    ]);
  });

  it('writes numbers as numbers, a formatted number as its text, a number-looking string as text', () => {
    expect([-12, 3.5, 0, new CsvNumber(-3.2, '-3.2'), new CsvNumber(11.8, '+11.8'), new CsvNumber(69.3, '69.3%')].map(csvField)).toEqual([
      '-12', '3.5', '0', '-3.2', '+11.8', '69.3%',
    ]);
    expect(csvField('-12')).toBe("'-12");
    expect(() => new CsvNumber(1, '=1')).toThrow('not a plain number');
  });

  it('leaves ordinary text, empty cells and booleans alone; BOM and CRLF', () => {
    expect(formatCsv([['札幌市', 'a=b', '', null, true], ['x,y', ' lead', 1]], { bom: true })).toBe('\uFEFF札幌市,a=b,,,true\r\n"x,y"," lead",1\r\n');
  });
});

describe('recoverStagedFiles (what a process killed outright left)', () => {
  it('removes its staged files, puts back a moved-aside file whose new version never arrived, and touches nothing else', () => {
    const dir = tempDir('recover');
    const dead = 4242;
    writeFileSync(join(dir, 'report.pdf'), 'new');
    writeFileSync(join(dir, `.report.pdf.${dead}.aaaaaaaaaaaa.bak`), 'old'); // renamed in: the backup goes
    writeFileSync(join(dir, `.report.html.${dead}.bbbbbbbbbbbb.bak`), 'old html'); // killed in between: restored
    writeFileSync(join(dir, `.report.docx.${dead}.cccccccccccc.tmp`), 'half');
    writeFileSync(join(dir, `.report.docx.${dead + 1}.dddddddddddd.tmp`), 'another process'); // not the dead one's
    writeFileSync(join(dir, `.notes.${dead}.tmp`), 'not a name OutputSet gives');
    expect(recoverStagedFiles(dir, dead)).toBe(3);
    expect(readdirSync(dir).sort()).toEqual([`.notes.${dead}.tmp`, `.report.docx.${dead + 1}.dddddddddddd.tmp`, 'report.html', 'report.pdf']);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe('old html');
    expect(readFileSync(join(dir, 'report.pdf'), 'utf8')).toBe('new');
    expect(recoverStagedFiles(join(dir, 'missing'), dead)).toBe(0);
  });
});
