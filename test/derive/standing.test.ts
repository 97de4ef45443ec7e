/**
 * Standing and peer groups from a synthetic nation (`synth --per-indicator`): `summary --json
 * --nation F --peers prefecture,size` gives national and prefecture ranks that this test
 * recomputes on its own (competition ranks: 1 + the number with a strictly higher score).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { writeSyntheticNation } from '../money/nation-fixture.ts';
import type { NationalMunicipality } from '../../src/load/schemas/national.ts';
import { sizeClassOf } from '../../src/national/derive.ts';
import { deriveStanding } from '../../src/derive/standing.ts';
import { cachedGroupCount, rankPeerGroup } from '../../src/derive/peer-groups.ts';
import type { NationalDataset } from '../../src/load/schemas/national.ts';

const nation = writeSyntheticNation(3);
const rows = nation.rows;
const val = (m: NationalMunicipality, k: 'suishin' | 'shien' | 'total') => (k === 'total' ? m.suishin! + m.shien! : m[k]!);

function municipalityFile(m: NationalMunicipality, scores: Record<string, number> = { ...m.scores! }): string {
  const file = join(nation.dir, `m-${m.code}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      fiscalYear: 2024,
      municipality: { code: m.code, name: m.name, prefecture: m.prefecture, insuredType1: m.insuredType1, fictional: true },
      scores,
    }),
  );
  return file;
}

/** Independent recomputation over a population (the file's rows, the self row replaced or added). */
function expected(self: { code: string; suishin: number; shien: number }, population: Array<{ code: string; suishin: number; shien: number }>) {
  const v = (x: { suishin: number; shien: number }, k: string) => (k === 'total' ? x.suishin + x.shien : (x as never)[k]) as number;
  const pref = population.filter((x) => x.code.slice(0, 2) === self.code.slice(0, 2));
  const out: Record<string, { rank: number; count: number; percentile: number; prefRank: number; prefCount: number; prefMedian: number; prefMeanTimes10: number }> = {};
  for (const k of ['suishin', 'shien', 'total']) {
    const own = v(self, k);
    let higher = 0;
    let lower = 0;
    for (const x of population) {
      if (x.code === self.code) continue;
      if (v(x, k) > own) higher++;
      if (v(x, k) < own) lower++;
    }
    const pv = pref.map((x) => v(x, k)).sort((a, b) => a - b);
    const mid = Math.floor(pv.length / 2);
    const sum = pv.reduce((a, b) => a + b, 0);
    out[k] = {
      rank: higher + 1,
      count: population.length,
      percentile: Math.round((lower / (population.length - 1)) * 1000) / 10,
      prefRank: 1 + pv.filter((x) => x > own).length,
      prefCount: pv.length,
      prefMedian: pv.length % 2 ? pv[mid]! : (pv[mid - 1]! + pv[mid]!) / 2,
      // mean × 10 rounded half up, compared as a whole number
      prefMeanTimes10: Math.round((sum * 10) / pv.length + 1e-9),
    };
  }
  return out;
}

function check(json: { standing: any }, exp: ReturnType<typeof expected>) {
  for (const k of ['suishin', 'shien', 'total']) {
    const n = json.standing.national[k];
    const p = json.standing.withinPrefecture[k];
    expect({ k, rank: n.rank, count: n.count }).toEqual({ k, rank: exp[k]!.rank, count: exp[k]!.count });
    expect(Math.abs(n.percentile - exp[k]!.percentile)).toBeLessThanOrEqual(0.1);
    expect({ k, rank: p.rank, count: p.count, median: p.median, mean10: Math.round(p.mean * 10) }).toEqual({
      k,
      rank: exp[k]!.prefRank,
      count: exp[k]!.prefCount,
      median: exp[k]!.prefMedian,
      mean10: exp[k]!.prefMeanTimes10,
    });
  }
}

const population = rows.map((m) => ({ code: m.code, suishin: m.suishin!, shien: m.shien! }));

describe('standing from a synthetic nation', () => {
  // Hokkaido (179 municipalities), a tied total, and a one-prefecture extreme
  const hokkaido = rows.find((m) => m.code.startsWith('01'))!;
  const totals = new Map<number, number>();
  for (const m of rows) totals.set(val(m, 'total'), (totals.get(val(m, 'total')) ?? 0) + 1);
  const tied = rows.find((m) => totals.get(val(m, 'total'))! > 2 && !m.code.startsWith('01'))!;
  const tottori = rows.find((m) => m.code.startsWith('31'))!;

  for (const [label, m] of [
    ['北海道', hokkaido],
    ['a tied total', tied],
    ['鳥取県', tottori],
  ] as const) {
    it(`summary --json --nation gives the national and prefecture ranks (${label})`, async () => {
      const r = await runMain(['summary', municipalityFile(m), '--json', '--nation', nation.file, '--peers', 'prefecture,size']);
      expect(r.stderr).not.toContain('error');
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(json.standing.addedSelf).toBe(false);
      check(json, expected({ code: m.code, suishin: m.suishin!, shien: m.shien! }, population));
      // the groups: the prefecture's municipalities and the size class's
      const [pref, size] = json.peerGroups;
      expect(pref.count).toBe(rows.filter((x) => x.code.slice(0, 2) === m.code.slice(0, 2)).length);
      expect(size.count).toBe(rows.filter((x) => sizeClassOf(x.insuredType1) === sizeClassOf(m.insuredType1)).length);
      expect(pref.highlighted.total.rank).toBe(json.standing.withinPrefecture.total.rank);
      const inClass = rows.filter((x) => sizeClassOf(x.insuredType1) === sizeClassOf(m.insuredType1));
      expect(size.highlighted.total.rank).toBe(1 + inClass.filter((x) => val(x, 'total') > val(m, 'total')).length);
    });
  }

  it('ties share a competition rank', async () => {
    const r = await runMain(['summary', municipalityFile(tied), '--json', '--nation', nation.file]);
    const json = JSON.parse(r.stdout);
    const same = rows.filter((x) => val(x, 'total') === val(tied, 'total'));
    expect(same.length).toBeGreaterThan(2);
    for (const other of same.slice(0, 2)) {
      const o = JSON.parse((await runMain(['summary', municipalityFile(other), '--json', '--nation', nation.file])).stdout);
      expect(o.standing.national.total.rank).toBe(json.standing.national.total.rank);
    }
  });

  it("the report's own scores replace the file's row; a municipality not in the file is counted as one more", async () => {
    const m = hokkaido;
    const scores = { ...m.scores! };
    const id = Object.keys(scores).find((k) => k.startsWith('suishin.') && scores[k]! > 0)!;
    scores[id] = 0; // 0 is always achievable
    const json = JSON.parse((await runMain(['summary', municipalityFile(m, scores), '--json', '--nation', nation.file])).stdout);
    const suishin = Object.entries(scores).filter(([k]) => k.startsWith('suishin.')).reduce((s, [, x]) => s + x, 0);
    check(json, expected({ code: m.code, suishin, shien: m.shien! }, population.map((x) => (x.code === m.code ? { ...x, suishin } : x))));

    const kyoto = JSON.parse((await runMain(['summary', 'data/samples/kyoto-2024/municipality.json', '--json', '--nation', nation.file])).stdout);
    expect(kyoto.standing.addedSelf).toBe(true);
    check(kyoto, expected({ code: '261009', suishin: 277, shien: 283 }, [...population, { code: '261009', suishin: 277, shien: 283 }]));
  });

  it('a listed member missing from the national file is a bad-input error naming the code (exit 2)', async () => {
    const list = join(nation.dir, '近隣.csv');
    writeFileSync(list, `code,name\n${rows[5]!.code},x\n261009,京都市\n`);
    const r = await runMain(['summary', municipalityFile(rows[0]!), '--nation', nation.file, '--peers', list]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('261009');
    expect(r.stderr).toContain('line 3, column 1');
    expect(r.stderr).toContain('is not in the national results file');
    const ja = await runMain(['summary', municipalityFile(rows[0]!), '--nation', nation.file, '--peers', list], { env: { KOFUKIN_LANG: 'ja' } });
    expect(ja.code).toBe(2);
    expect(ja.stderr).toContain('比較グループの団体コード 261009 が全国の結果ファイル');
    // codes with scores need no national file
    writeFileSync(list, `団体コード,市区町村,推進,支援\n${rows[5]!.code},x,200,210\n261009,京都市,277,283\n`);
    const ok = await runMain(['summary', municipalityFile(rows[0]!), '--json', '--peers', list]);
    expect(ok.code).toBe(0);
    const g = JSON.parse(ok.stdout).peerGroups[0];
    expect(g.name).toBe('近隣（3市町村）');
    expect(g.addedSelf).toBe(true);
  });

  it('whatif --json --nation says what each next step would do to the ranks', async () => {
    const m = tottori;
    const r = await runMain(['whatif', municipalityFile(m), '--json', '--nation', nation.file, '--top', '6']);
    expect(r.code).toBe(0);
    const items = JSON.parse(r.stdout).items as Array<{ grant: 'suishin' | 'shien'; nextGain: number; nextRank: any }>;
    expect(items.length).toBe(6);
    for (const i of items) {
      const total = val(m, 'total') + i.nextGain;
      const grant = val(m, i.grant) + i.nextGain;
      const others = rows.filter((x) => x.code !== m.code);
      expect(i.nextRank.total).toEqual({ from: 1 + others.filter((x) => val(x, 'total') > val(m, 'total')).length, to: 1 + others.filter((x) => val(x, 'total') > total).length });
      expect(i.nextRank.grant.to).toBe(1 + others.filter((x) => val(x, i.grant) > grant).length);
      const pref = others.filter((x) => x.code.slice(0, 2) === m.code.slice(0, 2));
      expect(i.nextRank.prefectureTotal.to).toBe(1 + pref.filter((x) => val(x, 'total') > total).length);
    }
  });

  it('an .xlsx list of codes (numbers with the leading zero dropped) takes the scores from the national file', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const members = rows.filter((x) => x.code.startsWith('01')).slice(0, 4);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('近隣');
    ws.addRow(['団体コード', '市区町村']);
    for (const x of members) ws.addRow([Number(x.code), x.name]);
    const file = join(nation.dir, '近隣4.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await runMain(['summary', municipalityFile(members[0]!), '--json', '--nation', nation.file, '--peers', file]);
    expect(r.code).toBe(0);
    const g = JSON.parse(r.stdout).peerGroups[0];
    expect(g.name).toBe('近隣4（4市町村）');
    expect(g.rows.map((x: { code: string }) => x.code)).toEqual(members.map((x) => x.code));
    expect(g.highlighted.total.rank).toBe(1 + members.filter((x) => val(x, 'total') > val(members[0]!, 'total')).length);
  });

  it('group names without a national results file are a usage error (exit 64)', async () => {
    const r = await runMain(['summary', 'data/samples/kyoto-2024/municipality.json', '--peers', 'prefecture']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('--peers prefecture needs a national results file (--nation FILE)');
    const ja = await runMain(['summary', 'data/samples/kyoto-2024/municipality.json', '--peers', 'prefecture'], { env: { KOFUKIN_LANG: 'ja' } });
    expect(ja.stderr).toContain('--peers prefecture には全国の結果ファイル（--nation FILE）が必要です');
    const unknown = await runMain(['summary', 'data/samples/kyoto-2024/municipality.json', '--peers', 'neighbours']);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain('"neighbours" must be prefecture, size, designated, none');
  });

  it('ranks each group once per dataset, whatever the number of reports', () => {
    const ds: NationalDataset = { fiscalYear: 2024, source: 'test', level: 'grants', fictional: true, municipalities: rows.slice(0, 300) };
    const maxima = { suishin: 400, shien: 400 };
    for (const m of ds.municipalities) {
      for (const kind of ['prefecture', 'size'] as const) {
        const g = rankPeerGroup({ kind }, { nation: { data: ds, file: 'x' }, self: { ...m, suishin: m.suishin!, shien: m.shien! }, fiscalYear: 2024, maxima });
        expect(g.highlighted?.code).toBe(m.code);
      }
      deriveStanding(ds, { code: m.code, scores: { suishin: m.suishin!, shien: m.shien!, total: m.total } });
    }
    const prefectures = new Set(ds.municipalities.map((m) => m.code.slice(0, 2))).size;
    const classes = new Set(ds.municipalities.map((m) => sizeClassOf(m.insuredType1))).size;
    expect(cachedGroupCount(ds)).toBe(prefectures + classes);
  });
});
