/**
 * Data transcribed from the seeds, checked against the seeds' own text: the peer table of seed 003
 * 参考資料2 and the national table and top-30 rankings of seed 000.
 */
import { describe, expect, it } from 'vitest';
import { loadJson } from '../../src/load/json.ts';
import { NationalAggregates, PeerGroup } from '../../src/load/schemas/inputs.ts';
import { derivePeerRanks } from '../../src/derive/peers.ts';
import { checkNational, checkPeers } from '../../src/load/rules.ts';
import { rankBy } from '../../src/common/rank.ts';
import { ratePercent } from '../../src/common/rate.ts';
import { dataPath, readSeed, SEED_KYOTO, SEED_NATIONAL } from '../helpers/seeds.ts';

const peersFile = dataPath('peers/designated-cities-fy2024.json');
const nationalFile = dataPath('national/fy2024-summary.json');

describe('seed 003 参考資料2: designated cities', () => {
  const seedRows = () => {
    const text = readSeed(SEED_KYOTO);
    const table = text.slice(text.indexOf('各政令市の得点状況'));
    return [...table.matchAll(/^(\S+市)\t(\d+)点\t(\d+)位\t(\d+)点\t(\d+)位\t(\d+)点\t(\d+)位$/gm)].map((m) => ({
      name: m[1]!,
      nums: m.slice(2).map(Number),
    }));
  };

  it('the data file holds the seed table exactly', () => {
    const peers = loadJson(PeerGroup, peersFile);
    const rows = seedRows();
    expect(rows).toHaveLength(20);
    expect(
      peers.members.map((m) => ({
        name: m.name,
        nums: [m.suishin, m.stated!.suishinRank!, m.shien, m.stated!.shienRank!, m.stated!.total!, m.stated!.totalRank!],
      })),
    ).toEqual(rows);
    expect(checkPeers(peers, peersFile)).toEqual([]);
  });

  it('derived ranks equal all 60 printed ranks, ties included', () => {
    const peers = loadJson(PeerGroup, peersFile);
    const ranks = derivePeerRanks(peers, { suishin: 400, shien: 400 }, '261009');
    const printed = seedRows().map((r) => [r.nums[1], r.nums[3], r.nums[5]]);
    expect(ranks.rows.map((r) => [r.suishin.rank, r.shien.rank, r.total.rank])).toEqual(printed);
    expect(ranks.rows.map((r) => r.total.score)).toEqual(seedRows().map((r) => r.nums[4]));
    expect(ranks.highlighted?.name).toBe('京都市');
    // ties as printed: 仙台市 and 静岡市 share 3rd; さいたま・横浜・神戸 share 10th in 総合
    expect(ranks.rows.filter((r) => r.total.rank === 10).map((r) => r.name)).toEqual(['さいたま市', '横浜市', '神戸市']);
  });
});

describe('seed 000: national table and rankings', () => {
  it('the data file equals the seed table, column by column', () => {
    const national = loadJson(NationalAggregates, nationalFile);
    const text = readSeed(SEED_NATIONAL);
    const row = (label: string) => text.split('\n').find((l) => l.startsWith(label + '\t'))!.split('\t').slice(1);
    expect(national.columns.map((c) => String(c.max))).toEqual(row('配点'));
    expect(national.columns.map((c) => c.mean.toFixed(1))).toEqual(row('平均点'));
    expect(national.columns.map((c) => `${c.rate.toFixed(1)}%`)).toEqual(row('平均得点率'));
    expect(national.columns.map((c) => String(c.median))).toEqual(row('中央値'));
  });

  it("passes the seed's own sums (422.4 = 205.6 + 216.7 within rounding; maxima exactly)", () => {
    const national = loadJson(NationalAggregates, nationalFile);
    expect(checkNational(national, nationalFile)).toEqual([]);
    const col = (k: string) => national.columns.find((c) => c.key === k)!;
    expect(Math.abs(col('all.total').mean - (col('suishin.total').mean + col('shien.total').mean))).toBeLessThanOrEqual(0.15);
    expect(col('all.total').max).toBe(col('suishin.total').max + col('shien.total').max);
    expect(col('all.process').max).toBe(380);
    expect(col('all.activity').max).toBe(220);
  });

  it('a wrong mean is caught by the sum rule', () => {
    const national = loadJson(NationalAggregates, nationalFile);
    const broken = structuredClone(national);
    broken.columns.find((c) => c.key === 'suishin.total')!.mean = 215.6;
    const problems = checkNational(broken, 'broken.json');
    expect(problems.map((p) => p.location.place)).toContain('$.columns[10].mean');
  });

  it('the six top-30 tables: every row as in the seed; ranks and rates re-derive', () => {
    const national = loadJson(NationalAggregates, nationalFile);
    const text = readSeed(SEED_NATIONAL);
    const seedRows = [...text.matchAll(/^(\d+)\t(\S+)\t(\S+)\t([\d,]+)\t(\d+)\t([\d.]+)%$/gm)].map((m) => m.slice(1).join(' '));
    const dataRows = national.rankings.flatMap((t) =>
      t.rows.map((r) => [r.rank, r.prefecture, r.name, r.insuredType1.toLocaleString('en-US'), r.score, r.rate.toFixed(1)].join(' ')),
    );
    expect(seedRows).toHaveLength(180);
    expect(dataRows).toEqual(seedRows);
    for (const t of national.rankings) {
      expect(rankBy(t.rows, (r) => r.score).map((x) => x.rank)).toEqual(t.rows.map((r) => r.rank));
      expect(t.rows.map((r) => ratePercent(r.score, 800))).toEqual(t.rows.map((r) => r.rate));
    }
  });

  it('the published indicator means add up to their group means', () => {
    const national = loadJson(NationalAggregates, nationalFile);
    const m = national.indicatorMeans;
    const sum = (prefix: string) => Object.entries(m).filter(([k]) => k.startsWith(prefix)).reduce((s, [, v]) => s + v, 0);
    const col = (k: string) => national.columns.find((c) => c.key === k)!.mean;
    for (const [prefix, key] of [
      ['suishin.I.i.', 'suishin.I.process'],
      ['suishin.I.ii.', 'suishin.I.activity'],
      ['suishin.III.i.', 'suishin.III.process'],
      ['suishin.III.ii.', 'suishin.III.activity'],
      ['shien.I.i.', 'shien.I.process'],
      ['shien.I.ii.', 'shien.I.activity'],
    ] as const) {
      expect(Math.abs(sum(prefix) - col(key))).toBeLessThanOrEqual(0.05 * 9);
    }
    expect(Object.keys(m)).toHaveLength(28);
  });
});
