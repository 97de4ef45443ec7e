/**
 * The FY2024 indicator catalog (data/catalog/fy2024.json) checked against the figures printed in
 * seed 003: counts, ids, 配点 per group/goal/grant, 項目数, and clean text.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/errors.ts';
import { messages } from '../../src/errors/messages.ts';
import { catalogPath, loadCatalog, loadCatalogFile, validateCatalog } from '../../src/load/catalog.ts';
import { loadJson } from '../../src/load/json.ts';
import { Catalog, type Indicator } from '../../src/load/schemas/catalog.ts';

const file = catalogPath(2024);
const catalog = loadJson(Catalog, file);

const grant = (id: 'suishin' | 'shien') => {
  const g = catalog.grants.find((x) => x.id === id);
  if (!g) throw new Error(`no grant ${id}`);
  return g;
};
const indicatorsOf = (id: 'suishin' | 'shien'): Indicator[] =>
  grant(id).goals.flatMap((goal) => goal.groups.flatMap((group) => group.indicators));
const allIndicators = catalog.grants.flatMap((g) => indicatorsOf(g.id));
const byId = new Map(allIndicators.map((ind) => [ind.id, ind]));
const indicator = (id: string): Indicator => {
  const ind = byId.get(id);
  if (!ind) throw new Error(`no indicator ${id}`);
  return ind;
};
const total = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('FY2024 catalog: identity', () => {
  it('is the 令和6年度 framework with two grants of 400 points in order 推進, 支援', () => {
    expect(catalog.fiscalYear).toBe(2024);
    expect(catalog.title).toBe('令和6年度保険者機能強化推進交付金及び介護保険保険者努力支援交付金に係る評価指標（市町村分）');
    expect(catalog.notes).toHaveLength(2);
    expect(catalog.notes[0]).toContain('400点満点');
    expect(catalog.grants.map((g) => [g.id, g.name, g.shortName, g.abbr, g.maxPoints])).toEqual([
      ['suishin', '保険者機能強化推進交付金', '推進交付金', '推進', 400],
      ['shien', '介護保険保険者努力支援交付金', '支援交付金', '支援', 400],
    ]);
    expect(grant('suishin').overview).toHaveLength(2);
    expect(grant('shien').overview).toHaveLength(1);
  });

  it('has goals Ⅰ–Ⅳ of 100 points each with the 参考資料1 titles', () => {
    for (const g of catalog.grants) {
      expect(g.goals.map((goal) => [goal.id, goal.numeral, goal.maxPoints])).toEqual([
        ['I', 'Ⅰ', 100],
        ['II', 'Ⅱ', 100],
        ['III', 'Ⅲ', 100],
        ['IV', 'Ⅳ', 100],
      ]);
    }
    expect(grant('suishin').goals[0]?.title).toBe('持続可能な地域のあるべき姿をかたちにする');
    expect(grant('shien').goals[0]?.title).toBe('介護予防/日常生活支援を推進する');
  });
});

describe('FY2024 catalog: indicators and ids', () => {
  it('has 53 indicators: 21 推進 and 32 支援', () => {
    expect(allIndicators).toHaveLength(53);
    expect(indicatorsOf('suishin')).toHaveLength(21);
    expect(indicatorsOf('shien')).toHaveLength(32);
  });

  it('has unique ids that match each indicator position', () => {
    expect(new Set(allIndicators.map((i) => i.id)).size).toBe(53);
    for (const g of catalog.grants) {
      for (const goal of g.goals) {
        goal.groups.forEach((group, pi) => {
          group.indicators.forEach((ind, ii) => {
            const expected =
              goal.id === 'IV' ? `${g.id}.IV.${ii + 1}` : `${g.id}.${goal.id}.${pi === 0 ? 'i' : 'ii'}.${ii + 1}`;
            expect(ind.id).toBe(expected);
            expect(ind.no).toBe(ii + 1);
          });
        });
      }
    }
    expect(byId.has('suishin.I.i.1')).toBe(true);
    expect(byId.has('shien.II.ii.3')).toBe(true);
    expect(byId.has('shien.IV.5')).toBe(true);
  });

  it('has process/activity groups for goals Ⅰ–Ⅲ and one outcome group for Ⅳ', () => {
    for (const g of catalog.grants) {
      for (const goal of g.goals) {
        const shape = goal.groups.map((group) => [group.kind, group.label]);
        if (goal.id === 'IV') expect(shape).toEqual([['outcome', '']]);
        else expect(shape).toEqual([['process', '(i)'], ['activity', '(ii)']]);
      }
    }
  });

  it('marks process indicators self-reported and activity/outcome indicators ministry-computed', () => {
    for (const g of catalog.grants) {
      for (const goal of g.goals) {
        for (const group of goal.groups) {
          for (const ind of group.indicators) {
            expect(ind.source, ind.id).toBe(group.kind === 'process' ? 'self' : 'ministry');
          }
        }
      }
    }
  });

  it('gives every indicator at least two options, each with non-empty text', () => {
    for (const ind of allIndicators) {
      expect(ind.options.length, ind.id).toBeGreaterThanOrEqual(2);
      const keys = ind.options.map((o) => o.key);
      expect(keys, ind.id).toEqual(['ア', 'イ', 'ウ', 'エ', 'オ'].slice(0, keys.length));
    }
  });
});

describe('FY2024 catalog: points as printed in seed 003', () => {
  const groupMax = (id: 'suishin' | 'shien') =>
    grant(id).goals.map((goal) => goal.groups.map((group) => group.maxPoints));

  it('has the seed group maxima', () => {
    expect(groupMax('suishin')).toEqual([[64, 36], [68, 32], [64, 36], [100]]);
    expect(groupMax('shien')).toEqual([[52, 48], [64, 36], [68, 32], [100]]);
  });

  it('adds indicator maxima to each group, groups to 100 per goal and goals to 400 per grant', () => {
    for (const g of catalog.grants) {
      for (const goal of g.goals) {
        for (const group of goal.groups) {
          expect(total(group.indicators.map((i) => i.maxPoints)), `${g.id}.${goal.id} ${group.kind}`).toBe(group.maxPoints);
        }
        expect(total(goal.groups.map((group) => group.maxPoints))).toBe(100);
      }
      expect(total(g.goals.map((goal) => goal.maxPoints))).toBe(400);
    }
  });

  it('has the seed 項目数 totals (119 推進, 177 支援) and spot values', () => {
    expect(total(indicatorsOf('suishin').map((i) => i.itemCount))).toBe(119);
    expect(total(indicatorsOf('shien').map((i) => i.itemCount))).toBe(177);
    expect(indicator('suishin.I.i.3').itemCount).toBe(16);
    expect(indicator('suishin.II.i.2').itemCount).toBe(9);
    expect(indicator('shien.I.ii.9').itemCount).toBe(13);
    expect(indicator('shien.I.ii.2').itemCount).toBe(12);
  });

  it('has the seed per-indicator 満点 and 項目数 rows', () => {
    const row = (id: 'suishin' | 'shien', key: 'maxPoints' | 'itemCount') => indicatorsOf(id).map((i) => i[key]);
    // seed 003 §3 (1): 目標Ⅰ(i)(ii) Ⅱ(i)(ii) Ⅲ(i)(ii) Ⅳ
    expect(row('suishin', 'itemCount')).toEqual([4, 4, 16, 4, 4, 4, 4, 4, 9, 4, 4, 5, 9, 4, 4, 4, 8, 4, 8, 4, 8]);
    expect(row('suishin', 'maxPoints')).toEqual([16, 16, 16, 16, 12, 12, 12, 32, 36, 16, 16, 30, 34, 12, 12, 12, 20, 20, 20, 20, 20]);
    // seed 003 §3 (2)
    expect(row('shien', 'itemCount')).toEqual([
      4, 7, 4, 4, 4, 5, 4, 4, 12, 4, 8, 4, 4, 4, 4, 13, 4, 4, 5, 4, 4, 4, 5, 6, 4, 8, 8, 8, 4, 8, 4, 8,
    ]);
    expect(row('shien', 'maxPoints')).toEqual([
      6, 9, 7, 7, 7, 9, 7, 4, 12, 4, 8, 4, 4, 4, 4, 4, 20, 19, 25, 12, 12, 12, 26, 21, 21, 16, 16, 20, 20, 20, 20, 20,
    ]);
  });

  it('states each indicator maximum in its 配点 text', () => {
    for (const ind of allIndicators) {
      expect(ind.scoringText, ind.id).toMatch(new RegExp(`（最大${ind.maxPoints}点）$`));
    }
  });
});

describe('FY2024 catalog: text', () => {
  const texts = (ind: Indicator): string[] => [
    ind.shortTitle,
    ind.question,
    ind.scoringText,
    ind.period,
    ...ind.options.flatMap((o) => [o.text, ...o.subItems.map((s) => s.text)]),
  ];
  const everything = [catalog.title, ...catalog.notes, ...catalog.grants.flatMap((g) => [...g.overview, ...g.goals.map((goal) => goal.title)]), ...allIndicators.flatMap(texts)];

  it('has the quoted example texts', () => {
    expect(indicator('suishin.I.i.1').shortTitle).toBe('地域の介護保険事業の特徴の把握');
    expect(indicator('suishin.I.i.1').question).toBe('地域の介護保険事業の特徴を把握しているか。');
    expect(indicator('suishin.I.i.1').scoringText).toBe('ア～エ 各4点（最大16点）');
    expect(indicator('suishin.I.ii.1').question).toBe('今年度の評価得点');
    expect(indicator('suishin.I.ii.1').scoringText).toBe('ア～エ 各3点　エに該当すればア～ウも得点（最大12点）');
    expect(indicator('suishin.I.ii.1').options.map((o) => o.text)).toEqual(['上位7割', '上位5割', '上位3割', '上位1割']);
    expect(indicator('suishin.I.ii.3').shortTitle).toBe('PFS委託事業者数');
    expect(indicator('shien.IV.1').question).toBe(
      '軽度【要介護１・２】（平均要介護度の変化Ⅰ）短期的な要介護認定者の平均要介護度の変化率の状況はどのようになっているか。',
    );
    expect(indicator('shien.IV.1').options[0]?.subItems.map((s) => `${s.key}${s.text}`)).toEqual([
      '①全保険者の上位7割',
      '②全保険者の上位5割',
      '③全保険者の上位3割',
      '④全保険者の上位1割',
    ]);
    expect(indicator('suishin.IV.1').period).toBe(
      '（ア）2022年1月→2023年1月の変化率　（イ）2022年1月→2023年1月と、2021年1月→2022年1月の変化率の差',
    );
  });

  it('contains no PDF-extraction noise', () => {
    for (const t of everything) {
      expect(t).not.toContain('工に該当');
      expect(t).not.toMatch(/\d [\u3040-\u30ff\u4e00-\u9fff]/); // 「7 割」「2023 年度」「4 点」
      expect(t).not.toMatch(/[\u3040-\u309f\u4e00-\u9fff] \d/); // 「上位 7」「各 4」
      expect(t).not.toMatch(/<\/?[a-z]+[^>]*>/i); // stray HTML
      expect(t).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff][()]|[()][\u3040-\u30ff\u4e00-\u9fff]/); // half-width （）
      expect(t).toBe(t.trim());
    }
  });
});

describe('catalog loader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kofukin-catalog-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const rawCopy = () => JSON.parse(readFileSync(file, 'utf8')) as Catalog;
  const write = (name: string, data: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(data, null, 2));
    return path;
  };

  it('resolves data/catalog/fy<year>.json under the package root', () => {
    expect(catalogPath(2024)).toMatch(/[\\/]data[\\/]catalog[\\/]fy2024\.json$/);
  });

  it('loads the FY2024 catalog and finds it consistent', () => {
    const loaded = loadCatalog(2024);
    expect(loaded).toEqual(catalog);
    expect(validateCatalog(loaded, file)).toEqual([]);
  });

  it('rejects a fiscal year without a catalog', () => {
    expect(() => loadCatalog(1999)).toThrow(InputError);
    expect(() => loadCatalog(1999)).toThrow(messages.noCatalog(1999));
  });

  it('rejects a copy whose indicator maximum no longer adds up, naming the file and the indicator', () => {
    const broken = rawCopy();
    const ind = broken.grants[0]!.goals[0]!.groups[0]!.indicators[2]!;
    expect(ind.id).toBe('suishin.I.i.3');
    ind.maxPoints = 17;
    const path = write('max.json', broken);
    let error: unknown;
    try {
      loadCatalogFile(path);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    const e = error as InputError;
    expect(e.file).toBe(path);
    expect(e.message).toContain(path);
    expect(e.message).toContain('suishin.I.i.3: 17');
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]?.location.place).toBe('$.grants[0].goals[0].groups[0].maxPoints');
    expect(e.problems[0]?.rule).toContain('states 64 points but its parts add up to 65');
  });

  it('reports every inconsistency at once: swapped ids and a wrong goal and grant maximum', () => {
    const broken = rawCopy();
    const inds = broken.grants[1]!.goals[1]!.groups[1]!.indicators;
    [inds[0], inds[1]] = [inds[1]!, inds[0]!];
    broken.grants[1]!.goals[3]!.maxPoints = 90;
    const problems = validateCatalog(broken, 'broken.json');
    expect(problems.map((p) => p.rule)).toEqual([
      messages.catalogIdMismatch('shien.II.ii.2', 'shien.II.ii.1'),
      messages.catalogIdMismatch('shien.II.ii.1', 'shien.II.ii.2'),
      messages.catalogMaxMismatch('goal "shien.IV"', 90, 100),
      messages.catalogMaxMismatch('grant "shien"', 400, 390),
    ]);
    expect(problems.every((p) => p.location.file === 'broken.json')).toBe(true);
    expect(() => loadCatalogFile(write('ids.json', broken))).toThrow(/4 problems in input/);
  });

  it('rejects a schema violation with its JSON path', () => {
    const broken = rawCopy() as unknown as { grants: { goals: { groups: { indicators: { itemCount: unknown }[] }[] }[] }[] };
    broken.grants[0]!.goals[0]!.groups[0]!.indicators[0]!.itemCount = 0;
    const path = write('schema.json', broken);
    expect(() => loadCatalogFile(path)).toThrow('$.grants[0].goals[0].groups[0].indicators[0].itemCount');
  });
});
