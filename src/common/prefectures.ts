/**
 * The 47 prefectures in 全国地方公共団体コード order (北海道 01 … 沖縄県 47). The first two digits
 * of a municipality's code are its prefecture's code. `municipalities` is the number of 市区町村
 * (東京都 counts its 23 special wards) as evaluated in FY2024: 1,741 in all; the synthetic
 * generator uses it to spread fictional municipalities over the country.
 */

export interface Prefecture {
  /** Two digits, "01" … "47". */
  code: string;
  name: string;
  municipalities: number;
}

export const PREFECTURES: readonly Prefecture[] = [
  { code: '01', name: '北海道', municipalities: 179 },
  { code: '02', name: '青森県', municipalities: 40 },
  { code: '03', name: '岩手県', municipalities: 33 },
  { code: '04', name: '宮城県', municipalities: 35 },
  { code: '05', name: '秋田県', municipalities: 25 },
  { code: '06', name: '山形県', municipalities: 35 },
  { code: '07', name: '福島県', municipalities: 59 },
  { code: '08', name: '茨城県', municipalities: 44 },
  { code: '09', name: '栃木県', municipalities: 25 },
  { code: '10', name: '群馬県', municipalities: 35 },
  { code: '11', name: '埼玉県', municipalities: 63 },
  { code: '12', name: '千葉県', municipalities: 54 },
  { code: '13', name: '東京都', municipalities: 62 },
  { code: '14', name: '神奈川県', municipalities: 33 },
  { code: '15', name: '新潟県', municipalities: 30 },
  { code: '16', name: '富山県', municipalities: 15 },
  { code: '17', name: '石川県', municipalities: 19 },
  { code: '18', name: '福井県', municipalities: 17 },
  { code: '19', name: '山梨県', municipalities: 27 },
  { code: '20', name: '長野県', municipalities: 77 },
  { code: '21', name: '岐阜県', municipalities: 42 },
  { code: '22', name: '静岡県', municipalities: 35 },
  { code: '23', name: '愛知県', municipalities: 54 },
  { code: '24', name: '三重県', municipalities: 29 },
  { code: '25', name: '滋賀県', municipalities: 19 },
  { code: '26', name: '京都府', municipalities: 26 },
  { code: '27', name: '大阪府', municipalities: 43 },
  { code: '28', name: '兵庫県', municipalities: 41 },
  { code: '29', name: '奈良県', municipalities: 39 },
  { code: '30', name: '和歌山県', municipalities: 30 },
  { code: '31', name: '鳥取県', municipalities: 19 },
  { code: '32', name: '島根県', municipalities: 19 },
  { code: '33', name: '岡山県', municipalities: 27 },
  { code: '34', name: '広島県', municipalities: 23 },
  { code: '35', name: '山口県', municipalities: 19 },
  { code: '36', name: '徳島県', municipalities: 24 },
  { code: '37', name: '香川県', municipalities: 17 },
  { code: '38', name: '愛媛県', municipalities: 20 },
  { code: '39', name: '高知県', municipalities: 34 },
  { code: '40', name: '福岡県', municipalities: 60 },
  { code: '41', name: '佐賀県', municipalities: 20 },
  { code: '42', name: '長崎県', municipalities: 21 },
  { code: '43', name: '熊本県', municipalities: 45 },
  { code: '44', name: '大分県', municipalities: 18 },
  { code: '45', name: '宮崎県', municipalities: 26 },
  { code: '46', name: '鹿児島県', municipalities: 43 },
  { code: '47', name: '沖縄県', municipalities: 41 },
];

const byCode = new Map(PREFECTURES.map((p) => [p.code, p]));
const byName = new Map(PREFECTURES.map((p) => [p.name, p]));

/** The prefecture of a two-digit code ("26"), or undefined. */
export function prefectureByCode(code: string): Prefecture | undefined {
  return byCode.get(code);
}

/** The prefecture of a name ("京都府"), or undefined. */
export function prefectureByName(name: string): Prefecture | undefined {
  return byName.get(name);
}

/** The prefecture a municipality code (5 or 6 digits) belongs to: its first two digits. */
export function prefectureOfMunicipality(code: string): Prefecture | undefined {
  return byCode.get(code.slice(0, 2));
}

/**
 * Check digit of a 5-digit 全国地方公共団体コード (JIS X 0402): the weighted sum 6·d1 + 5·d2 + 4·d3
 * + 3·d4 + 2·d5, its remainder r modulo 11, and the last digit of 11 − r
 * (京都市 26100 → 261009, 札幌市 01100 → 011002).
 */
export function checkDigit(code5: string): number {
  if (!/^\d{5}$/.test(code5)) throw new Error(`internal: "${code5}" is not a 5-digit code`);
  const sum = [...code5].reduce((s, d, i) => s + Number(d) * (6 - i), 0);
  return (11 - (sum % 11)) % 10;
}

/** The 6-digit code (with check digit) of a 5-digit one. */
export function withCheckDigit(code5: string): string {
  return code5 + String(checkDigit(code5));
}

/** True when a 6-digit code's last digit is its check digit. */
export function hasValidCheckDigit(code6: string): boolean {
  return /^\d{6}$/.test(code6) && checkDigit(code6.slice(0, 5)) === Number(code6[5]);
}
