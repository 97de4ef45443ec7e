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

export function inputOptionsFrom(values: Record<string, unknown>): LoadOptions {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  return { national: str('national'), peers: str('peers'), grants: str('grants'), narrative: str('narrative'), catalogFile: str('catalog') };
}

/** Loads a municipality's inputs; .xlsx workbooks are read by the workbook reader when present. */
export async function loadInputsForCli(file: string, options: LoadOptions): Promise<ReportInputs> {
  return loadReportInputs(file, options);
}
