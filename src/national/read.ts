/**
 * Reading a national results file (CSV or XLSX; format in schema.ts) into a validated
 * NationalDataset. Every problem is located — `line 5, column 7 (suishin.I.i.3)` in a CSV file,
 * `市町村別得点!G5` in a workbook — and all problems are collected before one InputError is
 * thrown: unknown or repeated columns, missing values, values that are not whole numbers, scores
 * above their maximum or not producible by their 配点 rule, repeated codes, a prefecture that does
 * not match its code, and stated totals that differ from the indicator sums.
 */
import { basename } from 'node:path';
import { ProblemCollector } from '../errors/errors.ts';
import { inputMessages, messages, nationalReaderMessages, termMessages } from '../errors/messages.ts';
import type { Catalog, GrantId } from '../load/schemas/catalog.ts';
import type { RulesFile } from '../scoring/rules.ts';
import { achievableScores } from '../scoring/engine.ts';
import { prefectureByName, prefectureOfMunicipality } from '../common/prefectures.ts';
import { readMunicipalityCode } from '../common/municipality-code.ts';
import { cellErrorRule, cellMunicipalityCode, cellNumber, cellText, yesNo, type RawCell } from '../input/cells.ts';
import { csvTable, readUserTable, type RawTable } from '../input/table.ts';
import {
  BASE_FIELDS,
  NationalRow,
  fixedFieldOf,
  type FixedField,
  type NationalDataset,
  type NationalLevel,
  type NationalMunicipality,
} from '../load/schemas/national.ts';

export const nationalMessages = {
  ...nationalReaderMessages,
  noRows: inputMessages.tableNoRows,
  emptyHeader: inputMessages.emptyHeader,
  duplicateColumn: inputMessages.duplicateColumn,
  fieldCount: inputMessages.fieldCount,
  missingValue: inputMessages.missingValue,
  notBoolean: inputMessages.notBoolean,
  duplicateCode: inputMessages.duplicateCode,
};

export interface ReadNationalOptions {
  catalog: Catalog;
  /** Scoring rules of the year: when given, every indicator score must be producible by its rule. */
  rules?: RulesFile | null;
  /** Source note of the dataset; default names the file. */
  source?: string;
}

// ---------------------------------------------------------------------------------------------
// Validation of a raw table

interface IndicatorInfo {
  id: string;
  grant: GrantId;
  max: number;
}

function catalogIndicators(catalog: Catalog): IndicatorInfo[] {
  return catalog.grants.flatMap((g) => g.goals.flatMap((goal) => goal.groups.flatMap((grp) => grp.indicators.map((ind) => ({ id: ind.id, grant: g.id, max: ind.maxPoints })))));
}


/** Validates a raw table against the catalog (and rules); throws one InputError with every problem. */
export function validateNationalTable(table: RawTable, file: string, options: ReadNationalOptions): NationalDataset {
  const { catalog } = options;
  const c = new ProblemCollector(file);
  const indicators = catalogIndicators(catalog);
  const indicatorById = new Map(indicators.map((i) => [i.id, i]));
  const achievable = new Map<string, Set<number>>();
  if (options.rules)
    for (const ind of indicators) {
      const r = options.rules.rules[ind.id];
      if (r) achievable.set(ind.id, new Set(achievableScores(r.rule)));
    }
  const scoringText = new Map<string, string>();
  for (const g of catalog.grants) for (const goal of g.goals) for (const grp of goal.groups) for (const ind of grp.indicators) scoringText.set(ind.id, ind.scoringText);
  const grantMax = Object.fromEntries(catalog.grants.map((g) => [g.id, g.maxPoints])) as Record<GrantId, number>;
  const totalMax = grantMax.suishin + grantMax.shien;

  // --- header
  const fixedColumn = new Map<FixedField, number>();
  const indicatorColumn = new Map<string, number>();
  const firstPlace = new Map<string, string>();
  table.header.forEach((cell, i) => {
    const text = cellText(cell.value);
    if (text === undefined) {
      if (table.rows.some((r) => (r.cells[i]?.value.kind ?? 'empty') !== 'empty')) c.add(cell.place, nationalMessages.emptyHeader());
      return;
    }
    const fixed = fixedFieldOf(text);
    const key = fixed ?? text.normalize('NFKC').trim();
    if (!fixed && !indicatorById.has(key)) {
      c.add(cell.place, nationalMessages.unknownColumn(text));
      return;
    }
    const first = firstPlace.get(key);
    if (first) {
      c.add(cell.place, nationalMessages.duplicateColumn(key, first));
      return;
    }
    firstPlace.set(key, cell.place);
    if (fixed) fixedColumn.set(fixed, i + 1);
    else indicatorColumn.set(key, i + 1);
  });
  for (const f of BASE_FIELDS) if (!fixedColumn.has(f)) c.add(table.headerPlace, nationalMessages.missingColumn(f));

  let level: NationalLevel | undefined;
  if (indicatorColumn.size > 0) {
    const missing = indicators.filter((i) => !indicatorColumn.has(i.id)).map((i) => i.id);
    if (missing.length > 0) c.add(table.headerPlace, nationalMessages.missingIndicatorColumns(missing, missing.length));
    else level = 'indicators';
  } else if (fixedColumn.has('suishin') || fixedColumn.has('shien')) {
    if (!fixedColumn.has('shien')) c.add(table.headerPlace, nationalMessages.halfGrantTotals('suishin', 'shien'));
    else if (!fixedColumn.has('suishin')) c.add(table.headerPlace, nationalMessages.halfGrantTotals('shien', 'suishin'));
    else level = 'grants';
  } else if (fixedColumn.has('total')) level = 'total';
  else c.add(table.headerPlace, nationalMessages.noScoreColumns());
  if (table.rows.length === 0) c.add(table.headerPlace, nationalMessages.noRows());
  c.throwIfAny(); // without a usable header, row problems would only repeat it

  // --- rows
  const headerWidth = table.header.length;
  const municipalities: NationalMunicipality[] = [];
  const codeFirst = new Map<string, string>();
  let fictional = false;

  for (const row of table.rows) {
    if (table.format === 'csv' && row.fieldCount !== undefined && row.fieldCount !== headerWidth) c.add(row.place, nationalMessages.fieldCount(row.fieldCount, headerWidth));
    const cell = (col: number | undefined): RawCell => {
      if (col === undefined) return { value: { kind: 'empty' }, place: row.place };
      return row.cells[col - 1] ?? { value: { kind: 'empty' }, place: table.cellPlace(row, col) };
    };
    /** Field → place, to locate schema issues; fields with a problem already are skipped there. */
    const places = new Map<string, string>();
    const failed = new Set<string>();

    const text = (field: FixedField, what: string): string | undefined => {
      const cl = cell(fixedColumn.get(field));
      places.set(field, cl.place);
      if (cl.value.kind === 'error') {
        c.add(cl.place, cellErrorRule(cl.value));
        failed.add(field);
        return undefined;
      }
      const t = cellText(cl.value);
      if (t === undefined) {
        c.add(cl.place, nationalMessages.missingValue(what));
        failed.add(field);
      }
      return t;
    };
    const whole = (key: string, col: number | undefined, what: string): number | undefined => {
      const cl = cell(col);
      places.set(key, cl.place);
      const n = cellNumber(cl.value, (t) => nationalMessages.notANumber(t, what));
      if (n.kind === 'number') return n.value; // integer / sign checks are the schema's
      c.add(cl.place, n.kind === 'empty' ? nationalMessages.missingValue(what) : n.rule);
      failed.add(key);
      return undefined;
    };

    // identity
    const prefecture = text('prefecture', termMessages.prefectureField());
    const name = text('name', termMessages.nameField());
    const codeCell = cell(fixedColumn.get('code'));
    places.set('code', codeCell.place);
    let code: string | undefined;
    {
      const r = cellMunicipalityCode(codeCell.value, prefecture !== undefined ? { prefecture } : {});
      if ('rule' in r) c.add(codeCell.place, r.rule);
      else code = r.code;
      if (code === undefined) failed.add('code');
    }
    const insured = whole('insuredType1', fixedColumn.get('insuredType1'), termMessages.insuredField());

    // scores and totals
    let scores: Record<string, number> | undefined;
    if (level === 'indicators') {
      scores = {};
      for (const ind of indicators) {
        const n = whole(`scores.${ind.id}`, indicatorColumn.get(ind.id), termMessages.scoreOf(ind.id));
        if (n !== undefined) scores[ind.id] = n;
      }
    }
    const totals: Partial<Record<'suishin' | 'shien' | 'total', number>> = {};
    for (const f of ['suishin', 'shien', 'total'] as const) {
      const col = fixedColumn.get(f);
      if (col === undefined) continue;
      const cl = cell(col);
      if (cl.value.kind === 'empty' && level === 'indicators') continue; // totals are optional beside indicators
      if (cl.value.kind === 'empty' && level === 'grants' && f === 'total') continue;
      const n = whole(f, col, termMessages.grantScore(f));
      if (n !== undefined) totals[f] = n;
    }

    let isFictional = false;
    const fcol = fixedColumn.get('fictional');
    if (fcol !== undefined) {
      const cl = cell(fcol);
      const yes = yesNo(cl.value);
      if (yes === undefined) c.add(cl.place, nationalMessages.notBoolean(cellText(cl.value) ?? ''));
      else isFictional = yes;
    }

    const candidate = {
      code: code ?? '000000',
      prefecture: prefecture ?? '-',
      name: name ?? '-',
      insuredType1: insured ?? 1,
      ...(scores ? { scores } : {}),
      ...totals,
      fictional: isFictional,
    };
    const parsed = NationalRow.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path.map(String).join('.');
        if (failed.has(key)) continue;
        c.add(places.get(key) ?? places.get(String(issue.path[0])) ?? row.place, termMessages.fieldIssue(key === '' ? termMessages.theRow() : labelOf(key), issue.message));
        failed.add(key);
      }
    }
    const ok = (key: string) => !failed.has(key);

    // rules beyond the schema
    if (code !== undefined && ok('code')) {
      const pref = prefectureOfMunicipality(code);
      if (!pref) c.add(codeCell.place, nationalMessages.codeOutsidePrefectures(code));
      else if (prefecture !== undefined && ok('prefecture')) {
        const named = prefectureByName(prefecture.normalize('NFKC').trim());
        if (!named) c.add(places.get('prefecture'), nationalMessages.unknownPrefecture(prefecture));
        else if (named.code !== pref.code) c.add(places.get('prefecture'), nationalMessages.prefectureMismatch(prefecture, code, pref.name));
      }
      const first = codeFirst.get(code);
      if (first) c.add(codeCell.place, nationalMessages.duplicateCode(code, first));
      else codeFirst.set(code, codeCell.place);
    } else if (prefecture !== undefined && ok('prefecture') && !prefectureByName(prefecture.normalize('NFKC').trim())) {
      c.add(places.get('prefecture'), nationalMessages.unknownPrefecture(prefecture));
    }

    const sums = { suishin: 0, shien: 0 };
    let sumsComplete = true;
    if (scores) {
      for (const ind of indicators) {
        const key = `scores.${ind.id}`;
        const s = scores[ind.id];
        if (s === undefined || !ok(key)) {
          sumsComplete = false;
          continue;
        }
        if (s > ind.max) {
          c.add(places.get(key), messages.scoreAboveMax(ind.id, s, ind.max));
          sumsComplete = false;
          continue;
        }
        const set = achievable.get(ind.id);
        if (set && !set.has(s)) c.add(places.get(key), messages.scoreNotAchievable(ind.id, s, scoringText.get(ind.id) ?? '', [...set].sort((a, b) => a - b)));
        sums[ind.grant] += s;
      }
    }
    for (const g of ['suishin', 'shien'] as const) {
      const v = totals[g];
      if (v !== undefined && ok(g) && v > grantMax[g]) c.add(places.get(g), messages.scoreAboveMax(g, v, grantMax[g]));
    }
    if (totals.total !== undefined && ok('total') && totals.total > totalMax) c.add(places.get('total'), messages.scoreAboveMax('total', totals.total, totalMax));
    if (scores && sumsComplete) {
      for (const g of ['suishin', 'shien'] as const) {
        const v = totals[g];
        if (v !== undefined && ok(g) && v !== sums[g]) c.add(places.get(g), messages.totalMismatch(termMessages.grantTotal(g), v, sums[g]));
      }
    }
    const grantSum =
      scores && sumsComplete
        ? sums.suishin + sums.shien
        : level === 'grants' && totals.suishin !== undefined && totals.shien !== undefined && ok('suishin') && ok('shien')
          ? totals.suishin + totals.shien
          : undefined;
    if (grantSum !== undefined && totals.total !== undefined && ok('total') && totals.total !== grantSum)
      c.add(places.get('total'), messages.totalMismatch(termMessages.total(), totals.total, grantSum));

    if (isFictional) fictional = true;
    if (parsed.success && code !== undefined && prefecture !== undefined && name !== undefined && insured !== undefined) {
      const m: NationalMunicipality = {
        code,
        prefecture: prefecture.normalize('NFKC').trim(),
        name,
        insuredType1: insured,
        fictional: isFictional,
        total: 0,
      };
      if (level === 'indicators' && scores) {
        m.scores = scores;
        m.suishin = sums.suishin;
        m.shien = sums.shien;
        m.total = sums.suishin + sums.shien;
      } else if (level === 'grants') {
        m.suishin = totals.suishin ?? 0;
        m.shien = totals.shien ?? 0;
        m.total = m.suishin + m.shien;
      } else m.total = totals.total ?? 0;
      municipalities.push(m);
    }
  }
  c.throwIfAny();
  return {
    fiscalYear: catalog.fiscalYear,
    source: options.source ?? `全国評価結果ファイル ${basename(file)}`,
    level: level!,
    fictional,
    municipalities,
  };
}

function labelOf(key: string): string {
  if (key.startsWith('scores.')) return termMessages.scoreOf(key.slice(7));
  return key;
}

// ---------------------------------------------------------------------------------------------
// Files

/** Reads a CSV or XLSX national results file (by extension; other names are sniffed). */
export async function readNationalFile(file: string, options: ReadNationalOptions): Promise<NationalDataset> {
  return validateNationalTable(await readUserTable(file), file, options);
}

/** Parses CSV text directly (tests, stdin). */
export function readNationalCsvText(text: string, file: string, options: ReadNationalOptions): NationalDataset {
  return validateNationalTable(csvTable(text, file), file, options);
}
