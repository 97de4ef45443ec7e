/**
 * LibreOffice headless for tests: whether `soffice` is installed, and a conversion run with its
 * own throw-away user profile (so parallel test files do not fight over one profile).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function sofficePath(): string | null {
  const r = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  const path = r.stdout.trim().split('\n')[0];
  return r.status === 0 && path ? path : null;
}

export const SOFFICE_MISSING =
  'LibreOffice (soffice) is not installed: skipping the LibreOffice checks (apt-get install -y --no-install-recommends libreoffice-calc-nogui)';

/** UTF-8, comma-separated, double-quoted CSV of the first sheet, values as shown. */
export const CSV_UTF8 = 'csv:Text - txt - csv (StarCalc):44,34,76';

export function sofficeConvert(file: string, format: string, outDir: string): { code: number; stdout: string; stderr: string } {
  const soffice = sofficePath();
  if (!soffice) throw new Error('soffice not installed');
  const profile = mkdtempSync(join(tmpdir(), 'kofukin-lo-profile-'));
  try {
    const r = spawnSync(
      soffice,
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, file],
      { encoding: 'utf8', timeout: 180_000 },
    );
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Minimal CSV parser (RFC 4180 quoting). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
