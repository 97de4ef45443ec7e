/** A small report page for the print tests: Japanese headings, a table longer than a page, a chart. */
import { renderChartSvg } from '../../src/charts/render.ts';
import { fontFaceCss } from '../../src/fonts/font.ts';

export const INDICATORS = [
  '高齢者の保健事業と介護予防の一体的実施',
  '地域ケア会議の開催と個別事例の検討',
  '介護支援専門員への研修・助言',
  '認知症初期集中支援チームの活動',
  '生活支援コーディネーターの配置',
];

export async function sampleHtml(extraBody = '', rows = 70): Promise<string> {
  const chart = await renderChartSvg(
    {
      width: 220,
      data: { values: INDICATORS.map((k, i) => ({ k, v: 12 - i * 2 })) },
      mark: 'bar',
      encoding: {
        y: { field: 'k', type: 'nominal', title: '指標', sort: null },
        x: { field: 'v', type: 'quantitative', title: '得点' },
      },
    },
    { description: '指標別の得点。高齢者の保健事業と介護予防の一体的実施が最も高い。' },
  );
  const tr = Array.from(
    { length: rows },
    (_, i) => `<tr><td>${i + 1}</td><td>${INDICATORS[i % INDICATORS.length]}（その${i + 1}）</td><td>${(i * 7) % 20}</td></tr>`,
  ).join('\n');
  const body = `
<h1>令和6年度 保険者機能強化推進交付金 評価結果報告書</h1>
<h2>1. 評価の概要</h2>
<p>本報告書は、京都市における交付金評価指標の得点状況を取りまとめ、議会に報告するものです。</p>
<figure>${chart}<figcaption>図1 指標別の得点</figcaption></figure>
<h2>2. 指標別の得点</h2>
<table>
<thead><tr><th scope="col">番号</th><th scope="col">評価指標</th><th scope="col">得点</th></tr></thead>
<tbody>
${tr}
</tbody>
</table>
<h2>3. 今後の取組</h2>
<p>得点の低い指標について、関係機関と連携して取組を進めます。</p>
${extraBody}`;
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>評価結果報告書</title>
<style>
${fontFaceCss(body)}
body { font-family: "Report Gothic", sans-serif; font-size: 10.5pt; line-height: 1.6; color: #000; }
h1 { font-size: 16pt; font-weight: 700; margin: 0 0 8pt; }
h2 { font-size: 13pt; font-weight: 700; border-bottom: 1px solid #1f4e79; margin: 14pt 0 6pt; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
th, td { border: 1px solid #8c8c8c; padding: 2pt 4pt; }
th { background: #dce6f2; }
tr { break-inside: avoid; }
figure { margin: 8pt 0; }
figcaption { font-size: 9pt; }
</style>
</head>
<body>${body}</body>
</html>`;
}
