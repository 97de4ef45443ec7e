import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../src/errors/errors.ts';
import { applyPdfMetadata, documentDate } from '../../src/print/metadata.ts';
import type { PdfMeta } from '../../src/print/metadata.ts';

async function samplePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage();
  page.drawText('hello', { font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save();
}

const meta: PdfMeta = {
  title: '令和6年度 評価結果報告書',
  author: '京都市',
  subject: '保険者機能強化推進交付金',
  keywords: ['介護保険', '交付金'],
  date: new Date('2025-03-31T09:00:00+09:00'),
};

describe('documentDate', () => {
  it('uses SOURCE_DATE_EPOCH when set', () => {
    expect(documentDate(meta.date, {}).toISOString()).toBe('2025-03-31T00:00:00.000Z');
    expect(documentDate(meta.date, { SOURCE_DATE_EPOCH: '0' }).toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(documentDate(meta.date, { SOURCE_DATE_EPOCH: '' }).toISOString()).toBe('2025-03-31T00:00:00.000Z');
    expect(() => documentDate(meta.date, { SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(EnvironmentError);
  });
});

describe('applyPdfMetadata', () => {
  it('sets the Info dictionary, /Lang and dates', async () => {
    const out = await applyPdfMetadata(await samplePdf(), meta, {});
    const doc = await PDFDocument.load(out, { updateMetadata: false });
    expect(doc.getTitle()).toBe(meta.title);
    expect(doc.getAuthor()).toBe('京都市');
    expect(doc.getSubject()).toBe(meta.subject);
    expect(doc.getKeywords()).toBe('介護保険 交付金');
    expect(doc.getCreator()).toBe('kofukin-report');
    expect(doc.getProducer()).toBe('pdf-lib');
    expect(doc.getCreationDate()?.toISOString()).toBe('2025-03-31T00:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2025-03-31T00:00:00.000Z');
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(ja)');
  });

  it('is deterministic, with an /ID derived from the content', async () => {
    const input = await samplePdf();
    const a = await applyPdfMetadata(input, meta, {});
    const b = await applyPdfMetadata(input, meta, {});
    expect(a.equals(b)).toBe(true);
    const id = /\/ID \[ <([0-9A-F]{32})> <([0-9A-F]{32})> \]/.exec(a.toString('latin1'));
    expect(id?.[1]).toBeDefined();
    expect(id?.[1]).toBe(id?.[2]);
    const other = await applyPdfMetadata(input, { ...meta, title: '別の報告書' }, {});
    expect(other.toString('latin1')).not.toContain(id![1]);
    const epoch = await applyPdfMetadata(input, meta, { SOURCE_DATE_EPOCH: '1700000000' });
    expect((await PDFDocument.load(epoch)).getCreationDate()?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });
});
