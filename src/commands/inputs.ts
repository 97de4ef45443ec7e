/**
 * Loading a municipality's inputs for the commands that read one (options declared in src/cli/specs/shared.ts).
 */
import { loadReportInputs, type LoadOptions, type ReportInputs } from '../load/report-inputs.ts';

export function inputOptionsFrom(values: Record<string, unknown>): LoadOptions {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  return {
    national: str('national'),
    nation: str('nation'),
    peers: str('peers'),
    grants: str('grants'),
    narrative: str('narrative'),
    catalogFile: str('catalog'),
    strict: values.strict === true,
  };
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
