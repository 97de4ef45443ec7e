/**
 * Charts for the Word file: the same SVG the HTML and PDF show, rasterised to PNG at print
 * resolution with resvg (a prebuilt binary from npm) in the bundled report font, so every Word
 * version — including ones that cannot show SVG — draws them. Same SVG in, same bytes out.
 */
import { Resvg } from '@resvg/resvg-js';
import { fontPath, REPORT_FONT_FAMILY } from '../fonts/font.ts';

/** Print resolution of the chart images (dots per inch). */
export const CHART_DPI = 300;

/** The font family name inside the bundled TTFs. */
export const BUNDLED_FONT_NAME = 'BIZ UDPGothic';

export interface ChartImage {
  id: string;
  caption: string;
  /** Alternative text: the chart's accessible description (the SVG's aria-label). */
  description: string;
  png: Buffer;
  /** Display size in CSS px (96 per inch), as the chart is laid out in the PDF. */
  widthPx: number;
  heightPx: number;
}

const unescapeXml = (s: string) =>
  s.replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))).replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Reads the display size and accessible name of one of our chart SVGs. */
export function svgFacts(svg: string): { widthPx: number; heightPx: number; description: string } {
  const root = /^<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(width > 0 && height > 0)) throw new Error('internal: chart SVG without a width and height');
  return { widthPx: width, heightPx: height, description: unescapeXml(/\saria-label="([^"]*)"/.exec(root)?.[1] ?? '') };
}

/** Rasterises one chart SVG to PNG at CHART_DPI on white. */
export function chartPng(svg: string): Buffer {
  // the SVG names the web-font family of the HTML; resvg loads the same font files by their own name
  const source = svg.replaceAll(`font-family="${REPORT_FONT_FAMILY}"`, `font-family="${BUNDLED_FONT_NAME}"`);
  const resvg = new Resvg(source, {
    fitTo: { mode: 'zoom', value: CHART_DPI / 96 },
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontFiles: [fontPath(400), fontPath(700)],
      defaultFontFamily: BUNDLED_FONT_NAME,
      sansSerifFamily: BUNDLED_FONT_NAME,
    },
  });
  return resvg.render().asPng();
}

export function chartImage(chart: { id: string; caption: string; svg: string }): ChartImage {
  const { widthPx, heightPx, description } = svgFacts(chart.svg);
  return { id: chart.id, caption: chart.caption, description: description || chart.caption, png: chartPng(chart.svg), widthPx, heightPx };
}
