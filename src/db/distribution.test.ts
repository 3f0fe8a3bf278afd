import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/engines.ts';
import { createDatedWorld, type DatedWorld } from '../../test/fixtures/dated-world.ts';
import { FIXTURE_ACTOR, FIXTURE_APPROVER } from '../../test/fixtures/server.ts';
import { hashPartitionedTables, partitionTablesByHash } from '../../test/partitioned-schema.ts';
import type { EvaluationJson } from '../core/contracts/evaluation.ts';
import { approveData, submitApproval } from '../server/services/approvals.service.ts';
import type { Db } from './connect.ts';
import {
  COORDINATOR_TABLES,
  citusDistributionSql,
  DISTRIBUTED_TABLES,
  DISTRIBUTION_COLUMN,
  REFERENCE_TABLES,
} from './distribution.ts';

async function publicTables(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_migration%'
    order by table_name`.execute(db.kysely);
  return rows.map((row) => row.name);
}

/** Each primary key and unique index of `tables` that leaves out the distribution column, by name. */
async function keysWithoutDistributionColumn(db: Db, tables: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select i.indexrelid::regclass::text as name
    from pg_index i join pg_class t on t.oid = i.indrelid
    where i.indisunique and t.relname = any(${[...tables]}) and t.relnamespace = 'public'::regnamespace
      and not exists (select 1 from pg_attribute a where a.attrelid = t.oid and a.attname = ${DISTRIBUTION_COLUMN}
        and a.attnum = any(i.indkey::int2[]))
    order by 1`.execute(db.kysely);
  return rows.map((row) => row.name);
}

describeEachEngine('Citus placement of the schema', (getDb) => {
  it('places every table of the schema once: distributed, reference or on the coordinator', async () => {
    const placed = [...DISTRIBUTED_TABLES, ...REFERENCE_TABLES, ...COORDINATOR_TABLES].sort();
    expect(placed).toEqual(await publicTables(getDb()));
  });

  it('has root_id in every primary key and unique key of the distributed tables', async () => {
    expect(await keysWithoutDistributionColumn(getDb(), DISTRIBUTED_TABLES)).toEqual([]);
  });

  it('gives in docs/deployment.md every statement that distributes the schema', async () => {
    const doc = await readFile(new URL('../../docs/deployment.md', import.meta.url), 'utf8');
    expect(citusDistributionSql().filter((line) => !doc.includes(line))).toEqual([]);
  });

  it('distributes the large tables colocated with data_value', () => {
    expect(citusDistributionSql().filter((line) => line.includes('create_distributed_table'))).toEqual([
      "select create_distributed_table('data_value', 'root_id');",
      ...DISTRIBUTED_TABLES.slice(1).map(
        (table) => `select create_distributed_table('${table}', 'root_id', colocate_with => 'data_value');`,
      ),
    ]);
  });
});

describeEachEngine(
  'the migrations with the large tables partitioned by hash (root_id)',
  (getDb) => {
    let world: DatedWorld | undefined;
    afterAll(() => world?.server.close());

    it('partitions every distributed table by hash of root_id', async () => {
      await partitionTablesByHash(getDb(), DISTRIBUTED_TABLES, DISTRIBUTION_COLUMN);
      expect(await hashPartitionedTables(getDb())).toEqual(
        new Map([...DISTRIBUTED_TABLES].sort().map((table) => [table, 'HASH (root_id)'])),
      );
    });

    it("publishes, republishes and approves, and the group's score today is the one published", async () => {
      const w = await createDatedWorld(getDb());
      world = w;
      const key = { scorecard: w.scorecard, orgUnit: w.units.group, period: '2023' };
      const month = { scorecard: w.scorecard, orgUnit: w.units.h1, period: '2024-03' };
      await submitApproval(w.server.ctx, FIXTURE_ACTOR, month);
      await approveData(w.server.ctx, FIXTURE_APPROVER, month);
      const statuses = [
        (await w.server.request('POST', '/api/publications', { ...key, unapprovedPeriods: ['2023'] }))
          .statusCode,
        (
          await w.server.request('POST', '/api/publications', {
            ...key,
            reason: 'again',
            unapprovedPeriods: ['2023'],
          })
        ).statusCode,
        (await w.server.request('POST', '/api/publications', month)).statusCode,
      ];
      const live = await w.server.request('GET', `/api/evaluations?${new URLSearchParams(key)}`);
      expect(statuses).toEqual([201, 201, 201]);
      expect(live.json<EvaluationJson>().publication?.differs).toBe(false);
    });

    it("stores each unit's targets under its organisation and shared targets under 0", async () => {
      const { rows } = await sql<{ wrong: number }>`select count(*)::int as wrong from target t
        left join org_unit o on o.id = t.org_unit_id
        where t.root_id <> coalesce(o.root_id, 0)`.execute(getDb().kysely);
      expect(rows).toEqual([{ wrong: 0 }]);
    });

    it('refuses a unique key without the partition column, as Citus does', async () => {
      await sql`create table scratch_keyed (root_id bigint not null, code text unique)`.execute(
        getDb().kysely,
      );
      await expect(partitionTablesByHash(getDb(), ['scratch_keyed'], DISTRIBUTION_COLUMN)).rejects.toThrow(
        /unique constraint on partitioned table must include all partitioning columns/,
      );
    });
  },
  { engines: ['postgres'] },
);
