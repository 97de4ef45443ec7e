/** Loads the bundled Kyoto City FY2024 sample through the real loader and derives it. */
import { loadReportInputs } from '../../src/load/report-inputs.ts';
import type { DerivedReport } from '../../src/derive/report.ts';
import { deriveFromInputs } from '../../src/pipeline/derive-inputs.ts';
import { samplePath } from './seeds.ts';

let cached: Promise<DerivedReport> | undefined;

export function kyotoReport(): Promise<DerivedReport> {
  cached ??= loadReportInputs(samplePath('municipality.json')).then(deriveFromInputs);
  return cached;
}
