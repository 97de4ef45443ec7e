/**
 * A batch from a national results file prints a peer section by default (the prefecture and the
 * size class): three municipalities from prefectures of very different sizes (北海道 179, 東京都
 * 62, 富山県 15 in the synthetic nation), their ranks read back from the PDFs by pdftotext and
 * recomputed here.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMain, type CliResult } from '../helpers/cli.ts';
import { pdfText } from '../helpers/pdf.ts';
import { writeSyntheticNation } from '../money/nation-fixture.ts';
import { sizeClassOf } from '../../src/national/derive.ts';
import type { NationalMunicipality } from '../../src/load/schemas/national.ts';

const nation = writeSyntheticNation(3);
const rows = nation.rows;
const pick = (pref: string) => rows.filter((m) => m.code.startsWith(pref))[3]!;
const chosen = [pick('01'), pick('13'), pick('16')];
const total = (m: NationalMunicipality) => m.suishin! + m.shien!;
const rankIn = (m: NationalMunicipality, group: NationalMunicipality[], v: (x: NationalMunicipality) => number) => 1 + group.filter((x) => v(x) > v(m)).length;
/** pdftotext breaks lines; the sentences are compared without line breaks and layout spaces. */
const flat = (s: string) => s.replace(/\s+/g, '');

describe('batch from a national results file: the peer section', () => {
  const out = join(nation.dir, 'out');
  let run: CliResult;
  beforeAll(async () => {
    run = await runMain(['batch', nation.file, '--out', out, '--concurrency', '2', ...chosen.flatMap((m) => ['--filter', m.code])]);
  });

  it('builds the three reports', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('built 3, unchanged 0, failed 0 of 3');
  });

  for (const [i, label] of [
    [0, '北海道'],
    [1, '東京都'],
    [2, '富山県'],
  ] as const) {
    it(`prints the national, prefecture and size-class ranks (${label})`, () => {
      const m = chosen[i]!;
      const text = flat(pdfText(join(out, `kofukin-2024-${m.code}.pdf`)));
      const pref = rows.filter((x) => x.code.slice(0, 2) === m.code.slice(0, 2));
      const cls = rows.filter((x) => sizeClassOf(x.insuredType1) === sizeClassOf(m.insuredType1));
      const nat = (v: (x: NationalMunicipality) => number) => rankIn(m, rows, v).toLocaleString('en-US');
      expect(text).toContain(`全国1,741市町村の中で、推進交付金は${nat((x) => x.suishin!)}位`);
      expect(text).toContain(`合計は${nat(total)}位`);
      expect(text).toContain(
        `${label}内の市町村（${pref.length}市町村）の中で、推進交付金は${rankIn(m, pref, (x) => x.suishin!)}位、支援交付金は${rankIn(m, pref, (x) => x.shien!)}位、合計は${rankIn(m, pref, total)}位となっている。`,
      );
      expect(text).toContain(`市町村（${cls.length.toLocaleString('en-US')}市町村）の中で、推進交付金は${rankIn(m, cls, (x) => x.suishin!)}位`);
      // a large group lists an excerpt (the top, the bottom, the neighbours); a small one every member
      if (pref.length > 25) expect(text).toContain(`${pref.length}市町村のうち、合計得点の上位5・下位3と`);
      else for (const x of pref) expect(text).toContain(x.name);
    });
  }

  it('--peers none leaves the peer groups out (the standing stays)', async () => {
    const none = join(nation.dir, 'out-none');
    const r = await runMain(['batch', nation.file, '--out', none, '--peers', 'none', '--filter', chosen[2]!.code]);
    expect(r.code).toBe(0);
    const text = flat(pdfText(join(none, `kofukin-2024-${chosen[2]!.code}.pdf`)));
    expect(text).toContain('全国1,741市町村の中で');
    expect(text).not.toContain('内の市町村（');
  });

  it('--peers designated on a nation without the designated cities stops with exit 2 naming a code', async () => {
    const r = await runMain(['batch', nation.file, '--out', join(nation.dir, 'out-d'), '--peers', 'designated', '--filter', chosen[2]!.code]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('011002');
  });
});
