/**
 * The layout of an agenda packet, worked out before any PDF is touched: which packet pages each
 * document occupies (the cover comes first), the 資料N labels and page ranges the cover lists,
 * the stamps and page numbers to draw, and the bookmark tree. Pure functions only.
 */

/** One input document, as far as planning needs it. */
export interface PlanDocument {
  /** The title the cover and the bookmark show. */
  title: string;
  /** Number of pages (at least 1). */
  pages: number;
  /** The 資料番号 the document prints itself (our reports record it in the PDF), if known. */
  ownNumber?: string;
}

export interface PlannedDocument {
  /** 1, 2, 3, … */
  number: number;
  /** "資料1"; with keepNumbers the document's own number, or "" when it has none. */
  label: string;
  title: string;
  pages: number;
  /** First and last page in the packet, 1-based (the cover is page 1). */
  firstPage: number;
  lastPage: number;
  /** "3～24", or "5" for a one-page document. */
  range: string;
  /** Index of the document's first page in the packet, 0-based. */
  firstIndex: number;
}

/** Text to draw on one packet page (0-based index). */
export interface PageMark {
  pageIndex: number;
  text: string;
}

export interface PacketPlan {
  coverPages: number;
  totalPages: number;
  documents: PlannedDocument[];
  /** "資料N" stamps, one on each document's first page. */
  stamps: PageMark[];
  /** "- n -" on every page after the cover (n = the page's 1-based packet index); empty unless asked for. */
  pageNumbers: PageMark[];
}

export interface PlanOptions {
  /** Pages the cover takes (1 unless the document list is very long). */
  coverPages?: number;
  /** Stamp continuous page numbers on every page after the cover. */
  pageNumbers?: boolean;
  /** Keep the documents' own 資料 numbers: no stamps, and the cover lists their own numbers. */
  keepNumbers?: boolean;
}

export const docLabel = (n: number): string => `資料${n}`;

/** "資料1 title" (just the title for a document without a label). */
export const documentHeading = (d: Pick<PlannedDocument, 'label' | 'title'>): string => (d.label ? `${d.label} ${d.title}` : d.title);

export const pageNumberText = (n: number): string => `- ${n} -`;

/** "3～24"; a single page is just "5". */
export function pageRange(first: number, last: number): string {
  return first === last ? String(first) : `${first}～${last}`;
}

export function planPacket(docs: readonly PlanDocument[], opts: PlanOptions = {}): PacketPlan {
  const coverPages = opts.coverPages ?? 1;
  if (!Number.isInteger(coverPages) || coverPages < 1) throw new Error(`internal: cover pages must be a positive whole number, not ${coverPages}`);
  let next = coverPages; // 0-based index of the next free page
  const documents = docs.map((d, i): PlannedDocument => {
    if (!Number.isInteger(d.pages) || d.pages < 1) throw new Error(`internal: document ${i + 1} has ${d.pages} pages`);
    const firstIndex = next;
    next += d.pages;
    const firstPage = firstIndex + 1;
    const lastPage = firstIndex + d.pages;
    const label = opts.keepNumbers ? (d.ownNumber ?? '') : docLabel(i + 1);
    return { number: i + 1, label, title: d.title, pages: d.pages, firstPage, lastPage, range: pageRange(firstPage, lastPage), firstIndex };
  });
  const totalPages = next;
  const stamps = opts.keepNumbers ? [] : documents.map((d) => ({ pageIndex: d.firstIndex, text: d.label }));
  const pageNumbers: PageMark[] = [];
  if (opts.pageNumbers) for (let i = coverPages; i < totalPages; i++) pageNumbers.push({ pageIndex: i, text: pageNumberText(i + 1) });
  return { coverPages, totalPages, documents, stamps, pageNumbers };
}

// ---------------------------------------------------------------------------------------------
// Bookmarks

/** Where a bookmark goes on its page: a PDF destination type and its numeric arguments. */
export interface DestView {
  /** XYZ, Fit, FitH, FitV, FitR, FitB, FitBH, FitBV. */
  fit: string;
  args: Array<number | null>;
}

/** A bookmark of a source document; `page` is 0-based within that document. */
export interface SourceBookmark<R = unknown> {
  title: string;
  /** Absent when the bookmark has no destination that could be resolved to a page. */
  page?: number;
  view?: DestView;
  open: boolean;
  /** Opaque payload carried over unchanged (the structure element, for instance). */
  ref?: R;
  kids: SourceBookmark<R>[];
}

/** A bookmark of the packet; `page` is 0-based within the packet. No view: the top of the page. */
export interface PacketBookmark<R = unknown> {
  title: string;
  page?: number;
  view?: DestView;
  open: boolean;
  ref?: R;
  kids: PacketBookmark<R>[];
}

export const COVER_BOOKMARK = '表紙';

const normalizeTitle = (s: string): string => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

/**
 * A document whose outline is one item, titled like the document and on its first page (a
 * report's h1 with every heading below it), repeats the packet's own "資料N title" bookmark:
 * its children are used instead.
 */
export function liftRedundantRoot<R>(outline: SourceBookmark<R>[], documentTitles: ReadonlyArray<string | undefined>): SourceBookmark<R>[] {
  if (outline.length !== 1) return outline;
  const root = outline[0]!;
  const titles = documentTitles.filter((t): t is string => t !== undefined && t.trim() !== '').map(normalizeTitle);
  const sameTitle = titles.includes(normalizeTitle(root.title));
  return sameTitle && (root.page === undefined || root.page === 0) ? root.kids : outline;
}

function shift<R>(b: SourceBookmark<R>, offset: number, pages: number): PacketBookmark<R> {
  const inRange = b.page !== undefined && b.page >= 0 && b.page < pages;
  return {
    title: b.title,
    ...(inRange ? { page: offset + b.page!, ...(b.view ? { view: b.view } : {}) } : {}),
    open: b.open,
    ...(b.ref !== undefined ? { ref: b.ref } : {}),
    kids: b.kids.map((k) => shift(k, offset, pages)),
  };
}

/**
 * The packet outline: the cover, then "資料N title" for each document on its first page with the
 * document's own bookmarks beneath it (pages moved to their packet position; bookmarks pointing
 * outside their document lose their destination).
 */
export function planOutline<R>(
  plan: PacketPlan,
  outlines: ReadonlyArray<SourceBookmark<R>[]>,
  opts: { documentTitles?: ReadonlyArray<ReadonlyArray<string | undefined>>; coverTitle?: string } = {},
): PacketBookmark<R>[] {
  if (outlines.length !== plan.documents.length) throw new Error('internal: one outline per document expected');
  const items: PacketBookmark<R>[] = [{ title: opts.coverTitle ?? COVER_BOOKMARK, page: 0, open: true, kids: [] }];
  plan.documents.forEach((d, i) => {
    const own = liftRedundantRoot(outlines[i]!, [d.title, ...(opts.documentTitles?.[i] ?? [])]);
    items.push({ title: documentHeading(d), page: d.firstIndex, open: true, kids: own.map((b) => shift(b, d.firstIndex, d.pages)) });
  });
  return items;
}

/** Items a viewer shows under an open item (PDF /Count): each child, plus its own if open. */
export function visibleCount(items: ReadonlyArray<{ open: boolean; kids: ReadonlyArray<unknown> }>): number {
  let n = 0;
  for (const it of items) {
    n += 1;
    if (it.open) n += visibleCount(it.kids as ReadonlyArray<{ open: boolean; kids: ReadonlyArray<unknown> }>);
  }
  return n;
}
