import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { ALL_ENGINES, describeEachEngine } from '../../test/engines.ts';

// What each PostgreSQL type reads as, identically on every engine (the choices of ./value-parsers.ts).
const READS: readonly (readonly [string, string, unknown])[] = [
  ['count(*)', 'select count(*) as value from (values (1), (2), (3)) as t(x)', 3],
  ['a safe int8', 'select 9007199254740991::int8 as value', 9_007_199_254_740_991],
  ['an int8 beyond 2^53', 'select 9007199254740993::int8 as value', 9_007_199_254_740_993n],
  ['a numeric', 'select 12.50::numeric as value', 12.5],
  ['sum() of integers (numeric)', 'select sum(x) as value from (values (1), (2)) as t(x)', 3],
  ['a date', "select '2024-03-31'::date as value", '2024-03-31'],
  [
    'a timestamptz',
    "select '2024-03-31 12:00:00+00'::timestamptz as value",
    new Date('2024-03-31T12:00:00Z'),
  ],
  ['a bytea', "select '\\x0102ff'::bytea as value", Buffer.from([1, 2, 255])],
  ['a jsonb', `select '{"a": [1, 2.5, null]}'::jsonb as value`, { a: [1, 2.5, null] }],
  ['an int8 array', 'select array[1, 9007199254740993]::int8[] as value', [1, 9_007_199_254_740_993n]],
  ['a numeric array', 'select array[1.5, null]::numeric[] as value', [1.5, null]],
  ['a date array', "select array['2024-01-01'::date] as value", ['2024-01-01']],
  ['a null int8', 'select null::int8 as value', null],
];

describeEachEngine(
  'values',
  (getDb) => {
    beforeAll(async () => {
      await sql`create table value_probe (id int primary key, label text)`.execute(getDb().kysely);
      await sql`insert into value_probe values (1, 'a'), (2, 'b'), (3, 'c')`.execute(getDb().kysely);
    });

    it.each(READS)('reads %s the same on every engine', async (_, query, expected) => {
      const { rows } = await sql<{ value: unknown }>`${sql.raw(query)}`.execute(getDb().kysely);
      expect(rows).toStrictEqual([{ value: expected }]);
    });

    it('returns a count from the query builder as a number', async () => {
      const row = await getDb()
        .kysely.selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(row).toStrictEqual({ n: 0 });
    });

    it('sends a bigint, a Date and a Buffer as parameters and reads them back unchanged', async () => {
      const at = new Date('2025-01-02T03:04:05.678Z');
      const { rows } = await sql<{ big: unknown; at: unknown; bytes: unknown }>`
        select ${9_007_199_254_740_993n}::int8 as big, ${at}::timestamptz as at, ${Buffer.from([7, 8])}::bytea as bytes
      `.execute(getDb().kysely);
      expect(rows).toStrictEqual([{ big: 9_007_199_254_740_993n, at, bytes: Buffer.from([7, 8]) }]);
    });

    it('reports how many rows an update changed', async () => {
      const result = await sql`update value_probe set label = upper(label) where id <= ${2}`.execute(
        getDb().kysely,
      );
      expect(result.numAffectedRows).toBe(2n);
    });

    it('reports a database error with its SQLSTATE in code', async () => {
      await expect(
        sql`select * from missing_table where id = ${1}`.execute(getDb().kysely),
      ).rejects.toMatchObject({
        message: 'relation "missing_table" does not exist',
        code: '42P01',
      });
    });

    it('reports a violated constraint with its name', async () => {
      await expect(
        sql`insert into value_probe values (${1}, 'again')`.execute(getDb().kysely),
      ).rejects.toMatchObject({
        code: '23505',
        constraint: 'value_probe_pkey',
      });
    });
  },
  { engines: ALL_ENGINES },
);
