/**
 * Document metadata for the printed PDF, applied with pdf-lib: Info dictionary, catalog /Lang,
 * fixed dates, stable structure ids (structure.ts) and a content-derived /ID, so the same input
 * always gives the same bytes. pdf-lib keeps every object of Chromium's file and its object
 * numbers (structure tree, outline, MarkInfo, ParentTree).
 */
import { createHash } from 'node:crypto';
import { ParseSpeeds, PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { EnvironmentError } from '../errors/errors.ts';
import { canonicalizeStructureIds } from './structure.ts';
import { fastPdfMetadata } from './fast-metadata.ts';
import { browserMessages } from '../errors/messages.ts';

export const PDF_CREATOR = 'kofukin-report';

export interface PdfMeta {
  title: string;
  author: string;
  subject?: string;
  keywords?: readonly string[];
  /** Default: Chromium's producer string followed by "; pdf-lib". */
  producer?: string;
  /** BCP 47 language of the document (catalog /Lang). Default "ja". */
  language?: string;
  /** CreationDate and ModDate. The SOURCE_DATE_EPOCH environment variable overrides it. */
  date: Date;
  /**
   * The 資料番号 the first page shows in its top-right box, recorded in the Info dictionary as
   * /KofukinDocumentNumber so an agenda packet can recognise the box and list the number.
   */
  documentNumber?: string;
}

/** Info key of the document number (a private key: readers ignore keys they do not know). */
export const DOCUMENT_NUMBER_INFO_KEY = 'KofukinDocumentNumber';

/** The date to stamp: SOURCE_DATE_EPOCH (seconds since 1970, UTC) when set, else `date`. */
export function documentDate(date: Date, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch.trim())) {
      throw new EnvironmentError(browserMessages.sourceDateEpoch(epoch));
    }
    return new Date(Number(epoch.trim()) * 1000);
  }
  if (Number.isNaN(date.getTime())) throw new Error('PDF metadata date is not a valid date');
  return date;
}

const ID_PLACEHOLDER = '0'.repeat(32);

/**
 * Sets the metadata of `pdf`, renames its structure ids stably, and returns the new file. The trailer /ID is the first 16 bytes
 * of the SHA-256 of the file saved with a placeholder /ID: equal content, equal /ID.
 */
export async function applyPdfMetadata(
  pdf: Uint8Array,
  meta: PdfMeta,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Buffer> {
  const date = documentDate(meta.date, env);
  const fast = fastPdfMetadata(pdf, {
    title: meta.title,
    author: meta.author,
    subject: meta.subject,
    keywords: meta.keywords,
    creator: PDF_CREATOR,
    producer: meta.producer,
    language: meta.language ?? 'ja',
    date,
    extra: meta.documentNumber !== undefined ? { [DOCUMENT_NUMBER_INFO_KEY]: meta.documentNumber } : undefined,
  });
  if (fast) return fast;
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const chromiumProducer = doc.getProducer();
  canonicalizeStructureIds(doc);

  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  if (meta.subject !== undefined) doc.setSubject(meta.subject);
  if (meta.keywords !== undefined) doc.setKeywords([...meta.keywords]);
  doc.setCreator(PDF_CREATOR);
  doc.setProducer(meta.producer ?? `${chromiumProducer ? chromiumProducer + '; ' : ''}pdf-lib`);
  doc.setLanguage(meta.language ?? 'ja');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  if (meta.documentNumber !== undefined) (doc as unknown as { getInfoDict(): PDFDict }).getInfoDict().set(PDFName.of(DOCUMENT_NUMBER_INFO_KEY), PDFHexString.fromText(meta.documentNumber));

  const placeholder = PDFHexString.of(ID_PLACEHOLDER);
  doc.context.trailerInfo.ID = doc.context.obj([placeholder, placeholder]);
  const saved = Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Infinity }));

  const id = createHash('sha256').update(saved).digest('hex').slice(0, 32).toUpperCase();
  const trailer = saved.lastIndexOf('trailer');
  const needle = `<${ID_PLACEHOLDER}>`;
  let replaced = 0;
  for (let at = saved.indexOf(needle, trailer); at >= 0; at = saved.indexOf(needle, at + needle.length)) {
    saved.write(`<${id}>`, at, 'latin1');
    replaced++;
  }
  if (trailer < 0 || replaced !== 2) throw new Error('could not set the PDF /ID: trailer not as expected');
  return saved;
}
