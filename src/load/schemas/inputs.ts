/**
 * Schemas of the input files (one per file kind); the TypeScript types are inferred from them.
 * Cross-file rules (catalog coverage, maxima, stated totals) live in src/load/rules.ts.
 */
import { z } from 'zod';
import { schemaMessages } from '../../errors/messages.ts';
import { GrantId } from './catalog.ts';
import { readMunicipalityCode } from '../../common/municipality-code.ts';

const nonEmpty = z.string().min(1);
const fiscalYear = z.number().int().min(2018).max(2100);
/** 全国地方公共団体コード: 6 digits (5 + check digit). */
const localGovCode = z.string().regex(/^\d{6}$/, { error: () => schemaMessages.localGovCode() });
/**
 * The municipality's own code: the one rule of every reader (src/common/municipality-code.ts),
 * here without context, so it must be the 6-digit code with a valid check digit. (Peer-group
 * members keep the 6-digit format only: reference data may use fictional numbering.)
 */
const ownCode = z.string().superRefine((text, ctx) => {
  const r = readMunicipalityCode(text);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.rule });
  else if (r.code !== text) ctx.addIssue({ code: 'custom', message: schemaMessages.writtenAs(r.code) });
});
const points = z.number().int().nonnegative();

/** Identity of a municipality (保険者). */
export const MunicipalityIdentity = z.strictObject({
  code: ownCode,
  name: nonEmpty,
  prefecture: nonEmpty,
  /** 第1号被保険者数 */
  insuredType1: z.number().int().positive(),
  /** Marks made-up data so documents can say so. */
  fictional: z.boolean().default(false),
});
export type MunicipalityIdentity = z.infer<typeof MunicipalityIdentity>;

/** Paths of companion files, relative to the municipality file. */
export const CompanionFiles = z.strictObject({
  national: nonEmpty.optional(),
  peers: nonEmpty.optional(),
  grants: nonEmpty.optional(),
  narrative: nonEmpty.optional(),
});
export type CompanionFiles = z.infer<typeof CompanionFiles>;

/** A municipality's evaluation results for one fiscal year. */
export const MunicipalityResults = z.strictObject({
  $schema: z.string().optional(),
  fiscalYear,
  municipality: MunicipalityIdentity,
  /** Score of every catalog indicator, keyed by indicator id (e.g. "suishin.I.i.1"). */
  scores: z.record(z.string(), points),
  /** Totals as the ministry published them; checked against the derived totals when given. */
  statedTotals: z
    .strictObject({ suishin: points.optional(), shien: points.optional(), total: points.optional() })
    .optional(),
  files: CompanionFiles.default({}),
});
export type MunicipalityResults = z.infer<typeof MunicipalityResults>;

/** Column keys of the national table (seed 000): e.g. "suishin.I.process", "suishin.IV", "suishin.total", "all.activity", "all.total". */
export const NationalColumnKey = z
  .string()
  .regex(
    /^((suishin|shien)\.(I|II|III)\.(process|activity|subtotal)|(suishin|shien)\.(IV|total)|all\.(process|activity|outcome|total))$/,
    { error: () => schemaMessages.nationalColumnKey() },
  );

export const NationalColumn = z.strictObject({
  key: NationalColumnKey,
  /** 配点 */
  max: points,
  /** 平均点 (one decimal, as published) */
  mean: z.number().nonnegative(),
  /** 平均得点率 in percent (one decimal, as published) */
  rate: z.number().min(0).max(100),
  /** 中央値 */
  median: z.number().nonnegative(),
});
export type NationalColumn = z.infer<typeof NationalColumn>;

export const RankedMunicipality = z.strictObject({
  rank: z.number().int().positive(),
  prefecture: nonEmpty,
  name: nonEmpty,
  insuredType1: z.number().int().positive(),
  score: points,
  /** 得点率 in percent as published */
  rate: z.number().min(0).max(100),
});
export type RankedMunicipality = z.infer<typeof RankedMunicipality>;

/** Insured-population classes of seed 000's top-30 tables. */
export const SIZE_CLASSES = ['all', 'over100k', '50kTo100k', '10kTo50k', '3kTo10k', 'under3k'] as const;
export const SizeClass = z.enum(SIZE_CLASSES);
export type SizeClass = z.infer<typeof SizeClass>;

export const NationalAggregates = z.strictObject({
  $schema: z.string().optional(),
  fiscalYear,
  /** Where the figures come from, printed as the source note. */
  source: nonEmpty,
  municipalityCount: z.number().int().positive(),
  columns: z.array(NationalColumn).min(1),
  /** Indicator means where the ministry published them (seed 000 lists some goals). */
  indicatorMeans: z.record(z.string(), z.number().nonnegative()).default({}),
  top: z
    .strictObject({ prefecture: nonEmpty, name: nonEmpty, score: points, rate: z.number() })
    .optional(),
  previousYear: z
    .strictObject({
      fiscalYear,
      mean: z.number().nonnegative(),
      max: points,
      rate: z.number().min(0).max(100),
      top: z.strictObject({ prefecture: nonEmpty, name: nonEmpty, score: points, rate: z.number() }).optional(),
    })
    .optional(),
  rankings: z
    .array(z.strictObject({ sizeClass: SizeClass, label: nonEmpty, rows: z.array(RankedMunicipality).min(1) }))
    .default([]),
});
export type NationalAggregates = z.infer<typeof NationalAggregates>;

export const PeerMember = z.strictObject({
  code: localGovCode,
  name: nonEmpty,
  suishin: points,
  shien: points,
  /** As printed in the source, checked against the derived figures when given. */
  stated: z
    .strictObject({
      total: points.optional(),
      suishinRank: z.number().int().positive().optional(),
      shienRank: z.number().int().positive().optional(),
      totalRank: z.number().int().positive().optional(),
    })
    .optional(),
  /**
   * Optional per-indicator scores of this member (indicator id → score), for the indicator-by-
   * indicator sheet of `kofukin compare`. May be partial (e.g. only the goals the source lists).
   */
  scores: z.record(z.string(), points).optional(),
});
export type PeerMember = z.infer<typeof PeerMember>;

export const PeerGroup = z.strictObject({
  $schema: z.string().optional(),
  fiscalYear,
  /** e.g. "政令指定都市（20市）" */
  name: nonEmpty,
  /** Short name used in sentences, e.g. "政令指定都市" */
  shortName: nonEmpty,
  source: nonEmpty,
  members: z.array(PeerMember).min(2),
});
export type PeerGroup = z.infer<typeof PeerGroup>;

export const GrantYear = z.strictObject({
  fiscalYear,
  /** Amounts received in 千円; null where the grant did not exist yet. */
  received: z.strictObject({ suishin: points.nullable(), shien: points.nullable() }),
  /** National budget in 億円; null where the grant did not exist yet. */
  nationalBudget: z.strictObject({ suishin: points.nullable(), shien: points.nullable() }),
  /** 見込み: the amount is an estimate, not final. */
  estimate: z.boolean().default(false),
  /**
   * Optional: that year's evaluation result per grant (得点 and 満点; null where the grant did not
   * exist), for the trend of score rates (評価結果の推移; the maxima changed in FY2024).
   */
  evaluation: z
    .strictObject({
      suishin: z.strictObject({ score: points, max: z.number().int().positive() }).nullable(),
      shien: z.strictObject({ score: points, max: z.number().int().positive() }).nullable(),
    })
    .optional(),
});
export type GrantYear = z.infer<typeof GrantYear>;

export const GrantHistory = z.strictObject({
  $schema: z.string().optional(),
  years: z.array(GrantYear).min(1),
  notes: z.array(nonEmpty).default([]),
});
export type GrantHistory = z.infer<typeof GrantHistory>;

/** A point in the schedule: year (+ month) or year + a period word like "年内". */
export const ScheduleEntry = z.strictObject({
  year: fiscalYear,
  month: z.number().int().min(1).max(12).optional(),
  period: nonEmpty.optional(),
  text: nonEmpty,
});
export type ScheduleEntry = z.infer<typeof ScheduleEntry>;

export const UnscoredNarrative = z.strictObject({
  indicator: nonEmpty,
  /** Options/sub-items that were missed, e.g. ["ウ④"]; shown in the 内容 column. */
  missedOptions: z.array(nonEmpty).default([]),
  /** Paragraphs of 未得点の理由、今後の対応等. */
  reason: z.array(nonEmpty).default([]),
  /** The same text as another indicator's ("※推進交付金の「目標Ⅳ－5」と同様"). */
  sameAs: nonEmpty.optional(),
});
export type UnscoredNarrative = z.infer<typeof UnscoredNarrative>;

/** Header fields of a narrative that can be marked illustrative, in the order the note lists them. */
export const ILLUSTRATIVE_FIELDS = ['documentNumber', 'department', 'date', 'committee'] as const;

export const Narrative = z.strictObject({
  $schema: z.string().optional(),
  report: z.strictObject({
    title: nonEmpty,
    /** 資料番号, e.g. "資料3" */
    documentNumber: nonEmpty.optional(),
    department: nonEmpty,
    /** ISO date of the meeting / document. */
    date: z.iso.date(),
    committee: nonEmpty.optional(),
    /**
     * Header fields that are examples, not a real document's (the bundled sample): the printed
     * report then says so under the header (「※資料番号・担当課・日付・委員会名は記入例です」).
     */
    illustrative: z.array(z.enum(ILLUSTRATIVE_FIELDS)).optional(),
  }),
  unscored: z.array(UnscoredNarrative).default([]),
  schedule: z.array(ScheduleEntry).default([]),
});
export type Narrative = z.infer<typeof Narrative>;

export type { GrantId };
