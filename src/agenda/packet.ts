/**
 * An agenda packet from its inputs: plan the pages, print the cover and the marks with the
 * browser, merge everything with pdf-lib, then stamp deterministic metadata (print/metadata.ts):
 * the same inputs and options always give the same bytes.
 */
import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import { dateJa } from '../common/era.ts';
import type { BrowserSession } from '../print/browser.ts';
import { applyPdfMetadata } from '../print/metadata.ts';
import { printCover, type CoverContent } from './cover.ts';
import { fallbackTitle, type AgendaInput } from './input.ts';
import { mergePacket, type StampPlacementReport } from './merge.ts';
import { planPacket, type PacketPlan, documentHeading } from './plan.ts';
import { printTiles, tilesFor } from './stamps.ts';

export interface AgendaOptions {
  /** Packet title (cover, PDF Title). */
  title: string;
  /** Meeting date, ISO YYYY-MM-DD: on the cover in 令和 form, and the PDF dates. */
  date: string;
  /** Titles for the documents, in order; missing ones come from each PDF's Info /Title. */
  docTitles?: readonly string[];
  /** Continuous "- n -" page numbers on every page after the cover. */
  pageNumbers?: boolean;
  /** Keep the documents' own 資料 numbers and stamp none (the cover lists their own numbers). */
  keepNumbers?: boolean;
  /** PDF Author; default: the documents' distinct authors joined with "、". */
  author?: string;
  /** Environment for SOURCE_DATE_EPOCH (default process.env). */
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export interface AgendaTimings {
  /** Printing the cover and the stamp tiles (browser launch included). */
  printMs: number;
  /** Copying pages, structure, outline, marks (pdf-lib). */
  mergeMs: number;
  /** Metadata pass (pdf-lib load and save again). */
  metadataMs: number;
}

export interface AgendaPacket {
  pdf: Buffer;
  plan: PacketPlan;
  /** Whether the packet carries one structure tree (every input was tagged). */
  tagged: boolean;
  footersRemoved: number;
  /** Stamps on documents that are not ours, and where they went (src/agenda/free-space.ts). */
  stampPlacements: StampPlacementReport[];
  timings: AgendaTimings;
}

/** Midnight of the meeting day in Japan, like the reports' dates. */
export const packetDate = (iso: string): Date => new Date(`${iso}T00:00:00+09:00`);

export const documentTitles = (inputs: readonly AgendaInput[], overrides: readonly string[] = []): string[] =>
  inputs.map((input, i) => overrides[i] ?? input.infoTitle ?? fallbackTitle(input.file));

export function coverContent(title: string, date: string, plan: PacketPlan): CoverContent {
  return { title, date: dateJa(date), entries: plan.documents.map((d) => ({ label: d.label, title: d.title, range: d.range })) };
}

export async function buildAgendaPacket(inputs: readonly AgendaInput[], opts: AgendaOptions, session: BrowserSession): Promise<AgendaPacket> {
  if (inputs.length === 0) throw new Error('internal: no documents');
  const titles = documentTitles(inputs, opts.docTitles);
  const docs = inputs.map((input, i) => ({ title: titles[i]!, pages: input.pages, ...(input.documentNumber ? { ownNumber: input.documentNumber } : {}) }));
  const date = packetDate(opts.date);

  // The cover is normally one page; a very long list may take more, which moves every range.
  let t = performance.now();
  let coverPages = 1;
  let plan!: PacketPlan;
  let cover!: PDFDocument;
  let tiles!: ReturnType<typeof tilesFor> & { pdf: Uint8Array };
  for (let attempt = 0; attempt < 4; attempt++) {
    plan = planPacket(docs, { coverPages, pageNumbers: opts.pageNumbers, keepNumbers: opts.keepNumbers });
    const needed = tilesFor(plan);
    const [coverPdf, tilesPdf] = await Promise.all([
      printCover(session, coverContent(opts.title, opts.date, plan), { date, env: opts.env, timeoutMs: opts.timeoutMs }),
      needed.tiles.length > 0 ? printTiles(session, needed.tiles, { timeoutMs: opts.timeoutMs }) : Promise.resolve(null),
    ]);
    cover = await PDFDocument.load(coverPdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    tiles = { ...needed, pdf: tilesPdf ?? new Uint8Array() };
    if (cover.getPageCount() === coverPages) break;
    coverPages = cover.getPageCount();
  }
  if (cover.getPageCount() !== plan.coverPages) throw new Error('internal: the cover length does not settle');
  const tilePages = tiles.tiles.length > 0 ? (await PDFDocument.load(tiles.pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest })).getPageCount() : 0;
  if (tilePages !== tiles.tiles.length) throw new Error(`internal: ${tiles.tiles.length} stamps printed on ${tilePages} pages`);
  const printMs = performance.now() - t;

  t = performance.now();
  const merged = await mergePacket({
    cover,
    documents: inputs.map((i) => i.doc),
    documentTitles: inputs.map((i) => [i.infoTitle]),
    plan,
    tiles: { pdf: tiles.pdf, placed: tiles.placed },
  });
  const mergeMs = performance.now() - t;

  t = performance.now();
  const authors = [...new Set(inputs.map((i) => i.author).filter((a): a is string => a !== undefined))];
  const pdf = await applyPdfMetadata(
    merged.pdf,
    {
      title: opts.title,
      author: opts.author ?? authors.join('、'),
      subject: plan.documents.map(documentHeading).join('／'),
      producer: `${cover.getProducer() ? cover.getProducer()!.replace(/; pdf-lib$/, '') + '; ' : ''}pdf-lib`,
      language: 'ja',
      date,
    },
    opts.env,
  );
  const metadataMs = performance.now() - t;
  return { pdf, plan, tagged: merged.tagged, footersRemoved: merged.footersRemoved, stampPlacements: merged.stampPlacements, timings: { printMs, mergeMs, metadataMs } };
}
