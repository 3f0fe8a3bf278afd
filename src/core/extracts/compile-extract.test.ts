import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import {
  type ExtractDefinitionInput,
  type extractColumnFilterSchema,
  extractDefinitionSchema,
} from '../contracts/extracts.ts';
import { compileExtract } from './compile-extract.ts';
import { numberLiteral, quoteIdentifier, quoteLiteral } from './sql-quote.ts';

const SOURCE = { format: 'csv', path: 'records.csv' } as const;

function compile(input: Partial<ExtractDefinitionInput> & Pick<ExtractDefinitionInput, 'elements'>) {
  return compileExtract(extractDefinitionSchema.parse({ unit: { column: 'dept' }, ...input }), SOURCE);
}

describe('quoting', () => {
  test('an identifier with double quotes keeps them doubled inside quotes', () => {
    expect(quoteIdentifier('a"; DROP TABLE x; --')).toBe('"a""; DROP TABLE x; --"');
  });

  test('a literal with single quotes keeps them doubled inside quotes', () => {
    expect(quoteLiteral("x'); COPY y TO 'stolen.csv'; --")).toBe("'x''); COPY y TO ''stolen.csv''; --'");
  });

  test('a NUL in a name is refused', () => {
    expect(() => quoteIdentifier('a\u0000b')).toThrow(RangeError);
  });

  test('numbers are written in their round-trip form and infinities refused', () => {
    expect([numberLiteral(30), numberLiteral(-0.25), numberLiteral(1e-7)]).toEqual(['30', '-0.25', '1e-7']);
    expect(() => numberLiteral(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('compileExtract', () => {
  test('a count by unit and month reads the CSV as text and unpivots one element', () => {
    const { sql, elementOf } = compile({
      elements: [{ dataElement: 'DISCHARGES', aggregate: 'count', date: 'discharged' }],
    });
    expect(elementOf).toEqual({ e0: 'DISCHARGES' });
    expect(sql).toBe(
      `WITH "records" AS (SELECT * FROM read_csv('records.csv', header = true, all_varchar = true)),\n` +
        `"g0" AS (SELECT CAST("dept" AS VARCHAR) AS "unit", strftime(TRY_CAST("discharged" AS DATE), '%Y-%m') AS "period", ` +
        `CAST(count(*) AS DOUBLE) AS "e0" FROM "records" WHERE "dept" IS NOT NULL AND TRY_CAST("discharged" AS DATE) IS NOT NULL GROUP BY ALL)\n` +
        `SELECT "unit", "period", "element", "value" FROM (UNPIVOT "g0" ON "e0" INTO NAME "element" VALUE "value")`,
    );
  });

  test('count distinct, sum and avg aggregate the named column, each under its filter', () => {
    const { sql } = compile({
      elements: [
        {
          dataElement: 'PATIENTS',
          aggregate: 'count-distinct',
          column: 'patient',
          date: 'd',
          where: [{ column: 'type', op: 'eq', value: 'inpatient' }],
        },
        {
          dataElement: 'COST',
          aggregate: 'sum',
          column: 'cost',
          date: 'd',
          where: [{ column: 'los', op: 'ge', value: 1 }],
        },
        { dataElement: 'LOS', aggregate: 'avg', column: 'los', date: 'd' },
      ],
    });
    expect(sql).toContain(
      `CAST(count(DISTINCT CAST("patient" AS VARCHAR)) FILTER (WHERE CAST("type" AS VARCHAR) = 'inpatient') AS DOUBLE) AS "e0"`,
    );
    expect(sql).toContain(
      `CAST(sum(TRY_CAST("cost" AS DOUBLE)) FILTER (WHERE TRY_CAST("los" AS DOUBLE) >= 1) AS DOUBLE) AS "e1"`,
    );
    expect(sql).toContain(`CAST(avg(TRY_CAST("los" AS DOUBLE)) AS DOUBLE) AS "e2"`);
    expect(sql).toContain(`UNPIVOT "g0" ON "e0", "e1", "e2"`);
  });

  test('elements by different dates or period types are grouped apart and joined by UNION ALL', () => {
    const { sql, elementOf } = compile({
      elements: [
        { dataElement: 'A', aggregate: 'count', date: 'admitted' },
        { dataElement: 'B', aggregate: 'count', date: 'discharged', periodType: 'quarter' },
        { dataElement: 'C', aggregate: 'count', date: 'admitted', periodType: 'year' },
      ],
    });
    expect(elementOf).toEqual({ e0: 'A', e1: 'B', e2: 'C' });
    expect(sql).toContain(
      `CAST(year(TRY_CAST("discharged" AS DATE)) AS VARCHAR) || 'Q' || CAST(quarter(TRY_CAST("discharged" AS DATE)) AS VARCHAR) AS "period"`,
    );
    expect(sql).toContain(`CAST(year(TRY_CAST("admitted" AS DATE)) AS VARCHAR) AS "period"`);
    expect(sql.split('UNION ALL').length).toBe(3);
  });

  test('the unit column is translated with a CASE, untranslated values kept', () => {
    const { sql } = compile({
      unit: { column: '科室', translate: { 心内科: 'CARD', "O'Neil ward": 'ONW' } },
      elements: [{ dataElement: 'A', aggregate: 'count', date: 'd' }],
    });
    expect(sql).toContain(
      `CASE CAST("科室" AS VARCHAR) WHEN '心内科' THEN 'CARD' WHEN 'O''Neil ward' THEN 'ONW' ELSE CAST("科室" AS VARCHAR) END AS "unit"`,
    );
  });

  test('the next admission within 30 days is a window over the patient ordered by admission', () => {
    const { sql } = compile({
      constructs: {
        readmitted: {
          type: 'next-admission-within',
          patient: 'pid',
          admission: 'adm',
          discharge: 'dis',
          days: 30,
        },
      },
      elements: [
        {
          dataElement: 'READMISSIONS',
          aggregate: 'count',
          date: 'dis',
          where: [{ construct: 'readmitted' }],
        },
      ],
    });
    expect(sql).toContain(
      `SELECT *, COALESCE(date_diff('day', TRY_CAST("dis" AS DATE), lead(TRY_CAST("adm" AS DATE)) OVER ` +
        `(PARTITION BY CAST("pid" AS VARCHAR) ORDER BY TRY_CAST("adm" AS DATE), TRY_CAST("dis" AS DATE))) BETWEEN 0 AND 30, FALSE) ` +
        `AS "__healthbsc_construct_0" FROM read_csv(`,
    );
    expect(sql).toContain(`count(*) FILTER (WHERE "__healthbsc_construct_0")`);
  });

  test('a negated construct counts the records it does not hold for', () => {
    const { sql } = compile({
      constructs: {
        r: { type: 'next-admission-within', patient: 'p', admission: 'a', discharge: 'd', days: 7 },
      },
      elements: [
        { dataElement: 'X', aggregate: 'count', date: 'd', where: [{ construct: 'r', negate: true }] },
      ],
    });
    expect(sql).toContain(`FILTER (WHERE NOT "__healthbsc_construct_0")`);
  });

  test.each<[z.input<typeof extractColumnFilterSchema>, string]>([
    [{ column: 'n', op: 'in', values: [1, 2] }, `TRY_CAST("n" AS DOUBLE) IN (1, 2)`],
    [{ column: 'n', op: 'not-in', values: ['a', 3] }, `CAST("n" AS VARCHAR) NOT IN ('a', '3')`],
    [{ column: 'n', op: 'is-null' }, `"n" IS NULL`],
    [{ column: 'n', op: 'not-null' }, `"n" IS NOT NULL`],
    [{ column: 'n', op: 'eq', value: true }, `TRY_CAST("n" AS BOOLEAN) = TRUE`],
    [{ column: 'n', op: 'lt', value: -1.5 }, `TRY_CAST("n" AS DOUBLE) < -1.5`],
  ])('the filter %j is the condition %s', (filter, expected) => {
    const { sql } = compile({
      elements: [{ dataElement: 'X', aggregate: 'count', date: 'd', where: [filter] }],
    });
    expect(sql).toContain(`FILTER (WHERE ${expected})`);
  });

  test('a column name and a value written to break out of the quotes stay a name and a value', () => {
    const { sql } = compile({
      elements: [
        {
          dataElement: 'X',
          aggregate: 'sum',
          column: 'cost"); DROP TABLE t; --',
          date: 'd',
          where: [{ column: "ward'", op: 'eq', value: "'); COPY (SELECT 1) TO 'stolen.csv' --" }],
        },
      ],
    });
    expect(sql).toContain(`sum(TRY_CAST("cost""); DROP TABLE t; --" AS DOUBLE))`);
    expect(sql).toContain(`CAST("ward'" AS VARCHAR) = '''); COPY (SELECT 1) TO ''stolen.csv'' --'`);
  });

  test('a date format reads dates that are not ISO', () => {
    const { sql } = compile({
      dateFormat: '%Y/%m/%d',
      elements: [{ dataElement: 'X', aggregate: 'count', date: 'd' }],
    });
    expect(sql).toContain(
      `COALESCE(TRY_CAST("d" AS DATE), CAST(TRY_STRPTIME(CAST("d" AS VARCHAR), '%Y/%m/%d') AS DATE))`,
    );
  });

  test('a Parquet file is read with read_parquet', () => {
    const definition = extractDefinitionSchema.parse({
      unit: { column: 'dept' },
      elements: [{ dataElement: 'X', aggregate: 'count', date: 'd' }],
    });
    expect(compileExtract(definition, { format: 'parquet', path: 'r.parquet' }).sql).toContain(
      `FROM read_parquet('r.parquet')`,
    );
  });
});

describe('extractDefinitionSchema', () => {
  test('a filter naming an unknown construct is refused at its path', () => {
    const result = extractDefinitionSchema.safeParse({
      unit: { column: 'dept' },
      elements: [{ dataElement: 'X', aggregate: 'count', date: 'd', where: [{ construct: 'nope' }] }],
    });
    expect(result.error?.issues.map((i) => i.path)).toEqual([['elements', 0, 'where', 0, 'construct']]);
  });

  test('a sum without a column is refused', () => {
    const result = extractDefinitionSchema.safeParse({
      unit: { column: 'dept' },
      elements: [{ dataElement: 'X', aggregate: 'sum', date: 'd' }],
    });
    expect(result.error?.issues.map((i) => i.path)).toEqual([['elements', 0, 'column']]);
  });
});
