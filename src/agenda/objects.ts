/**
 * Low-level PDF object helpers for the packet: typed look-ups and an object copier that maps
 * every reference of a source document to one object of the packet, so pages, outline items,
 * structure elements and the structure parent tree copied from the same source all point at the
 * same copied objects.
 */
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFPageLeaf,
  PDFRef,
  PDFStream,
  PDFString,
} from 'pdf-lib';
import type { PDFContext, PDFObject } from 'pdf-lib';

export const name = (n: string): PDFName => PDFName.of(n);

export function lookupDict(ctx: PDFContext, o: PDFObject | undefined): PDFDict | undefined {
  const v = o instanceof PDFRef ? ctx.lookup(o) : o;
  return v instanceof PDFDict ? v : undefined;
}

export function lookupArray(ctx: PDFContext, o: PDFObject | undefined): PDFArray | undefined {
  const v = o instanceof PDFRef ? ctx.lookup(o) : o;
  return v instanceof PDFArray ? v : undefined;
}

export function lookupNumber(ctx: PDFContext, o: PDFObject | undefined): number | undefined {
  const v = o instanceof PDFRef ? ctx.lookup(o) : o;
  return v instanceof PDFNumber ? v.asNumber() : undefined;
}

export function lookupText(ctx: PDFContext, o: PDFObject | undefined): string | undefined {
  const v = o instanceof PDFRef ? ctx.lookup(o) : o;
  return v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined;
}

/** The elements of an array, or the object itself as a one-element list (PDF allows both). */
export function listOf(ctx: PDFContext, o: PDFObject | undefined): PDFObject[] {
  if (o === undefined) return [];
  const arr = lookupArray(ctx, o);
  return arr ? arr.asArray() : [o];
}

/** Entries of a number tree (ParentTree), in key order. */
export function numberTreeEntries(ctx: PDFContext, node: PDFDict | undefined, seen = new Set<PDFDict>()): Array<[number, PDFObject]> {
  if (!node || seen.has(node)) return [];
  seen.add(node);
  const out: Array<[number, PDFObject]> = [];
  const nums = lookupArray(ctx, node.get(name('Nums')));
  if (nums) {
    for (let i = 0; i + 1 < nums.size(); i += 2) {
      const key = lookupNumber(ctx, nums.get(i));
      if (key !== undefined) out.push([key, nums.get(i + 1)]);
    }
  }
  for (const kid of listOf(ctx, node.get(name('Kids')))) out.push(...numberTreeEntries(ctx, lookupDict(ctx, kid), seen));
  return out.sort((a, b) => a[0] - b[0]);
}

/** Entries of a name tree (named destinations), as a map from the decoded name. */
export function nameTreeEntries(ctx: PDFContext, node: PDFDict | undefined, out = new Map<string, PDFObject>(), seen = new Set<PDFDict>()): Map<string, PDFObject> {
  if (!node || seen.has(node)) return out;
  seen.add(node);
  const names = lookupArray(ctx, node.get(name('Names')));
  if (names) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const key = lookupText(ctx, names.get(i));
      if (key !== undefined && !out.has(key)) out.set(key, names.get(i + 1));
    }
  }
  for (const kid of listOf(ctx, node.get(name('Kids')))) nameTreeEntries(ctx, lookupDict(ctx, kid), out, seen);
  return out;
}

/**
 * Deletes the indirect objects nothing reachable from the trailer (catalog, Info) refers to,
 * such as streams replaced during the merge. Returns how many were dropped.
 */
export function dropUnreachable(ctx: PDFContext): number {
  const seen = new Set<PDFRef>();
  const stack: PDFObject[] = [];
  for (const root of [ctx.trailerInfo.Root, ctx.trailerInfo.Info, ctx.trailerInfo.Encrypt]) if (root) stack.push(root);
  while (stack.length > 0) {
    const o = stack.pop()!;
    if (o instanceof PDFRef) {
      if (seen.has(o)) continue;
      seen.add(o);
      const v = ctx.lookup(o);
      if (v !== undefined) stack.push(v);
    } else if (o instanceof PDFDict) {
      for (const [, v] of o.entries()) stack.push(v);
    } else if (o instanceof PDFArray) {
      stack.push(...o.asArray());
    } else if (o instanceof PDFStream) {
      for (const [, v] of o.dict.entries()) stack.push(v);
    }
  }
  let dropped = 0;
  for (const [ref] of ctx.enumerateIndirectObjects()) {
    if (!seen.has(ref)) {
      ctx.delete(ref);
      dropped++;
    }
  }
  return dropped;
}

/**
 * Copies objects from one document's context into another's, following references. Each source
 * reference is copied once and maps to one packet reference (also across calls), and a source
 * reference can be mapped to an existing packet object beforehand (the source's structure tree
 * root to the packet's) so a copy never drags in what it should not.
 *
 * Pages are copied like pdf-lib's copyPages does (inherited attributes moved in, /Parent
 * dropped), but through their reference, so links and structure elements that point to a page
 * get the copied page.
 */
export class ObjectCopier {
  readonly #map = new Map<PDFObject, PDFObject>();
  constructor(
    readonly src: PDFContext,
    readonly dest: PDFContext,
  ) {}

  /** Makes `srcRef` copy to `destRef` (nothing is copied for it). */
  premap(srcRef: PDFRef, destRef: PDFRef): void {
    this.#map.set(srcRef, destRef);
  }

  /** The packet object `o` was already copied to, if any. */
  mapped(o: PDFObject): PDFObject | undefined {
    return this.#map.get(o);
  }

  copy<T extends PDFObject>(o: T): T {
    return this.#copy(o) as T;
  }

  #copy(o: PDFObject): PDFObject {
    if (o instanceof PDFRef) return this.#copyRef(o);
    if (o instanceof PDFPageLeaf) return this.#copyPage(o);
    if (o instanceof PDFDict) return this.#copyDict(o);
    if (o instanceof PDFArray) return this.#copyArray(o);
    if (o instanceof PDFStream) return this.#copyStream(o);
    return o.clone();
  }

  #copyRef(ref: PDFRef): PDFObject {
    const known = this.#map.get(ref);
    if (known) return known;
    const to = this.dest.nextRef();
    this.#map.set(ref, to);
    const value = this.src.lookup(ref);
    if (value !== undefined) this.dest.assign(to, this.#copy(value));
    return to;
  }

  #copyPage(page: PDFPageLeaf): PDFObject {
    const known = this.#map.get(page);
    if (known) return known;
    const clone = page.clone();
    for (const key of PDFPageLeaf.InheritableEntries) {
      const k = PDFName.of(key);
      const value = clone.getInheritableAttribute(k);
      if (!clone.get(k) && value) clone.set(k, value);
    }
    clone.delete(PDFName.of('Parent'));
    const copied = clone.clone(this.dest);
    this.#map.set(page, copied);
    for (const [key, value] of clone.entries()) copied.set(key, this.#copy(value));
    return copied;
  }

  #copyDict(d: PDFDict): PDFObject {
    const known = this.#map.get(d);
    if (known) return known;
    const copied = d.clone(this.dest);
    this.#map.set(d, copied);
    for (const [key, value] of d.entries()) copied.set(key, this.#copy(value));
    return copied;
  }

  #copyArray(a: PDFArray): PDFObject {
    const known = this.#map.get(a);
    if (known) return known;
    const copied = a.clone(this.dest);
    this.#map.set(a, copied);
    for (let i = 0; i < a.size(); i++) copied.set(i, this.#copy(a.get(i)));
    return copied;
  }

  #copyStream(s: PDFStream): PDFObject {
    const known = this.#map.get(s);
    if (known) return known;
    const copied = s.clone(this.dest);
    this.#map.set(s, copied);
    for (const [key, value] of s.dict.entries()) copied.dict.set(key, this.#copy(value));
    return copied;
  }
}
