/**
 * `kofukin agenda` argument and input errors: usage errors exit 64, bad input files exit 2 with
 * the file (and where in it) named; nothing is written and no browser is started.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'kofukin-agenda-cli-'));
const notPdf = join(dir, 'minutes.pdf');
writeFileSync(notPdf, '議事録（テキスト）\n');
const out = join(dir, 'packet.pdf');
const ok = ['--title', '協議会', '--date', '2024-12-10', '--out', out];

describe('kofukin agenda rejects bad arguments', () => {
  it('is listed in the command overview and has --help', async () => {
    expect((await runMain(['--help'])).stdout).toMatch(/agenda\s+bind report PDFs into one agenda packet/);
    const r = await runMain(['agenda', '--help']);
    expect(r.code).toBe(0);
    for (const o of ['--title', '--date', '--out', '--page-numbers', '--doc-title']) expect(r.stdout).toContain(o);
  });

  it('no input PDF: usage error', async () => {
    const r = await runMain(['agenda', ...ok]);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('no PDF to bind');
  });

  it('missing --title or --date, or a bad date: usage error', async () => {
    expect((await runMain(['agenda', notPdf, '--date', '2024-12-10'])).stderr).toContain('--title is required');
    const noDate = await runMain(['agenda', notPdf, '--title', 'x']);
    expect(noDate.code).toBe(64);
    expect(noDate.stderr).toContain('--date is required');
    const bad = await runMain(['agenda', notPdf, '--title', 'x', '--date', '2024-02-30']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('--date must be a date written YYYY-MM-DD, not "2024-02-30"');
  });

  it('more --doc-title than PDFs: usage error', async () => {
    const r = await runMain(['agenda', notPdf, ...ok, '--doc-title', 'a', '--doc-title', 'b']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('2 --doc-title given for 1 PDF(s)');
  });

  it('missing files and non-PDFs: input error naming each file', async () => {
    const missing = join(dir, 'nowhere.pdf');
    const r = await runMain(['agenda', missing, notPdf, ...ok]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`kofukin agenda: error: ${missing}: file not found`);
    expect(r.stderr).toContain(`kofukin agenda: error: ${notPdf}: byte 0: is not a PDF file (no "%PDF-" header)`);
    expect(existsSync(out)).toBe(false);
  });
});
