import { AbortedTransactionError, type Kysely, sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { ALL_ENGINES, describeEachEngine } from '../../test/engines.ts';
import type { Db } from './connect.ts';
import type { Database } from './schema.ts';

type Executor = Pick<Kysely<Database>, 'getExecutor'>;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function insert(db: Executor, label: string): Promise<void> {
  await sql`insert into tx_probe (label) values (${label})`.execute(db);
}

async function labels(db: Db, prefix: string): Promise<string[]> {
  const { rows } = await sql<{ label: string }>`
    select label from tx_probe where label like ${`${prefix}%`} order by label`.execute(db.kysely);
  return rows.map((row) => row.label);
}

/** A promise and the function that resolves it, to hold a transaction open at a chosen point. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = (): void => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

async function createProbeTable(db: Db): Promise<void> {
  await sql`create table tx_probe (label text not null)`.execute(db.kysely);
}

describeEachEngine(
  'transactions',
  (getDb) => {
    beforeAll(() => createProbeTable(getDb()));

    it('keeps the committed rows and none of the rolled-back ones when eight transactions run at once', async () => {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          getDb()
            .kysely.transaction()
            .execute(async (trx) => {
              await insert(trx, `concurrent:${i}:a`);
              await pause(5);
              await insert(trx, `concurrent:${i}:b`);
              if (i % 2 === 1) throw new Error(`transaction ${i} rolls back`);
            }),
        ),
      );
      expect(outcomes.map((outcome) => outcome.status)).toEqual(
        Array.from({ length: 8 }, (_, i) => (i % 2 === 1 ? 'rejected' : 'fulfilled')),
      );
      expect(await labels(getDb(), 'concurrent:')).toEqual(
        [0, 2, 4, 6].flatMap((i) => [`concurrent:${i}:a`, `concurrent:${i}:b`]),
      );
    });

    it('never shows an outside query a row that is later rolled back', async () => {
      const inserted = gate();
      const release = gate();
      const transaction = getDb()
        .kysely.transaction()
        .execute(async (trx) => {
          await insert(trx, 'outside:uncommitted');
          inserted.open();
          await release.opened;
          throw new Error('roll back');
        });
      await inserted.opened;
      const outside = labels(getDb(), 'outside:');
      await pause(20);
      release.open();
      await expect(transaction).rejects.toThrow('roll back');
      expect(await outside).toEqual([]);
    });

    it('rolls back to a savepoint and commits what came before it', async () => {
      const trx = await getDb().kysely.startTransaction().execute();
      await insert(trx, 'savepoint:before');
      const afterSavepoint = await trx.savepoint('probe').execute();
      await insert(afterSavepoint, 'savepoint:after');
      await afterSavepoint.rollbackToSavepoint('probe').execute();
      await trx.commit().execute();
      expect(await labels(getDb(), 'savepoint:')).toEqual(['savepoint:before']);
    });

    it('refuses to commit a transaction in which a statement failed', async () => {
      const transaction = getDb()
        .kysely.transaction()
        .execute(async (trx) => {
          await insert(trx, 'aborted:row');
          await expect(sql`select * from missing_table`.execute(trx)).rejects.toMatchObject({
            code: '42P01',
          });
        });
      await expect(transaction).rejects.toBeInstanceOf(AbortedTransactionError);
      expect(await labels(getDb(), 'aborted:')).toEqual([]);
    });
  },
  { engines: ALL_ENGINES, migrate: false },
);

// PGlite has one session, so the driver queues everything behind an open transaction. (PostgreSQL
// answers the outside query at once from another connection; the test above covers what both share.)
describeEachEngine(
  'one PGlite session',
  (getDb) => {
    beforeAll(() => createProbeTable(getDb()));

    it('makes an outside query wait until the running transaction ends', async () => {
      const events: string[] = [];
      const inserted = gate();
      const release = gate();
      const transaction = getDb()
        .kysely.transaction()
        .execute(async (trx) => {
          await insert(trx, 'wait:committed');
          inserted.open();
          await release.opened;
          events.push('transaction body ended');
        });
      await inserted.opened;
      const outside = labels(getDb(), 'wait:').then((found) => {
        events.push('outside query answered');
        return found;
      });
      await pause(50);
      events.push('transaction released');
      release.open();
      await transaction;
      expect(await outside).toEqual(['wait:committed']);
      expect(events).toEqual(['transaction released', 'transaction body ended', 'outside query answered']);
    });
  },
  { engines: ['pglite', 'pglite-worker'], migrate: false },
);
