/** The first page's 資料番号 box is drawn from data text placed in CSS: it must stay a string. */
import { describe, expect, it } from 'vitest';
import { cssString, documentNumberCss, withPageCss } from '../../src/print/pdf.ts';

describe('documentNumberCss', () => {
  it('boxes the number in the top-right margin of the first page only', () => {
    const css = documentNumberCss('資料3');
    expect(css).toMatch(/^@page :first \{ @top-right \{ content: "資料3";/);
    expect(documentNumberCss(null)).toBe('');
    expect(documentNumberCss('')).toBe('');
  });

  it('escapes every ASCII character that could end the string, the rule or the style element', () => {
    const hostile = '資料"3\\"; } body { display: none } </style><script>alert(1)</script>\n';
    const s = cssString(hostile);
    const inner = s.slice(1, -1);
    expect(inner).not.toMatch(/["'<>{};\n]|\\(?![0-9a-f]+ )/);
    expect(s).toContain('資料');
    // the escapes decode back to the text (CSS hex escapes end with one space)
    expect(inner.replace(/\\([0-9a-f]+) /g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))).toBe(hostile);
  });

  it('puts the rule into the head next to the page rules, or leaves a document with its own @page alone', () => {
    const html = withPageCss('<html><head><title>t</title></head><body></body></html>', true, '資料1');
    expect(html).toMatch(/<style>@page \{ size: A4 portrait;.*<\/style><style id="kofukin-page-marks">@page :first \{ @top-right \{ content: "資料1";.*<\/style><\/head>/);
    const own = '<style>@page { size: A3 }</style><p>x</p>';
    expect(withPageCss(own, true, '資料1')).toBe(own);
  });
});
