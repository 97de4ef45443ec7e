/**
 * `batch --docx`: one Word file per report beside its PDF and HTML, and a report whose Word file
 * is missing is not skipped as unchanged.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMain, type CliResult } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/seeds.ts';
import { readZip } from '../helpers/zip.ts';

const work = mkdtempSync(join(tmpdir(), 'kofukin-batch-docx-'));
const dir = join(work, 'municipalities');
const out = join(work, 'out');
const key = 'kofukin-2024-990001';
let first: CliResult;

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  const base = `${repoRoot}data/samples/fictional-town/`;
  const j = JSON.parse(readFileSync(`${base}municipality.json`, 'utf8'));
  j.files = Object.fromEntries(Object.entries(j.files as Record<string, string>).map(([k, v]) => [k, join(base, v)]));
  writeFileSync(join(dir, 'town.json'), JSON.stringify(j));
  first = await runMain(['batch', dir, '--out', out, '--concurrency', '1', '--docx']);
}, 240_000);

describe('kofukin batch --docx', () => {
  it('writes a .docx per report beside the PDF and HTML', () => {
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('built 1, unchanged 0, failed 0 of 1');
    expect(readdirSync(out).filter((f) => f.startsWith(key)).sort()).toEqual([`${key}.docx`, `${key}.html`, `${key}.pdf`]);
    const document = readZip(readFileSync(join(out, `${key}.docx`))).get('word/document.xml')!.toString('utf8');
    expect(document).toContain('架空町');
  });

  it('rebuilds a report whose Word file is missing, and skips it when all three are there', async () => {
    rmSync(join(out, `${key}.docx`));
    const again = await runMain(['batch', dir, '--out', out, '--concurrency', '1', '--docx']);
    expect(again.stdout).toContain('built 1, unchanged 0, failed 0 of 1');
    expect(existsSync(join(out, `${key}.docx`))).toBe(true);
    const third = await runMain(['batch', dir, '--out', out, '--concurrency', '1', '--docx']);
    expect(third.stdout).toContain('built 0, unchanged 1, failed 0 of 1');
  }, 240_000);
});
