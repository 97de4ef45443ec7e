/**
 * The order test files start in: the ones that run longest first, then vitest's own order
 * (failed first, then longest by the last run's timings, or largest without them). Several of
 * the longest files are short to read — they spawn a batch, wait for a stall, print a packet —
 * so on a fresh clone, where vitest has no timings and starts large files first, they would start
 * last and end the run with one of them alone on the machine.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Test files taking over 4 s, longest first (a fresh clone's run on the 2-core machine, 2026-12-02). */
export const LONG_RUNNING = [
  'test/agenda/packet.e2e.test.ts',
  'test/batch/batch-stall.test.ts',
  'test/batch/batch.test.ts',
  'test/batch/batch-interrupt.test.ts',
  'test/batch/batch-kill.test.ts',
  'test/print/print.test.ts',
  'test/batch/batch-inputs.test.ts',
  'test/cli/smoke.test.ts',
  'test/preview/preview.test.ts',
  'test/reliability/inputs.test.ts',
  'test/export/compare.test.ts',
  'test/load/workbook-roundtrip.test.ts',
  'test/docx/batch-docx.test.ts',
  'test/national/national-cli.test.ts',
  'test/e2e/report.e2e.test.ts',
  'test/docx/report-docx.test.ts',
  'test/batch/batch-peers.test.ts',
  'test/docx/libreoffice.test.ts',
  'test/reliability/output-interrupt.test.ts',
  'test/derive/standing.test.ts',
  'test/cli/progress.test.ts',
  'test/cli/money.test.ts',
  'test/reliability/output-all-or-nothing.test.ts',
  'test/print/launch.test.ts',
  'test/cli/sample-illustrative.test.ts',
  'test/e2e/money.e2e.test.ts',
];

export default class LongRunningFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const at = LONG_RUNNING.indexOf(relative(spec.project.config.root, spec.moduleId).split('\\').join('/'));
      return at < 0 ? LONG_RUNNING.length : at;
    };
    // stable: files not in the list keep vitest's order after the listed ones
    return sorted.map((spec, i) => ({ spec, i, r: rank(spec) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.spec);
  }
}
