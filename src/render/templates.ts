/**
 * Handlebars templates of a document: a layout plus one partial per report section, compiled
 * once per process into an isolated Handlebars environment. `{{ }}` escapes; only markup we
 * produce ourselves (chart SVG, CSS) is inserted with triple braces.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface CompiledTemplates {
  /** The document body (`body.hbs`) from a view model. */
  renderBody: (context: object) => string;
  /** The HTML shell (`layout.hbs`) around an already rendered body (`body`, `css`, `fontFaceCss`, `meta`). */
  renderLayout: (context: object) => string;
  css: string;
  /** Directory of the template set (for hashing template changes). */
  dir: string;
}

const cache = new Map<string, CompiledTemplates>();

/** Compiles templates/<name>/layout.hbs and body.hbs with partials/*.hbs, and the CSS file(s) in that folder. */
export function loadTemplates(name: string): CompiledTemplates {
  const cached = cache.get(name);
  if (cached) return cached;
  const dir = join(TEMPLATES_DIR, name);
  const hb = Handlebars.create();
  const partialsDir = join(dir, 'partials');
  for (const file of readdirSync(partialsDir).filter((f) => f.endsWith('.hbs')).sort())
    hb.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(join(partialsDir, file), 'utf8'));
  const layout = hb.compile(readFileSync(join(dir, 'layout.hbs'), 'utf8'));
  const body = hb.compile(readFileSync(join(dir, 'body.hbs'), 'utf8'));
  const css = readdirSync(dir)
    .filter((f) => f.endsWith('.css'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  const compiled: CompiledTemplates = {
    renderBody: (context) => body(context, { allowProtoPropertiesByDefault: false }),
    renderLayout: (context) => layout(context, { allowProtoPropertiesByDefault: false }),
    css,
    dir,
  };
  cache.set(name, compiled);
  return compiled;
}

/** All template source text of a set, for content hashing. */
export function templateSources(name: string): string {
  const dir = join(TEMPLATES_DIR, name);
  const files = [
    ...readdirSync(dir).filter((f) => /\.(hbs|css)$/.test(f)).map((f) => join(dir, f)),
    ...readdirSync(join(dir, 'partials')).filter((f) => f.endsWith('.hbs')).map((f) => join(dir, 'partials', f)),
  ].sort();
  return files.map((f) => `${f}\n${readFileSync(f, 'utf8')}`).join('\n');
}
