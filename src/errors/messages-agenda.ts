/**
 * Messages of `kofukin agenda` about where the packet's 資料 stamps went on documents that are
 * not ours (src/agenda/free-space.ts).
 */
import { bilingual } from './language.ts';

export const agendaStampMessages = bilingual({
  stampMoved: {
    ja: (label: string, file: string, left: number, down: number) =>
      `${label}（${file}）: 1ページ目の右上に文書の内容があるため、資料番号を内容に重ならない位置（左へ${left}mm、下へ${down}mm）に付けました`,
    en: (label: string, file: string, left: number, down: number) =>
      `${label} (${file}): the top right of the first page has content, so the stamp went to free space ${left} mm left and ${down} mm down from its usual place`,
  },
  pageScaled: {
    ja: (label: string, file: string, percent: number) =>
      `${label}（${file}）: 1ページ目の上端まで内容があり空きがないため、資料番号の場所を空けるよう内容を${percent}%に縮小しました`,
    en: (label: string, file: string, percent: number) =>
      `${label} (${file}): the first page has no free space at the top, so its content was scaled to ${percent}% to make room for the stamp`,
  },
});
