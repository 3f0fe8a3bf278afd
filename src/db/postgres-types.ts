import pg from 'pg';
import { PARSED_TYPE_OIDS, parseDate, parseInt8, parseNumeric } from './value-parsers.ts';

/**
 * `pg`'s parser for `text[]` splits an array literal into (possibly nested) strings. Typed `number`
 * because pg-types' `TypeId` enum lists only scalar types.
 */
const TEXT_ARRAY_OID: number = 1009;

type Nested<T> = T | null | Nested<T>[];

function mapNested<T>(value: unknown, parse: (text: string) => T): Nested<T> {
  if (Array.isArray(value)) return value.map((item) => mapNested(item, parse));
  return typeof value === 'string' ? parse(value) : null;
}

function arrayOf<T>(parse: (text: string) => T): (text: string) => Nested<T> {
  const splitArray = pg.types.getTypeParser(TEXT_ARRAY_OID, 'text');
  return (text) => mapNested(splitArray(text), parse);
}

const TEXT_PARSERS = new Map<number, (text: string) => unknown>([
  [PARSED_TYPE_OIDS.int8, parseInt8],
  [PARSED_TYPE_OIDS.numeric, parseNumeric],
  [PARSED_TYPE_OIDS.date, parseDate],
  [PARSED_TYPE_OIDS.int8Array, arrayOf(parseInt8)],
  [PARSED_TYPE_OIDS.numericArray, arrayOf(parseNumeric)],
  [PARSED_TYPE_OIDS.dateArray, arrayOf(parseDate)],
]);

/**
 * The `types` option for a `pg.Pool`: our parsers (./value-parsers.ts) for int8, numeric and date and their
 * arrays, `pg`'s own for everything else. Passed per pool rather than through `pg.types.setTypeParser`,
 * which would change every `pg` user in the process.
 *
 * @example new pg.Pool({ connectionString, types: postgresTypes })
 */
export const postgresTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    (format ?? 'text') === 'text'
      ? (TEXT_PARSERS.get(oid) ?? pg.types.getTypeParser(oid, 'text'))
      : pg.types.getTypeParser(oid, format)) satisfies typeof pg.types.getTypeParser,
};
