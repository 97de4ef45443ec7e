/**
 * The derive stage applied to loaded inputs: a light module (no charts, no browser) so that
 * `summary` and tests load only what deriving needs.
 */
import type { ReportInputs } from '../load/report-inputs.ts';
import { deriveReport, type DerivedReport } from '../derive/report.ts';

/** The derive stage on loaded inputs (every figure the documents print). Pure. */
export function deriveFromInputs(inputs: ReportInputs): DerivedReport {
  const report = deriveReport({
    results: inputs.results,
    catalog: inputs.catalog,
    rules: inputs.rules,
    national: inputs.national?.data,
    peers: inputs.peers?.data,
    grants: inputs.grants?.data,
    narrative: inputs.narrative?.data,
    nation: inputs.nation ?? null,
    ranking: inputs.ranking ?? null,
    files: { municipality: inputs.municipalityFile, narrative: inputs.narrative?.file, grants: inputs.grants?.file },
  });
  // warnings of loading (the bundled national figures used for a missing file) come first
  return inputs.warnings?.length ? { ...report, warnings: [...inputs.warnings, ...report.warnings] } : report;
}
