/**
 * Assembling the packet with pdf-lib: the cover's and the documents' pages copied in order, one
 * structure tree (tags.ts), the outline (outline.ts, planned in plan.ts), and the printed marks
 * (stamps.ts) drawn as Form XObjects inside /Artifact marked content.
 */
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFPage, PDFPageLeaf, PDFRawStream, PDFRef, decodePDFRawStream } from 'pdf-lib';
import type { PDFContext } from 'pdf-lib';
import { ObjectCopier, dropUnreachable, lookupDict, name } from './objects.ts';
import { readOutline, writeOutline, type OutlineTarget } from './outline.ts';
import { COVER_BOOKMARK, documentHeading, planOutline, type PacketBookmark, type PacketPlan, type SourceBookmark } from './plan.ts';
import { StructureMerger, isTagged } from './tags.ts';
import { MM, TILE_PX, tilePosition, type Box, type PlacedTile, type TileKind } from './stamps.ts';
import { pageContentExtent, type Rect } from './content-extent.ts';
import { placeStamp, scaleMatrix } from './free-space.ts';

export interface MergeInput {
  cover: PDFDocument;
  documents: readonly PDFDocument[];
  /** Each document's own title(s), for recognising an outline root that repeats it. */
  documentTitles?: ReadonlyArray<ReadonlyArray<string | undefined>>;
  plan: PacketPlan;
  /** The printed tiles (one page each) and where each goes. */
  tiles?: { pdf: Uint8Array; placed: readonly PlacedTile[] };
}

export interface MergeResult {
  pdf: Uint8Array;
  /** Whether the packet has one structure tree (every input was tagged). */
  tagged: boolean;
  /** Pages whose own printed page number was taken out of the content (the rest are only covered). */
  footersRemoved: number;
  /** First pages whose own 資料番号 box was taken out for the packet's stamp. */
  numbersReplaced: number;
  /** Stamps on pages that are not ours: where each went (free space, or a scaled page). */
  stampPlacements: StampPlacementReport[];
}

/** Where a stamp went on a page that has no 資料番号 box of ours. */
export interface StampPlacementReport {
  /** 0-based page of the packet. */
  pageIndex: number;
  /** How far the stamp moved from its usual top-right place (mm, left and down). */
  movedMm: { left: number; down: number };
  /** The page's content was scaled by this factor to free the top (1 = untouched). */
  scale: number;
}

const N = {
  Contents: name('Contents'),
  Resources: name('Resources'),
  XObject: name('XObject'),
  StructParents: name('StructParents'),
};

/** Depth of the top and bottom margins Chromium's margin boxes are looked for in (the report's are 18 mm). */
const MARGIN_BAND_MM = 18;

/** Operators a margin-box group may hold: state, text, and stroked or filled rectangles (borders). */
const OPERATORS_IN_MARGIN = new Set([
  'cm', 'RG', 'rg', 'G', 'g', 'K', 'k', 'CS', 'cs', 'SC', 'sc', 'SCN', 'scn', 'gs', 'w', 'J', 'j', 'M', 'd',
  'BT', 'ET', 'Tf', 'Tm', 'Td', 'TD', 'T*', 'Tj', 'TJ', 'Tc', 'Tw', 'Tz', 'TL', 'Ts', 'Tr',
  're', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n',
]);
const PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n']);

type Matrix = [number, number, number, number, number, number];

const parseCm = (line: string): Matrix | undefined => {
  const m = /^((?:[-+]?(?:\d+\.?\d*|\.\d+)\s+){6})cm$/.exec(line.trim());
  if (!m) return undefined;
  const v = m[1]!.trim().split(/\s+/).map(Number);
  return v.length === 6 && v.every(Number.isFinite) ? (v as Matrix) : undefined;
};

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** inner × outer: the matrix after `inner cm` under `outer`. */
const multiply = (inner: Matrix, outer: Matrix): Matrix => {
  const [a, b, c, d, e, f] = inner;
  return [a * outer[0] + b * outer[2], a * outer[1] + b * outer[3], c * outer[0] + d * outer[2], c * outer[1] + d * outer[3], e * outer[0] + f * outer[2] + outer[4], e * outer[1] + f * outer[3] + outer[5]];
};

export type MarginBand = 'top' | 'bottom';

/** What removeMarginMarks took out of a page. */
export interface RemovedMarks {
  /** The top-right 資料番号 box (or other top margin-box text). */
  top: boolean;
  /** The printed page number. */
  bottom: boolean;
}

/**
 * Takes what Chromium printed in the page margins (our reports' `@top-right` 資料番号 box on the
 * first page and `@bottom-center` page number; a header/footer template looks the same) out of
 * the page's first content stream: the leading `cm`, then one `q … Q` group of unmarked text and
 * rectangles only, every piece of it within the top or bottom 18 mm of the page. Only the pieces
 * in the asked-for bands go; state operators stay. When the group holds anything else (marked
 * content, curves, text in the body area), nothing is touched.
 */
export function removeMarginMarks(ctx: PDFContext, leaf: PDFPageLeaf, box: Box, bands: ReadonlySet<MarginBand>): RemovedMarks {
  const none: RemovedMarks = { top: false, bottom: false };
  const contents = leaf.get(N.Contents);
  const resolved = contents instanceof PDFRef ? ctx.lookup(contents) : contents;
  const firstRef = resolved instanceof PDFArray ? resolved.get(0) : contents;
  if (!(firstRef instanceof PDFRef)) return none;
  const stream = ctx.lookup(firstRef);
  if (!(stream instanceof PDFRawStream)) return none;
  let text: string;
  try {
    text = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
  } catch {
    return none;
  }
  const m = /^([^\n]*\bcm[ \t]*\r?\n)(q\r?\n(?:[^\n]*\n)*?Q\r?\n)/.exec(text);
  if (!m) return none;
  const outer = parseCm(m[1]!);
  const lines = m[2]!.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (!outer || lines[0] !== 'q' || lines[lines.length - 1] !== 'Q') return none;

  const band = (y: number): MarginBand | undefined =>
    y >= box.y + box.height - MARGIN_BAND_MM * MM ? 'top' : y <= box.y + MARGIN_BAND_MM * MM ? 'bottom' : undefined;
  // pieces: a text object (BT … ET) or a path (… re … paint); other lines are state, kept
  interface Piece {
    lines: string[];
    band: MarginBand;
  }
  const kept: Array<string | Piece> = [];
  let ctm: Matrix = outer;
  let current: { lines: string[]; bands: Set<MarginBand | undefined>; kind: 'text' | 'path' } | undefined;
  for (const line of lines.slice(1, -1)) {
    const op = /(\S+)$/.exec(line.trim())?.[1] ?? '';
    if (!OPERATORS_IN_MARGIN.has(op)) return none;
    if (op === 'cm') {
      if (current) return none;
      const inner = parseCm(line);
      if (!inner) return none;
      ctm = multiply(inner, ctm);
      kept.push(line);
      continue;
    }
    if (op === 'BT' || (op === 're' && !current)) {
      if (current) return none;
      current = { lines: [], bands: new Set(), kind: op === 'BT' ? 'text' : 'path' };
    }
    if (!current) {
      kept.push(line);
      continue;
    }
    current.lines.push(line);
    const v = line.trim().split(/\s+/).slice(0, -1).map(Number);
    if (op === 'Tm') {
      if (v.length !== 6 || !v.every(Number.isFinite)) return none;
      current.bands.add(band(apply(ctm, v[4]!, v[5]!)[1]));
    }
    if (op === 're') {
      if (current.kind !== 'path' || v.length !== 4 || !v.every(Number.isFinite)) return none;
      current.bands.add(band(apply(ctm, v[0]!, v[1]!)[1]));
      current.bands.add(band(apply(ctm, v[0]! + v[2]!, v[1]! + v[3]!)[1]));
    }
    const ends = current.kind === 'text' ? op === 'ET' : PAINT.has(op);
    if (ends) {
      const [only] = current.bands;
      if (current.bands.size !== 1 || only === undefined) return none; // not wholly in one margin
      kept.push({ lines: current.lines, band: only });
      current = undefined;
    }
  }
  if (current) return none;
  const removed: RemovedMarks = { top: false, bottom: false };
  const out: string[] = ['q'];
  for (const k of kept) {
    if (typeof k === 'string') out.push(k);
    else if (bands.has(k.band)) removed[k.band] = true;
    else out.push(...k.lines);
  }
  if (!removed.top && !removed.bottom) return none;
  out.push('Q');
  const remaining = out.some((l) => l === 'BT' || / re$/.test(l)) ? out.join('\n') + '\n' : '';
  const rest = m[1]! + remaining + text.slice(m[0].length);
  ctx.assign(firstRef, ctx.flateStream(Buffer.from(rest, 'latin1')));
  return removed;
}

/** The page number Chromium printed in the bottom margin, taken out (see removeMarginMarks). */
export function removeChromiumFooter(ctx: PDFContext, leaf: PDFPageLeaf, box: Box): boolean {
  return removeMarginMarks(ctx, leaf, box, new Set(['bottom'])).bottom;
}

const fmt = (n: number): string => {
  const s = n.toFixed(3).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
};

/**
 * Each page of the printed tiles as a Form XObject of the packet (resources copied once, so the
 * tiles share one font).
 */
async function tileForms(ctx: PDFContext, pdf: Uint8Array): Promise<PDFRef[]> {
  const src = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const copier = new ObjectCopier(src.context, ctx);
  return src.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => src.context.lookup(r)) : [contents];
    const parts = streams.map((s) => {
      if (!(s instanceof PDFRawStream)) throw new Error('internal: a printed tile has no content stream');
      return Buffer.from(decodePDFRawStream(s).decode());
    });
    const box = page.getMediaBox();
    const resources = copier.copy(page.node.Resources() ?? ctx.obj({}));
    return ctx.register(
      ctx.flateStream(Buffer.concat(parts.flatMap((p) => [p, Buffer.from('\n')])), {
        Type: 'XObject',
        Subtype: 'Form',
        BBox: [box.x, box.y, box.x + box.width, box.y + box.height],
        Resources: resources,
      }),
    );
  });
}

interface Overlay {
  form: PDFRef;
  x: number;
  y: number;
  kind: TileKind;
}

/** Draws tiles over a page: [q, …existing content…, Q + tiles], the tiles as pagination artifacts. */
function drawOverlays(ctx: PDFContext, leaf: PDFPageLeaf, overlays: readonly Overlay[], pushRef: PDFRef): void {
  let resources = lookupDict(ctx, leaf.get(N.Resources));
  if (!resources) {
    resources = ctx.obj({}) as PDFDict;
    leaf.set(N.Resources, resources);
  }
  let xobjects = lookupDict(ctx, resources.get(N.XObject));
  if (!xobjects) {
    xobjects = ctx.obj({}) as PDFDict;
    resources.set(N.XObject, xobjects);
  }
  let ops = 'Q\n';
  let n = 1;
  for (const o of overlays) {
    while (xobjects.has(name(`KofukinAgenda${n}`))) n++;
    const key = `KofukinAgenda${n}`;
    xobjects.set(name(key), o.form);
    const subtype = o.kind === 'number' ? 'Footer' : 'Header';
    ops += `/Artifact <</Type /Pagination /Subtype /${subtype}>> BDC\nq\n1 0 0 1 ${fmt(o.x)} ${fmt(o.y)} cm\n/${key} Do\nQ\nEMC\n`;
  }
  const endRef = ctx.register(ctx.flateStream(ops));
  const contents = leaf.get(N.Contents);
  const resolved = contents instanceof PDFRef ? ctx.lookup(contents) : contents;
  const existing = resolved instanceof PDFArray ? resolved.asArray() : contents === undefined ? [] : [contents];
  leaf.set(N.Contents, ctx.obj([pushRef, ...existing, endRef]));
}

function mapRefs(items: SourceBookmark<PDFRef>[], map: (r: PDFRef) => PDFRef | undefined): SourceBookmark<PDFRef>[] {
  return items.map((b) => {
    const { ref, kids, ...rest } = b;
    const to = ref ? map(ref) : undefined;
    return { ...rest, ...(to ? { ref: to } : {}), kids: mapRefs(kids, map) };
  });
}

/** Builds the packet (metadata not yet applied: see applyPdfMetadata). */
export async function mergePacket(input: MergeInput): Promise<MergeResult> {
  const { plan } = input;
  if (input.documents.length !== plan.documents.length) throw new Error('internal: plan and documents differ');
  const packet = await PDFDocument.create({ updateMetadata: false });
  const ctx = packet.context;
  const sources = [input.cover, ...input.documents];
  const tagged = sources.every(isTagged);
  const merger = tagged ? new StructureMerger(packet) : undefined;
  const partTitles = [COVER_BOOKMARK, ...plan.documents.map(documentHeading)];

  const copiers: ObjectCopier[] = [];
  const pages: PDFPage[] = [];
  sources.forEach((src, s) => {
    const copier = new ObjectCopier(src.context, ctx);
    copiers.push(copier);
    merger?.prepare(src, copier);
    const leaves: PDFPageLeaf[] = [];
    for (const p of src.getPages()) {
      const ref = copier.copy(p.ref);
      const leaf = ctx.lookup(ref);
      if (!(leaf instanceof PDFPageLeaf)) throw new Error(`internal: page ${pages.length + 1} did not copy as a page`);
      if (!tagged) leaf.delete(N.StructParents);
      const page = PDFPage.of(leaf, ref, packet);
      packet.addPage(page);
      pages.push(page);
      leaves.push(leaf);
    }
    merger?.add(src, copier, leaves, partTitles[s]!);
  });
  if (pages.length !== plan.totalPages) throw new Error(`internal: the packet has ${pages.length} pages, the plan ${plan.totalPages}`);

  const outlines = input.documents.map((d, i) => mapRefs(readOutline(d), (r) => (tagged ? copiers[i + 1]!.copy(r) : undefined)));
  const bookmarks: PacketBookmark<PDFRef>[] = planOutline(plan, outlines, { documentTitles: input.documentTitles });
  const targets: OutlineTarget[] = pages.map((p) => {
    const box = p.getCropBox();
    return { ref: p.ref, left: box.x, top: box.y + box.height };
  });
  writeOutline(packet, bookmarks, targets);

  let footersRemoved = 0;
  let numbersReplaced = 0;
  const stampPlacements: StampPlacementReport[] = [];
  if (input.tiles && input.tiles.placed.length > 0) {
    const forms = await tileForms(ctx, input.tiles.pdf);
    const pushRef = ctx.register(ctx.flateStream('q\n'));
    const byPage = new Map<number, Overlay[]>();
    for (const t of input.tiles.placed) {
      const page = pages[t.pageIndex];
      const form = forms[t.tile];
      if (!page || !form) throw new Error(`internal: tile ${t.tile} for page ${t.pageIndex + 1} is missing`);
      const box = page.getCropBox();
      const at = tilePosition(t.kind, box);
      const list = byPage.get(t.pageIndex) ?? [];
      list.push({ form, ...at, kind: t.kind });
      byPage.set(t.pageIndex, list);
    }
    for (const [index, overlays] of [...byPage].sort((a, b) => a[0] - b[0])) {
      const page = pages[index]!;
      // the packet's 資料N replaces the document's own number box; its page number the printed one
      const bands = new Set<MarginBand>();
      if (overlays.some((o) => o.kind === 'number')) bands.add('bottom');
      if (overlays.some((o) => o.kind === 'stamp')) bands.add('top');
      const removed = removeMarginMarks(ctx, page.node, page.getCropBox(), bands);
      if (removed.bottom) footersRemoved++;
      if (removed.top) numbersReplaced++;
      const stamp = overlays.find((o) => o.kind === 'stamp');
      if (stamp && !removed.top) stampPlacements.push(placeInFreeSpace(ctx, page, stamp, index));
      drawOverlays(ctx, page.node, overlays, pushRef);
    }
  }

  merger?.finish();
  dropUnreachable(ctx);
  const pdf = await packet.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Infinity });
  return { pdf, tagged, footersRemoved, numbersReplaced, stampPlacements };
}

/**
 * Moves a stamp on a page without a 資料番号 box of ours into free space near its usual place,
 * or scales the page's content to make room at the top (free-space.ts). Mutates `stamp`.
 */
function placeInFreeSpace(ctx: PDFContext, page: PDFPage, stamp: Overlay, pageIndex: number): StampPlacementReport {
  const box = page.getCropBox();
  const rect: Rect = { x0: box.x, y0: box.y, x1: box.x + box.width, y1: box.y + box.height };
  const occupied = pageContentExtent(ctx, page.node, rect);
  const placement = placeStamp(occupied, rect, { x: stamp.x, y: stamp.y }, TILE_PX.width * 0.75, TILE_PX.height * 0.75);
  const report: StampPlacementReport = {
    pageIndex,
    movedMm: { left: round1((stamp.x - placement.at.x) / MM), down: round1((stamp.y - placement.at.y) / MM) },
    scale: round3(placement.scale),
  };
  stamp.x = placement.at.x;
  stamp.y = placement.at.y;
  if (placement.scale < 1) scalePageContent(ctx, page.node, scaleMatrix(rect, placement.scale));
  return report;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/** Wraps a page's content in `q <matrix> cm … Q` and moves its annotations with it. */
function scalePageContent(ctx: PDFContext, leaf: PDFPageLeaf, m: [number, number, number, number, number, number]): void {
  const open = ctx.register(ctx.flateStream(`q\n${m.map(fmt).join(' ')} cm\n`));
  const close = ctx.register(ctx.flateStream('\nQ\n'));
  const contents = leaf.get(N.Contents);
  const resolved = contents instanceof PDFRef ? ctx.lookup(contents) : contents;
  const existing = resolved instanceof PDFArray ? resolved.asArray() : contents === undefined ? [] : [contents];
  leaf.set(N.Contents, ctx.obj([open, ...existing, close]));
  const annots = leaf.get(name('Annots'));
  const list = annots instanceof PDFRef ? ctx.lookup(annots) : annots;
  if (!(list instanceof PDFArray)) return;
  for (const a of list.asArray()) {
    const annot = a instanceof PDFRef ? ctx.lookup(a) : a;
    if (!(annot instanceof PDFDict)) continue;
    for (const key of ['Rect', 'QuadPoints']) {
      const arr = annot.get(name(key));
      const values = arr instanceof PDFArray ? arr.asArray().map((v) => Number(v.toString())) : undefined;
      if (!values || values.length % 2 !== 0 || !values.every(Number.isFinite)) continue;
      const moved = values.map((v, i) => (i % 2 === 0 ? m[0] * v + m[4] : m[3] * v + m[5]));
      annot.set(name(key), ctx.obj(moved));
    }
  }
}
