/**
 * Compiles an extract definition (core/contracts/extracts.ts) to one DuckDB SQL statement over the extract's
 * file. The statement reads the file once per group of elements that share a date column and period type
 * (one group when every element counts by the same date), computes the named window constructs once, and
 * returns long rows `unit, period, element, value`: the only thing that leaves the engine.
 *
 * Every name and value from the definition enters through sql-quote.ts; nothing of the user is SQL text.
 */
import type {
  ExtractColumnFilter,
  ExtractConstruct,
  ExtractDefinition,
  ExtractElement,
  ExtractFilter,
  ExtractFormat,
} from '../contracts/extracts.ts';
import type { PeriodType } from '../periods/period.ts';
import { numberLiteral, quoteIdentifier, quoteLiteral } from './sql-quote.ts';

/** The extract's file as the engine reads it. `path` is a file name we chose, quoted as a literal all the same. */
export interface ExtractSource {
  readonly format: ExtractFormat;
  readonly path: string;
  /** A gzip CSV (DuckDB would otherwise tell it by a `.gz` name only). */
  readonly gzip?: boolean;
}

export interface CompiledExtract {
  /** One statement; its rows are `unit` (text), `period` (a period id), `element` (`e<index>`), `value` (double). */
  readonly sql: string;
  /** The data element of each `element` name the statement returns. */
  readonly elementOf: Readonly<Record<string, string>>;
}

/** The prefix of the columns the compiler adds for constructs; chosen so that no hospital export uses it. */
const CONSTRUCT_PREFIX = '__healthbsc_construct_';

function text(column: string): string {
  return `CAST(${quoteIdentifier(column)} AS VARCHAR)`;
}

function number(column: string): string {
  return `TRY_CAST(${quoteIdentifier(column)} AS DOUBLE)`;
}

function date(column: string, format: string | undefined): string {
  const iso = `TRY_CAST(${quoteIdentifier(column)} AS DATE)`;
  if (format === undefined) return iso;
  return `COALESCE(${iso}, CAST(TRY_STRPTIME(${text(column)}, ${quoteLiteral(format)}) AS DATE))`;
}

/** The period id of a date: `2024-03`, `2024Q1` or `2024` (core/periods/period.ts). */
function periodOf(day: string, type: PeriodType): string {
  if (type === 'month') return `strftime(${day}, '%Y-%m')`;
  const year = `CAST(year(${day}) AS VARCHAR)`;
  return type === 'year' ? year : `${year} || 'Q' || CAST(quarter(${day}) AS VARCHAR)`;
}

function literal(value: string | number | boolean): string {
  if (typeof value === 'number') return numberLiteral(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return quoteLiteral(value);
}

/** The operand a column is compared as: a number against numbers, a boolean against booleans, else text. */
function operand(column: string, values: readonly (string | number | boolean)[]): string {
  if (values.every((v) => typeof v === 'number')) return number(column);
  if (values.every((v) => typeof v === 'boolean')) return `TRY_CAST(${quoteIdentifier(column)} AS BOOLEAN)`;
  return text(column);
}

const COMPARISON = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' } as const;

function columnCondition(filter: ExtractColumnFilter): string {
  switch (filter.op) {
    case 'is-null':
      return `${quoteIdentifier(filter.column)} IS NULL`;
    case 'not-null':
      return `${quoteIdentifier(filter.column)} IS NOT NULL`;
    case 'in':
    case 'not-in': {
      // Mixed lists compare as text: the number 3 and the text '3' are then the same.
      const typed = operand(filter.column, filter.values);
      const asText = typed.startsWith('CAST(');
      const list = filter.values.map((v) => (asText ? quoteLiteral(String(v)) : literal(v))).join(', ');
      return `${typed} ${filter.op === 'in' ? 'IN' : 'NOT IN'} (${list})`;
    }
    default:
      return `${operand(filter.column, [filter.value])} ${COMPARISON[filter.op]} ${literal(filter.value)}`;
  }
}

function condition(filter: ExtractFilter, constructColumn: (name: string) => string): string {
  if ('construct' in filter) {
    const column = constructColumn(filter.construct);
    return filter.negate ? `NOT ${column}` : column;
  }
  return columnCondition(filter);
}

/**
 * The construct as a boolean column over all records (a window function; never null).
 * `next-admission-within`: the patient's next record by admission starts 0…days days after this discharge.
 */
function constructColumnSql(construct: ExtractConstruct, format: string | undefined): string {
  const admission = date(construct.admission, format);
  const discharge = date(construct.discharge, format);
  const next = `lead(${admission}) OVER (PARTITION BY ${text(construct.patient)} ORDER BY ${admission}, ${discharge})`;
  return `COALESCE(date_diff('day', ${discharge}, ${next}) BETWEEN 0 AND ${numberLiteral(construct.days)}, FALSE)`;
}

function aggregate(element: ExtractElement): string {
  const column = element.column ?? '';
  switch (element.aggregate) {
    case 'count':
      return 'count(*)';
    case 'count-distinct':
      return `count(DISTINCT ${text(column)})`;
    case 'sum':
      return `sum(${number(column)})`;
    case 'avg':
      return `avg(${number(column)})`;
  }
}

function sourceSql(source: ExtractSource): string {
  const path = quoteLiteral(source.path);
  return source.format === 'parquet'
    ? `read_parquet(${path})`
    : `read_csv(${path}, header = true, all_varchar = true${source.gzip === true ? `, compression = 'gzip'` : ''})`;
}

function unitSql(definition: ExtractDefinition): string {
  const column = text(definition.unit.column);
  const pairs = Object.entries(definition.unit.translate);
  if (pairs.length === 0) return column;
  const whens = pairs.map(([from, to]) => `WHEN ${quoteLiteral(from)} THEN ${quoteLiteral(to)}`).join(' ');
  return `CASE ${column} ${whens} ELSE ${column} END`;
}

/**
 * The SQL of an extract definition over a file.
 *
 * @example
 * const { sql, elementOf } = compileExtract(
 *   { unit: { column: 'dept', translate: {} }, identifying: ['patient'], constructs: {},
 *     elements: [{ dataElement: 'DISCHARGES', aggregate: 'count', date: 'discharged', periodType: 'month', where: [] }] },
 *   { format: 'csv', path: 'records.csv' },
 * );
 * // sql: WITH "records" AS (SELECT * FROM read_csv('records.csv', …)), … UNPIVOT "g0" ON "e0" …
 * // elementOf: { e0: 'DISCHARGES' }
 */
export function compileExtract(definition: ExtractDefinition, source: ExtractSource): CompiledExtract {
  const format = definition.dateFormat;
  const used = [
    ...new Set(
      definition.elements.flatMap((e) => e.where.flatMap((f) => ('construct' in f ? [f.construct] : []))),
    ),
  ];
  const constructColumns = new Map(used.map((name, i) => [name, quoteIdentifier(`${CONSTRUCT_PREFIX}${i}`)]));
  const constructColumn = (name: string): string => {
    const column = constructColumns.get(name);
    if (column === undefined) throw new RangeError('a filter names a construct the definition lacks');
    return column;
  };
  const withConstructs = used.map((name) => {
    const construct = definition.constructs[name];
    if (construct === undefined) throw new RangeError('a filter names a construct the definition lacks');
    return `${constructColumnSql(construct, format)} AS ${constructColumn(name)}`;
  });
  const records =
    withConstructs.length === 0
      ? `SELECT * FROM ${sourceSql(source)}`
      : `SELECT *, ${withConstructs.join(', ')} FROM ${sourceSql(source)}`;

  const groups = new Map<string, { date: string; periodType: PeriodType; members: number[] }>();
  definition.elements.forEach((element, index) => {
    const key = `${element.date}\u0000${element.periodType}`;
    const group = groups.get(key) ?? { date: element.date, periodType: element.periodType, members: [] };
    group.members.push(index);
    groups.set(key, group);
  });

  const unit = unitSql(definition);
  const elementOf: Record<string, string> = {};
  const ctes = [`"records" AS (${records})`];
  const selects: string[] = [];
  [...groups.values()].forEach((group, g) => {
    const day = date(group.date, format);
    const columns = group.members.map((index) => {
      const element = definition.elements[index] as ExtractElement;
      const name = `e${index}`;
      elementOf[name] = element.dataElement;
      const where = element.where.map((f) => condition(f, constructColumn));
      const filter = where.length === 0 ? '' : ` FILTER (WHERE ${where.join(' AND ')})`;
      return `CAST(${aggregate(element)}${filter} AS DOUBLE) AS ${quoteIdentifier(name)}`;
    });
    const groupName = quoteIdentifier(`g${g}`);
    ctes.push(
      `${groupName} AS (SELECT ${unit} AS "unit", ${periodOf(day, group.periodType)} AS "period", ${columns.join(', ')}` +
        ` FROM "records" WHERE ${quoteIdentifier(definition.unit.column)} IS NOT NULL AND ${day} IS NOT NULL GROUP BY ALL)`,
    );
    const on = group.members.map((index) => quoteIdentifier(`e${index}`)).join(', ');
    selects.push(
      `SELECT "unit", "period", "element", "value" FROM (UNPIVOT ${groupName} ON ${on} INTO NAME "element" VALUE "value")`,
    );
  });
  return { sql: `WITH ${ctes.join(',\n')}\n${selects.join('\nUNION ALL\n')}`, elementOf };
}
