/**
 * The Word version of the Kyoto report, read back by a reader independent of the writer
 * (mammoth for the text, a plain ZIP reader and regular expressions for the WordprocessingML):
 * every heading and figure of the PDF body in the same order, real table header rows, Word's
 * heading styles, document properties, chart images with alt text, the same bytes twice.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReportInputs } from '../../src/load/report-inputs.ts';
import { prepareReport, renderCharts, renderDocx } from '../../src/pipeline/report.ts';
import type { ReportView } from '../../src/view/report-view.ts';
import { runMain } from '../helpers/cli.ts';
import { pdfText } from '../helpers/pdf.ts';
import { samplePath } from '../helpers/seeds.ts';
import { readZip } from '../helpers/zip.ts';

const out = mkdtempSync(join(tmpdir(), 'kofukin-docx-'));
const base = join(out, 'kofukin-2024-261009');

let view: ReportView;
let docx: Buffer;
let parts: Map<string, Buffer>;
let documentXml: string;
let stdout: string;

const part = (name: string) => parts.get(name)?.toString('utf8') ?? '';
/** The first match of `re` in `xml` (a short excerpt on failure, not the whole part). */
const match = (xml: string, re: RegExp) => re.exec(xml)?.[0] ?? `no match for ${re} in ${xml.length} characters`;
const squash = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  const r = await runMain(['build', samplePath('municipality.json'), '--out', out, '--docx']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  stdout = r.stdout;
  view = prepareReport(await loadReportInputs(samplePath('municipality.json'))).view;
  docx = readFileSync(`${base}.docx`);
  parts = readZip(docx);
  documentXml = part('word/document.xml');
}, 240_000);

/**
 * Headings and printed figures of the report body, in the order the templates print them (cells
 * that may wrap over lines, like indicator titles, are left out: a PDF's text layer interleaves
 * the lines of neighbouring cells).
 */
function headingsAndFigures(v: ReportView): string[] {
  const list: string[] = [v.titleBlock.title, v.text.overview, ...v.overview.map((o) => o.heading), v.text.framework, ...v.framework.map((f) => f.heading), v.text.scores];
  for (const t of v.scoreTables) {
    list.push(t.heading);
    for (const r of t.rows) list.push(r.no, r.itemCount, r.score, r.max, r.rate);
    list.push(t.total.itemCount, t.total.score, t.total.max, t.total.rate);
  }
  list.push(v.text.status, v.text.statusSummary);
  for (const r of v.groupSummary.rows) list.push(r.label, ...r.cells);
  list.push(v.text.unscored);
  for (const g of v.unscored) {
    list.push(g.heading);
    for (const s of g.sections) for (const item of s.items) list.push(item.ref, item.lost);
  }
  if (v.whatif) {
    list.push(v.whatif.heading);
    for (const r of v.whatif.rows) list.push(r.ref, r.current, r.nextGain, r.maxGain);
  }
  if (v.national) {
    list.push(v.text.national);
    for (const r of v.national.rows) list.push(r.score, r.max, r.rate, r.mean, r.nationalRate, r.median, r.diff);
  }
  if (v.peers) list.push(v.text.peers);
  if (v.grants) {
    list.push(v.text.grants);
    for (const r of v.grants.rows) list.push(r.year, r.suishin, r.shien, r.total, r.budget);
  }
  if (v.schedule.length > 0) list.push(v.text.schedule, ...v.schedule.flatMap((s) => [s.when, s.text]));
  if (v.appendix1) {
    list.push(v.appendix1.title);
    for (const g of v.appendix1.grants) list.push(g.heading, ...g.goals.map((goal) => goal.heading));
  }
  if (v.peers) {
    list.push(v.text.appendixPeers);
    for (const r of v.peers.rows) list.push(r.name, r.suishin, r.suishinRank, r.shien, r.shienRank, r.total, r.totalRank, r.diff);
    list.push(`${v.peers.means.suishin}点`, `${v.peers.means.shien}点`, `${v.peers.means.total}点`);
  }
  return list.map(squash).filter(Boolean);
}

/** The first item of `items` not found in `text` after the previous one (null: all in order). */
function firstOutOfOrder(text: string, items: string[]): string | null {
  let at = 0;
  for (const [i, item] of items.entries()) {
    const found = text.indexOf(item, at);
    if (found < 0) return `#${i} ${item} (after …${text.slice(Math.max(0, at - 40), at)})`;
    at = found + item.length;
  }
  return null;
}

describe('kofukin build --docx (Kyoto City FY2024)', () => {
  it('writes the .docx beside the PDF and HTML', () => {
    expect(stdout.trim().split('\n')).toEqual([`${base}.pdf`, `${base}.html`, `${base}.docx`]);
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('holds every heading and figure of the PDF body in the same order (mammoth and pdftotext)', async () => {
    const items = headingsAndFigures(view);
    expect(items.length).toBeGreaterThan(400);
    const pdf = squash(pdfText(`${base}.pdf`)); // visual order: line by line down the page
    expect(firstOutOfOrder(pdf, items)).toBeNull(); // the list is the PDF's order
    const word = squash((await mammoth.extractRawText({ buffer: docx })).value);
    expect(firstOutOfOrder(word, items)).toBeNull();
    // and the order is not trivially satisfied: the sections do not come in reverse
    expect(firstOutOfOrder(word, [...items].reverse().slice(0, 50))).not.toBeNull();
  });

  it('marks header rows to repeat on each page and keeps every row whole', () => {
    const tables = [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]!);
    const rows = tables.flatMap((t) => [...t.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]!));
    expect(rows.length).toBeGreaterThan(200);
    expect(rows.every((r) => /<w:trPr>[\s\S]*?<w:cantSplit\/>[\s\S]*?<\/w:trPr>/.test(r))).toBe(true);
    const header = (r: string) => /<w:tblHeader\/>/.test(r);
    const textOf = (r: string) => [...r.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    // the score tables: one header row with the column heads, repeated; body rows not
    const scoreTables = tables.filter((t) => textOf(t).startsWith(view.columns.scores.join('|')));
    expect(scoreTables).toHaveLength(2);
    for (const t of scoreTables) {
      const tr = [...t.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]!);
      expect(header(tr[0]!)).toBe(true);
      expect(tr.slice(1).some(header)).toBe(false);
    }
    // the peer table's two header rows
    const peers = tables.find((t) => textOf(t).startsWith(view.columns.peers.name))!;
    expect([...peers.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => header(m[1]!)).slice(0, 3)).toEqual([true, true, false]);
    // every data table (all but the 資料番号 box and the framework boxes) has a header row
    expect(tables.filter((t) => header(t)).length).toBe(tables.length - 1 - view.framework.reduce((n, f) => n + f.goals.length, 0));
  });

  it('merges the 目標 and 指標群 cells as the PDF does', () => {
    const goalRows = view.scoreTables[0]!.rows.filter((r) => r.goal).map((r) => r.goal!.rowspan!);
    const restarts = (documentXml.match(/<w:vMerge w:val="restart"\/>/g) ?? []).length;
    expect(goalRows.length).toBeGreaterThan(0);
    expect(restarts).toBeGreaterThanOrEqual(goalRows.length * 2);
    expect(documentXml.includes('<w:vMerge w:val="continue"/>')).toBe(true);
  });

  it("uses Word's heading styles for the outline and named styles for body text", () => {
    const styles = part('word/styles.xml');
    for (const n of [1, 2, 3]) {
      const style = match(styles, new RegExp(`<w:style w:type="paragraph" w:styleId="Heading${n}">[\\s\\S]*?</w:style>`));
      expect(match(style, /<w:name w:val="[^"]*"\/>/)).toBe(`<w:name w:val="heading ${n}"/>`);
      expect(style).toContain(`<w:outlineLvl w:val="${n - 1}"/>`);
    }
    expect(styles).toContain('<w:name w:val="報告 本文"/>');
    expect(styles).toContain('<w:name w:val="報告 注記"/>');
    const headingTexts = (level: number) =>
      [...documentXml.matchAll(new RegExp(`<w:pStyle w:val="Heading${level}"/>[\\s\\S]*?<w:t[^>]*>([^<]*)</w:t>`, 'g'))].map((m) => m[1]);
    expect(headingTexts(1).slice(0, 4)).toEqual([view.text.overview, view.text.framework, view.text.scores, view.text.status]);
    expect(headingTexts(2)).toContain(view.scoreTables[0]!.heading);
    expect(headingTexts(3)).toEqual(expect.arrayContaining(view.unscored.map((u) => u.heading)));
    // BIZ UDPGothic for East Asian and Latin text, Japanese language
    expect(match(styles, /<w:rPrDefault><w:rPr><w:rFonts [^>]*>/)).toBe(
      '<w:rPrDefault><w:rPr><w:rFonts w:ascii="BIZ UDPGothic" w:cs="BIZ UDPGothic" w:eastAsia="BIZ UDPGothic" w:hAnsi="BIZ UDPGothic"/>',
    );
    expect(styles).toContain('<w:lang w:val="ja-JP" w:eastAsia="ja-JP"/>');
  });

  it('embeds the font so Word shows it where it is not installed', () => {
    const fontTable = part('word/fontTable.xml');
    expect(match(fontTable, /<w:font w:name="BIZ UDPGothic">[\s\S]*<w:embedRegular [^>]*>/)).toMatch(/<w:embedRegular r:id="rId1" w:fontKey="\{[0-9-]{36}\}"\/>$/);
    expect(parts.get('word/fonts/font1.odttf')!.length).toBeGreaterThan(1_000_000);
  });

  it('carries the document properties of the PDF', () => {
    const core = part('docProps/core.xml');
    expect(core).toContain(`<dc:title>${view.meta.title}</dc:title>`);
    expect(core).toContain(`<dc:creator>${view.meta.author}</dc:creator>`);
    expect(core).toContain(`<dc:subject>${view.meta.subject}</dc:subject>`);
    expect(core).toContain(`<cp:keywords>${view.meta.keywords.join(', ')}</cp:keywords>`);
    expect(core).toContain('<dc:language>ja-JP</dc:language>');
    // the report date, 2024-12-10 in Japan
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-12-09T15:00:00Z</dcterms:created>');
  });

  it('is A4 portrait with the PDF margins, "- n -" page numbers and the 資料番号 box', () => {
    expect(match(documentXml, /<w:pgSz [^>]*>/)).toBe('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(match(documentXml, /<w:pgMar [^>]*>/)).toMatch(/^<w:pgMar w:top="1020" w:right="907" w:bottom="1020" w:left="907"/);
    const footer = match(part('word/footer1.xml'), /<w:p>[\s\S]*<\/w:p>/);
    expect(footer.replace(/<[^>]+>/g, '')).toBe('- PAGE -');
    expect(footer).toContain('<w:fldChar w:fldCharType="begin"/>');
    const first = /<w:body>([\s\S]*?)<\/w:tbl>/.exec(documentXml)![1]!;
    expect(first).toContain('<w:jc w:val="right"/>');
    expect(first).toContain(`>${view.titleBlock.documentNumber}<`);
  });

  it('shows the charts as print-resolution PNG images with alt text', () => {
    const media = [...parts.keys()].filter((n) => n.startsWith('word/media/') && !n.endsWith('/'));
    expect(media).toHaveLength(4);
    const drawings = [...documentXml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>[\s\S]*?<wp:docPr id="\d+" name="([^"]*)" descr="([^"]*)" title="([^"]*)"\/>[\s\S]*?r:embed="(rId\d+)"/g)];
    expect(drawings.map((d) => d[3])).toEqual(['chart-pointsLost', 'chart-goalRates', 'chart-peers', 'chart-grantHistory']);
    const rels = part('word/_rels/document.xml.rels');
    for (const [, cx, , , descr, title, rid] of drawings) {
      expect(descr!.length).toBeGreaterThan(20);
      expect(title!.length).toBeGreaterThan(5);
      const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1]!;
      const png = parts.get(`word/${target}`)!;
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      const dpi = png.readUInt32BE(16) / (Number(cx) / 914_400);
      expect(dpi).toBeGreaterThan(290);
    }
  });

  it('gives the same bytes for the same input', async () => {
    const prepared = prepareReport(await loadReportInputs(samplePath('municipality.json')));
    const again = await renderDocx(prepared.view, await renderCharts(prepared.chartDefinitions));
    expect(Buffer.from(again).equals(docx)).toBe(true);
  }, 60_000);
});
