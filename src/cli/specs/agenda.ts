import { defineCommand } from '../spec.ts';
import { BROWSER_OPTION_SPEC } from './shared.ts';

export const agendaSpec = defineCommand({
  name: 'agenda',
  summary: { ja: '報告資料の PDF を表紙付きの会議資料1冊に綴じる', en: 'bind report PDFs into one agenda packet with a cover page' },
  positionals: [
    {
      name: 'report.pdf',
      description: { ja: '綴じる PDF（資料1, 2, … の順）', en: 'PDFs to bind (資料1, 2, … in this order)' },
      required: true,
      variadic: true,
      extensions: ['.pdf'],
      missing: { ja: '綴じる PDF がありません: 報告資料の PDF を1つ以上指定してください', en: 'no PDF to bind: give one or more report PDFs' },
    },
  ],
  options: {
    title: { type: 'string', value: 'TITLE', description: { ja: '会議資料の題名（表紙と PDF の題名）。必須', en: 'packet title (cover and PDF title); required' } },
    date: { type: 'string', value: 'YYYY-MM-DD', description: { ja: '会議の日付（表紙に令和で表示）。必須', en: 'meeting date, shown as 令和 date on the cover; required' } },
    out: {
      type: 'string',
      value: 'FILE',
      description: { ja: '出力ファイル（既定 out/agenda-<日付>.pdf。フォルダならその中に）', en: 'output file (default out/agenda-<date>.pdf; a folder: agenda-<date>.pdf in it)' },
    },
    'page-numbers': { type: 'boolean', description: { ja: '表紙の後の全ページに通しのページ番号「- n -」を付ける', en: 'number every page after the cover "- n -"' } },
    'keep-numbers': { type: 'boolean', description: { ja: '資料の番号を押さず、各資料自身の番号のまま綴じる', en: "keep the documents' own 資料 numbers: stamp nothing" } },
    'doc-title': {
      type: 'string',
      value: 'TITLE',
      multiple: true,
      description: { ja: '表紙としおりに出す資料の題名（PDF ごとに順に1回）', en: 'title of a document on the cover and in its bookmark (once per PDF, in order)' },
    },
    author: { type: 'string', value: 'NAME', description: { ja: 'PDF の作成者（既定は各資料の作成者）', en: "PDF author (default: the documents' authors)" } },
    ...BROWSER_OPTION_SPEC,
  },
  notes: {
    ja: '各資料の1ページ目に「資料N」を押します（本ツールの報告資料では資料自身の資料番号の枠を置き換え、ほかの PDF では右上の空いた所に押します）。',
    en: "Stamps 資料N on each document's first page (on a report of ours it replaces the report's own 資料 box; on other PDFs it goes into free space at the top right).",
  },
});
