/**
 * Messages of `kofukin preview` (re-exported from messages.ts).
 */
import { bilingual } from './language.ts';

export const previewMessages = bilingual({
  serving: {
    ja: (url: string) => `プレビュー: ${url}  (PDF: ${url}report.pdf、入力ファイルを保存すると再作成します。終了は Ctrl-C)`,
    en: (url: string) => `preview: ${url}  (PDF: ${url}report.pdf; saving an input file rebuilds it; Ctrl-C stops)`,
  },
  built: {
    ja: (ms: number) => `作成しました（${ms} ms）`,
    en: (ms: number) => `built (${ms} ms)`,
  },
  rebuilt: {
    ja: (version: number, ms: number) => `再作成しました（第${version}版、${ms} ms）`,
    en: (version: number, ms: number) => `rebuilt (version ${version}, ${ms} ms)`,
  },
  failed: {
    ja: (version: number) => `作成できませんでした（第${version}版）。入力を直して保存すると再作成します:`,
    en: (version: number) => `could not build (version ${version}); fix the input and save to rebuild:`,
  },
  errorTitle: {
    ja: () => 'レポートを作成できませんでした',
    en: () => 'The report could not be built',
  },
  errorHint: {
    ja: () => '入力ファイルを直して保存すると、このページは自動で更新されます。',
    en: () => 'Fix the input file and save it: this page reloads by itself.',
  },
  noPdf: {
    ja: () => '入力に誤りがあるため PDF を作成できません。',
    en: () => 'No PDF: the inputs have errors.',
  },
  pdfFailed: {
    ja: (why: string) => `PDF を作成できませんでした: ${why}`,
    en: (why: string) => `could not print the PDF: ${why}`,
  },
  badPort: {
    ja: (given: string) => `--port にはポート番号（0〜65535）を指定してください（指定: "${given}"）`,
    en: (given: string) => `--port must be a port number (0–65535), got "${given}"`,
  },
  portInUse: {
    ja: (host: string, port: number) => `${host}:${port} は使用中です。--port で別の番号を指定してください（--port 0 で空いている番号）`,
    en: (host: string, port: number) => `${host}:${port} is in use; choose another with --port (--port 0 takes a free one)`,
  },
});
