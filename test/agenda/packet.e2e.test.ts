/**
 * End to end: `kofukin agenda` binds three real reports (the Kyoto sample and the fictional town
 * twice, printed once per test run by test/helpers/fixtures.ts) into a packet, read back with
 * poppler and qpdf as a clerk checking it would: pages, cover list, 資料N stamps, fonts, outline,
 * structure check, metadata, byte equality and the --page-numbers variant.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { sampleBuild } from '../helpers/fixtures.ts';
import { pageCount, pdfFontRows, pdfInfo } from '../helpers/pdf.ts';

const work = mkdtempSync(join(tmpdir(), 'kofukin-agenda-e2e-'));
let kyoto = '';
let town = '';
/** The town's report again, under another directory: the same document bound twice. */
const town2 = join(work, 'b', 'kofukin-2024-990001.pdf');
let inputs: string[] = [];
const packet = join(work, 'packet.pdf');
const again = join(work, 'again.pdf');
const numbered = join(work, 'numbered.pdf');
const kept = join(work, 'kept.pdf');
const TITLE = '令和6年度第3回介護保険運営協議会';
const KYOTO_TITLE = '令和6年度における保険者機能強化推進交付金等の評価結果について';
const TOWN_TITLE = `${KYOTO_TITLE}（架空町）`;
const env = { SOURCE_DATE_EPOCH: '' };

let pages: number[] = [];
let firstPages: number[] = [];

const text = (file: string, first: number, last = first, crop?: { y: number; h: number }) =>
  execFileSync(
    'pdftotext',
    ['-layout', '-enc', 'UTF-8', '-f', String(first), '-l', String(last), ...(crop ? ['-x', '0', '-y', String(crop.y), '-W', '600', '-H', String(crop.h)] : []), file, '-'],
    { encoding: 'utf8' },
  );

interface QpdfOutline {
  title: string;
  destpageposfrom1: number | null;
  kids: QpdfOutline[];
}
const outline = (file: string): QpdfOutline[] =>
  (JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })) as { outlines: QpdfOutline[] }).outlines;
const flatten = (items: QpdfOutline[]): QpdfOutline[] => items.flatMap((i) => [i, ...flatten(i.kids)]);

const agenda = (args: string[], extraEnv: Record<string, string> = env) => runMain(['agenda', ...args], { env: extraEnv });

beforeAll(async () => {
  kyoto = (await sampleBuild('kyoto-2024')).pdf;
  town = (await sampleBuild('fictional-town')).pdf;
  mkdirSync(join(work, 'b'));
  copyFileSync(town, town2);
  inputs = [kyoto, town, town2];
  pages = inputs.map(pageCount);
  firstPages = pages.map((_, i) => 2 + pages.slice(0, i).reduce((a, b) => a + b, 0));
  const common = [...inputs, '--title', TITLE, '--date', '2024-12-10'];
  for (const [out, extra] of [
    [packet, []],
    [again, []],
    [numbered, ['--page-numbers', '--doc-title', '京都市の評価結果', '--doc-title', '架空町の評価結果', '--doc-title', '架空町の評価結果（再掲）']],
    [kept, ['--keep-numbers']],
  ] as const) {
    const r = await agenda([...common, '--out', out, ...extra]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(out);
  }
});

describe('the agenda packet', () => {
  it('has the cover plus every page of every document', () => {
    expect(pages[0]).toBeGreaterThan(10);
    expect(pageCount(packet)).toBe(1 + pages.reduce((a, b) => a + b, 0));
  });

  it('lists 資料1…3 on the cover with their page ranges, the title and the 令和 date', () => {
    const cover = text(packet, 1);
    expect(cover).toContain(TITLE);
    expect(cover).toContain('令和6年12月10日');
    expect(cover).toContain('資料一覧');
    const lines = cover.split('\n').filter((l) => /^\s*資料\d/.test(l));
    expect(lines).toHaveLength(3);
    lines.forEach((line, i) => {
      const range = `${firstPages[i]}～${firstPages[i]! + pages[i]! - 1}`;
      expect(line).toMatch(new RegExp(`^\\s*資料${i + 1}\\s+令和6年度における.*\\s${range}\\s*$`));
    });
    // long titles wrap inside their cell; the range sits on the first line
    const flat = cover.replace(/\s+/g, '').replace(/\d+～\d+/g, '');
    expect(flat).toContain(`資料1${KYOTO_TITLE}資料2${TOWN_TITLE}資料3${TOWN_TITLE}`);
    expect(cover).not.toMatch(/-\s*1\s*-/); // the cover is unnumbered
  });

  it('stamps 資料N in the top margin of each document’s first page, and only there', () => {
    firstPages.forEach((p, i) => {
      expect(text(packet, p, p, { y: 0, h: 40 }).trim()).toBe(`資料${i + 1}`);
      // the report's own number box (資料3, 資料1) was replaced, not covered: one number per first page
      expect(text(packet, p).match(/(?<!参考)資料\d+/g), `page ${p}`).toEqual([`資料${i + 1}`]);
      expect(text(packet, p)).toContain(`資料${i + 1}`);
      expect(text(packet, p + 1, p + 1, { y: 0, h: 40 }).trim()).toBe('');
    });
  });

  it('embeds every font (the report font only)', () => {
    const fonts = pdfFontRows(packet);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.emb === 'yes')).toBe(true);
    expect(fonts.every((f) => /BIZUDPGothic/.test(f.name))).toBe(true);
  });

  it('bookmarks the cover and each document, with the documents’ headings beneath on their pages', () => {
    const tree = outline(packet);
    expect(tree.map((o) => [o.title, o.destpageposfrom1])).toEqual([
      ['表紙', 1],
      [`資料1 ${KYOTO_TITLE}`, firstPages[0]],
      [`資料2 ${TOWN_TITLE}`, firstPages[1]],
      [`資料3 ${TOWN_TITLE}`, firstPages[2]],
    ]);
    tree.slice(1).forEach((doc, i) => {
      const below = flatten(doc.kids);
      expect(below.length).toBeGreaterThan(10);
      for (const o of below) {
        expect(o.destpageposfrom1).toBeGreaterThanOrEqual(firstPages[i]!);
        expect(o.destpageposfrom1).toBeLessThanOrEqual(firstPages[i]! + pages[i]! - 1);
      }
      expect(doc.kids[0]).toMatchObject({ title: '1 制度概要', destpageposfrom1: firstPages[i] });
    });
    // the same headings, at the same page offsets, as in the report itself
    const own = flatten(outline(kyoto)[0]!.kids);
    expect(flatten(tree[1]!.kids).map((o) => [o.title, o.destpageposfrom1! - 1])).toEqual(own.map((o) => [o.title, o.destpageposfrom1]));
    for (const h of ['8 今後のスケジュール', '各政令指定都市（20市）の得点状況']) expect(flatten(tree[1]!.kids).map((o) => o.title)).toContain(h);
  });

  it('passes qpdf --check without warnings', () => {
    const r = spawnSync('qpdf', ['--check', packet], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(/WARNING|error:/i);
    expect(r.stdout).toContain('No syntax or stream encoding errors found');
  });

  it('is byte-identical when made twice', () => {
    expect(readFileSync(again).equals(readFileSync(packet))).toBe(true);
  });

  it('has the packet metadata: title, creator, Japanese, tagged, dated from --date', () => {
    const info = pdfInfo(packet);
    expect(info).toMatch(new RegExp(`Title:\\s+${TITLE}`));
    expect(info).toMatch(/Creator:\s+kofukin-report/);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Author:\s+保健福祉局.*、架空町 健康福祉課/);
    const raw = readFileSync(packet, 'latin1');
    expect(raw).toMatch(/\/Lang \(ja\)/);
    expect(raw).toMatch(/\/CreationDate \(D:20241209150000Z\)/);
    expect(raw).toMatch(/\/ModDate \(D:20241209150000Z\)/);
  });

  it('carries one structure tree: a Part per source, every page in the parent tree', async () => {
    const doc = await PDFDocument.load(readFileSync(packet), { parseSpeed: ParseSpeeds.Fastest });
    const ctx = doc.context;
    const get = <T>(o: unknown): T => (o instanceof PDFRef ? ctx.lookup(o) : o) as T;
    const root = get<PDFDict>(doc.catalog.get(PDFName.of('StructTreeRoot')));
    const docElem = get<PDFDict>(root.get(PDFName.of('K')));
    expect(String(docElem.get(PDFName.of('S')))).toBe('/Document');
    const parts = get<PDFArray>(docElem.get(PDFName.of('K'))).asArray().map((r) => get<PDFDict>(r));
    expect(parts.map((p) => [String(p.get(PDFName.of('S'))), (p.get(PDFName.of('T')) as PDFHexString).decodeText()])).toEqual([
      ['/Part', '表紙'],
      ['/Part', `資料1 ${KYOTO_TITLE}`],
      ['/Part', `資料2 ${TOWN_TITLE}`],
      ['/Part', `資料3 ${TOWN_TITLE}`],
    ]);
    const nums = get<PDFArray>(get<PDFDict>(root.get(PDFName.of('ParentTree'))).get(PDFName.of('Nums'))).asArray();
    const keys = new Set(nums.filter((_, i) => i % 2 === 0).map((n) => (n as PDFNumber).asNumber()));
    const pageKeys = doc.getPages().map((p) => (p.node.get(PDFName.of('StructParents')) as PDFNumber).asNumber());
    expect(new Set(pageKeys).size).toBe(doc.getPageCount());
    for (const k of pageKeys) expect(keys.has(k)).toBe(true);
    // the documents' bookmarks still point at their headings (/SE) in the packet's tree
    const inTree = new Set<PDFRef>();
    const walk = (o: unknown): void => {
      const d = get<unknown>(o);
      if (d instanceof PDFArray) return d.asArray().forEach(walk);
      if (!(d instanceof PDFDict) || !d.has(PDFName.of('S'))) return;
      if (o instanceof PDFRef) inTree.add(o);
      walk(d.get(PDFName.of('K')));
    };
    walk(root.get(PDFName.of('K')));
    const se: unknown[] = [];
    const items = (d: PDFDict): void => {
      for (let it = get<PDFDict | undefined>(d.get(PDFName.of('First'))); it; it = get<PDFDict | undefined>(it.get(PDFName.of('Next')))) {
        if (it.has(PDFName.of('SE'))) se.push(it.get(PDFName.of('SE')));
        items(it);
      }
    };
    items(get<PDFDict>(doc.catalog.get(PDFName.of('Outlines'))));
    expect(se.length).toBeGreaterThan(60);
    for (const ref of se) {
      expect(inTree.has(ref as PDFRef)).toBe(true);
      expect(String(get<PDFDict>(ref).get(PDFName.of('S')))).toMatch(/^\/H\d?$/);
    }
    // ids made unique across the three documents
    const ids = get<PDFArray>(get<PDFDict>(root.get(PDFName.of('IDTree'))).get(PDFName.of('Names'))).asArray();
    const names = ids.filter((_, i) => i % 2 === 0).map(String);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('--page-numbers and --doc-title', () => {
  it('numbers every page after the cover "- n -" with its packet page, replacing the documents’ own numbers', () => {
    const total = pageCount(numbered);
    // the bottom margin of every page in one pdftotext run: a form feed ends each page
    const footers = text(numbered, 1, total, { y: 785, h: 57 }).split('\f');
    expect(footers).toHaveLength(total + 1);
    expect(footers[total]).toBe('');
    for (let p = 2; p <= total; p++) expect(footers[p - 1]!.replace(/\s+/g, ''), `page ${p}`).toBe(`-${p}-`);
    expect(footers[0]!.trim()).toBe('');
  });

  it('uses the given titles on the cover and in the bookmarks', () => {
    const cover = text(numbered, 1);
    expect(cover).toMatch(/資料1\s+京都市の評価結果\s+2～/);
    expect(cover).toMatch(/資料3\s+架空町の評価結果（再掲）/);
    expect(outline(numbered).map((o) => o.title)).toEqual(['表紙', '資料1 京都市の評価結果', '資料2 架空町の評価結果', '資料3 架空町の評価結果（再掲）']);
  });

  it('keeps the stamps and passes qpdf --check', () => {
    expect(text(numbered, firstPages[1]!, firstPages[1]!, { y: 0, h: 40 }).trim()).toBe('資料2');
    expect(spawnSync('qpdf', ['--check', numbered]).status).toBe(0);
  });
});

describe('--keep-numbers', () => {
  it('keeps each report’s own 資料番号 box, stamps nothing, and lists the own numbers on the cover', () => {
    const own = ['資料3', '資料1', '資料1']; // the samples' narratives
    firstPages.forEach((p, i) => {
      expect(text(kept, p, p, { y: 0, h: 40 }).trim(), `page ${p}`).toBe(own[i]);
      expect(text(kept, p).match(/(?<!参考)資料\d+/g), `page ${p}`).toEqual([own[i]]);
    });
    const lines = text(kept, 1).split('\n').filter((l) => /^\s*資料\d/.test(l));
    expect(lines.map((l) => l.trim().split(/\s+/)[0])).toEqual(own);
    expect(outline(kept).map((o) => o.title)).toEqual(['表紙', `資料3 ${KYOTO_TITLE}`, `資料1 ${TOWN_TITLE}`, `資料1 ${TOWN_TITLE}`]);
    expect(spawnSync('qpdf', ['--check', kept]).status).toBe(0);
  });
});

describe('SOURCE_DATE_EPOCH', () => {
  it('overrides the dates from --date', async () => {
    const out = join(work, 'epoch.pdf');
    const r = await agenda([town, '--title', TITLE, '--date', '2024-12-10', '--out', out], { SOURCE_DATE_EPOCH: '1700000000' });
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'latin1')).toMatch(/\/CreationDate \(D:20231114221320Z\)/);
  });
});

describe('a document that is not ours', () => {
  it('gets its 資料 stamp in free space beside its own heading, and the user is told where it went', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.HelveticaBold);
    const page = doc.addPage([595.28, 841.89]);
    page.drawText('Prefecture notice 2024', { x: 400, y: 806, size: 14, font });
    page.drawText('Body text', { x: 72, y: 700, size: 12, font });
    const foreign = join(work, 'notice.pdf');
    writeFileSync(foreign, await doc.save());
    const out = join(work, 'foreign.pdf');
    const r = await agenda([town, foreign, '--title', TITLE, '--date', '2024-12-10', '--out', out], { ...env, KOFUKIN_LANG: 'ja' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('資料2（notice.pdf）: 1ページ目の右上に文書の内容があるため、資料番号を内容に重ならない位置');
    const first = 2 + pageCount(town);
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', String(first), '-l', String(first), out, '-'], { encoding: 'utf8' });
    const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      text: m[5]!,
      box: [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as const,
    }));
    const stamp = words.filter((w) => w.text === '資料2');
    expect(stamp).toHaveLength(1);
    const s = stamp[0]!.box;
    for (const w of words.filter((x) => x.text !== '資料2')) {
      const b = w.box;
      expect(s[0] < b[2] && b[0] < s[2] && s[1] < b[3] && b[1] < s[3], `the stamp covers "${w.text}"`).toBe(false);
    }
    expect(spawnSync('qpdf', ['--check', out]).status).toBe(0);
  });
});
