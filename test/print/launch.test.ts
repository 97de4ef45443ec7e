import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../src/errors/errors.ts';
import { LAUNCH_ARGS, findInstalledBrowsers, launchBrowser, sparticuzArgs } from '../../src/print/browser.ts';

const dir = mkdtempSync(join(tmpdir(), 'kofukin-launch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeExecutable(name: string, script = '#!/bin/sh\nexit 1\n'): string {
  const p = join(dir, name);
  writeFileSync(p, script);
  chmodSync(p, 0o755);
  return p;
}

describe('launch flags', () => {
  it('are the closed-network set', () => {
    for (const f of ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--font-render-hinting=none']) {
      expect(LAUNCH_ARGS).toContain(f);
    }
  });

  it('drop --single-process and its companions from @sparticuz/chromium', () => {
    const args = sparticuzArgs([
      '--ash-no-nudges',
      '--single-process',
      '--no-zygote',
      '--in-process-gpu',
      "--headless='shell'",
      '--use-gl=angle',
      '--disable-web-security',
      '--disable-features=AudioServiceOutOfProcess,IsolateOrigins,site-per-process',
      '--no-pings',
    ]);
    expect(args).toEqual(['--ash-no-nudges', '--no-pings']);
  });
});

describe('findInstalledBrowsers', () => {
  it('checks the fixed paths, then PATH', () => {
    const onPath = fakeExecutable('chromium');
    writeFileSync(join(dir, 'google-chrome'), 'not executable');
    expect(findInstalledBrowsers({ PATH: dir }, ['/nonexistent/chrome'])).toEqual([onPath]);
    expect(findInstalledBrowsers({ PATH: '' }, [onPath, onPath])).toEqual([onPath]);
    expect(findInstalledBrowsers({ PATH: '' }, [])).toEqual([]);
  });
});

describe('launchBrowser', () => {
  it('names all three options and why each failed', async () => {
    const err = await launchBrowser({
      env: { PATH: '' },
      installedPaths: [],
      sparticuz: async () => {
        throw new Error("Cannot find package '@sparticuz/chromium'");
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/1\. explicit: not set \(option executablePath or env KOFUKIN_BROWSER\)/);
    expect(msg).toMatch(/2\. installed: none found \(looked at .*on PATH\)/);
    expect(msg).toMatch(/3\. @sparticuz\/chromium: package not installed or not loadable: Cannot find package/);
    expect((err as EnvironmentError).exitCode).toBe(69);
  });

  it('goes on past an installed browser that does not start', async () => {
    const broken = fakeExecutable('broken-chrome');
    const err = await launchBrowser({
      env: { PATH: '' },
      installedPaths: [broken],
      sparticuz: false,
      timeoutMs: 10_000,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    const msg = (err as Error).message;
    expect(msg).toContain(`2. installed (${broken}): launch failed`);
    expect(msg).toContain('3. @sparticuz/chromium: disabled by option');
  });

  it('a browser the user named that is missing or does not start is an error, not a fallback to another', async () => {
    const missing = await launchBrowser({ executablePath: '/nonexistent/chrome', env: { PATH: '' }, sparticuz: false }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(EnvironmentError);
    expect((missing as Error).message).toBe('the browser given by --browser cannot be used: /nonexistent/chrome: no executable file at this path');
    const broken = fakeExecutable('broken-chrome');
    // an installed browser would work, but the named one is used or nothing
    const failed = await launchBrowser({ env: { KOFUKIN_BROWSER: broken, PATH: '' }, sparticuz: false, timeoutMs: 10_000 }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(EnvironmentError);
    expect((failed as Error).message).toMatch(new RegExp(`^the browser given by KOFUKIN_BROWSER cannot be used: ${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: launch failed`));
  });
});

describe('a running browser (KOFUKIN_BROWSER_WS_ENDPOINT)', () => {
  it('is connected to instead of launching; one that is not there is an environment error naming it', async () => {
    const endpoint = 'ws://127.0.0.1:9/devtools/browser/nowhere';
    const err = await launchBrowser({ env: { KOFUKIN_BROWSER_WS_ENDPOINT: endpoint, PATH: '' }, installedPaths: [], sparticuz: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect((err as Error).message).toContain(`cannot connect to the browser at ${endpoint} (option browserWSEndpoint or env KOFUKIN_BROWSER_WS_ENDPOINT)`);
    expect((err as EnvironmentError).exitCode).toBe(69);
  });

  it('an explicit browser path or an empty address launches instead', async () => {
    const broken = fakeExecutable('broken-chrome-2');
    for (const opts of [
      { executablePath: broken, env: { KOFUKIN_BROWSER_WS_ENDPOINT: 'ws://127.0.0.1:9/x', PATH: '' } },
      { browserWSEndpoint: '', env: { KOFUKIN_BROWSER: broken, KOFUKIN_BROWSER_WS_ENDPOINT: 'ws://127.0.0.1:9/x', PATH: '' } },
    ]) {
      const err = await launchBrowser({ ...opts, installedPaths: [], sparticuz: false, timeoutMs: 10_000 }).catch((e: unknown) => e);
      // the named browser is used or nothing: no connection attempt, no fallback
      expect((err as Error).message).toContain(`cannot be used: ${broken}: launch failed`);
    }
  });
});

describe('@sparticuz/chromium fallback', () => {
  let available = true;
  try {
    createRequire(import.meta.url).resolve('@sparticuz/chromium');
  } catch {
    available = false;
  }

  it.skipIf(!available)('launches its Chromium without --single-process when nothing else is there', async () => {
    const l = await launchBrowser({ env: { PATH: '' }, installedPaths: [] });
    try {
      expect(l.source).toBe('@sparticuz/chromium');
      expect(l.attempts.map((a) => a.source)).toEqual(['explicit', 'installed', '@sparticuz/chromium']);
      const args = l.browser.process()!.spawnargs;
      expect(args).not.toContain('--single-process');
      expect(args).not.toContain('--no-zygote');
      expect(args).toContain('--disable-quic');
      expect(args.some((a) => a.startsWith('--user-data-dir=') && a.includes('kofukin-chrome-'))).toBe(true);
      // extra pages work (they do not with --single-process)
      const pages = await Promise.all([l.browser.newPage(), l.browser.newPage()]);
      const texts = await Promise.all(
        pages.map(async (p, i) => {
          await p.setContent(`<p>${i}</p>`);
          return p.evaluate(() => document.body.textContent);
        }),
      );
      expect(texts).toEqual(['0', '1']);
    } finally {
      await l.close();
    }
  });
});

describe('installed browser', () => {
  it.skipIf(!existsSync('/usr/bin/chromium'))('launches with the closed-network flags and a fresh profile, removed on close', async () => {
    const l = await launchBrowser({ env: { PATH: '' } });
    expect(l.source).toBe('installed');
    const args = l.browser.process()!.spawnargs;
    for (const f of LAUNCH_ARGS) expect(args).toContain(f);
    expect(existsSync(l.userDataDir)).toBe(true);
    await l.close();
    await l.close();
    expect(existsSync(l.userDataDir)).toBe(false);
  });
});
