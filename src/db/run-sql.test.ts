/**
 * `Db.runSql` (./connect.ts): SQL that Kysely did not compile, as pg-boss sends it, on every engine.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_ENGINES, describeEachEngine } from '../../test/engines.ts';
import type { Db } from './connect.ts';

async function labels(db: Db): Promise<string[]> {
  const { rows } = await sql<{ label: string }>`select label from run_sql_probe order by label`.execute(
    db.kysely,
  );
  return rows.map((row) => row.label);
}

/** A promise and the function that resolves it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = (): void => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describeEachEngine(
  'Db.runSql',
  (getDb) => {
    beforeAll(async () => {
      await sql`create table run_sql_probe (label text not null)`.execute(getDb().kysely);
    });

    describe('a statement with parameters', () => {
      it('returns its rows', async () => {
        expect(await getDb().runSql('select $1::int + $2::int as sum', [2, 3])).toEqual({
          rows: [{ sum: 5 }],
        });
      });
    });

    describe('a script', () => {
      it('returns the rows of every statement, in order, even a RETURNING before its COMMIT', async () => {
        const result = await getDb().runSql(`
          begin;
          insert into run_sql_probe (label) values ('script:a') returning label;
          select 'script:b' as label;
          commit;
        `);
        expect(result).toEqual({ rows: [{ label: 'script:a' }, { label: 'script:b' }] });
      });

      it('leaves no transaction open when it fails inside its own BEGIN', async () => {
        await expect(
          getDb().runSql(`
            begin;
            insert into run_sql_probe (label) values ('failed:a');
            select 1 / 0;
            commit;
          `),
        ).rejects.toThrow(/division by zero/);
        await sql`insert into run_sql_probe (label) values ('failed:after')`.execute(getDb().kysely);
        expect((await labels(getDb())).filter((label) => label.startsWith('failed:'))).toEqual([
          'failed:after',
        ]);
      });
    });

    it('waits for a transaction in progress instead of running inside it', async () => {
      const db = getDb();
      const inside = gate();
      const release = gate();
      const transaction = db.kysely.transaction().execute(async (trx) => {
        await sql`insert into run_sql_probe (label) values ('wait:tx')`.execute(trx);
        inside.open();
        await release.opened;
        throw new Error('roll back');
      });
      await inside.opened;
      const seen = db.runSql(`select count(*)::int as n from run_sql_probe where label = 'wait:tx'`);
      release.open();
      await expect(transaction).rejects.toThrow('roll back');
      expect(await seen).toEqual({ rows: [{ n: 0 }] });
    });
  },
  { engines: ALL_ENGINES },
);
