/**
 * `npm run bench [-- --count 1741] [--concurrency 2] [--naive 8] [--with-framework] [--seed 1] [--runs 3]`
 *
 * First the single report as a user meets it, each figure the median of --runs: `kofukin --help`
 * and a cold `kofukin build` of the Kyoto sample, each as a process of its own through the bin
 * (compiled dist/, built first when missing or older than src/), and a warm rebuild in `kofukin
 * preview` (an input file saved → the new HTML served).
 *
 * Then it builds N reports from the synthetic national dataset with the batch pipeline and prints:
 * reports per second, mean time per stage, the print floor (page.pdf() on a page that is already
 * loaded with fonts ready) and the pipeline's ratio to it, peak RSS (Node and the browser's
 * processes) and RSS after the first 100 reports against the end; then, in the same run, the
 * naive baseline users write first (a new browser per report: launch, goto, pdf, close) and our
 * speed-up over it. It prints figures and asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { main as cli } from '../src/cli.ts';
import { jobsFromNationalFile } from '../src/batch/national-jobs.ts';
import { runBatch, type StageTimes } from '../src/batch/run.ts';
import { WarmPrinter } from '../src/batch/warm-printer.ts';
import { batchCharacterSet, batchFontCss } from '../src/batch/batch-font.ts';
import { BrowserSession } from '../src/print/browser.ts';
import { launchBrowser } from '../src/print/launch.ts';
import { PDF_OPTIONS, withPageCss } from '../src/print/pdf.ts';
import { prepareReport, renderCharts } from '../src/pipeline/report.ts';
import { renderReportParts, renderReportShell } from '../src/render/report-html.ts';
import { startPreview } from '../src/preview/server.ts';
// @ts-expect-error plain JavaScript module without declarations
import { chooseEntry } from '../bin/entry.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '3' },
    naive: { type: 'string', default: '8' },
    seed: { type: 'string', default: '1' },
    'with-framework': { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
  },
});
const count = Number(values.count);
const concurrency = Number(values.concurrency);
const naiveCount = Number(values.naive);
const includeFramework = Boolean(values['with-framework']);

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const ms = (x: number) => `${x.toFixed(0)} ms`;

/** The processes of a tree (the browser, its renderers and utility processes), from /proc. */
function treePids(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const ppid = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${d}/status`, 'utf8'))?.[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/**
 * CPU seconds (user + system) the whole machine has used so far. Chromium's renderers are
 * started through its zygote and need not be children of the browser process, so a process tree
 * misses them; measured while nothing else runs, the machine's total is the print's cost.
 */
function machineCpuSeconds(): number {
  return cpus().reduce((sum, c) => sum + c.times.user + c.times.sys + c.times.nice + c.times.irq, 0) / 1000;
}

/** Resident memory of a process tree (the browser and its renderers), from /proc. */
function treeRss(rootPid: number | undefined): number {
  if (!rootPid) return 0;
  let total = 0;
  for (const pid of treePids(rootPid)) {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

const work = mkdtempSync(join(tmpdir(), 'kofukin-bench-'));
const nation = join(work, 'nation.csv');

// ---- one report, as a user meets it ---------------------------------------------------------
const runs = Math.max(1, Number(values.runs));
const root = fileURLToPath(new URL('..', import.meta.url));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const seconds = (x: number) => `${(x / 1000).toFixed(2)} s`;
if (chooseEntry(root) !== 'dist') {
  process.stdout.write('dist/ is missing or older than src/: npm run build\n');
  if (spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' }).status !== 0) process.exit(1);
}
/** Wall time of the bin as a process of its own, with its own browser (not a shared one). */
const timeBin = (args: string[]): number => {
  const env = { ...process.env };
  delete env['KOFUKIN_BROWSER_WS_ENDPOINT'];
  const a = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'bin/kofukin.js'), ...args], { cwd: work, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`kofukin ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return performance.now() - a;
};
const sampleDir = join(work, 'sample', 'samples', 'kyoto-2024');
mkdirSync(sampleDir, { recursive: true });
for (const f of ['municipality.json', 'grants.json', 'narrative.json']) cpSync(join(root, 'data/samples/kyoto-2024', f), join(sampleDir, f));
for (const d of ['national', 'peers']) cpSync(join(root, 'data', d), join(work, 'sample', d), { recursive: true });
const kyotoFile = join(sampleDir, 'municipality.json');
const helpMs: number[] = [];
const coldMs: number[] = [];
for (let i = 0; i < runs; i++) {
  helpMs.push(timeBin(['--help']));
  coldMs.push(timeBin(['build', kyotoFile, '--out', join(work, 'cold')]));
}
// a warm rebuild: the narrative saved with a new title → the preview has built the new HTML
const preview = await startPreview(kyotoFile, { port: 0 });
const narrativeFile = join(sampleDir, 'narrative.json');
const narrative = readFileSync(narrativeFile, 'utf8');
const rebuildMs: number[] = [];
const rebuildPipelineMs: number[] = [];
for (let i = 0; i < Math.max(3, runs); i++) {
  const next = preview.nextBuild();
  const a = performance.now();
  writeFileSync(narrativeFile, narrative.replace('"title": "', `"title": "(${i + 1}) `));
  const b = await next;
  rebuildMs.push(performance.now() - a);
  rebuildPipelineMs.push(b.ms);
  if (!b.ok) throw new Error(`preview rebuild failed: ${b.errors.join('; ')}`);
}
await preview.close();
const single = [
  `--help               ${seconds(median(helpMs))}  (process, compiled dist/; median of ${runs})`,
  `cold build           ${seconds(median(coldMs))}  (kofukin build of the Kyoto sample as a process: start, browser launch, 24 pages, write; median of ${runs})`,
  `warm rebuild         ${seconds(median(rebuildMs))}  (preview: file saved → new HTML served, of which load → HTML ${ms(median(rebuildPipelineMs))}; median of ${rebuildMs.length})`,
];
process.stdout.write(single.join('\n') + '\n\n');
process.stdout.write(`kofukin bench: ${count} synthetic municipalities, concurrency ${concurrency}, ${includeFramework ? 'with' : 'without'} 参考資料1\n`);
if ((await cli(['synth', '--seed', String(values.seed), '--count', String(count), '--per-indicator', '--out', nation])) !== 0) process.exit(1);

// ---- the full pipeline -------------------------------------------------------------------
let t = performance.now();
const { jobs, extraText } = await jobsFromNationalFile(nation);
const jobsMs = performance.now() - t;
const sums: StageTimes = { loadMs: 0, deriveMs: 0, chartsMs: 0, htmlMs: 0, printMs: 0, writeMs: 0 };
let built = 0;
let peakNode = 0;
let peakBrowser = 0;
let after100: { node: number; browser: number } | null = null;
let last: { node: number; browser: number } | null = null;
let browserPid: number | undefined;
const sample = () => {
  const node = process.memoryUsage().rss;
  const browser = treeRss(browserPid);
  peakNode = Math.max(peakNode, node);
  peakBrowser = Math.max(peakBrowser, browser);
  return { node, browser };
};
const sampler = setInterval(sample, 250);
const outDir = join(work, 'out');
t = performance.now();
const summary = await runBatch(jobs, {
  outDir,
  concurrency,
  force: true,
  strict: false,
  includeFramework,
  extraText,
  onBrowser: (pid) => {
    browserPid = pid;
  },
  onReport: (e) => {
    if (!e.times) return;
    built++;
    for (const k of Object.keys(sums) as Array<keyof StageTimes>) sums[k] += e.times[k] ?? 0;
    if (built === 100) after100 = sample();
    if (built === jobs.length) last = sample(); // before the browser closes
  },
});
const wallS = (performance.now() - t) / 1000;
clearInterval(sampler);
const end = last ?? sample();
const firstPdf = readFileSync(join(outDir, readdirSync(outDir).find((f) => f.endsWith('.pdf'))!), 'latin1');
const pages = (firstPdf.match(/\/Type \/Page\n/g) ?? []).length;

// ---- the print floor: page.pdf() on a page already loaded, fonts ready --------------------
const session = new BrowserSession({ maxPages: 1 });
const inputs = await jobs[0]!.load();
const prepared = prepareReport(inputs, { includeFramework });
const parts = renderReportParts(prepared.view, await renderCharts(prepared.chartDefinitions));
const floorHtml = withPageCss(renderReportShell(parts, batchFontCss(batchCharacterSet(2024, extraText))));
const floors: number[] = [];
const untaggedFloors: number[] = [];
let floorCpuS = 0;
await session.withPage(async (page) => {
  await page.setContent(floorHtml, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  await page.pdf(PDF_OPTIONS);
  // CPU per tagged page.pdf() (renderer, print compositor, browser, and this process waiting):
  // what one report's print costs the machine however the prints are spread over its cores
  const cpuBefore = machineCpuSeconds();
  for (let i = 0; i < 5; i++) {
    const a = performance.now();
    await page.pdf(PDF_OPTIONS);
    floors.push(performance.now() - a);
  }
  floorCpuS = (machineCpuSeconds() - cpuBefore) / 5;
  for (let i = 0; i < 3; i++) {
    const a = performance.now();
    await page.pdf({ ...PDF_OPTIONS, tagged: false, outline: false });
    untaggedFloors.push(performance.now() - a);
  }
});
const floorMs = floors.reduce((s, x) => s + x, 0) / floors.length;
const untaggedFloorMs = untaggedFloors.reduce((s, x) => s + x, 0) / untaggedFloors.length;
const cores = availableParallelism();
// warm-page print on its own (swap + pdf + metadata), for reference
const printer = new WarmPrinter(session, renderReportShell({ ...parts, body: '' }, batchFontCss(batchCharacterSet(2024, extraText))));
const warm: number[] = [];
for (let i = 0; i < 5; i++) {
  const a = performance.now();
  await printer.print(parts.body, { title: parts.title, author: parts.meta.author, date: new Date('2025-03-31') });
  if (i > 0) warm.push(performance.now() - a);
}
await printer.close();
await session.close();

// ---- the naive baseline: a browser per report --------------------------------------------
const naiveDir = join(work, 'naive');
rmSync(naiveDir, { recursive: true, force: true });
const naiveFiles: string[] = [];
for (const job of jobs.slice(0, naiveCount)) {
  const p = prepareReport(await job.load(), { includeFramework });
  const pp = renderReportParts(p.view, await renderCharts(p.chartDefinitions));
  const file = join(work, `${job.key}.html`);
  writeFileSync(file, withPageCss(renderReportShell(pp, batchFontCss(batchCharacterSet(2024, extraText)))));
  naiveFiles.push(file);
}
t = performance.now();
for (const file of naiveFiles) {
  const l = await launchBrowser();
  const page = await l.browser.newPage();
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.pdf(PDF_OPTIONS);
  await page.close();
  await l.close();
}
const naivePerReport = (performance.now() - t) / Math.max(1, naiveFiles.length);

// ---- figures -------------------------------------------------------------------------------
const perReport = (wallS * 1000) / Math.max(1, summary.built);
const mean = (x: number) => x / Math.max(1, built);
const a100 = after100 as { node: number; browser: number } | null;
const lines = [
  '',
  `reports built        ${summary.built} of ${summary.total} (${summary.failed} failed), ${pages} pages each, in ${wallS.toFixed(1)} s`,
  `throughput           ${(summary.built / wallS).toFixed(2)} reports/s  (${ms(perReport)} per report, wall)`,
  `time per stage       load ${ms(mean(sums.loadMs))}  derive ${ms(mean(sums.deriveMs))}  charts ${ms(mean(sums.chartsMs))}  html ${ms(mean(sums.htmlMs))}  print ${ms(mean(sums.printMs))}  write ${ms(mean(sums.writeMs))}  (mean per report, overlapping across ${concurrency} workers; reading the nation: ${ms(jobsMs)})`,
  `print floor          ${ms(floorMs)} per page.pdf() on a loaded page; warm-page print (swap + pdf + metadata) ${ms(warm.reduce((s, x) => s + x, 0) / warm.length)}`,
  `pipeline / floor     ${(perReport / floorMs).toFixed(2)}  (wall time per report over the print floor)`,
  `print CPU            ${floorCpuS.toFixed(2)} core-s per tagged page.pdf() (the whole machine's CPU while it runs; untagged page.pdf() ${ms(untaggedFloorMs)}): printing alone allows at most ${(cores / Math.max(0.001, floorCpuS)).toFixed(2)} reports/s on ${cores} cores`,
  `peak RSS             node ${mb(peakNode)}, browser ${mb(peakBrowser)}`,
  `RSS after 100 / end  node ${a100 ? mb(a100.node) : 'n/a'} → ${mb(end.node)}, browser ${a100 ? mb(a100.browser) : 'n/a'} → ${mb(end.browser)}`,
  `naive baseline       ${ms(naivePerReport)} per report (browser per report, goto + pdf + close; ${naiveFiles.length} reports)`,
  `speed-up             ${(naivePerReport / perReport).toFixed(1)}×`,
];
process.stdout.write(lines.join('\n') + '\n');
rmSync(work, { recursive: true, force: true });
