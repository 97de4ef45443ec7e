/**
 * Reading a document's outline (bookmarks) into plain data, and writing the packet's outline.
 * Destinations may be explicit arrays (Chromium writes [page /XYZ x y z]), names or strings
 * looked up in the catalog's /Dests or /Names /Dests tree, or GoTo actions; all resolve to a page
 * index of the source document, so plan.ts can move them to the packet page.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import type { PDFContext, PDFDocument, PDFObject } from 'pdf-lib';
import { lookupDict, lookupNumber, lookupText, name, nameTreeEntries } from './objects.ts';
import { visibleCount, type DestView, type PacketBookmark, type SourceBookmark } from './plan.ts';

const FITS = new Set(['XYZ', 'Fit', 'FitH', 'FitV', 'FitR', 'FitB', 'FitBH', 'FitBV']);

/** Looks up named destinations in /Dests (names) and /Names /Dests (strings). */
function namedDestinations(doc: PDFDocument): (key: string) => PDFObject | undefined {
  const ctx = doc.context;
  let names: Map<string, PDFObject> | undefined;
  const dests = lookupDict(ctx, doc.catalog.get(name('Dests')));
  return (key) => {
    const fromDict = dests?.get(PDFName.of(key));
    if (fromDict) return fromDict;
    names ??= nameTreeEntries(ctx, lookupDict(ctx, lookupDict(ctx, doc.catalog.get(name('Names')))?.get(name('Dests'))));
    return names.get(key);
  };
}

interface ResolvedDest {
  page: number;
  view?: DestView;
}

function resolveDest(
  ctx: PDFContext,
  dest: PDFObject | undefined,
  pageIndex: Map<PDFRef, number>,
  named: (key: string) => PDFObject | undefined,
  depth = 0,
): ResolvedDest | undefined {
  if (dest === undefined || depth > 4) return undefined;
  const v = dest instanceof PDFRef ? ctx.lookup(dest) : dest;
  if (v instanceof PDFName) return resolveDest(ctx, named(v.decodeText()), pageIndex, named, depth + 1);
  if (v instanceof PDFString || v instanceof PDFHexString) return resolveDest(ctx, named(v.decodeText()), pageIndex, named, depth + 1);
  if (v instanceof PDFDict) return resolveDest(ctx, v.get(name('D')), pageIndex, named, depth + 1); // { /D [...] } in /Dests
  if (!(v instanceof PDFArray) || v.size() === 0) return undefined;
  const target = v.get(0);
  const page = target instanceof PDFRef ? pageIndex.get(target) : target instanceof PDFNumber ? target.asNumber() : undefined;
  if (page === undefined) return undefined;
  const fitObj = v.get(1);
  const fit = fitObj instanceof PDFName ? fitObj.decodeText() : undefined;
  if (!fit || !FITS.has(fit)) return { page };
  const args: Array<number | null> = [];
  for (let i = 2; i < v.size(); i++) args.push(lookupNumber(ctx, v.get(i)) ?? null);
  return { page, view: { fit, args } };
}

function itemDest(
  ctx: PDFContext,
  item: PDFDict,
  pageIndex: Map<PDFRef, number>,
  named: (key: string) => PDFObject | undefined,
): ResolvedDest | undefined {
  if (item.has(name('Dest'))) return resolveDest(ctx, item.get(name('Dest')), pageIndex, named);
  const action = lookupDict(ctx, item.get(name('A')));
  const s = action?.get(name('S'));
  if (action && s instanceof PDFName && s.decodeText() === 'GoTo') return resolveDest(ctx, action.get(name('D')), pageIndex, named);
  return undefined;
}

/**
 * The outline of `doc`, pages as 0-based indexes of `doc`. `ref` is the item's structure element
 * (/SE), when it has one.
 */
export function readOutline(doc: PDFDocument): SourceBookmark<PDFRef>[] {
  const ctx = doc.context;
  const root = lookupDict(ctx, doc.catalog.get(name('Outlines')));
  if (!root) return [];
  const pageIndex = new Map<PDFRef, number>();
  doc.getPages().forEach((p, i) => pageIndex.set(p.ref, i));
  const named = namedDestinations(doc);
  const seen = new Set<PDFDict>();

  const children = (parent: PDFDict): SourceBookmark<PDFRef>[] => {
    const out: SourceBookmark<PDFRef>[] = [];
    for (let item = lookupDict(ctx, parent.get(name('First'))); item && !seen.has(item); item = lookupDict(ctx, item.get(name('Next')))) {
      seen.add(item);
      const dest = itemDest(ctx, item, pageIndex, named);
      const se = item.get(name('SE'));
      out.push({
        title: lookupText(ctx, item.get(name('Title'))) ?? '',
        ...(dest ? { page: dest.page, ...(dest.view ? { view: dest.view } : {}) } : {}),
        open: (lookupNumber(ctx, item.get(name('Count'))) ?? 0) > 0,
        ...(se instanceof PDFRef ? { ref: se } : {}),
        kids: children(item),
      });
    }
    return out;
  };
  return children(root);
}

export interface OutlineTarget {
  ref: PDFRef;
  /** Top of the page box (PDF points), for bookmarks without a view: /XYZ left top. */
  left: number;
  top: number;
}

/**
 * Writes `items` as the outline of `doc` (replacing any), each page index resolved with
 * `pages`. Bookmarks without a view go to the top left of their page at the current zoom.
 */
export function writeOutline(doc: PDFDocument, items: readonly PacketBookmark<PDFRef>[], pages: readonly OutlineTarget[]): void {
  const ctx = doc.context;
  const rootRef = ctx.nextRef();

  const destOf = (b: PacketBookmark<PDFRef>): PDFArray | undefined => {
    const target = b.page === undefined ? undefined : pages[b.page];
    if (!target) return undefined;
    const view: DestView = b.view ?? { fit: 'XYZ', args: [target.left, target.top, null] };
    return ctx.obj([target.ref, PDFName.of(view.fit), ...view.args.map((a) => (a === null ? PDFNull : PDFNumber.of(a)))]);
  };

  /** Writes the children of the item at `parentRef`; returns [first, last] refs. */
  const writeLevel = (list: readonly PacketBookmark<PDFRef>[], parentRef: PDFRef): [PDFRef, PDFRef] | undefined => {
    if (list.length === 0) return undefined;
    const refs = list.map(() => ctx.nextRef());
    list.forEach((b, i) => {
      const dict = ctx.obj({}) as PDFDict;
      dict.set(name('Title'), PDFHexString.fromText(b.title));
      dict.set(name('Parent'), parentRef);
      if (i > 0) dict.set(name('Prev'), refs[i - 1]!);
      if (i + 1 < refs.length) dict.set(name('Next'), refs[i + 1]!);
      const kids = writeLevel(b.kids, refs[i]!);
      if (kids) {
        dict.set(name('First'), kids[0]);
        dict.set(name('Last'), kids[1]);
        const n = visibleCount(b.kids);
        dict.set(name('Count'), PDFNumber.of(b.open ? n : -n));
      }
      const dest = destOf(b);
      if (dest) dict.set(name('Dest'), dest);
      if (b.ref) dict.set(name('SE'), b.ref);
      ctx.assign(refs[i]!, dict);
    });
    return [refs[0]!, refs[refs.length - 1]!];
  };

  const root = ctx.obj({ Type: 'Outlines' }) as PDFDict;
  const top = writeLevel(items, rootRef);
  if (top) {
    root.set(name('First'), top[0]);
    root.set(name('Last'), top[1]);
    root.set(name('Count'), PDFNumber.of(visibleCount(items)));
  }
  ctx.assign(rootRef, root);
  doc.catalog.set(name('Outlines'), rootRef);
  doc.catalog.set(name('PageMode'), PDFName.of('UseOutlines'));
}
