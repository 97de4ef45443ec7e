/**
 * Vega-Lite → Vega → SVG in Node, with text measured in the report font, no external loads,
 * and an accessible, deterministic SVG whose ids cannot clash with other charts on the page.
 */
import { createHash } from 'node:crypto';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { chartConfig } from './config.ts';
import { textWidth } from './measure.ts';

export { chartConfig } from './config.ts';

export type VegaLiteTopLevelSpec = TopLevelSpec;

export interface RenderChartOptions {
  /** Accessible description (aria-label and <title>); defaults to the spec's `description`. */
  description?: string;
  /** Prefix for the ids inside the SVG; defaults to one derived from the chart's content. */
  idPrefix?: string;
  /** Receives Vega's warnings (default: console.warn). Vega errors reject the render. */
  onWarning?: (message: string) => void;
}

/** A text item as laid out by Vega, in SVG pixel coordinates. */
export interface ChartText {
  /** Vega mark role: "axis-label", "axis-title", "title-text", "legend-label", … */
  role: string;
  text: string;
  fontSize: number;
  fontWeight: string | number | undefined;
  /** Vega's truncation limit in px (0 / undefined = none). */
  limit: number | undefined;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface RenderedChart {
  svg: string;
  /** Size of the whole SVG in px. */
  width: number;
  height: number;
  texts: ChartText[];
}

/* ---------------- text measurement ---------------- */

interface TextItemLike {
  fontSize?: number | string | null;
  fontWeight?: number | string | null;
}

interface TextMetrics {
  width: (item: TextItemLike, text?: unknown) => number;
  estimateWidth: (item: TextItemLike, text?: unknown) => number;
}

function itemFontSize(item: TextItemLike): number {
  return item.fontSize != null ? +item.fontSize || 0 : 11; // Vega's default
}

/** Width of text as Vega asks for it: one line, or the widest of several; trimmed like Vega. */
export function vegaTextWidth(item: TextItemLike, text?: unknown): number {
  if (Array.isArray(text)) return text.reduce((w: number, t: unknown) => Math.max(w, vegaTextWidth(item, t)), 0);
  const s = text == null ? '' : String(text).trim();
  return textWidth(s, itemFontSize(item), item.fontWeight);
}

let installed = false;

/**
 * Makes Vega measure text with the report font (process-wide: Vega's textMetrics is a module
 * singleton). Without it Vega guesses 0.8 em per character, too narrow for full-width Japanese.
 */
export function installTextMetrics(): void {
  if (installed) return;
  const tm = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
  tm.width = vegaTextWidth;
  tm.estimateWidth = vegaTextWidth;
  installed = true;
}

/* ---------------- loading ---------------- */

/**
 * A Vega loader that loads nothing (data: URLs pass sanitizing: they are inline). Refused URIs
 * are recorded: Vega only logs a failed load and goes on with an empty chart.
 */
function offlineLoader(refused: string[]): vega.Loader {
  const refuse = (uri: unknown): never => {
    refused.push(String(uri));
    throw new Error(`chart tried to load "${String(uri)}": charts must carry their data inline (no file or network access)`);
  };
  const base = vega.loader();
  return Object.assign(base, {
    load: async (uri: string) => refuse(uri),
    http: async (uri: string) => refuse(uri),
    file: async (path: string) => refuse(path),
    sanitize: async (uri: string) => {
      if (/^data:/i.test(uri)) return { href: uri };
      return refuse(uri);
    },
  });
}

/* ---------------- SVG post-processing ---------------- */

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Prefixes every id defined in the SVG and every reference to it. */
function prefixIds(svg: string, prefix: string): string {
  const ids = new Set<string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) ids.add(m[1]!);
  if (ids.size === 0) return svg;
  const p = (id: string) => (ids.has(id) ? `${prefix}-${id}` : id);
  return svg
    .replace(/(\sid=")([^"]+)"/g, (_, a: string, id: string) => `${a}${p(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${p(id)})`)
    .replace(/(href=")#([^"]+)"/g, (_, a: string, id: string) => `${a}#${p(id)}"`);
}

/** role="img" + aria-label + <title> on the root; inner ARIA markup removed (role="img" hides it). */
function makeAccessible(svg: string, description: string): string {
  const inner = svg.replace(/\s(?:role|aria-[a-z]+)="[^"]*"/g, '');
  const label = escapeXml(description);
  return inner.replace(/^<svg\b([^>]*)>/, `<svg$1 role="img" aria-label="${label}"><title>${label}</title>`);
}

/* ---------------- scenegraph text ---------------- */

interface SceneNode {
  marktype?: string;
  role?: string;
  items?: SceneNode[];
  x?: number;
  y?: number;
  text?: unknown;
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
  bounds?: { x1: number; y1: number; x2: number; y2: number };
}

function collectTexts(node: SceneNode, dx: number, dy: number, role: string, out: ChartText[]): void {
  if (node.marktype) {
    // a mark: its items are in the coordinates of the enclosing group
    for (const item of node.items ?? []) collectTexts(item, dx, dy, node.role ?? role, out);
    return;
  }
  if (node.items === undefined && node.text !== undefined && node.bounds) {
    const b = node.bounds;
    out.push({
      role,
      text: Array.isArray(node.text) ? node.text.join('\n') : String(node.text),
      fontSize: itemFontSize(node),
      fontWeight: node.fontWeight,
      limit: node.limit,
      x1: b.x1 + dx,
      y1: b.y1 + dy,
      x2: b.x2 + dx,
      y2: b.y2 + dy,
    });
    return;
  }
  // a group item: children are offset by its x/y
  for (const child of node.items ?? []) collectTexts(child, dx + (node.x ?? 0), dy + (node.y ?? 0), role, out);
}

/* ---------------- rendering ---------------- */

// Vega's SVG clip/gradient id counters are module globals: renders run one at a time.
let queue: Promise<unknown> = Promise.resolve();

function serialized<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

/* ---------------- compiled-spec cache ---------------- */

/**
 * Charts of the same shape (same spec apart from inline data) share one compiled and parsed
 * Vega runtime: the inline values are lifted out as named datasets and supplied to each new
 * View. A batch of reports compiles each chart shape once instead of once per report.
 */
const runtimes = new Map<string, vega.Runtime>();
const RUNTIME_CACHE_LIMIT = 64;

interface InlineData {
  values?: unknown;
  name?: string;
}

function compiledChart(spec: VegaLiteTopLevelSpec): { runtime: vega.Runtime; datasets: Array<[string, unknown]> } {
  const datasets: Array<[string, unknown]> = [];
  const lift = (node: Record<string, unknown>): Record<string, unknown> => {
    const data = node['data'] as InlineData | undefined;
    if (data && Array.isArray(data.values) && Object.keys(data).length === 1) {
      const name = `inline_${datasets.length}`;
      datasets.push([name, data.values]);
      return { ...node, data: { name } };
    }
    return node;
  };
  // the description becomes the SVG's accessible name (makeAccessible), not part of the shape
  const { description: _description, ...rest } = spec as unknown as Record<string, unknown>;
  const top = lift(rest);
  const layers = top['layer'];
  const shaped = Array.isArray(layers) ? { ...top, layer: layers.map((l) => lift(l as Record<string, unknown>)) } : top;
  const key = JSON.stringify(shaped);
  let runtime = runtimes.get(key);
  if (!runtime) {
    runtime = vega.parse(compile(shaped as unknown as VegaLiteTopLevelSpec, { config: chartConfig }).spec);
    if (runtimes.size >= RUNTIME_CACHE_LIMIT) runtimes.delete(runtimes.keys().next().value!);
    runtimes.set(key, runtime);
  }
  return { runtime, datasets };
}

/** Renders a Vega-Lite spec to SVG and reports the laid-out text (for checks and tests). */
export function renderChart(spec: VegaLiteTopLevelSpec, opts: RenderChartOptions = {}): Promise<RenderedChart> {
  const description = opts.description ?? (typeof spec.description === 'string' ? spec.description : undefined);
  if (!description || !description.trim()) {
    return Promise.reject(new Error('a chart needs a description (opts.description or spec.description) for its accessible name'));
  }
  installTextMetrics();
  const warn = opts.onWarning ?? ((m: string) => console.warn(`chart: ${m}`));

  return serialized(async () => {
    const { runtime, datasets } = compiledChart(spec);
    const refused: string[] = [];
    const view = new vega.View(runtime, { renderer: 'none', loader: offlineLoader(refused) });
    for (const [name, values] of datasets) view.data(name, values as object[]);
    const errors: string[] = [];
    view.logger({
      level: () => vega.Warn,
      error: (...a: unknown[]) => errors.push(a.map(String).join(' ')),
      warn: (...a: unknown[]) => warn(a.map(String).join(' ')),
      info: () => undefined,
      debug: () => undefined,
    } as unknown as vega.LoggerInterface);
    try {
      vega.resetSVGDefIds();
      const raw = await view.toSVG();
      // Vega logs a failed load and draws an empty chart; a report must not print that.
      if (refused.length > 0) {
        throw new Error(
          `chart "${description}" tried to load ${refused.map((u) => `"${u}"`).join(', ')}: ` +
            'charts must carry their data inline (no file or network access)',
        );
      }
      if (errors.length > 0) throw new Error(`chart "${description}" failed: ${errors.join('; ')}`);
      const texts: ChartText[] = [];
      const [ox, oy] = view.origin();
      collectTexts((view.scenegraph() as unknown as { root: SceneNode }).root, ox, oy, 'root', texts);
      const prefix = opts.idPrefix ?? 'chart-' + createHash('sha256').update(description).update(raw).digest('hex').slice(0, 10);
      const svg = makeAccessible(prefixIds(raw, prefix), description.trim());
      const size = /^<svg\b[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
      return { svg, width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0), texts };
    } finally {
      view.finalize();
    }
  });
}

/**
 * SVGs of the charts rendered last (spec and options → SVG): a preview rebuilt after a narrative
 * edit, or the same municipality built again, draws its unchanged charts only once. Bounded, so a
 * batch of different municipalities keeps no more than this many.
 */
const SVG_CACHE_LIMIT = 32;
const svgs = new Map<string, Promise<string>>();

/** Renders a Vega-Lite spec to a self-contained, accessible SVG string. */
export async function renderChartSvg(spec: VegaLiteTopLevelSpec, opts: RenderChartOptions = {}): Promise<string> {
  if (opts.onWarning) return (await renderChart(spec, opts)).svg; // the caller wants this render's warnings
  const key = JSON.stringify([spec, opts.description ?? null, opts.idPrefix ?? null]);
  let svg = svgs.get(key);
  if (svg) {
    svgs.delete(key); // most recently used last
  } else {
    svg = renderChart(spec, opts).then((c) => c.svg);
    svg.catch(() => svgs.delete(key));
    if (svgs.size >= SVG_CACHE_LIMIT) svgs.delete(svgs.keys().next().value!);
  }
  svgs.set(key, svg);
  return svg;
}
