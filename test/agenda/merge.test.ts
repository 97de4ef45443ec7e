/**
 * Merging without a browser: synthetic PDFs made with pdf-lib (outlines with explicit, named and
 * GoTo destinations; no structure tree), the footer remover on Chromium-shaped content, and input
 * validation.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, decodePDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { applyPdfMetadata } from '../../src/print/metadata.ts';
import { mergePacket, removeChromiumFooter, removeMarginMarks, type MarginBand } from '../../src/agenda/merge.ts';
import { readOutline } from '../../src/agenda/outline.ts';
import { planPacket } from '../../src/agenda/plan.ts';
import { readAgendaInputs } from '../../src/agenda/input.ts';
import { InputError } from '../../src/errors/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'kofukin-agenda-merge-'));

/** A document of `pages` A4 pages; page i shows nothing but has a distinct content stream. */
async function blankDoc(pages: number, title?: string): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < pages; i++) doc.addPage([595.28, 841.89]);
  if (title) doc.setTitle(title);
  return doc;
}

/**
 * Adds an outline to `doc` whose items use every kind of destination: an explicit array, a
 * name in /Dests, a string in the /Names /Dests tree, a GoTo action, and a closed parent.
 */
function addOutline(doc: PDFDocument): void {
  const ctx = doc.context;
  const pages = doc.getPages().map((p) => p.ref);
  doc.catalog.set(PDFName.of('Dests'), ctx.obj({ second: [pages[1]!, 'XYZ', 10, 500, 0] }));
  doc.catalog.set(
    PDFName.of('Names'),
    ctx.obj({ Dests: ctx.obj({ Kids: [ctx.register(ctx.obj({ Names: [PDFString.of('third'), ctx.obj({ D: [pages[2]!, 'Fit'] })] }))] }) }),
  );
  const rootRef = ctx.nextRef();
  const refs = [ctx.nextRef(), ctx.nextRef(), ctx.nextRef(), ctx.nextRef()];
  const item = (i: number, title: string, extra: Record<string, unknown>) =>
    ctx.assign(refs[i]!, ctx.obj({ Title: PDFHexString.fromText(title), Parent: rootRef, ...extra }));
  item(0, '一 配列', { Dest: [pages[0]!, 'XYZ', 20, 800, 0], Next: refs[1]! });
  item(1, '二 名前', { Dest: PDFName.of('second'), Prev: refs[0]!, Next: refs[2]! });
  item(2, '三 文字列', { Dest: PDFString.of('third'), Prev: refs[1]!, Next: refs[3]! });
  ctx.assign(
    refs[3]!,
    ctx.obj({
      Title: PDFHexString.fromText('四 動作'),
      Parent: rootRef,
      Prev: refs[2]!,
      A: ctx.obj({ S: 'GoTo', D: [pages[1]!, 'FitH', 600] }),
    }),
  );
  ctx.assign(rootRef, ctx.obj({ Type: 'Outlines', First: refs[0]!, Last: refs[3]!, Count: 4 }));
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
}

interface QpdfOutline {
  title: string;
  destpageposfrom1: number | null;
  dest: unknown[] | null;
  open: boolean;
  kids: QpdfOutline[];
}

function outlineOf(file: string): QpdfOutline[] {
  return (JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })) as { outlines: QpdfOutline[] }).outlines;
}

describe('readOutline', () => {
  it('resolves explicit, named (/Dests and /Names) and GoTo destinations to page indexes', async () => {
    const doc = await blankDoc(3, '合成文書');
    addOutline(doc);
    const outline = readOutline(doc);
    expect(outline.map((b) => [b.title, b.page, b.view?.fit, b.view?.args])).toEqual([
      ['一 配列', 0, 'XYZ', [20, 800, 0]],
      ['二 名前', 1, 'XYZ', [10, 500, 0]],
      ['三 文字列', 2, 'Fit', []],
      ['四 動作', 1, 'FitH', [600]],
    ]);
  });

  it('gives an empty outline for a document without one', async () => {
    expect(readOutline(await blankDoc(1))).toEqual([]);
  });
});

describe('mergePacket (no browser)', () => {
  it('copies every page in order and re-targets the documents’ bookmarks to packet pages', async () => {
    const cover = await blankDoc(1);
    const a = await blankDoc(3, '合成文書');
    addOutline(a);
    const b = await blankDoc(2, '二つ目');
    const plan = planPacket([
      { title: '合成文書', pages: 3 },
      { title: '二つ目', pages: 2 },
    ]);
    const merged = await mergePacket({ cover, documents: [a, b], plan });
    expect(merged.tagged).toBe(false); // synthetic inputs carry no structure tree
    const file = join(dir, 'synthetic.pdf');
    writeFileSync(file, merged.pdf);
    execFileSync('qpdf', ['--check', file]); // throws on a non-zero exit
    const packet = await PDFDocument.load(merged.pdf);
    expect(packet.getPageCount()).toBe(6);
    expect(packet.catalog.has(PDFName.of('StructTreeRoot'))).toBe(false);

    const outline = outlineOf(file);
    expect(outline.map((o) => [o.title, o.destpageposfrom1])).toEqual([
      ['表紙', 1],
      ['資料1 合成文書', 2],
      ['資料2 二つ目', 5],
    ]);
    expect(outline[1]!.kids.map((o) => [o.title, o.destpageposfrom1, (o.dest ?? []).slice(1)])).toEqual([
      ['一 配列', 2, ['/XYZ', 20, 800, 0]],
      ['二 名前', 3, ['/XYZ', 10, 500, 0]],
      ['三 文字列', 4, ['/Fit']],
      ['四 動作', 3, ['/FitH', 600]],
    ]);
  });
});

describe('removeChromiumFooter', () => {
  const FOOTER =
    '.23999999 0 0 -.23999999 0 841.91998 cm\nq\n3.125 0 0 3.125 0 0 cm\n.2 .2 .2 RG .2 .2 .2 rg\n/G3 gs\n' +
    'BT\n/F4 12 Tf\n1 0 0 -1 383.0625 1093 Tm\n<000E0001> Tj\nET\nBT\n/F4 12 Tf\n1 0 0 -1 392.82813 1093 Tm\n<0012> Tj\nET\nQ\n';
  const BODY = 'q\n187.5 212.5 2102.3926 3082.666 re\nW* n\n/P <</MCID 0 >>BDC\nBT\n/F4 12 Tf\n1 0 0 -1 10 100 Tm\n<0012> Tj\nET\nEMC\nQ\n';

  async function run(content: string): Promise<{ removed: boolean; after: string }> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const p = doc.addPage([594.96, 841.92]);
    const ref = doc.context.register(doc.context.flateStream(content));
    p.node.set(PDFName.of('Contents'), ref);
    const removed = removeChromiumFooter(doc.context, p.node, p.getCropBox());
    const stream = doc.context.lookup(ref) as PDFRawStream;
    return { removed, after: Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1') };
  }

  it('takes out the leading unmarked text block in the bottom margin, keeping the page transform', async () => {
    const { removed, after } = await run(FOOTER + BODY);
    expect(removed).toBe(true);
    expect(after).toBe('.23999999 0 0 -.23999999 0 841.91998 cm\n' + BODY);
  });

  it('leaves text that is not in the bottom margin', async () => {
    const high = FOOTER.replaceAll(' 1093 Tm', ' 500 Tm');
    expect((await run(high + BODY)).removed).toBe(false);
  });

  it('leaves a leading block that is marked content, draws a curve, or draws in the body area', async () => {
    expect((await run(FOOTER.replace('BT\n', '/P <</MCID 9 >>BDC\nBT\n') + BODY)).removed).toBe(false);
    expect((await run(FOOTER.replace('/G3 gs\n', '/G3 gs\n0 0 m\n10 10 20 20 30 0 c\nf\n') + BODY)).removed).toBe(false);
    expect((await run(FOOTER.replace('/G3 gs\n', '/G3 gs\n0 300 10 10 re\nf\n') + BODY)).removed).toBe(false);
    expect((await run(BODY)).removed).toBe(false);
  });
});

describe('removeMarginMarks', () => {
  // page 1 of a report with a 資料番号: Chromium's margin group holds the top-right box (a stroked
  // rectangle and its text) and the bottom page number, before the body
  const TOP_BOX = '/G3 gs\n657.5 11.5 75 30 re\nS\n/G4 gs\nBT\n/F5 16 Tf\n1 0 0 -1 672.96875 32 Tm\n<02D302170014> Tj\nET\n';
  const NUMBER = '.2 .2 .2 RG .2 .2 .2 rg\nBT\n/F6 12 Tf\n1 0 0 -1 383.0625 1093 Tm\n<000E0001> Tj\nET\n';
  const HEAD = '.23999999 0 0 -.23999999 0 841.91998 cm\nq\n3.125 0 0 3.125 0 0 cm\n.102 .102 .102 RG .102 .102 .102 rg\n';
  const BODY = 'q\n187.5 212.5 2102.3926 3082.666 re\nW* n\n/P <</MCID 0 >>BDC\nBT\n/F4 12 Tf\n1 0 0 -1 10 100 Tm\n<0012> Tj\nET\nEMC\nQ\n';

  async function run(content: string, bands: MarginBand[]) {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const p = doc.addPage([594.96, 841.92]);
    const ref = doc.context.register(doc.context.flateStream(content));
    p.node.set(PDFName.of('Contents'), ref);
    const removed = removeMarginMarks(doc.context, p.node, p.getCropBox(), new Set(bands));
    const stream = doc.context.lookup(ref) as PDFRawStream;
    return { removed, after: Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1') };
  }

  it('takes out the top-right number box (border and text) and keeps the page number', async () => {
    const { removed, after } = await run(HEAD + TOP_BOX + NUMBER + 'Q\n' + BODY, ['top']);
    expect(removed).toEqual({ top: true, bottom: false });
    expect(after).toBe(HEAD + '/G3 gs\n/G4 gs\n' + NUMBER + 'Q\n' + BODY);
  });

  it('takes out both when both are asked for, leaving no empty group', async () => {
    const { removed, after } = await run(HEAD + TOP_BOX + NUMBER + 'Q\n' + BODY, ['top', 'bottom']);
    expect(removed).toEqual({ top: true, bottom: true });
    expect(after).toBe('.23999999 0 0 -.23999999 0 841.91998 cm\n' + BODY);
  });

  it('touches nothing when the leading group reaches into the body area', async () => {
    const inBody = TOP_BOX.replace('657.5 11.5 75 30 re', '657.5 11.5 75 300 re');
    expect((await run(HEAD + inBody + NUMBER + 'Q\n' + BODY, ['top', 'bottom'])).removed).toEqual({ top: false, bottom: false });
    expect((await run(BODY, ['top'])).removed).toEqual({ top: false, bottom: false });
  });
});

describe('readAgendaInputs', () => {
  it('reports every bad file with its name, and what is wrong', async () => {
    const notPdf = join(dir, 'notes.pdf');
    writeFileSync(notPdf, 'これはPDFではありません');
    const broken = join(dir, 'broken.pdf');
    writeFileSync(broken, '%PDF-1.7\n% nothing else\n');
    const missing = join(dir, 'missing.pdf');
    const err = await readAgendaInputs([missing, notPdf, dir, broken]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const problems = (err as InputError).problems.map((p) => [p.location.file, p.location.place, p.rule]);
    expect(problems[0]).toEqual([missing, undefined, 'file not found']);
    expect(problems[1]).toEqual([notPdf, 'byte 0', 'is not a PDF file (no "%PDF-" header)']);
    expect(problems[2]).toEqual([dir, undefined, 'is a directory, not a PDF file']);
    expect(problems[3]?.[0]).toBe(broken);
    expect(problems).toHaveLength(4);
  });

  it('refuses an encrypted PDF, saying so', async () => {
    const plain = join(dir, 'plain.pdf');
    writeFileSync(plain, await (await blankDoc(1, '暗号化')).save());
    const locked = join(dir, 'locked.pdf');
    execFileSync('qpdf', ['--encrypt', '', 'owner', '256', '--', plain, locked]);
    const err = (await readAgendaInputs([locked]).catch((e: unknown) => e)) as InputError;
    expect(err.problems.map((p) => p.rule)).toEqual(['is encrypted; remove the encryption first (for example `qpdf --decrypt in.pdf out.pdf`)']);
  });

  it('reads titles, authors and page counts', async () => {
    const doc = await blankDoc(2, '  題名  ');
    doc.setAuthor('担当課');
    const file = join(dir, 'ok.pdf');
    writeFileSync(file, await doc.save());
    const [input] = await readAgendaInputs([file]);
    expect(input).toMatchObject({ file, pages: 2, infoTitle: '題名', author: '担当課' });
  });

  it("reads the 資料番号 our reports record in the Info dictionary", async () => {
    const doc = await blankDoc(1, '報告');
    const file = join(dir, 'numbered.pdf');
    writeFileSync(file, await applyPdfMetadata(await doc.save(), { title: '報告', author: '課', date: new Date('2024-12-10T00:00:00Z'), documentNumber: '資料3' }, {}));
    const [input] = await readAgendaInputs([file]);
    expect(input!.documentNumber).toBe('資料3');
    const plain = join(dir, 'ok.pdf');
    expect((await readAgendaInputs([plain]))[0]!.documentNumber).toBeUndefined();
  });
});
