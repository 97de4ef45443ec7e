import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import type { PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { canonicalizeStructureIds } from '../../src/print/structure.ts';

/** A document shaped like Chromium's: TH elements with ids, TDs pointing at them, a two-leaf IDTree. */
async function tagged(ids: [string, string, string]): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage();
  const ctx = doc.context;
  const root = ctx.register(ctx.obj({ Type: 'StructTreeRoot' }));
  const table = ctx.register(ctx.obj({ Type: 'StructElem', S: 'Table', P: root }));
  const th = ids.map((id, i) => ctx.register(ctx.obj({ Type: 'StructElem', S: 'TH', P: table, ID: PDFString.of(id), K: i })));
  const td = ids.map((id, i) =>
    ctx.register(ctx.obj({ Type: 'StructElem', S: 'TD', P: table, K: 3 + i, A: { O: 'Table', Headers: [PDFString.of(id)] } })),
  );
  (ctx.lookup(table) as PDFDict).set(PDFName.of('K'), ctx.obj([...th, ...td]));
  const sorted = [...ids.keys()].sort((a, b) => (ids[a]! < ids[b]! ? -1 : 1));
  const leaf = (idx: number[]) =>
    ctx.register(
      ctx.obj({
        Limits: [PDFString.of(ids[idx[0]!]!), PDFString.of(ids[idx[idx.length - 1]!]!)],
        Names: idx.flatMap((i) => [PDFString.of(ids[i]!), th[i]!]),
      }),
    );
  const tree = ctx.register(ctx.obj({ Kids: [leaf(sorted.slice(0, 2)), leaf(sorted.slice(2))] }));
  const rootDict = ctx.lookup(root) as PDFDict;
  rootDict.set(PDFName.of('K'), table);
  rootDict.set(PDFName.of('IDTree'), tree);
  doc.catalog.set(PDFName.of('StructTreeRoot'), root);
  return doc.save({ useObjectStreams: false });
}

async function canonical(bytes: Uint8Array): Promise<{ doc: PDFDocument; saved: Uint8Array }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  expect(canonicalizeStructureIds(doc)).toBe(3);
  return { doc, saved: await doc.save({ useObjectStreams: false }) };
}

describe('canonicalizeStructureIds', () => {
  it('renames ids in document order and keeps /Headers and the IDTree consistent', async () => {
    const { doc } = await canonical(await tagged(['node00000109', 'node00000002', 'node00000003']));
    const ctx = doc.context;
    const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const kids = root.lookup(PDFName.of('K'), PDFDict).lookup(PDFName.of('K'), PDFArray);
    const el = (i: number) => ctx.lookup(kids.get(i) as PDFRef, PDFDict);
    const text = (d: PDFDict, k: string) => (d.get(PDFName.of(k)) as PDFString).decodeText();
    expect([0, 1, 2].map((i) => text(el(i), 'ID'))).toEqual(['node00000001', 'node00000002', 'node00000003']);
    expect([3, 4, 5].map((i) => (el(i).lookup(PDFName.of('A'), PDFDict).lookup(PDFName.of('Headers'), PDFArray).get(0) as PDFString).decodeText())).toEqual([
      'node00000001',
      'node00000002',
      'node00000003',
    ]);
    const tree = root.lookup(PDFName.of('IDTree'), PDFDict).lookup(PDFName.of('Kids'), PDFArray);
    const leaves = [0, 1].map((i) => tree.lookup(i, PDFDict));
    const names = leaves.map((l) => l.lookup(PDFName.of('Names'), PDFArray).asArray());
    expect((names[0]![0] as PDFString).decodeText()).toBe('node00000001');
    expect(names[0]![1]).toBe(kids.get(0));
    expect((names[0]![2] as PDFString).decodeText()).toBe('node00000002');
    expect(names[0]![3]).toBe(kids.get(1));
    expect((names[1]![0] as PDFString).decodeText()).toBe('node00000003');
    expect(names[1]![1]).toBe(kids.get(2));
    const limits = leaves.map((l) => l.lookup(PDFName.of('Limits'), PDFArray).asArray().map((s) => (s as PDFString).decodeText()));
    expect(limits).toEqual([
      ['node00000001', 'node00000002'],
      ['node00000003', 'node00000003'],
    ]);
  });

  it('gives the same bytes whatever ids Chromium chose', async () => {
    const a = await canonical(await tagged(['node00000109', 'node00000002', 'node00000003']));
    const b = await canonical(await tagged(['node00000091', 'node00000092', 'node00000093']));
    expect(Buffer.from(a.saved).equals(Buffer.from(b.saved))).toBe(true);
  });

  it('leaves an untagged document alone', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    expect(canonicalizeStructureIds(doc)).toBe(0);
  });
});
