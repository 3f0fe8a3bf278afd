/**
 * The one migration set with the large tables partitioned `BY HASH (root_id)` on PostgreSQL 15
 * (test/partitioned-schema.ts), which refuses a key without the partition column as Citus refuses it
 * (docs/deployment.md "Citus"): the tables convert, and publishing, republishing and approving work on them.
 */
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { createDatedWorld, type DatedWorld } from '../../../test/fixtures/dated-world.ts';
import { FIXTURE_ACTOR, FIXTURE_APPROVER } from '../../../test/fixtures/server.ts';
import { hashPartitionedTables, partitionTablesByHash } from '../../../test/partitioned-schema.ts';
import type { EvaluationJson } from '../../core/contracts/evaluation.ts';
import { DISTRIBUTED_TABLES, DISTRIBUTION_COLUMN } from '../../db/distribution.ts';
import { approveData, submitApproval } from '../services/approvals.service.ts';

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
