/**
 * The programmatic API of kofukin-report: load and validate a municipality's inputs, derive every
 * figure, build the report to buffers, and write the peer comparison workbook — the same stages
 * the CLI runs, without the CLI. Nothing here writes files; the caller decides where bytes go.
 *
 *   import { loadReportInputs, deriveReport, buildReportFiles } from 'kofukin-report';
 *   const inputs = await loadReportInputs('municipality.json');
 *   const { pdf, html, baseName } = await buildReportFiles(inputs);
 *
 * Bad input throws an `InputError` whose `problems` name the file, the place and the rule.
 */
import { BrowserSession, type BrowserSessionOptions } from './print/browser.ts';
import { buildReport, reportBaseName } from './pipeline/report.ts';
import { deriveFromInputs } from './pipeline/derive-inputs.ts';
import { loadInputsForCli } from './commands/inputs.ts';
import type { LoadOptions, ReportInputs } from './load/report-inputs.ts';
import type { DerivedReport } from './derive/report.ts';
import type { Catalog } from './load/schemas/catalog.ts';
import type { PeerGroup } from './load/schemas/inputs.ts';
import { derivePeerRanks } from './derive/peers.ts';
import { compareWorkbook } from './export/compare-xlsx.ts';
import { deriveIndicatorComparison } from './export/peer-indicators.ts';

export type { LoadOptions, ReportInputs } from './load/report-inputs.ts';
export type { DerivedReport } from './derive/report.ts';
export type { Catalog } from './load/schemas/catalog.ts';
export type { MunicipalityResults, PeerGroup, GrantHistory, Narrative, NationalAggregates } from './load/schemas/inputs.ts';
export type { Problem, Location } from './errors/errors.ts';
export { InputError, UserError, UsageError, EnvironmentError, formatProblem } from './errors/errors.ts';
export { loadCatalog } from './load/catalog.ts';

/**
 * Reads and validates a municipality file (.json, or the .xlsx fill-in workbook) with its
 * companion files (named in it, or overridden in `options`).
 */
export function loadReportInputs(file: string, options: LoadOptions = {}): Promise<ReportInputs> {
  return loadInputsForCli(file, options);
}

/** Every derived figure of the report (pure; no browser, no files). */
export function deriveReport(inputs: ReportInputs): DerivedReport {
  return deriveFromInputs(inputs);
}

export interface ReportFiles {
  /** `kofukin-<fiscal year>-<code>`, the CLI's output name without extension. */
  baseName: string;
  html: string;
  pdf: Buffer;
  /** Derivation warnings (e.g. an unscored item without a reason text). */
  warnings: DerivedReport['warnings'];
}

export interface BuildOptions {
  /** A browser session to reuse across reports (closed by the caller); else one is launched and closed. */
  session?: BrowserSession;
  /** Browser options when no session is given (e.g. `executablePath`). */
  browser?: BrowserSessionOptions;
}

/** Renders the council report to a self-contained HTML page and a tagged A4 PDF. */
export async function buildReportFiles(inputs: ReportInputs, options: BuildOptions = {}): Promise<ReportFiles> {
  const session = options.session ?? new BrowserSession({ maxPages: 1, ...options.browser });
  try {
    const built = await buildReport(inputs, session);
    return { baseName: reportBaseName(inputs), html: built.html, pdf: built.pdf, warnings: built.derived.warnings };
  } finally {
    if (!options.session) await session.close();
  }
}

/**
 * The peer comparison workbook (比較表 and, when members carry per-indicator scores, 指標別比較)
 * as XLSX bytes; `highlightCode` marks one member's row.
 */
export function comparisonWorkbook(group: PeerGroup, catalog: Catalog, highlightCode?: string): Promise<Uint8Array> {
  const grantMax = (id: 'suishin' | 'shien') => catalog.grants.find((g) => g.id === id)!.maxPoints;
  const maxima = { suishin: grantMax('suishin'), shien: grantMax('shien') };
  return compareWorkbook({
    ranks: derivePeerRanks(group, maxima, highlightCode),
    maxima,
    fiscalYear: group.fiscalYear,
    indicators: deriveIndicatorComparison(group, catalog, highlightCode),
  });
}

export { BrowserSession };
