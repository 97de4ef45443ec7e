import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/print/browser.ts';
import { printPdf } from '../../src/print/pdf.ts';
import type { PdfMeta, PrintPdfOptions, PrintedPdf } from '../../src/print/pdf.ts';
import { sampleHtml } from './sample.ts';

const dir = mkdtempSync(join(tmpdir(), 'kofukin-print-test-'));
const session = new BrowserSession({ maxPages: 2 });
const meta: PdfMeta = {
  title: '京都市 令和6年度 評価結果報告書',
  author: '京都市 保健福祉局',
  subject: '保険者機能強化推進交付金・介護保険保険者努力支援交付金',
  keywords: ['介護保険', '交付金'],
  date: new Date('2025-03-31T00:00:00Z'),
};
const env = {}; // no SOURCE_DATE_EPOCH from the caller's environment

let html: string;
let first: PrintedPdf;
let firstPath: string;

function run(cmd: string, ...args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
}

function print(source: string, opts: PrintPdfOptions = {}): Promise<PrintedPdf> {
  return session.withPage((page) => printPdf(page, source, meta, { env, ...opts }));
}

let n = 0;
function save(pdf: Uint8Array): string {
  const p = join(dir, `out-${++n}.pdf`);
  writeFileSync(p, pdf);
  return p;
}

beforeAll(async () => {
  await session.start();
  html = await sampleHtml('<p>画像：<img src="https://example.com/x.png" alt="外部画像"></p>');
  first = await print(html);
  firstPath = save(first.pdf);
});

afterAll(async () => {
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('printPdf', () => {
  it('embeds the report font', () => {
    const fonts = run('pdffonts', firstPath).split('\n').slice(2).filter(Boolean);
    const ours = fonts.filter((l) => /BIZUDPGothic|Report.?Gothic/.test(l));
    expect(ours.length).toBeGreaterThanOrEqual(2); // regular and bold
    for (const l of ours) expect(l).toMatch(/\s+yes\s+yes\s+yes\s+/); // emb sub uni
    for (const l of fonts) expect(l, 'every font embedded').toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/);
  });

  it('gives back the Japanese text, with the table header on every page and page numbers', () => {
    const text = run('pdftotext', '-layout', firstPath, '-');
    for (const s of ['令和6年度 保険者機能強化推進交付金 評価結果報告書', '1. 評価の概要', '高齢者の保健事業と介護予防の一体的実施', '3. 今後の取組']) {
      expect(text).toContain(s);
    }
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.slice(1).forEach((p, i) => {
      if (/（その\d+）/.test(p)) expect(p, `page ${i + 2}`).toMatch(/番号\s+評価指標\s+得点/);
    });
    pages.forEach((p, i) => expect(p, `page ${i + 1}`).toMatch(new RegExp(`-\\s*${i + 1}\\s*-\\s*$`)));
    // the chart's labels are real text in the report font
    expect(text).toContain('指標');
  });

  it('is tagged, with title, metadata and an outline of the headings', () => {
    const info = run('pdfinfo', firstPath);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+京都市 令和6年度 評価結果報告書$/m);
    expect(info).toMatch(/^Author:\s+京都市 保健福祉局$/m);
    expect(info).toMatch(/^Creator:\s+kofukin-report$/m);
    expect(info).toMatch(/^CreationDate:\s+Mon Mar 31 00:00:00 2025 UTC$/m);
    expect(info).toMatch(/^Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)$/m);
    expect(Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1])).toBeGreaterThanOrEqual(2);

    const json = JSON.parse(run('qpdf', '--json', firstPath)) as {
      outlines: { title: string; kids: { title: string }[] }[];
    };
    expect(json.outlines[0]?.title).toBe('令和6年度 保険者機能強化推進交付金 評価結果報告書');
    expect(json.outlines[0]?.kids.map((k) => k.title)).toEqual(['1. 評価の概要', '2. 指標別の得点', '3. 今後の取組']);

    const catalog = run('qpdf', '--show-object=trailer', firstPath);
    expect(catalog).toMatch(/\/ID \[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]/);
    const root = /\/Root (\d+) 0 R/.exec(catalog)![1]!;
    const cat = run('qpdf', `--show-object=${root}`, firstPath);
    expect(cat).toContain('/Lang (ja)');
    expect(cat).toContain('/StructTreeRoot');
    expect(cat).toMatch(/\/MarkInfo << \/Marked true/);
    expect(run('qpdf', '--check', firstPath)).toContain('No syntax or stream encoding errors');
  });

  it('prints the same input to identical bytes', async () => {
    const again = await print(html);
    expect(again.pdf.equals(first.pdf)).toBe(true);
    const epoch = await print(html, { env: { SOURCE_DATE_EPOCH: '1735689600' } });
    expect(epoch.pdf.equals(first.pdf)).toBe(false);
    expect(run('pdfinfo', save(epoch.pdf))).toMatch(/^CreationDate:\s+Wed Jan  1 00:00:00 2025 UTC$/m);
  });

  it('blocks network requests, records them, and still prints', () => {
    expect(first.blockedRequests).toEqual(['https://example.com/x.png']);
    expect(first.pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('loads files from allowed directories only', async () => {
    const assets = join(dir, 'assets');
    const outside = join(dir, 'outside');
    mkdirSync(assets);
    mkdirSync(outside);
    // a 4×4 PNG, written by hand so the test needs no image tool
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAFklEQVR4nGNkaPjPgASYGFDBIOYDAFfBAhFwRmw3AAAAAElFTkSuQmCC',
      'base64',
    );
    writeFileSync(join(assets, 'logo.png'), png);
    writeFileSync(join(outside, 'secret.png'), png);
    const page = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>t</title></head><body>
      <img src="logo.png" width="40" height="40" alt="">
      <img src="${pathToFileURL(join(outside, 'secret.png')).href}" width="40" height="40" alt="">
      <img src="https://example.com/y.png" alt=""></body></html>`;
    const result = await print(page, { baseDir: assets });
    expect([...result.blockedRequests].sort()).toEqual([pathToFileURL(join(outside, 'secret.png')).href, 'https://example.com/y.png']);
    const images = run('pdfimages', '-list', save(result.pdf)).split('\n').slice(2).filter(Boolean);
    // our 4×4 PNG is drawn; the refused ones show only Chromium's broken-image icon (14×16)
    const sizes = images.map((l) => l.trim().split(/\s+/).slice(3, 5).join('x'));
    expect(sizes.filter((s) => s === '4x4')).toHaveLength(1);
  });
});

describe('BrowserSession', () => {
  it('limits the pages in use and never hands out a used page', async () => {
    let inUse = 0;
    let peak = 0;
    const seen = new Set<unknown>();
    // each page is held until two are out at once (however slowly a busy machine opens the
    // second), then 400 ms more, so that a pool handing out more than two would be seen
    let twoOut!: () => void;
    const bothOut = new Promise<void>((r) => (twoOut = r));
    await Promise.all(
      Array.from({ length: 5 }, () =>
        session.withPage(async (page) => {
          expect(seen.has(page)).toBe(false);
          seen.add(page);
          peak = Math.max(peak, ++inUse);
          if (inUse >= 2) twoOut();
          await bothOut;
          await new Promise((r) => setTimeout(r, 400));
          inUse--;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(seen.size).toBe(5);
  });

  it('relaunches the browser after a crash', async () => {
    // a browser of its own: the shared one must not be killed
    const own = new BrowserSession({ maxPages: 2, browserWSEndpoint: '' });
    try {
      const before = await own.start();
      expect(before.source).not.toBe('connected');
      const gone = new Promise((r) => before.browser.once('disconnected', r));
      before.browser.process()!.kill('SIGKILL');
      await gone;
      const again = await own.withPage((page) => printPdf(page, html, meta, { env }));
      expect(again.pdf.equals(first.pdf)).toBe(true);
      expect(own.restarts).toBe(1);
      expect(own.launched).not.toBe(before);
      expect(own.launched!.browser.connected).toBe(true);
    } finally {
      await own.close();
    }
  });

  it('closes once', async () => {
    const other = new BrowserSession({ browserWSEndpoint: '' });
    const l = await other.start();
    const a = other.close();
    const b = other.close();
    expect(a).toBe(b);
    await a;
    expect(l.browser.connected).toBe(false);
    await expect(other.acquire()).rejects.toThrow(/closed/);
  });

  it('opens no page it cannot use: with maxPages 1, the one page is ready before it is asked for, and no spare is opened while it prints', async () => {
    const shared = session.launched!;
    const one = new BrowserSession({ browserWSEndpoint: shared.browser.wsEndpoint(), maxPages: 1 });
    await one.start();
    try {
      expect(one.spareCount, 'the page opened ahead, at launch').toBe(1);
      // asked for while it is still being opened: that page is the one given, no second one
      const page = await one.acquire();
      expect(one.spareCount, 'spares opened while the one page is in use').toBe(0);
      await page.setContent('<p>x</p>');
      await new Promise((r) => setTimeout(r, 300));
      expect(one.spareCount).toBe(0);
      await one.release(page);
    } finally {
      await one.close();
    }
  });

  it('on a running browser: connects, and on close leaves it running without its pages', async () => {
    const shared = session.launched!;
    expect(shared.source).toBe('connected'); // the run's browser (KOFUKIN_BROWSER_WS_ENDPOINT)
    const other = new BrowserSession({ browserWSEndpoint: shared.browser.wsEndpoint(), sparePages: 2 });
    const l = await other.start();
    expect(l.source).toBe('connected');
    const page = await other.acquire();
    const marker = `data:text/html,<title>probe-${process.pid}-${Date.now()}</title>`;
    await page.goto(marker);
    const open = async () => (await shared.browser.pages()).map((p) => p.url());
    expect(await open()).toContain(marker);
    await other.close();
    expect(l.browser.connected).toBe(false);
    expect(shared.browser.connected).toBe(true);
    expect(await open()).not.toContain(marker);
    const printed = await print(html);
    expect(printed.pdf.equals(first.pdf)).toBe(true);
  });
});
