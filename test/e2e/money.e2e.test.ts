/**
 * End to end with `--nation`: the Kyoto sample printed with the synthetic nation, read back with
 * pdftotext: yen-per-point figures beside the what-if entries, the FY2024 receipts beside the
 * score-proportional estimate, and the plain statement that the national figures are made up.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { pdfText } from '../helpers/pdf.ts';
import { samplePath } from '../helpers/seeds.ts';
import { writeSyntheticNation } from '../money/nation-fixture.ts';

let out = '';
let text = '';
const flat = () => text.replace(/\s+/g, '');

beforeAll(async () => {
  const nation = writeSyntheticNation(1, 1741);
  out = join(nation.dir, 'out');
  const r = await runMain(['build', samplePath('municipality.json'), '--nation', nation.file, '--out', out]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  text = pdfText(join(out, 'kofukin-2024-261009.pdf'));
});

describe('the Kyoto report printed with the synthetic nation', () => {
  it('writes the PDF and the HTML', () => {
    expect(readdirSync(out).sort()).toEqual(['kofukin-2024-261009.html', 'kofukin-2024-261009.pdf']);
  });

  it('prints a money figure beside every what-if entry', () => {
    const whatif = text.slice(text.indexOf('得点向上の余地（指標別）'), text.indexOf('5 全国との比較'));
    const figures = whatif.match(/≈ \+[\d,]+千円/g) ?? [];
    const entries = whatif.match(/\+\d+点/g) ?? [];
    expect(entries.length).toBeGreaterThan(40);
    expect(figures).toHaveLength(entries.length);
    expect(flat()).toMatch(/1点当たり推進交付金約[\d,]+千円、支援交付金約[\d,]+千円/);
  });

  it('puts the receipts beside the estimate with the reason they differ', () => {
    expect(flat()).toContain('令和6年度の受け入れ額と得点比例の試算（千円）');
    expect(flat()).toMatch(/推進交付金113,155千円[\d,]+千円−[\d,]+千円約[\d,]+千円/);
    expect(flat()).toMatch(/支援交付金217,098千円[\d,]+千円−[\d,]+千円約[\d,]+千円/);
    expect(flat()).toContain('受け入れ額が試算と異なるのは、令和6年度の配分では令和5年度の交付額からの激変緩和措置が講じられていること');
    expect(flat()).toContain('所要見込額のいずれか低い方');
  });

  it('says plainly that the national figures are synthetic and the money illustrative', () => {
    expect(flat()).toContain('この資料の全国の得点・平均値等は架空の全国データによるものであり');
    expect(flat()).toContain('出典：全国評価結果ファイルnation.csv（架空の全国データ）');
    expect(flat()).toContain('試算額及び1点当たりの額は説明のための例示である');
    expect(readFileSync(join(out, 'kofukin-2024-261009.html'), 'utf8')).toContain('架空の全国データ');
  });
});
