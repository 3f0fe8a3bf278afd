/**
 * Period ids, as HealthBSC stores and exchanges them: a month `2024-03`, a quarter `2024Q1`, a year `2024`.
 *
 * The month form is ISO 8601's calendar month (`YYYY-MM`); the quarter and year forms are DHIS2's period ids
 * (`yyyyQn`, `yyyy`; https://docs.dhis2.org, "Date and period format"), which hospital information systems in
 * China and elsewhere already exchange. Dates follow the proleptic Gregorian calendar.
 */
import { badRequest, type ProblemError } from '../errors/problem.ts';

export type PeriodType = 'month' | 'quarter' | 'year';

export interface Period {
  /** The normalised id: `2024-03`, `2024Q1` or `2024`. */
  readonly id: string;
  readonly type: PeriodType;
  readonly year: number;
  /** Month 1–12, quarter 1–4, or 1 for a year. */
  readonly index: number;
  /** First day, `YYYY-MM-DD`. */
  readonly startDate: string;
  /** Last day, `YYYY-MM-DD` (inclusive). */
  readonly endDate: string;
}

/** The years a period may fall in: wide enough for any hospital record, narrow enough to catch typos. */
export const MIN_PERIOD_YEAR = 1900;
export const MAX_PERIOD_YEAR = 2999;

/** Months in one period of each type. */
export const MONTHS_PER_PERIOD: Readonly<Record<PeriodType, number>> = { month: 1, quarter: 3, year: 12 };

const PERIOD_PATTERN = /^(\d{4})(?:-(\d{2})|[Qq](\d))?$/;

/**
 * Reads a period id: a month `2024-03`, a quarter `2024Q1` (also `2024q1`, normalised to upper case) or a
 * year `2024`, for years 1900–2999. Throws `badRequest` naming the id and the accepted forms.
 * Formats: ISO 8601 calendar month; DHIS2 quarterly (`yyyyQn`) and yearly (`yyyy`) period ids.
 *
 * @example parsePeriod('2024-02') // { id: '2024-02', type: 'month', year: 2024, index: 2, startDate: '2024-02-01', endDate: '2024-02-29' }
 * @example parsePeriod('2024q3').id // '2024Q3'
 * @example parsePeriod('2024-13') // throws "'2024-13' is not a period: use 2024-03, 2024Q1 or 2024"
 */
export function parsePeriod(id: string, path: readonly (string | number)[] = []): Period {
  const result = readPeriod(id);
  if (result !== null) return result;
  throw notAPeriod(id, path);
}

/** Why `id` is not a period, as a bad request at `path`. */
function notAPeriod(id: unknown, path: readonly (string | number)[]): ProblemError {
  const value = String(id);
  const year = typeof id === 'string' ? Number(PERIOD_PATTERN.exec(id)?.[1]) : Number.NaN;
  if (year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) {
    return badRequest(
      'period.year-out-of-range',
      { value, min: MIN_PERIOD_YEAR, max: MAX_PERIOD_YEAR },
      path,
    );
  }
  return badRequest('period.not-a-period', { value }, path);
}

/**
 * Like `parsePeriod`, but returns null for anything that is not a period id.
 *
 * @example tryParsePeriod('2024Q4')?.endDate // '2024-12-31'
 * @example tryParsePeriod('2024Q5') // null
 */
export function tryParsePeriod(id: string): Period | null {
  return readPeriod(id);
}

/**
 * Builds the period of a type, year and index (month 1–12, quarter 1–4, 1 for a year). Throws `badRequest`
 * when the year leaves 1900–2999, e.g. the month before 1900-01.
 *
 * @example makePeriod('quarter', 2024, 2).id // '2024Q2'
 */
export function makePeriod(type: PeriodType, year: number, index: number): Period {
  if (!Number.isInteger(year) || year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) {
    throw badRequest('period.year-outside', {
      year: String(year),
      min: MIN_PERIOD_YEAR,
      max: MAX_PERIOD_YEAR,
    });
  }
  const perYear = 12 / MONTHS_PER_PERIOD[type];
  if (!Number.isInteger(index) || index < 1 || index > perYear) {
    throw badRequest(INDEX_CODES[type], { index: String(index) });
  }
  const firstMonth = (index - 1) * MONTHS_PER_PERIOD[type] + 1;
  const lastMonth = firstMonth + MONTHS_PER_PERIOD[type] - 1;
  return {
    id: formatId(type, year, index),
    type,
    year,
    index,
    startDate: `${year}-${pad2(firstMonth)}-01`,
    endDate: `${year}-${pad2(lastMonth)}-${pad2(daysInMonth(year, lastMonth))}`,
  };
}

/**
 * Days in a month of the Gregorian calendar: a year is a leap year when divisible by 4, except centuries
 * not divisible by 400 (the Gregorian rule, Inter gravissimas 1582; ISO 8601 uses the same calendar).
 *
 * @example daysInMonth(2024, 2) // 29
 * @example daysInMonth(1900, 2) // 28
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Returns the period, or the message that explains why the text is not one. */
/** The code for an index outside its period type's range. */
const INDEX_CODES = {
  month: 'period.month-index',
  quarter: 'period.quarter-index',
  year: 'period.year-index',
} as const satisfies Record<PeriodType, string>;

/** The period an id names, or null when it names none (`notAPeriod` then says why). */
function readPeriod(id: string): Period | null {
  if (typeof id !== 'string') return null;
  const match = PERIOD_PATTERN.exec(id);
  if (match === null) return null;
  const year = Number(match[1]);
  if (year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) return null;
  const [, , month, quarter] = match;
  if (month !== undefined) {
    const index = Number(month);
    if (index < 1 || index > 12) return null;
    return makePeriod('month', year, index);
  }
  if (quarter !== undefined) {
    const index = Number(quarter);
    if (index < 1 || index > 4) return null;
    return makePeriod('quarter', year, index);
  }
  return makePeriod('year', year, 1);
}

function formatId(type: PeriodType, year: number, index: number): string {
  if (type === 'month') return `${year}-${pad2(index)}`;
  if (type === 'quarter') return `${year}Q${index}`;
  return String(year);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
