/**
 * Bulk value writes through COPY (PostgreSQL): a staging table and one merge write exactly the rows the
 * `unnest` statements write (values, comments with tabs, newlines and backslashes, nulls, who, when, version),
 * and a second load through COPY updates them as the statements would (version 2).
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { uniqueCode } from '../../../test/fixtures/codes.ts';
import { createUnits } from '../../../test/fixtures/evaluation-fixtures.ts';
import { periodRange } from '../../core/periods/index.ts';
import type { Db } from '../connect.ts';
import { COPY_MIN_ROWS, type RowValues, upsertRows } from './value-store.repository.ts';

describeEachEngine(
  'bulk value writes through COPY',
  (getDb) => {
    let db: Db;
    let rows: (base: number) => RowValues[];

    beforeAll(async () => {
      db = getDb();
      const months = periodRange('1990-01', '2024-12');
      await db.kysely
        .insertInto('period')
        .values(
          months.map((id) => ({
            id,
            type: 'month' as const,
            start_date: `${id}-01`,
            end_date: `${id}-28`,
          })),
        )
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      const elements: number[] = [];
      for (let e = 0; e < 15; e++) {
        const code = uniqueCode(`copy${e}`);
        elements.push(
          (
            await db.kysely
              .insertInto('data_element')
              .values({ code, name_en: code, missing_values: null })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
        );
      }
      const g = uniqueCode('G');
      const unit = (await createUnits(db, [{ code: g }])).get(g);
      rows = (base) =>
        elements.flatMap((element, e) =>
          months.map((period, m) => ({
            root_id: unit?.rootId ?? 0,
            org_unit_id: unit?.id ?? 0,
            data_element_id: element,
            period_id: period,
            value: base + e * 1000 + m / 8,
            comment: m % 97 === 0 ? `tab\there, line\nthere, back\\slash ${m}` : null,
          })),
        );
    });

    async function stored() {
      const result = await sql<Record<string, unknown>>`
        select org_unit_id, data_element_id, period_id, value, comment, updated_by, updated_at::text as at,
          import_batch_id, version
        from data_value order by data_element_id, period_id`.execute(db.kysely);
      return result.rows;
    }

    async function write(via: 'statements' | 'copy', base: number): Promise<void> {
      const at = new Date('2026-12-06T10:00:00Z');
      await db.kysely
        .transaction()
        .execute((trx) =>
          upsertRows(trx, 'data_value', rows(base), { by: 'u1', at, batchId: null }, undefined, via),
        );
    }

    it('writes through COPY exactly the rows the statements write, then updates them the same way', async () => {
      expect(rows(0).length).toBeGreaterThanOrEqual(COPY_MIN_ROWS);
      await write('statements', 0);
      await write('statements', 0.5);
      const byStatements = await stored();
      await sql`delete from data_value`.execute(db.kysely);
      await write('copy', 0);
      await write('copy', 0.5);
      const byCopy = await stored();
      expect([byCopy.length, byCopy[0]?.version, byCopy[97]?.comment, byCopy]).toEqual([
        6300,
        2,
        'tab\there, line\nthere, back\\slash 97',
        byStatements,
      ]);
    });
  },
  { engines: ['postgres'] },
);
