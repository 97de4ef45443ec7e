/**
 * The Word file with money figures (`--nation`): the what-if table's yen figures under their
 * points, its notes, and the receipts-against-estimate table with its explanations, all read
 * back with mammoth in the order the PDF prints them. Charts are left out here (covered by
 * report-docx.test.ts), so no browser and no rasterising.
 */
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReportDocx } from '../../src/docx/document.ts';
import { loadReportInputs } from '../../src/load/report-inputs.ts';
import { readNationForReport } from '../../src/pipeline/nation.ts';
import { prepareReport } from '../../src/pipeline/report.ts';
import type { ReportView } from '../../src/view/report-view.ts';
import { writeSyntheticNation } from '../money/nation-fixture.ts';
import { samplePath } from '../helpers/seeds.ts';

let view: ReportView;
let text: string;
const squash = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  const nation = writeSyntheticNation(1, 1741);
  view = prepareReport(await loadReportInputs(samplePath('municipality.json'), { nation: nation.file, readNation: readNationForReport })).view;
  const docx = await renderReportDocx(view, [], { embedFont: false });
  text = squash((await mammoth.extractRawText({ buffer: Buffer.from(docx) })).value);
}, 120_000);

describe('the Word file with the synthetic nation', () => {
  it('prints every what-if row with its yen figures, then the notes', () => {
    const w = view.whatif!;
    expect(w.rows.every((r) => r.nextGainMoney && r.maxGainMoney)).toBe(true);
    let at = text.indexOf(squash(w.caption));
    expect(at).toBeGreaterThan(0);
    for (const r of w.rows)
      for (const s of [r.ref, r.current, r.nextGain, r.nextGainMoney!, r.maxGain, r.maxGainMoney!]) {
        const found = text.indexOf(squash(s), at);
        expect(found, `${r.ref}: ${s}`).toBeGreaterThanOrEqual(at);
        at = found;
      }
    for (const note of w.moneyNotes!) {
      expect(note.startsWith('※ ')).toBe(true);
      const found = text.indexOf(squash(note), at);
      expect(found, note).toBeGreaterThan(at);
      at = found;
    }
  });

  it('prints the receipts beside the estimate, and why they differ', () => {
    const e = view.grants!.estimate!;
    let at = text.indexOf(squash(e.caption));
    expect(at).toBeGreaterThan(0);
    for (const s of [...e.columns, ...e.rows.flatMap((r) => [r.grant, r.actual, r.estimate, r.diff, r.perPoint]), e.basis, e.why!, e.fictional!]) {
      if (!s) continue;
      const found = text.indexOf(squash(s), at);
      expect(found, s).toBeGreaterThanOrEqual(at);
      at = found;
    }
  });
});
