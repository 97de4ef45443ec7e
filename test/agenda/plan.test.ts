/** The packet plan: page ranges, labels, stamps, page numbers, the bookmark tree. No PDF involved. */
import { describe, expect, it } from 'vitest';
import {
  liftRedundantRoot,
  pageRange,
  planOutline,
  planPacket,
  visibleCount,
  type SourceBookmark,
} from '../../src/agenda/plan.ts';
import { tilePosition, tilesFor, MM } from '../../src/agenda/stamps.ts';
import { coverContent, documentTitles, packetDate } from '../../src/agenda/packet.ts';
import { parseIsoDate } from '../../src/commands/agenda.ts';
import type { AgendaInput } from '../../src/agenda/input.ts';

const docs = [
  { title: '京都市 評価結果', pages: 24 },
  { title: '架空町 評価結果', pages: 28 },
  { title: '一枚もの', pages: 1 },
];

describe('planPacket', () => {
  it('puts the cover first and gives each document its packet pages', () => {
    const plan = planPacket(docs);
    expect(plan.coverPages).toBe(1);
    expect(plan.totalPages).toBe(54);
    expect(plan.documents.map((d) => [d.label, d.firstPage, d.lastPage, d.range, d.firstIndex])).toEqual([
      ['資料1', 2, 25, '2～25', 1],
      ['資料2', 26, 53, '26～53', 25],
      ['資料3', 54, 54, '54', 53],
    ]);
  });

  it('stamps each document once, on its first page', () => {
    expect(planPacket(docs).stamps).toEqual([
      { pageIndex: 1, text: '資料1' },
      { pageIndex: 25, text: '資料2' },
      { pageIndex: 53, text: '資料3' },
    ]);
  });

  it('with keepNumbers stamps nothing and labels each document with its own number (none when it has none)', () => {
    const own = [{ ...docs[0]!, ownNumber: '資料3' }, docs[1]!, { ...docs[2]!, ownNumber: '参考資料1' }];
    const plan = planPacket(own, { keepNumbers: true });
    expect(plan.stamps).toEqual([]);
    expect(plan.documents.map((d) => d.label)).toEqual(['資料3', '', '参考資料1']);
    expect(planPacket(own).documents.map((d) => d.label)).toEqual(['資料1', '資料2', '資料3']);
  });

  it('numbers every page after the cover with its packet page number, only when asked', () => {
    expect(planPacket(docs).pageNumbers).toEqual([]);
    const numbers = planPacket(docs, { pageNumbers: true }).pageNumbers;
    expect(numbers).toHaveLength(53);
    expect(numbers[0]).toEqual({ pageIndex: 1, text: '- 2 -' });
    expect(numbers.at(-1)).toEqual({ pageIndex: 53, text: '- 54 -' });
  });

  it('moves everything when the cover takes two pages', () => {
    const plan = planPacket(docs, { coverPages: 2, pageNumbers: true });
    expect(plan.documents[0]!.range).toBe('3～26');
    expect(plan.pageNumbers[0]).toEqual({ pageIndex: 2, text: '- 3 -' });
    expect(plan.totalPages).toBe(55);
  });

  it('writes ranges with a full-width tilde, single pages bare', () => {
    expect(pageRange(3, 24)).toBe('3～24');
    expect(pageRange(7, 7)).toBe('7');
  });

  it('rejects impossible input as an internal error', () => {
    expect(() => planPacket([{ title: 'x', pages: 0 }])).toThrow(/internal/);
    expect(() => planPacket(docs, { coverPages: 0 })).toThrow(/internal/);
  });
});

describe('tiles', () => {
  it('lists stamps then page numbers, each placed on its page', () => {
    const { tiles, placed } = tilesFor(planPacket(docs.slice(0, 1), { pageNumbers: true }));
    expect(tiles[0]).toEqual({ kind: 'stamp', text: '資料1' });
    expect(tiles.slice(1).map((t) => t.text)).toEqual(Array.from({ length: 24 }, (_, i) => `- ${i + 2} -`));
    expect(placed[0]).toEqual({ pageIndex: 1, kind: 'stamp', tile: 0 });
    expect(placed[1]).toEqual({ pageIndex: 1, kind: 'number', tile: 1 });
  });

  it('keeps the stamp in the top 14 mm, right-aligned on the 16 mm margin, and the number in the bottom margin', () => {
    const a4 = { x: 0, y: 0, width: 594.96, height: 841.92 };
    const s = tilePosition('stamp', a4);
    expect(a4.height - (s.y + 36)).toBeCloseTo(1 * MM, 3); // tile top 1 mm below the page top
    expect(a4.height - s.y).toBeLessThanOrEqual(14 * MM); // tile bottom within the top 14 mm
    expect(s.x + 114).toBeCloseTo(a4.width - 16 * MM, 3);
    const n = tilePosition('number', a4);
    expect(n.x + 57).toBeCloseTo(a4.width / 2, 3);
    expect(n.y + 36).toBeLessThan(18 * MM); // below the report's content box
  });
});

describe('planOutline', () => {
  const item = (title: string, page: number | undefined, kids: SourceBookmark[] = [], open = true): SourceBookmark => ({
    title,
    ...(page === undefined ? {} : { page, view: { fit: 'XYZ', args: [40, 700, 0] } }),
    open,
    kids,
  });
  const report: SourceBookmark[] = [item('京都市 評価結果', 0, [item('1 制度概要', 0, [item('(1) 推進', 1)]), item('2 評価指標', 3)])];

  it('bookmarks the cover, then 資料N title per document with its own bookmarks moved to packet pages', () => {
    const plan = planPacket(docs);
    const tree = planOutline(plan, [report, [item('表', 0), item('外', 99)], []]);
    expect(tree.map((b) => [b.title, b.page])).toEqual([
      ['表紙', 0],
      ['資料1 京都市 評価結果', 1],
      ['資料2 架空町 評価結果', 25],
      ['資料3 一枚もの', 53],
    ]);
    // the report's single root repeats the document title: its children come up one level
    expect(tree[1]!.kids.map((b) => [b.title, b.page])).toEqual([
      ['1 制度概要', 1],
      ['2 評価指標', 4],
    ]);
    expect(tree[1]!.kids[0]!.kids[0]).toMatchObject({ title: '(1) 推進', page: 2, view: { fit: 'XYZ', args: [40, 700, 0] } });
    // a destination outside its document is dropped, the bookmark kept
    expect(tree[2]!.kids[1]).toEqual({ title: '外', open: true, kids: [] });
  });

  it('keeps a root whose title differs from the document title', () => {
    const own = [item('別の見出し', 0, [item('a', 0)])];
    expect(liftRedundantRoot(own, ['京都市 評価結果'])).toBe(own);
    expect(liftRedundantRoot(own, ['別の見出し'])).toEqual(own[0]!.kids);
    expect(liftRedundantRoot([item('別の 見出し', 2, [item('a', 2)])], ['別の見出し'])).toHaveLength(1); // not on the first page
  });

  it('counts the items an open item shows', () => {
    expect(visibleCount([item('a', 0, [item('b', 0), item('c', 0, [item('d', 0)], false)])])).toBe(3);
  });
});

describe('cover content and options', () => {
  it('writes the date in 令和 form and lists every document', () => {
    const plan = planPacket(docs);
    const c = coverContent('第3回協議会', '2024-12-10', plan);
    expect(c.date).toBe('令和6年12月10日');
    expect(c.entries).toEqual([
      { label: '資料1', title: '京都市 評価結果', range: '2～25' },
      { label: '資料2', title: '架空町 評価結果', range: '26～53' },
      { label: '資料3', title: '一枚もの', range: '54' },
    ]);
    expect(coverContent('x', '2019-05-01', plan).date).toBe('令和元年5月1日');
  });

  it('takes titles from --doc-title in order, then Info /Title, then the file name', () => {
    const input = (file: string, infoTitle?: string) => ({ file, pages: 1, ...(infoTitle ? { infoTitle } : {}) }) as AgendaInput;
    expect(documentTitles([input('/a/x.pdf', 'X'), input('/a/y.pdf', 'Y'), input('/a/z.pdf')], ['最初'])).toEqual(['最初', 'Y', 'z']);
  });

  it('dates the packet at midnight in Japan', () => {
    expect(packetDate('2024-12-10').toISOString()).toBe('2024-12-09T15:00:00.000Z');
  });

  it('accepts only real YYYY-MM-DD dates', () => {
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2023-02-29', '2024-13-01', '2024-1-5', '令和6年12月10日', '1900-01-01']) expect(() => parseIsoDate(bad)).toThrow(/--date/);
  });
});
