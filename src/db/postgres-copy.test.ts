/**
 * `COPY … TO STDOUT` through Kysely (PostgreSQL): the binary output of the cube's read, parsed by
 * `BinaryValueRows`, gives back every value exactly (ids past 2^32, extreme doubles, each period type), inside a
 * transaction too; an error thrown while reading fails the statement with that error and leaves the connection
 * usable.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/engines.ts';
import type { Db } from './connect.ts';
import { CopyOut, copyTo } from './postgres-copy.ts';
import { BinaryValueRows, type CubePeriodType } from './repositories/cube.repository.ts';

const STATEMENT =
  'copy (select u, e, p, v from (values ' +
  "(1::bigint, 7::bigint, '2024-03'::text, 0.1::float8 + 0.2::float8), " +
  "(5000000000, 2, '2024Q1', -1e15), " +
  "(3, 9007199254740991, '1999', 5e-324), " +
  "(4, 4, '2024-12', '-0')" +
  ') as t (u, e, p, v) order by u) to stdout (format binary)';

const EXPECTED = [
  [1, 7, 'month', 2024 * 12 + 2, 0.1 + 0.2],
  [3, 9007199254740991, 'year', 1999, 5e-324],
  [4, 4, 'month', 2024 * 12 + 11, -0],
  [5000000000, 2, 'quarter', 2024 * 4, -1e15],
];

type Value = [number, number, CubePeriodType, number, number];

describeEachEngine(
  'COPY TO STDOUT through Kysely',
  (getDb) => {
    let db: Db;
    beforeAll(() => {
      db = getDb();
    });

    it('reads binary output back into exactly the values selected, in a transaction too', async () => {
      const values: Value[] = [];
      const rows = new BinaryValueRows((...value) => values.push(value));
      await copyTo(db.kysely, STATEMENT, new CopyOut((chunk) => rows.read(chunk)));
      rows.end();
      const inTransaction: Value[] = [];
      await db.kysely.transaction().execute(async (trx) => {
        const again = new BinaryValueRows((...value) => inTransaction.push(value));
        await copyTo(trx, STATEMENT, new CopyOut((chunk) => again.read(chunk)));
        again.end();
      });
      expect([values, Object.is(values[2]?.[4], -0), inTransaction]).toEqual([EXPECTED, true, EXPECTED]);
    });

    it('fails with the reader’s error and leaves the connection usable', async () => {
      const failure = await db.kysely
        .transaction()
        .execute(async (trx) => {
          await copyTo(
            trx,
            STATEMENT,
            new CopyOut(() => {
              throw new Error('reader refused');
            }),
          );
        })
        .then(
          () => null,
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        );
      const after = await sql<{ one: number }>`select 1 as one`.execute(db.kysely);
      expect([failure, after.rows]).toEqual(['reader refused', [{ one: 1 }]]);
    });
  },
  { engines: ['postgres'] },
);
