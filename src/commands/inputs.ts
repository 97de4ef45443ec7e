/**
 * Command-line options shared by the commands that read a municipality's inputs.
 */
import { loadReportInputs, type LoadOptions, type ReportInputs } from '../load/report-inputs.ts';

export const INPUT_OPTIONS = {
  national: { type: 'string' },
  peers: { type: 'string' },
  grants: { type: 'string' },
  narrative: { type: 'string' },
  catalog: { type: 'string' },
  strict: { type: 'boolean' },
} as const;

/**
 * `--nation FILE`: a national results file (one row per municipality) for the grant estimate and
 * what a point is worth (build, summary, whatif). Kept apart from INPUT_OPTIONS, which `batch`
 * shares, so batch runs do not read a whole nation file per job.
 */
export const NATION_OPTION = { nation: { type: 'string' } } as const;

export function inputOptionsFrom(values: Record<string, unknown>): LoadOptions {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  return { national: str('national'), nation: str('nation'), peers: str('peers'), grants: str('grants'), narrative: str('narrative'), catalogFile: str('catalog') };
}

/**
 * Loads a municipality's inputs; a non-JSON file (the .xlsx fill-in workbook of `kofukin init`) is
 * read by src/workbook/read.ts, imported only when needed so JSON runs never load exceljs.
 */
export async function loadInputsForCli(file: string, options: LoadOptions): Promise<ReportInputs> {
  return loadReportInputs(file, {
    ...options,
    readResults:
      options.readResults ?? (async (f) => (await import('../workbook/read.ts')).readWorkbook(f, { catalogFile: options.catalogFile })),
    readNation: options.readNation ?? (async (f, context) => (await import('../pipeline/nation.ts')).readNationForReport(f, context)),
  });
}
