/**
 * The national results file: one row per municipality with its identity, its 第1号被保険者数 and
 * either every indicator score (columns named by indicator id, e.g. `suishin.I.i.1`) or the grant
 * totals (`suishin`, `shien`, optionally `total`) or at least the overall `total`.
 *
 * Columns (header row; Japanese aliases accepted, see COLUMN_ALIASES):
 *
 * | column          | required | content |
 * |-----------------|----------|---------|
 * | `code`          | yes      | 全国地方公共団体コード, 6 digits with check digit (5 digits: the check digit is added) |
 * | `prefecture`    | yes      | 都道府県名; must be the prefecture of the code's first two digits |
 * | `name`          | yes      | 市区町村名 |
 * | `insuredType1`  | yes      | 第1号被保険者数 (positive whole number; "30,475" accepted) |
 * | `suishin.I.i.1` … `shien.IV.5` | all or none | every catalog indicator's score |
 * | `suishin`, `shien` | when there are no indicator columns (both, or neither with `total`) | grant totals |
 * | `total`         | optional | 総合 (推進 + 支援); required when neither indicators nor grant totals are given |
 * | `fictional`     | optional | `true` / `1` / `はい` marks made-up rows (e.g. `kofukin synth`) |
 *
 * Totals given beside indicator scores (or `total` beside grant totals) must equal their sums.
 */
import { z } from 'zod';
import { schemaMessages } from '../../errors/messages.ts';

/** What a file holds: every indicator score, the two grant totals, or only the overall total. */
export type NationalLevel = 'indicators' | 'grants' | 'total';

const nonEmpty = z.string().trim().min(1, { error: () => schemaMessages.notEmpty() });
const points = z.number().int({ error: () => schemaMessages.wholeNumber() }).nonnegative({ error: () => schemaMessages.notNegative() });

/** One row of a national results file, after its cells were read (numbers parsed, text trimmed). */
export const NationalRow = z.strictObject({
  code: z.string().regex(/^\d{6}$/, { error: () => schemaMessages.nationalCode() }),
  prefecture: nonEmpty,
  name: nonEmpty,
  /** 第1号被保険者数 */
  insuredType1: z.number().int({ error: () => schemaMessages.wholeNumber() }).positive({ error: () => schemaMessages.positive() }),
  /** Indicator id → score, when the file has indicator columns. */
  scores: z.record(z.string(), points).optional(),
  suishin: points.optional(),
  shien: points.optional(),
  total: points.optional(),
  fictional: z.boolean().default(false),
});
export type NationalRow = z.infer<typeof NationalRow>;

/** A municipality of a national dataset: totals always filled in (derived from the scores when given). */
export interface NationalMunicipality {
  code: string;
  prefecture: string;
  name: string;
  insuredType1: number;
  fictional: boolean;
  /** Every catalog indicator's score (level "indicators" only). */
  scores?: Readonly<Record<string, number>>;
  /** Grant totals (levels "indicators" and "grants"). */
  suishin?: number;
  shien?: number;
  total: number;
}

/** The whole national results file, validated. */
export interface NationalDataset {
  fiscalYear: number;
  /** Where the figures come from (printed as the source note). */
  source: string;
  level: NationalLevel;
  /** True when any row is marked fictional: documents must say the figures are made up. */
  fictional: boolean;
  municipalities: NationalMunicipality[];
}

/** The fixed (non-indicator) fields of a row, in file order. */
export const BASE_FIELDS = ['code', 'prefecture', 'name', 'insuredType1'] as const;
export const TOTAL_FIELDS = ['suishin', 'shien', 'total'] as const;
export type BaseField = (typeof BASE_FIELDS)[number];
export type TotalField = (typeof TOTAL_FIELDS)[number];
export type FixedField = BaseField | TotalField | 'fictional';

/** Header names accepted for the fixed fields besides the field names themselves. */
export const COLUMN_ALIASES: Readonly<Record<FixedField, readonly string[]>> = {
  code: ['団体コード', 'コード', '市町村コード', '全国地方公共団体コード'],
  prefecture: ['都道府県', '都道府県名'],
  name: ['市区町村', '市町村', '市区町村名', '市町村名', '保険者名'],
  insuredType1: ['第1号被保険者数', '第１号被保険者数'],
  suishin: ['推進', '推進交付金', '推進交付金合計'],
  shien: ['支援', '支援交付金', '努力支援交付金合計'],
  total: ['合計', '総合', '総合得点'],
  fictional: ['架空'],
};

/** The fixed field a header names, if any. */
export function fixedFieldOf(header: string): FixedField | undefined {
  const h = header.normalize('NFKC').trim();
  for (const [field, aliases] of Object.entries(COLUMN_ALIASES) as Array<[FixedField, readonly string[]]>) {
    if (h === field || aliases.some((a) => a.normalize('NFKC') === h)) return field;
  }
  return undefined;
}
