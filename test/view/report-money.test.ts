/**
 * Money in the Kyoto report built with the synthetic nation (`--nation`): yen-per-point figures
 * next to every what-if entry, the FY2024 receipts beside the score-proportional estimate, and
 * plain words that the national figures are made up. Kyoto is not in the synthetic file, so it is
 * added to the denominator; the expected figures are recomputed here from the file's rows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReportInputs, type ReportInputs } from '../../src/load/report-inputs.ts';
import { readNationForReport } from '../../src/pipeline/nation.ts';
import { prepareReport, renderCharts, type PreparedReport } from '../../src/pipeline/report.ts';
import { renderReportHtml } from '../../src/render/report-html.ts';
import { writeSyntheticNation } from '../money/nation-fixture.ts';
import { samplePath } from '../helpers/seeds.ts';
import type { NationalMunicipality } from '../../src/load/schemas/national.ts';

const KYOTO = { suishin: 277, shien: 283, insured: 393443 };
const BUDGET = { suishin: 10_000_000_000n, shien: 20_000_000_000n };

let inputs: ReportInputs;
let prepared: PreparedReport;
let rows: NationalMunicipality[];

beforeAll(async () => {
  const nation = writeSyntheticNation(1, 1741);
  rows = nation.rows;
  inputs = await loadReportInputs(samplePath('municipality.json'), { nation: nation.file, readNation: readNationForReport });
  prepared = prepareReport(inputs);
});

/** W including Kyoto, exactly. */
function weightSum(g: 'suishin' | 'shien'): bigint {
  return rows.reduce((s, m) => s + BigInt(m[g]!) * BigInt(m.insuredType1), 0n) + BigInt(KYOTO[g]) * BigInt(KYOTO.insured);
}

function groupDigits(n: bigint | number): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

describe('the Kyoto report with the synthetic nation', () => {
  it('reads the nation and uses its aggregates for the national comparison', () => {
    expect(inputs.nation?.data.municipalities).toHaveLength(1741);
    expect(inputs.nation?.data.fictional).toBe(true);
    expect(prepared.derived.nationalComparison?.municipalityCount).toBe(1741);
    expect(prepared.view.national?.source).toContain('架空の全国データ');
  });

  it('adds Kyoto to the denominator and estimates its grants in proportion to score × insured', () => {
    const money = prepared.derived.money!;
    expect(money.addedSelf).toBe(true);
    expect(money.municipalityCount).toBe(1742);
    expect(money.budgetSource).toBe('grant history');
    for (const g of ['suishin', 'shien'] as const) {
      const W = weightSum(g);
      const w = BigInt(KYOTO[g]) * BigInt(KYOTO.insured);
      expect(money.grants[g].weightSum).toBe(Number(W));
      const exact = (BUDGET[g] * w) / W; // floor; largest remainder may add 1 yen
      expect([Number(exact), Number(exact) + 1]).toContain(money.grants[g].estimateYen);
      // one point: B × N × (W − w) / (W × (W + N)), rounded half up
      const N = BigInt(KYOTO.insured);
      const num = BUDGET[g] * N * (W - w);
      const den = W * (W + N);
      expect(money.grants[g].yenPerPoint).toBe(Number((2n * num + den) / (2n * den)));
    }
  });

  it('shows "+n点 ≈ +x千円" next to every what-if entry, per its own grant', () => {
    const w = prepared.view.whatif!;
    expect(w.rows.length).toBeGreaterThan(20);
    for (const r of w.rows) {
      expect(r.nextGainMoney).toMatch(/^≈ \+[\d,]+千円$/);
      expect(r.maxGainMoney).toMatch(/^≈ \+[\d,]+千円$/);
    }
    // 目標Ⅳ－5 is an indicator of both grants: each is valued with its own grant's budget and weights
    const money = prepared.derived.money!;
    const iv5 = money.whatIf.filter((m) => m.indicator.endsWith('.IV.5'));
    expect(iv5.map((m) => m.grant)).toEqual(['suishin', 'shien']);
    expect(iv5[0]!.maxGainYen).not.toBe(iv5[1]!.maxGainYen);
    // 20 points on 推進: B × 20N × (W − w) / (W × (W + 20N))
    const W = weightSum('suishin');
    const w0 = BigInt(KYOTO.suishin) * BigInt(KYOTO.insured);
    const N20 = 20n * BigInt(KYOTO.insured);
    const gain = Number((2n * BUDGET.suishin * N20 * (W - w0) + W * (W + N20)) / (2n * W * (W + N20)));
    expect(iv5[0]!.maxGainYen).toBe(gain);
    const row = w.rows.find((r) => r.grant === '推進' && r.ref === '目標Ⅳ－5')!;
    expect(row.maxGain).toBe('+20点');
    expect(row.maxGainMoney).toBe(`≈ +${groupDigits(Math.floor((gain + 500) / 1000))}千円`);
    expect(w.moneyNotes!.join('')).toContain('1点当たり推進交付金約');
    expect(w.moneyNotes!.join('')).toContain('架空の全国データ');
    expect(w.moneyNotes!.join('')).toContain('本市は全国の得点データに含まれていないため');
  });

  it('puts the FY2024 receipts beside the estimate, with one sentence on why they differ', () => {
    const e = prepared.view.grants!.estimate!;
    const money = prepared.derived.money!;
    expect(e.caption).toBe('令和6年度の受け入れ額と得点比例の試算（千円）');
    expect(e.actualHeading).toBe('受け入れ額（見込み）');
    const senS = Math.floor(money.grants.suishin.estimateYen / 1000);
    const senH = Math.floor(money.grants.shien.estimateYen / 1000);
    expect(e.rows.map((r) => [r.grant, r.actual, r.estimate])).toEqual([
      ['推進交付金', '113,155千円', `${groupDigits(senS)}千円`],
      ['支援交付金', '217,098千円', `${groupDigits(senH)}千円`],
      ['合計', '330,253千円', `${groupDigits(senS + senH)}千円`],
    ]);
    const diff = 113155 - senS;
    expect(e.rows[0]!.diff).toBe(`${diff < 0 ? '−' : '+'}${groupDigits(Math.abs(diff))}千円`);
    expect(e.basis).toContain('推進交付金100億円、支援交付金200億円');
    expect(e.why).toMatch(/^受け入れ額が試算と異なるのは、.*激変緩和措置.*所要見込額.*試算はそのどちらも考慮していない。$/);
    expect(e.why!.split('。').filter(Boolean)).toHaveLength(1);
    expect(e.fictional).toContain('架空の全国データ');
  });

  it('says plainly on the title page that the national figures are synthetic', async () => {
    expect(prepared.view.fictionalNotice).toContain('架空の全国データ');
    expect(prepared.view.fictionalNotice).toContain('例示');
    const html = renderReportHtml(prepared.view, await renderCharts(prepared.chartDefinitions));
    expect(html).toContain('≈ +');
    expect(html).toContain('得点比例の試算');
  });

  it('leaves the report as it was without --nation', async () => {
    const plain = prepareReport(await loadReportInputs(samplePath('municipality.json')));
    expect('money' in plain.derived).toBe(false);
    expect(plain.view.grants!.estimate).toBeUndefined();
    expect(plain.view.whatif!.rows[0]!.nextGainMoney).toBeUndefined();
    expect(plain.view.fictionalNotice).toBeNull();
  });
});
