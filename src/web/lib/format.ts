/**
 * Locale-aware formatting of what the pages show: scores, indicator values, ratios, changes, periods and
 * timestamps. Everything goes through `Intl` (CLDR data), so the same value reads correctly in English and
 * Chinese; a missing value is an em dash in both.
 */
import { tryParsePeriod } from '../../core/periods/index.ts';
import type { Language } from './i18n/languages.ts';

/** A unit of measure in both languages, as the API sends it (core/scorecard: `{ en: 'cases', zh: '例' }`). */
export interface UnitWords {
  readonly en: string;
  readonly zh: string;
}

/**
 * A unit of measure in the interface's language; an empty text when there is none.
 *
 * @example formatUnit({ en: 'cases', zh: '例' }, 'zh-CN') // '例'
 * @example formatUnit(null, 'en') // ''
 */
export function formatUnit(unit: UnitWords | null | undefined, language: Language): string {
  if (!unit) return '';
  return language === 'zh-CN' ? unit.zh : unit.en;
}

/** What a missing value (null, NaN, ±Infinity) is shown as. */
export const NO_VALUE = '—';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Intl.NumberFormat objects are costly to build and a table formats thousands of cells: keep them. */
function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(language, options);
    numberFormats.set(key, format);
  }
  return format;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const YEAR: Intl.DateTimeFormatOptions = { year: 'numeric', timeZone: 'UTC' };
const MONTH: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', timeZone: 'UTC' };

/**
 * Kept as the number formats are: the entry grid names a month in every cell's label, and building two
 * Intl.DateTimeFormat objects per call took ~0.1 s of opening AZ Hospital's grid.
 */
function dateFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(language, options);
    dateFormats.set(key, format);
  }
  return format;
}

function isShown(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * A number with exactly `decimals` decimals and the locale's grouping.
 *
 * @example formatNumber(1234567.891, 'en', 2) // '1,234,567.89'
 */
export function formatNumber(value: number | null | undefined, language: Language, decimals = 0): string {
  if (!isShown(value)) return NO_VALUE;
  return numberFormat(language, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    value,
  );
}

/**
 * A 0–100 score with two decimals, as seed 002 reports its composite (V = 92.57).
 *
 * @example formatScore(92.57045626488298, 'zh-CN') // '92.57'
 */
export function formatScore(value: number | null | undefined, language: Language): string {
  return formatNumber(value, language, 2);
}

/**
 * A ratio as a percentage (0.375 → 37.5%).
 *
 * @example formatPercent(0.375, 'en') // '37.5%'
 */
export function formatPercent(ratio: number | null | undefined, language: Language, decimals = 1): string {
  if (!isShown(ratio)) return NO_VALUE;
  return numberFormat(language, {
    style: 'percent',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(ratio);
}

/**
 * A change with its sign (+1.23, -0.50, 0.00): the sign is the point of a change column.
 *
 * @example formatChange(1.234, 'en', 2) // '+1.23'
 */
export function formatChange(delta: number | null | undefined, language: Language, decimals = 2): string {
  if (!isShown(delta)) return NO_VALUE;
  return numberFormat(language, {
    signDisplay: 'exceptZero',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(delta);
}

const QUARTER_PATTERN: Record<Language, (year: string, quarter: number) => string> = {
  // CLDR has no quarter-and-year skeleton that Intl.DateTimeFormat exposes: these are the conventional forms.
  en: (year, quarter) => `Q${quarter} ${year}`,
  'zh-CN': (year, quarter) => `${year}年第${quarter}季度`,
};

/**
 * A period id as a reader says it: `2024` → 2024 / 2024年, `2024-03` → Mar 2024 / 2024年3月,
 * `2024Q1` → Q1 2024 / 2024年第1季度. An id that is not a period is shown as it is.
 *
 * @example formatPeriod('2024-03', 'zh-CN') // '2024年3月'
 */
export function formatPeriod(id: string, language: Language): string {
  const period = tryParsePeriod(id);
  if (period === null) return id;
  const date = new Date(Date.UTC(period.year, period.type === 'month' ? period.index - 1 : 0, 1));
  switch (period.type) {
    case 'year':
      return dateFormat(language, YEAR).format(date);
    case 'quarter':
      return QUARTER_PATTERN[language](String(period.year), period.index);
    case 'month':
      return dateFormat(language, MONTH).format(date);
  }
}

/**
 * An ISO 8601 timestamp as a medium date and short time, in `timeZone` (the browser's by default).
 *
 * @example formatDateTime('2026-11-23T05:27:31.470Z', 'en', 'UTC') // 'Nov 23, 2026, 5:27 AM'
 */
export function formatDateTime(iso: string, language: Language, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return NO_VALUE;
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(date);
}

/**
 * Items read out as a list: commas in English, the enumeration comma 、 in Chinese (CLDR's narrow list
 * pattern).
 *
 * @example formatList(['Financial 91.93', 'Customer 87.97'], 'zh-CN') // 'Financial 91.93、Customer 87.97'
 */
export function formatList(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(language, { type: 'conjunction', style: 'narrow' }).format(items);
}
