/** Loads the bundled Kyoto City FY2024 sample through the real loader and derives it. */
import { loadReportInputs } from '../../src/load/report-inputs.ts';
import { deriveReport, type DerivedReport } from '../../src/derive/report.ts';
import { samplePath } from './seeds.ts';

let cached: Promise<DerivedReport> | undefined;

export function kyotoReport(): Promise<DerivedReport> {
  cached ??= loadReportInputs(samplePath('municipality.json')).then((i) =>
    deriveReport({
      results: i.results,
      catalog: i.catalog,
      rules: i.rules,
      national: i.national?.data,
      peers: i.peers?.data,
      grants: i.grants?.data,
      narrative: i.narrative?.data,
      files: { municipality: i.municipalityFile, narrative: i.narrative?.file },
    }),
  );
  return cached;
}
