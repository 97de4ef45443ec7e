/**
 * Stable ids for the tagged-PDF structure tree.
 *
 * Chromium names structure elements that need an id (table header cells, which data cells
 * point to with /Headers) after DOM node ids, and those come from a per-process counter whose
 * value depends on timing: the same page printed twice can get "node00000109" one time and
 * "node00000091" the next. Everything else in the file is the same, so renaming the ids in
 * document order (and re-sorting the /IDTree) makes the output byte-stable.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import type { PDFContext, PDFDocument, PDFObject } from 'pdf-lib';

const N = {
  StructTreeRoot: PDFName.of('StructTreeRoot'),
  IDTree: PDFName.of('IDTree'),
  K: PDFName.of('K'),
  S: PDFName.of('S'),
  ID: PDFName.of('ID'),
  A: PDFName.of('A'),
  Headers: PDFName.of('Headers'),
  Kids: PDFName.of('Kids'),
  Names: PDFName.of('Names'),
  Limits: PDFName.of('Limits'),
};

function textOf(o: PDFObject | undefined): string | undefined {
  return o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined;
}

function dictOf(ctx: PDFContext, o: PDFObject | undefined): PDFDict | undefined {
  const v = o instanceof PDFRef ? ctx.lookup(o) : o;
  return v instanceof PDFDict ? v : undefined;
}

function arrayOf(ctx: PDFContext, o: PDFObject | undefined): PDFArray | undefined {
  const v = o instanceof PDFRef ? ctx.lookup(o) : o;
  return v instanceof PDFArray ? v : undefined;
}

/** Structure elements in document order (depth-first along /K). */
function structElements(ctx: PDFContext, root: PDFDict): PDFDict[] {
  const out: PDFDict[] = [];
  const seen = new Set<PDFDict>();
  const visit = (o: PDFObject | undefined): void => {
    if (o === undefined || o instanceof PDFNumber) return;
    const arr = arrayOf(ctx, o);
    if (arr) {
      for (let i = 0; i < arr.size(); i++) visit(arr.get(i));
      return;
    }
    const d = dictOf(ctx, o);
    if (!d || seen.has(d) || !d.has(N.S)) return; // marked-content / object references have no /S
    seen.add(d);
    out.push(d);
    visit(d.get(N.K));
  };
  visit(root.get(N.K));
  return out;
}

/** Leaves of a name tree, in order. */
function leaves(ctx: PDFContext, node: PDFDict, out: PDFDict[] = []): PDFDict[] {
  const kids = arrayOf(ctx, node.get(N.Kids));
  if (kids) {
    for (let i = 0; i < kids.size(); i++) {
      const kid = dictOf(ctx, kids.get(i));
      if (kid) leaves(ctx, kid, out);
    }
  } else if (node.has(N.Names)) {
    out.push(node);
  }
  return out;
}

/** Recomputes /Limits of every node below the root that has them; returns [first, last]. */
function fixLimits(ctx: PDFContext, node: PDFDict, isRoot: boolean): [string, string] | undefined {
  let range: [string, string] | undefined;
  const kids = arrayOf(ctx, node.get(N.Kids));
  if (kids) {
    for (let i = 0; i < kids.size(); i++) {
      const kid = dictOf(ctx, kids.get(i));
      const r = kid && fixLimits(ctx, kid, false);
      if (r) range = range ? [range[0], r[1]] : r;
    }
  } else {
    const names = arrayOf(ctx, node.get(N.Names));
    if (names && names.size() >= 2) {
      range = [textOf(names.get(0)) ?? '', textOf(names.get(names.size() - 2)) ?? ''];
    }
  }
  if (!isRoot && range && node.has(N.Limits)) {
    node.set(N.Limits, ctx.obj([PDFString.of(range[0]), PDFString.of(range[1])]));
  }
  return range;
}

/**
 * Renames structure element ids to "node00000001", "node00000002", … in document order and
 * updates /Headers references and the /IDTree to match. Returns how many ids were renamed.
 */
export function canonicalizeStructureIds(doc: PDFDocument): number {
  const ctx = doc.context;
  const root = dictOf(ctx, doc.catalog.get(N.StructTreeRoot));
  if (!root) return 0;
  const elements = structElements(ctx, root);

  const rename = new Map<string, string>();
  for (const el of elements) {
    const id = textOf(el.get(N.ID));
    if (id !== undefined && !rename.has(id)) rename.set(id, `node${String(rename.size + 1).padStart(8, '0')}`);
  }
  if (rename.size === 0) return 0;
  const renamed = (o: PDFObject | undefined): PDFString | undefined => {
    const t = textOf(o);
    const to = t === undefined ? undefined : rename.get(t);
    return to === undefined ? undefined : PDFString.of(to);
  };

  for (const el of elements) {
    const id = renamed(el.get(N.ID));
    if (id) el.set(N.ID, id);
    const attrs = el.get(N.A);
    const attrList = arrayOf(ctx, attrs);
    const dicts = attrList
      ? Array.from({ length: attrList.size() }, (_, i) => dictOf(ctx, attrList.get(i)))
      : [dictOf(ctx, attrs)];
    for (const a of dicts) {
      const headers = a && arrayOf(ctx, a.get(N.Headers));
      if (!headers) continue;
      for (let i = 0; i < headers.size(); i++) {
        const h = renamed(headers.get(i));
        if (h) headers.set(i, h);
      }
    }
  }

  // Re-sort the id tree: same leaves, same number of entries each, names in the new order.
  const tree = dictOf(ctx, root.get(N.IDTree));
  if (tree) {
    const leafNodes = leaves(ctx, tree);
    const pairs: [string, PDFObject][] = [];
    const counts: number[] = [];
    for (const leaf of leafNodes) {
      const names = arrayOf(ctx, leaf.get(N.Names))!;
      counts.push(names.size() / 2);
      for (let i = 0; i + 1 < names.size(); i += 2) {
        const key = textOf(names.get(i)) ?? '';
        pairs.push([rename.get(key) ?? key, names.get(i + 1)]);
      }
    }
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    let at = 0;
    leafNodes.forEach((leaf, li) => {
      const flat: PDFObject[] = [];
      for (const [key, value] of pairs.slice(at, at + counts[li]!)) flat.push(PDFString.of(key), value);
      at += counts[li]!;
      leaf.set(N.Names, ctx.obj(flat));
    });
    fixLimits(ctx, tree, true);
  }
  return rename.size;
}
