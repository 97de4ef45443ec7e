import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/charts/measure.ts';
import { chartConfig, renderChart, renderChartSvg } from '../../src/charts/render.ts';
import type { VegaLiteTopLevelSpec } from '../../src/charts/render.ts';

const LABELS = [
  '高齢者の保健事業と介護予防の一体的実施',
  'PDCAサイクルの活用による保険者機能の強化に向けた体制等の構築',
  '介護支援専門員・介護サービス事業所等',
  '地域ケア会議',
];

const barSpec: VegaLiteTopLevelSpec = {
  description: '指標別の得点（棒グラフ）',
  title: '指標別の得点',
  width: 240,
  data: { values: LABELS.map((k, i) => ({ k, v: 10 - i * 2 })) },
  mark: 'bar',
  encoding: {
    y: { field: 'k', type: 'nominal', title: '指標', sort: null },
    x: { field: 'v', type: 'quantitative', title: '得点' },
  },
};

const fullWidth = (s: string) => [...s].filter((c) => c.codePointAt(0)! >= 0x3000).length;
const ideographs = (s: string) => [...s].filter((c) => /\p{Script=Han}/u.test(c)).length;

describe('renderChart', () => {
  it('keeps long Japanese axis labels whole, measured in the report font', async () => {
    const { svg, texts, width } = await renderChart(barSpec);
    expect(svg).not.toContain('…');
    for (const label of LABELS) expect(svg).toContain(`>${label}</text>`);

    const labels = texts.filter((t) => t.role === 'axis-label' && LABELS.includes(t.text));
    expect(labels).toHaveLength(LABELS.length);
    for (const t of labels) {
      const w = t.x2 - t.x1;
      // BIZ UDPGothic is proportional: kanji are exactly 1 em, kana a little narrower.
      expect(w, t.text).toBeGreaterThanOrEqual(ideographs(t.text) * t.fontSize);
      expect(w, t.text).toBeGreaterThanOrEqual(0.9 * fullWidth(t.text) * t.fontSize);
      expect(w, t.text).toBeCloseTo(textWidth(t.text, t.fontSize), 1);
      // Vega's own guess (0.8 em a character) would be narrower than the real text.
      expect(w, t.text).toBeGreaterThan(0.8 * [...t.text].length * t.fontSize);
      expect(t.x1, t.text).toBeGreaterThanOrEqual(0);
      expect(t.x2, t.text).toBeLessThanOrEqual(width);
    }

    // the y axis title (upright, above the axis) overlaps no label; labels do not overlap each other
    const title = texts.find((t) => t.role === 'axis-title' && t.text === '指標')!;
    expect(title.x2 - title.x1).toBeCloseTo(textWidth('指標', 11), 1); // horizontal, not turned
    for (const t of labels) expect(title.y2 <= t.y1 || title.x2 <= t.x1 || title.x1 >= t.x2, t.text).toBe(true);
    const byY = [...labels].sort((a, b) => a.y1 - b.y1);
    for (let i = 1; i < byY.length; i++) expect(byY[i]!.y1).toBeGreaterThanOrEqual(byY[i - 1]!.y2);
  });

  it('uses the report font and the council look', async () => {
    const svg = await renderChartSvg(barSpec);
    expect(svg).toContain('font-family="Report Gothic"');
    expect(svg).toContain('font-size="10px"');
    expect(svg).toContain('#1f4e79');
    expect(chartConfig.font).toBe('Report Gothic');
  });

  it('is accessible: role="img", aria-label and <title>', async () => {
    const svg = await renderChartSvg(barSpec, { description: '指標別の得点。地域ケア会議が最も低い。' });
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-label="指標別の得点。地域ケア会議が最も低い。"[^>]*><title>指標別の得点。地域ケア会議が最も低い。<\/title>/);
    expect(svg.match(/role="/g)).toHaveLength(1);
    expect(svg).not.toContain('aria-roledescription');
    const escaped = await renderChartSvg(barSpec, { description: 'A & B <"x">' });
    expect(escaped).toContain('aria-label="A &#38; B &#60;&#34;x&#34;&#62;"');
  });

  it('needs a description', async () => {
    const { description: _omit, ...spec } = barSpec;
    await expect(renderChartSvg(spec as VegaLiteTopLevelSpec)).rejects.toThrow(/description/);
  });

  it('renders the same spec to identical SVG, also when renders overlap', async () => {
    const a = await renderChartSvg(barSpec);
    const [b, c] = await Promise.all([renderChartSvg(barSpec), renderChartSvg(barSpec)]);
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('prefixes ids so two charts on one page do not share clip paths', async () => {
    const clipped: VegaLiteTopLevelSpec = {
      ...barSpec,
      mark: { type: 'bar', clip: true },
      encoding: { ...barSpec.encoding, x: { field: 'v', type: 'quantitative', scale: { domain: [0, 5] } } },
    };
    const one = await renderChartSvg(clipped, { idPrefix: 'one' });
    const two = await renderChartSvg({ ...clipped, description: '別のグラフ' });
    const ids = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids(one).length).toBeGreaterThan(0);
    for (const id of ids(one)) {
      expect(id.startsWith('one-')).toBe(true);
      expect(one).toContain(`url(#${id})`);
    }
    expect(ids(two).some((id) => ids(one).includes(id))).toBe(false);
  });

  it('loads nothing: a spec with a data URL is refused', async () => {
    const remote: VegaLiteTopLevelSpec = { ...barSpec, data: { url: 'https://example.com/data.json' } };
    await expect(renderChartSvg(remote, { onWarning: () => undefined })).rejects.toThrow(
      /https:\/\/example\.com\/data\.json.*must carry their data inline/,
    );
    const local: VegaLiteTopLevelSpec = { ...barSpec, data: { url: 'data/values.json' } };
    await expect(renderChartSvg(local, { onWarning: () => undefined })).rejects.toThrow(/data\/values\.json/);
  });
});
