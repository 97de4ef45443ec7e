/**
 * Batch progress: a redrawn bar on a terminal, plain lines otherwise (CI logs), with the count,
 * the rate and the time left.
 */
import { batchMessages } from '../errors/messages.ts';

export interface Progress {
  tick(done: number, failed: number, skipped: number): void;
  finish(): void;
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

/** Terminal columns a text takes: Japanese (full-width) characters take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

export function createProgress(total: number, stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, now = () => performance.now()): Progress {
  const start = now();
  let lastLine = 0;
  const render = (done: number, failed: number, skipped: number) => {
    const elapsed = (now() - start) / 1000;
    const processed = done + failed + skipped;
    const rate = elapsed > 0 ? (done + failed) / elapsed : 0;
    const eta = rate > 0 ? (total - processed) / rate : Infinity;
    return { processed, rate, eta, failed, skipped };
  };
  return {
    tick(done, failed, skipped) {
      const r = render(done, failed, skipped);
      const text = batchMessages.progress(r.processed, total, r.rate.toFixed(1), formatDuration(r.eta), r.failed, r.skipped);
      if (stream.isTTY) {
        const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - displayWidth(text) - 4));
        const filled = total > 0 ? Math.round((r.processed / total) * width) : width;
        stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\u001b[K`);
      } else {
        const t = now();
        if (r.processed === total || t - lastLine >= 5000 || r.processed === 1) {
          lastLine = t;
          stream.write(`${batchMessages.progressLine(text)}\n`);
        }
      }
    },
    finish() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
