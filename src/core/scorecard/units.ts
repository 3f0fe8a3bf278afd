/**
 * Units of measure in both of the product's languages. A version-1 scorecard file gave a unit as one text, in
 * whichever language its author wrote; version 2 gives both words. The units hospital statistics commonly use
 * (patients counted in 人次 or 例, beds in 床, money in 元, 万元 or 亿元, seeds 000 and 002 among them) are
 * translated from either side; any other text is kept as it is in both languages.
 */
import type { UnitOfMeasure } from './scorecard-schema.ts';
import { isUnitCode, UNIT_CATALOG } from './unit-codes.ts';

/** English and Chinese words of the common units; English alternatives after the first are also recognised. */
const COMMON_UNITS: readonly { readonly en: readonly string[]; readonly zh: string }[] = [
  { en: ['%', 'percent'], zh: '%' },
  { en: ['‰', 'per mille'], zh: '‰' },
  { en: ['yuan', 'CNY', 'RMB'], zh: '元' },
  { en: ['10,000 yuan', '10 thousand yuan', 'ten thousand yuan'], zh: '万元' },
  { en: ['100 million yuan', 'hundred million yuan'], zh: '亿元' },
  { en: ['cases', 'case'], zh: '例' },
  { en: ['person-times', 'person-time', 'visits', 'visit', 'discharges', 'admissions'], zh: '人次' },
  { en: ['persons', 'person', 'people', 'patients', 'staff'], zh: '人' },
  { en: ['days', 'day'], zh: '天' },
  { en: ['bed days', 'bed-days'], zh: '床日' },
  { en: ['beds', 'bed'], zh: '床' },
  { en: ['times', 'time'], zh: '次' },
  { en: ['items', 'projects', 'technologies'], zh: '项' },
  { en: ['papers', 'articles'], zh: '篇' },
  { en: ['hours', 'hour', 'h'], zh: '小时' },
  { en: ['minutes', 'minute', 'min'], zh: '分钟' },
  { en: ['points', 'score'], zh: '分' },
  { en: ['visits per day'], zh: '人次/日' },
];

/** The Chinese word by each English word (lower case), and the first English word by each Chinese word. */
const ZH_BY_ENGLISH = new Map<string, string>();
const EN_BY_CHINESE = new Map<string, string>();
for (const unit of COMMON_UNITS) {
  for (const en of unit.en) ZH_BY_ENGLISH.set(en.toLowerCase(), unit.zh);
  if (!EN_BY_CHINESE.has(unit.zh)) EN_BY_CHINESE.set(unit.zh, unit.en[0] ?? unit.zh);
}

/**
 * The unit of a version-1 text in both languages, and whether it was one of the common units.
 *
 * @example unitFromText('days') // { unit: { en: 'days', zh: '天' }, known: true }
 * @example unitFromText('万元') // { unit: { en: '10,000 yuan', zh: '万元' }, known: true }
 * @example unitFromText('g/L') // { unit: { en: 'g/L', zh: 'g/L' }, known: false }
 * @example unitFromText('bed-days') // { unit: { en: 'bed days', zh: '床日' }, known: true } (a unit code)
 */
export function unitFromText(text: string): { readonly unit: UnitOfMeasure; readonly known: boolean } {
  const trimmed = text.trim();
  // A unit code (unit-codes.ts) reads as the catalog's words: a stored text may be one since format @2.
  if (isUnitCode(trimmed)) return { unit: { ...UNIT_CATALOG[trimmed] }, known: true };
  // The author's own word is kept as it is written; only the other language's word comes from the table.
  const zh = ZH_BY_ENGLISH.get(trimmed.toLowerCase());
  if (zh !== undefined) return { unit: { en: trimmed, zh }, known: true };
  const en = EN_BY_CHINESE.get(trimmed);
  if (en !== undefined) return { unit: { en, zh: trimmed }, known: true };
  return { unit: { en: trimmed, zh: trimmed }, known: false };
}

/**
 * The unit a form's two fields give: both words as typed; one word alone completed from the common units
 * (or used for both languages); none, no unit.
 *
 * @example unitFromWords('', '例') // { en: 'cases', zh: '例' }
 * @example unitFromWords('  ', '') // null
 */
export function unitFromWords(en: string, zh: string): UnitOfMeasure | null {
  const [english, chinese] = [en.trim(), zh.trim()];
  if (english !== '' && chinese !== '') return { en: english, zh: chinese };
  if (english === '' && chinese === '') return null;
  return unitFromText(english === '' ? chinese : english).unit;
}
