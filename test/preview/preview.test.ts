/**
 * `kofukin preview`: serves the report's HTML (the built file plus only a live-reload script),
 * rebuilds when an input file is saved (and tells open pages), shows input errors as a page and
 * recovers when they are fixed, and prints the same PDF as `build` on demand. Everything is
 * asserted through content; waits are for the next build, never for a time.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src/preview/server.ts';
import { runMain } from '../helpers/cli.ts';
import { dataPath, repoRoot, samplePath } from '../helpers/seeds.ts';
import { sampleBuild } from '../helpers/fixtures.ts';
import { SLOW_TEST_MS } from '../helpers/time-limits.ts';

const dir = mkdtempSync(join(tmpdir(), 'kofukin-preview-'));
// the sample's folder layout, so its relative companion paths resolve
const sampleDir = join(dir, 'samples', 'kyoto-2024');
mkdirSync(sampleDir, { recursive: true });
for (const f of ['municipality.json', 'grants.json', 'narrative.json']) cpSync(samplePath(f), join(sampleDir, f));
cpSync(dataPath('national'), join(dir, 'national'), { recursive: true });
cpSync(dataPath('peers'), join(dir, 'peers'), { recursive: true });
const municipality = join(sampleDir, 'municipality.json');
const narrativeFile = join(sampleDir, 'narrative.json');
const originalNarrative = readFileSync(narrativeFile, 'utf8');
const TITLE = '令和6年度における保険者機能強化推進交付金等の評価結果について';

const get = async (url: string) => {
  const r = await fetch(url);
  return { status: r.status, type: r.headers.get('content-type') ?? '', body: Buffer.from(await r.arrayBuffer()) };
};
const withoutReloadScript = (html: string) => html.replace(/<script>\(\(\) => \{ const s = new EventSource\("\/events"\);[^<]*<\/script>/, '');

let preview: Preview;
const logged: string[] = [];

beforeAll(async () => {
  preview = await startPreview(municipality, { port: 0, log: (line) => logged.push(line) });
}, SLOW_TEST_MS);

afterAll(async () => {
  await preview?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('kofukin preview', () => {
  it('serves the report: the same HTML as build, plus the live-reload script only', async () => {
    expect(preview.current.ok).toBe(true);
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await get(preview.url);
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    const html = page.body.toString('utf8');
    expect(html).toContain(`<title>${TITLE}</title>`);
    expect(html).toContain('new EventSource("/events")');

    // what `kofukin build` makes of the same files (the sample, printed once per test run)
    const built = await sampleBuild('kyoto-2024');
    const buildHtml = readFileSync(built.html, 'utf8');
    expect(buildHtml).not.toContain('<script');
    expect(withoutReloadScript(html)).toBe(buildHtml);

    // the PDF on demand is the one build prints, byte for byte
    const pdf = await get(`${preview.url}report.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.body.equals(readFileSync(built.pdf))).toBe(true);
    expect(preview.watched).toEqual(expect.arrayContaining([municipality, narrativeFile, join(sampleDir, 'grants.json'), join(dir, 'national', 'fy2024-summary.json')]));
  }, SLOW_TEST_MS);

  it('rebuilds when an input file is saved and tells the open page to reload', async () => {
    const events = new AbortController();
    const stream = await fetch(`${preview.url}events`, { signal: events.signal });
    const reader = stream.body!.getReader();
    let seen = '';
    const read = async (until: RegExp) => {
      while (!until.test(seen)) {
        const { value, done } = await reader.read();
        if (done) break;
        seen += Buffer.from(value).toString('utf8');
      }
    };
    await read(/event: hello/);
    const before = preview.current.version;

    const next = preview.nextBuild();
    writeFileSync(narrativeFile, originalNarrative.replace(TITLE, `${TITLE}（改訂版）`));
    const build = await next;
    expect(build.ok).toBe(true);
    expect(build.version).toBeGreaterThan(before);
    const html = (await get(preview.url)).body.toString('utf8');
    expect(html).toContain(`${TITLE}（改訂版）`);
    await read(new RegExp(`event: rebuilt\\ndata: ${build.version}\\n`));
    events.abort();
    // the PDF follows the new version
    const pdf = await get(`${preview.url}report.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.body.toString('latin1')).toMatch(/^%PDF-/);
  }, SLOW_TEST_MS);

  it('shows an input error as a page (escaped, with the file and place) and recovers when it is fixed', async () => {
    let next = preview.nextBuild();
    writeFileSync(narrativeFile, originalNarrative.replace(`"${TITLE}"`, '"<b>x</b>", "extra": }'));
    const failed = await next;
    expect(failed.ok).toBe(false);
    expect(failed.errors.join('\n')).toContain('narrative.json');
    const page = (await get(preview.url)).body.toString('utf8');
    expect(page).toContain('narrative.json');
    expect(page).toContain('new EventSource("/events")');
    expect(page).not.toContain('<b>x</b>');
    const pdf = await get(`${preview.url}report.pdf`);
    expect(pdf.status).toBe(409);
    expect(logged.join('\n')).toContain('narrative.json');

    next = preview.nextBuild();
    writeFileSync(narrativeFile, originalNarrative);
    const fixed = await next;
    expect(fixed.ok).toBe(true);
    expect((await get(preview.url)).body.toString('utf8')).toContain(`<title>${TITLE}</title>`);
  }, SLOW_TEST_MS);

  it('a port in use is a user error that names it', async () => {
    const blocker = createServer();
    await new Promise<void>((ok) => blocker.listen(0, '127.0.0.1', ok));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startPreview(municipality, { port })).rejects.toThrow(new RegExp(`127\\.0\\.0\\.1:${port}`));
    } finally {
      blocker.close();
    }
  }, SLOW_TEST_MS);

  it('usage errors: no file, a port that is not a number', async () => {
    expect((await runMain(['preview'])).code).toBe(64);
    const bad = await runMain(['preview', municipality, '--port', 'abc']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('--port');
  });

  it('as a process: prints its address and serves the report until stopped', async () => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin/kofukin.js'), 'preview', municipality, '--port', '0'], {
      env: { ...process.env, KOFUKIN_LANG: 'en' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const url = await new Promise<string>((ok, fail) => {
        child.stdout.on('data', (d) => {
          out += String(d);
          const m = /preview: (http:\/\/\S+\/)/.exec(out);
          if (m) ok(m[1]!);
        });
        child.once('exit', (code) => fail(new Error(`preview exited (${code}) before serving: ${out}`)));
      });
      expect((await get(url)).body.toString('utf8')).toContain(`<title>${TITLE}</title>`);
    } finally {
      child.kill('SIGTERM');
      await new Promise((ok) => (child.exitCode !== null ? ok(null) : child.once('exit', ok)));
    }
  }, SLOW_TEST_MS);
});
