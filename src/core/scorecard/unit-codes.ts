/**
 * Unit codes: the units hospital statistics use, each worded in both of the product's languages. A scorecard
 * file in format @2 may name a unit by its code (`unit: yuan`) instead of giving both words
 * (`unit: { en: yuan, zh: 元 }`); the code reads as the catalog's words. Any other plain text is a unit "as
 * entered": shown as written, in both languages. The Chinese words follow China's hospital statistics
 * (National Health Commission statistical reporting: 人次, 例, 床日, 元/万元/亿元), as seeds 000 and 002 do.
 * `npm run check:i18n` checks that every code has words in both languages.
 */

/** A unit's words in English and Chinese. */
export interface UnitWords {
  readonly en: string;
  readonly zh: string;
}

/** Every unit code and its words. Codes are kebab-case; several English words may share one Chinese word. */
export const UNIT_CATALOG = {
  percent: { en: '%', zh: '%' },
  'per-mille': { en: '‰', zh: '‰' },
  'per-100': { en: 'per 100', zh: '每百' },
  'per-1000': { en: 'per 1,000', zh: '每千' },
  'per-10000': { en: 'per 10,000', zh: '每万' },
  yuan: { en: 'yuan', zh: '元' },
  '10k-yuan': { en: '10,000 yuan', zh: '万元' },
  '100m-yuan': { en: '100 million yuan', zh: '亿元' },
  cases: { en: 'cases', zh: '例' },
  'person-times': { en: 'person-times', zh: '人次' },
  visits: { en: 'visits', zh: '人次' },
  discharges: { en: 'discharges', zh: '人次' },
  admissions: { en: 'admissions', zh: '人次' },
  persons: { en: 'persons', zh: '人' },
  patients: { en: 'patients', zh: '人' },
  staff: { en: 'staff', zh: '人' },
  days: { en: 'days', zh: '天' },
  'bed-days': { en: 'bed days', zh: '床日' },
  beds: { en: 'beds', zh: '床' },
  times: { en: 'times', zh: '次' },
  items: { en: 'items', zh: '项' },
  projects: { en: 'projects', zh: '项' },
  technologies: { en: 'technologies', zh: '项' },
  papers: { en: 'papers', zh: '篇' },
  hours: { en: 'hours', zh: '小时' },
  minutes: { en: 'minutes', zh: '分钟' },
  points: { en: 'points', zh: '分' },
  'visits-per-day': { en: 'visits per day', zh: '人次/日' },
  'yuan-per-visit': { en: 'yuan per visit', zh: '元/人次' },
} as const satisfies Record<string, UnitWords>;

export type UnitCode = keyof typeof UNIT_CATALOG;

/** Every unit code, in catalog order. */
export const UNIT_CODES = Object.keys(UNIT_CATALOG) as readonly UnitCode[];

/**
 * Whether a text is a unit code of the catalog.
 *
 * @example isUnitCode('bed-days') // true
 * @example isUnitCode('g/L') // false
 */
export function isUnitCode(text: string): text is UnitCode {
  return Object.hasOwn(UNIT_CATALOG, text);
}

/**
 * The words of a unit named in a file: a code reads as the catalog's words; any other text is kept as entered,
 * the same in both languages.
 *
 * @example unitWordsOf('cases') // { en: 'cases', zh: '例' }
 * @example unitWordsOf('mmHg') // { en: 'mmHg', zh: 'mmHg' }
 */
export function unitWordsOf(text: string): UnitWords {
  const trimmed = text.trim();
  return isUnitCode(trimmed) ? { ...UNIT_CATALOG[trimmed] } : { en: trimmed, zh: trimmed };
}
