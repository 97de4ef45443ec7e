/**
 * Plain-text tables for the terminal, aligned by display width: full-width characters count 2, and
 * so do the ambiguous Ⅰ and ① as Japanese terminals draw them.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 || (c >= 0x2160 && c <= 0x217f) || (c >= 0x2460 && c <= 0x24ff)) ? 2 : 1;
  }
  return w;
}

function pad(s: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return align === 'left' ? s + fill : fill + s;
}

/** Renders rows under a header; columns whose header starts with '>' are right-aligned. */
export function textTable(header: string[], rows: string[][]): string {
  const align = header.map((h) => (h.startsWith('>') ? 'right' : 'left') as 'left' | 'right');
  const head = header.map((h) => h.replace(/^>/, ''));
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, align[i]!)).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
