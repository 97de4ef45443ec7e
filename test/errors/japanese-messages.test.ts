/**
 * Japanese messages, the default language: each kind of error through the CLI keeps the shape
 * `kofukin <command>: エラー: file: place: rule` with the place in the user's terms (`推進!E5`,
 * `3行目`, `12行4列`), and LANG=C gives English.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { dataPath, samplePath } from '../helpers/seeds.ts';

const JA = { env: { KOFUKIN_LANG: 'ja' } };
const dir = mkdtempSync(join(tmpdir(), 'kofukin-ja-'));

/** The sample municipality file with absolute companion paths, changed by `mutate`, as raw text. */
function sampleJson(mutate: (j: Record<string, any>) => void = () => {}): string {
  const base = samplePath('municipality.json');
  const j = JSON.parse(readFileSync(base, 'utf8'));
  j.files = Object.fromEntries(Object.entries(j.files as Record<string, string>).map(([k, v]) => [k, join(base, '..', v)]));
  mutate(j);
  return JSON.stringify(j, null, 2);
}

describe('Japanese messages (the default language)', () => {
  it('bad JSON: the line and column as 行・列, the rule in Japanese', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{\n  "fiscalYear": 2024,\n  "scores": {,\n}\n');
    const r = await runMain(['summary', file], JA);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kofukin summary: エラー: ${file}: 3行14列: JSON として正しくありません: 二重引用符で囲んだキーが必要です\n`);
  });

  it('a schema problem: the JSON path with 行・列, zod in Japanese', async () => {
    const file = join(dir, 'year-text.json');
    writeFileSync(file, sampleJson((j) => (j.fiscalYear = '令和6年度')));
    const r = await runMain(['summary', file], JA);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^kofukin summary: エラー: ${file}: \\$\\.fiscalYear（\\d+行\\d+列）: .*数値`, 'm'));
  });

  it('a score its 配点 cannot produce: the indicator, the score and the possible values', async () => {
    const file = join(dir, 'score.json');
    writeFileSync(file, sampleJson((j) => (j.scores['suishin.I.i.1'] = 99)));
    const r = await runMain(['summary', file], JA);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/エラー: .*score\.json: \$\.scores\["suishin\.I\.i\.1"\]（\d+行\d+列）: 指標「suishin\.I\.i\.1」の得点 99 は配点の上限 \d+ を超えています/);
  });

  it('a workbook cell: the place stays 推進!E5, the rule is Japanese', async () => {
    const good = join(dir, 'good.xlsx');
    expect((await runMain(['init', samplePath('municipality.json'), '--out', good], JA)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(good);
    wb.getWorksheet('推進')!.getCell('E5').value = '十六';
    const file = join(dir, 'text-score.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await runMain(['summary', file], JA);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `kofukin summary: エラー: ${file}: 推進!E5: 「十六」は数値ではありません。目標Ⅰ－(i)－2（suishin.I.i.2）の得点は 0〜16 の整数で入力してください\n`,
    );
  });

  it('a CSV row: 3行目 / 3行2列（列名）', async () => {
    const file = join(dir, 'national.csv');
    writeFileSync(
      file,
      'code,prefecture,name,insuredType1,suishin,shien,total\r\n261009,京都府,京都市,393443,277,283,560\r\n011002,北海道,札幌市,x,270\r\n',
    );
    const r = await runMain(['grants', file, '--year', '2024'], JA);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`kofukin grants: エラー: ${file}: 3行目: この行の項目数は 5 ですが、見出し行は 7 項目です`);
    expect(r.stderr).toContain(`${file}: 3行4列（insuredType1）: 「x」は数値ではありません。第1号被保険者数（insuredType1）は整数で入力してください`);
  });

  it('a file that is not there', async () => {
    const file = join(dir, 'nowhere.json');
    const r = await runMain(['summary', file], JA);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kofukin summary: エラー: ${file}: ファイルを読み込めません（ENOENT）\n`);
  });

  it('a usage error in Japanese (the usage line stays the command\'s own)', async () => {
    const r = await runMain(['synth', '--seed', 'abc'], JA);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('--seed には 0〜4294967295 の整数を指定してください（指定値: 「abc」）');
  });

  it('cannot write: exit 73, the path and the cause', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    const out = join(blocker, 'table.csv');
    const r = await runMain(['compare', dataPath('peers/designated-cities-fy2024.json'), '--csv', '--out', out], JA);
    expect(r.code).toBe(73);
    expect(r.stderr).toMatch(/に書き込めません: .*(ファイルで、フォルダーではありません|フォルダーがあるべき場所にファイルがあります)/);
    expect(r.stderr).not.toMatch(/cannot write/);
  });

  describe('batch', () => {
    let batchDir: string;
    beforeAll(() => {
      batchDir = join(dir, 'batch-in');
      mkdirSync(batchDir);
      writeFileSync(join(batchDir, 'broken.json'), sampleJson((j) => (j.scores['suishin.I.i.1'] = 99)));
    });

    it('the summary line and the failure table in Japanese', async () => {
      const out = join(dir, 'batch-out');
      const r = await runMain(['batch', batchDir, '--out', out], JA);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('1市町村中1市町村 →');
      expect(r.stdout).toMatch(/^1件中 作成 0件、変更なし 0件、失敗 1件（[\d.]+秒、毎秒[\d.]+件、ブラウザー再起動 0回）$/m);
      expect(r.stdout).toContain(`集計: ${join(out, 'batch-summary.json')}`);
      expect(r.stdout).toMatch(/団体コード\s+市町村名\s+エラー/);
      expect(r.stdout).toMatch(/エラー: .*broken\.json: \$\.scores\["suishin\.I\.i\.1"\]（\d+行\d+列）: 指標「suishin\.I\.i\.1」の得点 99/);
    });
  });

  it('LANG=C (and no KOFUKIN_LANG) gives English', async () => {
    const file = join(dir, 'nowhere.json');
    const r = await runMain(['summary', file], { env: { KOFUKIN_LANG: '', LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kofukin summary: error: ${file}: cannot read file (ENOENT)\n`);
  });

  it('--lang en gives English whatever the environment says', async () => {
    const file = join(dir, 'nowhere.json');
    const r = await runMain(['--lang', 'en', 'summary', file], JA);
    expect(r.stderr).toBe(`kofukin summary: error: ${file}: cannot read file (ENOENT)\n`);
  });
});

describe('batch progress in Japanese', () => {
  it('plain lines off a terminal; the bar fits a terminal though Japanese takes two columns a character', async () => {
    const { withLanguage } = await import('../../src/errors/language.ts');
    const { createProgress, displayWidth } = await import('../../src/batch/progress.ts');
    const written: string[] = [];
    const sink = (isTTY: boolean) => ({ isTTY, columns: 60, write: (s: string) => (written.push(s), true) }) as unknown as NodeJS.WritableStream & { isTTY: boolean; columns: number };
    let t = 0;
    await withLanguage('ja', async () => {
      const plain = createProgress(4, sink(false), () => t);
      t = 2000;
      plain.tick(0, 1, 0);
      const bar = createProgress(4, sink(true), () => t);
      t = 4000;
      bar.tick(2, 0, 1);
    });
    expect(written[0]).toMatch(/^進捗: 1\/4  毎秒[\d.]+件  残り約\d+:\d\d  失敗 1\n$/);
    const line = written[1]!.replace(/^\r/, '').replace(/\u001b\[K$/, '');
    expect(line).toMatch(/^\[[#.]+\] 3\/4 {2}毎秒[\d.]+件 {2}残り約\d+:\d\d {2}変更なし 1$/);
    expect(displayWidth(line)).toBeLessThanOrEqual(60);
    expect(displayWidth('毎秒1件')).toBe(7);
  });
});
