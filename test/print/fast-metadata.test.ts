import { describe, expect, it } from 'vitest';
import { canonicalStructureIds, fastPdfMetadata, pdfDate } from '../../src/print/fast-metadata.ts';

/** A minimal classic PDF in Chromium's layout, built with correct xref offsets. */
function tinyPdf(ids: string[]): Buffer {
  const objs = [
    `<</Title <FEFF30C6>\n/Producer (Skia/PDF m156)\n/CreationDate (D:20261124110619+00'00')\n/ModDate (D:20261124110619+00'00')>>`,
    `<</Type /Catalog\n/Pages 3 0 R\n/StructTreeRoot 4 0 R\n/Lang (ja)>>`,
    `<</Type /Pages\n/Kids []\n/Count 0>>`,
    `<</Type /StructTreeRoot\n/K [${ids.map((_, i) => `${7 + i} 0 R`).join(' ')}]\n/IDTree 5 0 R>>`,
    `<</Kids [6 0 R]>>`,
    `<</Limits [(${[...ids].sort()[0]}) (${[...ids].sort().at(-1)})]\n/Names [${[...ids]
      .map((id, i) => [id, i] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([id, i]) => `(${id}) ${7 + i} 0 R`)
      .join(' ')}]>>`,
    ...ids.map((id) => `<</Type /StructElem\n/S /TH\n/ID (${id})>>`),
  ];
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xrefAt = text.length;
  text += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n` + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  text += `trailer\n<</Size ${objs.length + 1}\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}

const info = { title: '題名', author: '課', creator: 'kofukin-report', language: 'ja', date: new Date('2024-12-09T15:00:00Z') };

describe('fast PDF metadata', () => {
  it('renames structure ids in element order and keeps the id tree sorted', () => {
    const body = tinyPdf(['node00000109', 'node00000091', 'node00000100']).toString('latin1');
    const out = canonicalStructureIds(body)!;
    expect(out.length).toBe(body.length);
    expect([...out.matchAll(/\/ID \((node\d{8})\)/g)].map((m) => m[1])).toEqual(['node00000001', 'node00000002', 'node00000003']);
    expect(out).toContain('/Limits [(node00000001) (node00000003)]');
    expect(out).toContain('/Names [(node00000001) 7 0 R (node00000002) 8 0 R (node00000003) 9 0 R]');
  });

  it('gives the same bytes for the same structure whatever the DOM counter said', () => {
    const a = fastPdfMetadata(tinyPdf(['node00000109', 'node00000091']), info)!;
    const b = fastPdfMetadata(tinyPdf(['node00000012', 'node00000013']), info)!;
    expect(a.equals(b)).toBe(true);
  });

  it('writes the Info dictionary, dates, /ID and a consistent xref', () => {
    const out = fastPdfMetadata(tinyPdf(['node00000005']), { ...info, subject: 'S', keywords: ['a', 'b'] })!.toString('latin1');
    expect(out).toContain('/Title <FEFF984C540D>');
    expect(out).toContain('/Author <FEFF8AB2>');
    expect(out).toContain('/Keywords (a b)');
    expect(out).toContain(`/CreationDate (${pdfDate(info.date)})`);
    expect(out).not.toContain('20261124');
    expect(out).toMatch(/\/ID \[<[0-9A-F]{32}> <[0-9A-F]{32}>\]/);
    // every xref offset points at its object
    const xrefAt = Number(/startxref\n(\d+)/.exec(out)![1]);
    expect(out.startsWith('xref', xrefAt)).toBe(true);
    const entries = out.slice(xrefAt).split('\n').slice(3).filter((l) => / n $/.test(l));
    entries.forEach((e, i) => expect(out.startsWith(`${i + 1} 0 obj`, Number(e.slice(0, 10)))).toBe(true));
  });

  it('declines files it does not understand (then pdf-lib is used)', () => {
    expect(fastPdfMetadata(Buffer.from('%PDF-1.7\nnot a classic file'), info)).toBeNull();
    expect(fastPdfMetadata(tinyPdf(['node00000001']), { ...info, language: 'en' })).toBeNull();
  });
});
