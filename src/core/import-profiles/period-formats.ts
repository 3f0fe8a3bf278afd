/**
 * Reading the period cells sources write (`2023-01`, `202301`, `2023/1/31`, `2023年1月`, `April 2021`, `1Q2023`,
 * Excel serial dates) as HealthBSC period ids of one type (core/periods). A date or a month becomes its month,
 * quarter or year; a coarser source period never becomes a finer one (a year is not a month).
 */
import type { PeriodFormat } from '../contracts/import-profiles.ts';
import { makePeriod, type PeriodType } from '../periods/period.ts';

/** What a cell says: a month, a quarter or a year. */
type Found =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | {
      kind: 'year';
      year: number;
    };

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function monthOfName(name: string): number | null {
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return null;
  const index = MONTH_NAMES.findIndex(
    (m) =>
      m === lower || (lower.length === 3 && m.startsWith(lower)) || (lower === 'sept' && m === 'september'),
  );
  return index < 0 ? null : index + 1;
}

const month = (year: number, m: number): Found | null =>
  m >= 1 && m <= 12 ? { kind: 'month', year, month: m } : null;

function day(year: number, m: number, d: number): Found | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return d <= last ? month(year, m) : null;
}

/** Excel's day numbers count from 1899-12-30 (its 1900 leap-year bug folded in), for dates after 1 March 1900. */
function excelSerial(text: string): Found | null {
  if (!/^\d{2,6}(\.\d+)?$/.test(text)) return null;
  const serial = Math.floor(Number(text));
  if (serial < 61) return null;
  const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return month(date.getUTCFullYear(), date.getUTCMonth() + 1);
}

const READERS: Readonly<Record<Exclude<PeriodFormat, 'auto'>, (t: string) => Found | null>> = {
  'YYYY-MM': (t) => {
    const m = /^(\d{4})-(\d{1,2})$/.exec(t);
    return m ? month(Number(m[1]), Number(m[2])) : null;
  },
  YYYYMM: (t) => {
    const m = /^(\d{4})(\d{2})$/.exec(t);
    return m ? month(Number(m[1]), Number(m[2])) : null;
  },
  'YYYY-MM-DD': (t) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(t);
    return m ? day(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  },
  'YYYY/M/D': (t) => {
    const m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(t);
    return m ? day(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  },
  'M/D/YYYY': (t) => {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
    return m ? day(Number(m[3]), Number(m[1]), Number(m[2])) : null;
  },
  YYYY年M月: (t) => {
    const m = /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:份)?$/.exec(t);
    return m ? month(Number(m[1]), Number(m[2])) : null;
  },
  'month-name': (t) => {
    const m = /^([A-Za-z]+\.?)[\s-]+(\d{4})$/.exec(t) ?? /^(\d{4})[\s-]+([A-Za-z]+\.?)$/.exec(t);
    if (!m) return /^\d{4}\s*年\s*\d{1,2}\s*月$/.test(t) ? READERS['YYYY年M月'](t) : null;
    const [name, year] = /^\d/.test(m[1] ?? '') ? [m[2] ?? '', m[1] ?? ''] : [m[1] ?? '', m[2] ?? ''];
    const index = monthOfName(name);
    return index === null ? null : month(Number(year), index);
  },
  YYYYQn: (t) => {
    const m = /^(\d{4})\s*-?\s*Q([1-4])$/i.exec(t);
    if (m) return { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) };
    const before = /^Q([1-4])\s*-?\s*(\d{4})$/i.exec(t);
    if (before) return { kind: 'quarter', year: Number(before[2]), quarter: Number(before[1]) };
    const cms = /^([1-4])Q(\d{4})$/i.exec(t); // CMS writes 3Q2015
    if (cms) return { kind: 'quarter', year: Number(cms[2]), quarter: Number(cms[1]) };
    const zh = /^(\d{4})\s*年\s*第?\s*([1-4一二三四])\s*季度?$/.exec(t);
    if (!zh) return null;
    const q = '一二三四'.indexOf(zh[2] ?? '') + 1 || Number(zh[2]);
    return { kind: 'quarter', year: Number(zh[1]), quarter: q };
  },
  YYYY: (t) => {
    const m = /^(\d{4})\s*年?(?:度)?$/.exec(t);
    return m ? { kind: 'year', year: Number(m[1]) } : null;
  },
  'excel-serial': excelSerial,
};

/** `auto` tries the formats in this order; Excel serials last, so `202301` stays a month. */
const AUTO_ORDER: readonly Exclude<PeriodFormat, 'auto'>[] = [
  'YYYY-MM',
  'YYYY-MM-DD',
  'YYYY/M/D',
  'M/D/YYYY',
  'YYYY年M月',
  'month-name',
  'YYYYQn',
  'YYYY',
  'YYYYMM',
  'excel-serial',
];

function toType(found: Found, type: PeriodType): string | null {
  if (found.year < 1900 || found.year > 2999) return null;
  if (type === 'year') return makePeriod('year', found.year, 1).id;
  if (found.kind === 'year') return null;
  if (type === 'quarter') {
    const q = found.kind === 'quarter' ? found.quarter : Math.ceil(found.month / 3);
    return makePeriod('quarter', found.year, q).id;
  }
  return found.kind === 'month' ? makePeriod('month', found.year, found.month).id : null;
}

/**
 * The period id a source cell names, as a period of `type`, or null when the cell is not in `format` or
 * names a coarser period than `type`.
 *
 * @example readPeriodCell('April 2021', 'month-name', 'month') // '2021-04'
 * @example readPeriodCell('2023/1/31', 'auto', 'quarter') // '2023Q1'
 * @example readPeriodCell('44927', 'excel-serial', 'month') // '2023-01' (Excel's 1 January 2023)
 */
export function readPeriodCell(text: string, format: PeriodFormat, type: PeriodType): string | null {
  const cell = text.normalize('NFKC').trim();
  if (cell === '') return null;
  const formats = format === 'auto' ? AUTO_ORDER : [format];
  for (const f of formats) {
    const found = READERS[f](cell);
    if (found) return toType(found, type);
  }
  return null;
}
