/**
 * Messages of peer groups and standing (`--peers prefecture,size,designated,FILE`, the national
 * results file as the source of scores), in Japanese and English.
 */
import { bilingual } from './language.ts';

export const peersMessages = bilingual({
  memberNotInNation: {
    ja: (code: string, nationFile: string) => `比較グループの団体コード ${code} が全国の結果ファイル ${nationFile} にありません（コードを確認するか、得点の列 suishin・shien を加えてください）`,
    en: (code: string, nationFile: string) =>
      `peer group member ${code} is not in the national results file ${nationFile} (check the code, or give its scores in columns suishin and shien)`,
  },
  memberWithoutScores: {
    ja: (code: string) => `比較グループの団体コード ${code} に得点がありません（列 suishin・shien に得点を入れるか、--nation で全国の結果ファイルを指定してください）`,
    en: (code: string) => `peer group member ${code} has no scores (give them in columns suishin and shien, or a national results file with --nation)`,
  },
  groupNeedsNation: {
    ja: (name: string) => `--peers ${name} には全国の結果ファイル（--nation FILE）が必要です`,
    en: (name: string) => `--peers ${name} needs a national results file (--nation FILE)`,
  },
  unknownPeerSpec: {
    ja: (text: string) =>
      `--peers の「${text}」は、prefecture・size・designated・none のいずれか、または比較グループのファイル（.json、コードの .csv/.xlsx）でなければなりません`,
    en: (text: string) => `--peers "${text}" must be prefecture, size, designated, none, or a peer group file (.json, or .csv/.xlsx of codes)`,
  },
  listNoCodeColumn: {
    ja: () => `団体コードの列（code または 団体コード）がありません`,
    en: () => `no code column (code or 団体コード)`,
  },
  listUnknownColumn: {
    ja: (header: string) => `不明な列「${header}」：比較グループのファイルの列は code（団体コード）、name（市区町村）、suishin（推進）、shien（支援）です`,
    en: (header: string) => `unknown column "${header}": a peer list has the columns code (団体コード), name (市区町村), suishin (推進) and shien (支援)`,
  },
  listScoresIncomplete: {
    ja: () => `推進と支援の得点は両方とも入れるか、両方とも空欄にしてください`,
    en: () => `give both the suishin and the shien score, or neither`,
  },
  listNotANumber: {
    ja: (text: string) => `「${text}」は0以上の整数の得点ではありません`,
    en: (text: string) => `"${text}" is not a score (a whole number, 0 or more)`,
  },
  listDuplicate: {
    ja: (code: string) => `団体コード ${code} が2回以上あります`,
    en: (code: string) => `code ${code} appears more than once`,
  },
  listEmpty: {
    ja: () => `比較グループのファイルに団体コードが1つもありません`,
    en: () => `the peer list has no codes`,
  },
});

/** The grant history's evaluation results (評価結果の推移). */
export const trendMessages = bilingual({
  scoreAboveMax: {
    ja: (score: number, max: number) => `得点 ${score} が満点 ${max} を超えています`,
    en: (score: number, max: number) => `score ${score} is above the maximum ${max}`,
  },
  currentYearDiffers: {
    ja: (year: number, grant: string, stated: number, derived: number) =>
      `${year}年度の${grant}の得点が ${stated} となっていますが、指標別の得点の合計は ${derived} です（報告書では指標別の得点を使います）`,
    en: (year: number, grant: string, stated: number, derived: number) =>
      `the ${grant} score of fiscal year ${year} is given as ${stated} but the indicator scores add up to ${derived} (the report uses the indicator scores)`,
  },
  notAScore: {
    ja: (what: string) => `${what}は0以上の整数で入れてください`,
    en: (what: string) => `${what} must be a whole number, 0 or more`,
  },
});
