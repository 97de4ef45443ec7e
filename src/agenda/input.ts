/**
 * Reading the PDFs to bind: each must exist, be a PDF pdf-lib can open (not encrypted) and have
 * pages. Every problem of every file is collected into one InputError.
 */
import { basename, extname } from 'node:path';
import { EncryptedPDFError, ParseSpeeds, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { DOCUMENT_NUMBER_INFO_KEY } from '../print/metadata.ts';
import { InputError, type Problem } from '../errors/errors.ts';
import { messages, pdfInputMessages } from '../errors/messages.ts';
import { readUserFile } from '../input/file.ts';

export interface AgendaInput {
  /** The path as given. */
  file: string;
  doc: PDFDocument;
  pages: number;
  /** Info /Title, when set and not blank. */
  infoTitle?: string;
  /** Info /Author, when set and not blank. */
  author?: string;
  /** The 資料番号 our reports record in Info /KofukinDocumentNumber (their first page's box). */
  documentNumber?: string;
}

/** The title a document gets when neither --doc-title nor its Info /Title gives one. */
export const fallbackTitle = (file: string): string => basename(file, extname(file));

const problem = (file: string, rule: string, place?: string): Problem => ({ location: { file, ...(place ? { place } : {}) }, rule, severity: 'error' });

async function readOne(file: string, problems: Problem[]): Promise<AgendaInput | undefined> {
  let bytes: Buffer;
  try {
    bytes = readUserFile(file, 'pdf'); // regular files only, within the PDF size cap
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const rule = err.problems[0]?.rule ?? '';
    problems.push(
      problem(file, rule === messages.cannotRead('ENOENT') ? pdfInputMessages.notFound() : rule === messages.cannotRead('EACCES') ? pdfInputMessages.permissionDenied() : rule),
    );
    return undefined;
  }
  // A PDF starts with "%PDF-" (readers accept it anywhere in the first 1024 bytes).
  if (bytes.subarray(0, 1024).indexOf('%PDF-') < 0) {
    problems.push(problem(file, pdfInputMessages.notPdf(), pdfInputMessages.firstByte()));
    return undefined;
  }
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch (err) {
    problems.push(
      // pdf-lib's errors are ES5 classes: instanceof does not work on them
      err instanceof EncryptedPDFError || /\bis encrypted\b/.test((err as Error).message)
        ? problem(file, pdfInputMessages.encrypted())
        : problem(file, pdfInputMessages.unreadable((err as Error).message)),
    );
    return undefined;
  }
  let pages: number;
  try {
    pages = doc.getPageCount();
  } catch (err) {
    problems.push(problem(file, pdfInputMessages.brokenPageTree((err as Error).message)));
    return undefined;
  }
  if (pages === 0) {
    problems.push(problem(file, pdfInputMessages.noPages()));
    return undefined;
  }
  const clean = (s: string | undefined) => (s !== undefined && s.trim() !== '' ? s.trim() : undefined);
  const infoTitle = clean(doc.getTitle());
  const author = clean(doc.getAuthor());
  const numberEntry = (doc as unknown as { getInfoDict(): PDFDict }).getInfoDict().lookup(PDFName.of(DOCUMENT_NUMBER_INFO_KEY));
  const documentNumber = numberEntry instanceof PDFHexString || numberEntry instanceof PDFString ? clean(numberEntry.decodeText()) : undefined;
  return { file, doc, pages, ...(infoTitle ? { infoTitle } : {}), ...(author ? { author } : {}), ...(documentNumber ? { documentNumber } : {}) };
}

/** Reads every file; throws one InputError listing all problems. */
export async function readAgendaInputs(files: readonly string[]): Promise<AgendaInput[]> {
  const problems: Problem[] = [];
  const inputs: AgendaInput[] = [];
  for (const file of files) {
    const input = await readOne(file, problems);
    if (input) inputs.push(input);
  }
  if (problems.length > 0) throw new InputError(problems);
  return inputs;
}
