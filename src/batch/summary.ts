/**
 * The batch summary (`batch-summary.json`) before anything has happened: the run's and the
 * shard merge's starting point. Its own module so `batch --merge` does not load the print pipeline.
 */
import type { BatchSummary } from './run.ts';

export function emptyBatchSummary(total: number): BatchSummary {
  return {
    format: 'kofukin-batch/1',
    total,
    built: 0,
    unchanged: 0,
    failed: 0,
    notBuilt: 0,
    interrupted: null,
    interruptExitCode: null,
    browserRestarts: 0,
    seconds: 0,
    reportsPerSecond: 0,
    failures: [],
    warnings: [],
  };
}
