/** Reading a PDF back with poppler-utils and qpdf, as a person checking the document would. */
import { execFileSync } from 'node:child_process';

export const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
export const pdfInfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
export const pdfFonts = (file: string) => execFileSync('pdffonts', [file], { encoding: 'utf8' });

export function pdfFontRows(file: string): Array<{ name: string; emb: string }> {
  return pdfFonts(file)
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type... encoding emb sub uni object ID: emb is the 5th column from the end
      return { name: cols[0]!, emb: cols[cols.length - 5]! };
    });
}

/** Titles of the PDF outline (bookmarks), depth-first. */
export function pdfOutline(file: string): string[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })) as {
    outlines: Array<{ title: string; kids: unknown[] }>;
  };
  const out: string[] = [];
  const walk = (items: Array<{ title: string; kids: unknown[] }>) => {
    for (const it of items) {
      out.push(it.title);
      walk(it.kids as Array<{ title: string; kids: unknown[] }>);
    }
  };
  walk(json.outlines);
  return out;
}

export function pageCount(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(pdfInfo(file))?.[1]);
}
