/**
 * One structure tree (tagged PDF) for the packet, built from the trees of the cover and the
 * documents: Document → one Part per source (the source's own Document element becomes that
 * Part, titled "表紙" or "資料N title"), with the parent tree renumbered (pages' /StructParents
 * and annotations' /StructParent moved by an offset per source) and element ids made unique per
 * source. applyPdfMetadata then renames the ids stably (print/structure.ts).
 */
import { PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFStream, PDFString } from 'pdf-lib';
import type { PDFContext, PDFDocument, PDFObject, PDFPageLeaf } from 'pdf-lib';
import { listOf, lookupArray, lookupDict, lookupNumber, lookupText, name, numberTreeEntries, type ObjectCopier } from './objects.ts';

const N = {
  StructTreeRoot: name('StructTreeRoot'),
  K: name('K'),
  P: name('P'),
  S: name('S'),
  T: name('T'),
  ID: name('ID'),
  A: name('A'),
  Headers: name('Headers'),
  ParentTree: name('ParentTree'),
  ParentTreeNextKey: name('ParentTreeNextKey'),
  StructParents: name('StructParents'),
  StructParent: name('StructParent'),
  Annots: name('Annots'),
  Resources: name('Resources'),
  XObject: name('XObject'),
  RoleMap: name('RoleMap'),
  ClassMap: name('ClassMap'),
};

/** Whether `doc` has a structure tree with content. */
export function isTagged(doc: PDFDocument): boolean {
  const root = lookupDict(doc.context, doc.catalog.get(N.StructTreeRoot));
  return root !== undefined && root.has(N.K);
}

/** Structure elements below `k` (depth-first, document order), with their reference when indirect. */
function elementsBelow(ctx: PDFContext, k: PDFObject | undefined, out: Array<{ ref?: PDFRef; dict: PDFDict }> = [], seen = new Set<PDFDict>()) {
  for (const item of listOf(ctx, k)) {
    if (item instanceof PDFNumber) continue;
    const dict = lookupDict(ctx, item);
    if (!dict || seen.has(dict) || !dict.has(N.S)) continue; // marked-content and object references have no /S
    seen.add(dict);
    out.push({ ...(item instanceof PDFRef ? { ref: item } : {}), dict });
    elementsBelow(ctx, dict.get(N.K), out, seen);
  }
  return out;
}

export class StructureMerger {
  readonly #packet: PDFDocument;
  readonly #ctx: PDFContext;
  readonly rootRef: PDFRef;
  readonly #documentRef: PDFRef;
  readonly #parts: PDFRef[] = [];
  readonly #parentTree: Array<[number, PDFObject]> = [];
  readonly #ids: Array<[string, PDFRef]> = [];
  readonly #roleMap = new Map<string, PDFObject>();
  readonly #classMap = new Map<string, PDFObject>();
  #nextKey = 0;

  constructor(packet: PDFDocument) {
    this.#packet = packet;
    this.#ctx = packet.context;
    this.rootRef = this.#ctx.nextRef();
    this.#documentRef = this.#ctx.nextRef();
  }

  /**
   * Call before copying anything from `src`: maps its structure tree root to the packet's, so
   * elements' /P chains end at the packet root instead of copying the source root.
   */
  prepare(src: PDFDocument, copier: ObjectCopier): void {
    const rootRef = src.catalog.get(N.StructTreeRoot);
    if (rootRef instanceof PDFRef) copier.premap(rootRef, this.rootRef);
  }

  /**
   * Adds the tree of `src` as one Part titled `title`, after its pages were copied with the same
   * `copier` (`pages`: the copied page dictionaries, whose /StructParents are renumbered here).
   */
  add(src: PDFDocument, copier: ObjectCopier, pages: readonly PDFPageLeaf[], title: string): void {
    const sctx = src.context;
    const ctx = this.#ctx;
    const root = lookupDict(sctx, src.catalog.get(N.StructTreeRoot));
    if (!root) throw new Error('internal: StructureMerger.add on an untagged document');
    const partNo = this.#parts.length;
    const offset = this.#nextKey;

    // The source's top elements, copied.
    const kids = listOf(sctx, root.get(N.K)).filter((k) => lookupDict(sctx, k)?.has(N.S));
    const copiedKids = kids.map((k) => copier.copy(k));
    let partRef: PDFRef;
    const single = copiedKids.length === 1 && copiedKids[0] instanceof PDFRef ? lookupDict(ctx, copiedKids[0]) : undefined;
    const singleType = single?.get(N.S);
    if (single && singleType instanceof PDFName && singleType.decodeText() === 'Document') {
      partRef = copiedKids[0] as PDFRef;
      single.set(N.S, PDFName.of('Part'));
    } else {
      partRef = ctx.nextRef();
      ctx.assign(partRef, ctx.obj({ Type: 'StructElem', S: 'Part', K: copiedKids }));
      for (const k of copiedKids) lookupDict(ctx, k)?.set(N.P, partRef);
    }
    const part = lookupDict(ctx, partRef)!;
    part.set(N.P, this.#documentRef);
    part.set(N.T, PDFHexString.fromText(title));
    this.#parts.push(partRef);

    // Parent tree entries, renumbered.
    const entries = numberTreeEntries(sctx, lookupDict(sctx, root.get(N.ParentTree)));
    let maxKey = -1;
    for (const [key, value] of entries) {
      this.#parentTree.push([offset + key, copier.copy(value)]);
      maxKey = Math.max(maxKey, key);
    }
    const declared = lookupNumber(sctx, root.get(N.ParentTreeNextKey)) ?? 0;
    this.#nextKey = offset + Math.max(declared, maxKey + 1);

    // Whatever points into the parent tree moves by the same offset.
    const moved = new Set<PDFDict>();
    const shiftKey = (d: PDFDict | undefined, key: PDFName) => {
      if (!d || moved.has(d)) return;
      const n = lookupNumber(ctx, d.get(key));
      if (n === undefined) return;
      moved.add(d);
      d.set(key, PDFNumber.of(offset + n));
    };
    const shiftXObjects = (resources: PDFDict | undefined, depth: number) => {
      const xobjects = lookupDict(ctx, resources?.get(N.XObject));
      if (!xobjects || depth > 8) return;
      for (const [, ref] of xobjects.entries()) {
        const stream = ref instanceof PDFRef ? ctx.lookup(ref) : ref;
        if (!(stream instanceof PDFStream) || moved.has(stream.dict)) continue;
        shiftKey(stream.dict, N.StructParents);
        shiftKey(stream.dict, N.StructParent);
        moved.add(stream.dict);
        shiftXObjects(lookupDict(ctx, stream.dict.get(N.Resources)), depth + 1);
      }
    };
    for (const page of pages) {
      shiftKey(page, N.StructParents);
      for (const annot of listOf(ctx, page.get(N.Annots))) shiftKey(lookupDict(ctx, annot), N.StructParent);
      shiftXObjects(lookupDict(ctx, page.get(N.Resources)), 0);
    }

    // Ids unique across sources: "p<part>-<id>", here and in table cells' /Headers.
    const rename = (o: PDFObject | undefined): PDFString | undefined => {
      const t = lookupText(ctx, o);
      return t === undefined ? undefined : PDFString.of(`p${partNo}-${t}`);
    };
    for (const { ref, dict } of elementsBelow(ctx, partRef)) {
      const id = rename(dict.get(N.ID));
      if (id) {
        dict.set(N.ID, id);
        if (ref) this.#ids.push([id.asString(), ref]);
      }
      const attrs = dict.get(N.A);
      const list = lookupArray(ctx, attrs)?.asArray() ?? (attrs ? [attrs] : []);
      for (const a of list) {
        const headers = lookupArray(ctx, lookupDict(ctx, a)?.get(N.Headers));
        if (!headers) continue;
        for (let i = 0; i < headers.size(); i++) {
          const h = rename(headers.get(i));
          if (h) headers.set(i, h);
        }
      }
    }

    for (const [map, key] of [
      [this.#roleMap, N.RoleMap],
      [this.#classMap, N.ClassMap],
    ] as const) {
      const d = lookupDict(sctx, root.get(key));
      for (const [k, v] of d?.entries() ?? []) if (!map.has(k.decodeText())) map.set(k.decodeText(), copier.copy(v));
    }
  }

  /** Writes the tree and marks the packet as tagged. */
  finish(): void {
    const ctx = this.#ctx;
    const nums: PDFObject[] = [];
    for (const [k, v] of [...this.#parentTree].sort((a, b) => a[0] - b[0])) nums.push(PDFNumber.of(k), v);
    const parentTree = ctx.register(ctx.obj({ Nums: nums }));
    const root = ctx.obj({ Type: 'StructTreeRoot', K: this.#documentRef, ParentTree: parentTree, ParentTreeNextKey: this.#nextKey }) as PDFDict;
    if (this.#ids.length > 0) {
      const names: PDFObject[] = [];
      for (const [id, ref] of [...this.#ids].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) names.push(PDFString.of(id), ref);
      root.set(name('IDTree'), ctx.register(ctx.obj({ Names: names })));
    }
    const dictOf = (m: Map<string, PDFObject>) => {
      const d = ctx.obj({}) as PDFDict;
      for (const [k, v] of [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1))) d.set(PDFName.of(k), v);
      return d;
    };
    if (this.#roleMap.size > 0) root.set(N.RoleMap, dictOf(this.#roleMap));
    if (this.#classMap.size > 0) root.set(N.ClassMap, dictOf(this.#classMap));
    ctx.assign(this.rootRef, root);
    ctx.assign(this.#documentRef, ctx.obj({ Type: 'StructElem', S: 'Document', P: this.rootRef, K: this.#parts }));
    this.#packet.catalog.set(N.StructTreeRoot, this.rootRef);
    this.#packet.catalog.set(name('MarkInfo'), ctx.obj({ Marked: true }));
  }
}
