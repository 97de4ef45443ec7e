/**
 * Golden tests of the view model and the HTML for the bundled samples: any change to a printed
 * figure or word shows up as a diff to review.
 */
import { describe, expect, it } from 'vitest';
import { loadReportInputs } from '../../src/load/report-inputs.ts';
import { prepareReport, renderCharts } from '../../src/pipeline/report.ts';
import { renderReportHtml } from '../../src/render/report-html.ts';
import { selfReference } from '../../src/view/report-view.ts';
import { expectGolden } from '../helpers/golden.ts';
import { repoRoot } from '../helpers/seeds.ts';

const samples = [
  ['kyoto-2024', 'data/samples/kyoto-2024/municipality.json'],
  ['fictional-town', 'data/samples/fictional-town/municipality.json'],
] as const;

describe.each(samples)('sample %s', (name, file) => {
  it('view model equals its golden file', async () => {
    const inputs = await loadReportInputs(`${repoRoot}${file}`);
    const before = JSON.stringify(inputs);
    const { view } = prepareReport(inputs);
    expect(JSON.stringify(inputs)).toBe(before); // derive and view do not mutate their input
    expectGolden(`${name}.view.json`, JSON.stringify(view, null, 2) + '\n');
  });

  it('HTML (font data aside) equals its golden file', async () => {
    const inputs = await loadReportInputs(`${repoRoot}${file}`);
    const prepared = prepareReport(inputs);
    const html = renderReportHtml(prepared.view, await renderCharts(prepared.chartDefinitions));
    const stable = html.replace(/base64,[A-Za-z0-9+/=]+/g, 'base64,…');
    expectGolden(`${name}.html`, stable);
  });
});

describe('view model wording', () => {
  it('places Kyoto among the designated cities as seed 003 §3 does', async () => {
    const inputs = await loadReportInputs(`${repoRoot}data/samples/kyoto-2024/municipality.json`);
    const { view } = prepareReport(inputs);
    expect(view.peerSentence).toBe(
      '本市の得点は、参考資料2のとおり、政令指定都市（20市）の中で、推進交付金は9位、支援交付金は3位、合計は5位となっている。',
    );
    expect(view.titleBlock.date).toBe('令和6年12月10日');
    expect(view.scoreTables.map((t) => [t.total.itemCount, t.total.score, t.total.max, t.total.rate])).toEqual([
      ['119', '277', '400', '69.3%'],
      ['177', '283', '400', '70.8%'],
    ]);
    expect(view.groupSummary.rows.at(-1)!.cells).toEqual(['379 / 380点', '111 / 220点', '70 / 200点', '560 / 800点']);
    expect(view.unscored[1]!.sections.at(-1)!.items[0]!.sameAsText).toBe('※推進交付金の「目標Ⅳ－5」と同様');
    expect(view.grants!.rows.map((r) => r.year)).toEqual(['平成30年度', '令和元年度', '令和2年度', '令和3年度', '令和4年度', '令和5年度', '令和6年度（見込み）']);
    expect(view.schedule[0]).toEqual({ when: '令和6年 年内', text: '評価結果・交付見込額（案）の提示、所要額調査の実施' });
  });

  it('names the municipality by its kind', () => {
    expect(selfReference('京都市')).toBe('本市');
    expect(selfReference('架空町')).toBe('本町');
    expect(selfReference('見本村')).toBe('本村');
    expect(selfReference('練馬区')).toBe('本区');
  });

  it('a fictional municipality is marked and nothing of Kyoto leaks into its report', async () => {
    const inputs = await loadReportInputs(`${repoRoot}data/samples/fictional-town/municipality.json`);
    const prepared = prepareReport(inputs);
    const html = renderReportHtml(prepared.view, await renderCharts(prepared.chartDefinitions));
    expect(prepared.view.fictionalNotice).toContain('架空');
    for (const word of ['京都', '本市', '政令', '長寿すこやか', 'いきいきシニア']) expect(html).not.toContain(word);
    expect(html).toContain('本町');
  });

  it('escapes data text in the HTML', async () => {
    const inputs = await loadReportInputs(`${repoRoot}data/samples/fictional-town/municipality.json`);
    const narrative = structuredClone(inputs.narrative!);
    narrative.data.report.department = '<script>alert(1)</script>&課';
    const { view, chartDefinitions } = prepareReport({ ...inputs, narrative });
    const html = renderReportHtml(view, await renderCharts(chartDefinitions));
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&amp;課');
  });
});
