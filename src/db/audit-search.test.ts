/**
 * The audit trail's text search reads the trigram index (migration 202612090400_audit_text_search.sql) and
 * finds the same rows as a per-field ILIKE on both engines.
 */
import { CompiledQuery, sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/engines.ts';
import { listAuditEntries, selectAuditRows } from './repositories/audit-query.repository.ts';

describeEachEngine('audit text search', (getDb) => {
  beforeAll(async () => {
    const { kysely } = getDb();
    // 4,000 ordinary rows, so that reading the table whole costs more than asking the index.
    await sql`insert into audit_log (actor, action, entity, entity_key, new_value, reason)
      select 'user:' || (n % 40), 'update', 'data_value', 'ward-' || (n % 90) || '/2024-03/bed_occupancy',
             jsonb_build_object('value', n), 'Monthly census'
      from generate_series(1, 4000) as n`.execute(kysely);
    await kysely
      .insertInto('audit_log')
      .values([
        {
          actor: 'user:7',
          action: 'update',
          entity: 'target',
          entity_key: 'ward-3/2024/occupancy',
          old_value: JSON.stringify({ target: 85 }),
          new_value: JSON.stringify({ target: 88, note: 'Zebra crossing budget' }),
          reason: null,
        },
        {
          actor: 'user:8',
          action: 'update',
          entity: 'data_value',
          entity_key: 'ward-4/2024-03/deaths',
          old_value: null,
          new_value: JSON.stringify({ value: 2 }),
          reason: 'Late ZEBRA report, 100% checked',
        },
      ])
      .execute();
    // As autovacuum would: moves GIN's pending list (rows inserted since the index was built) into the index.
    await sql`vacuum analyze audit_log`.execute(kysely);
  });

  it('finds a text in a value or a reason, case-insensitively: two rows', async () => {
    const page = await listAuditEntries(getDb().kysely, { text: 'zebra' }, { limit: 10, offset: 0 });
    expect(page.rows.map((r) => r.entityKey)).toEqual(['ward-4/2024-03/deaths', 'ward-3/2024/occupancy']);
  });

  it('counts every match: 4,000 census rows and the two others hold "ward-"', async () => {
    const page = await listAuditEntries(getDb().kysely, { text: 'WARD-' }, { limit: 1, offset: 0 });
    expect(page.total).toBe(4002);
  });

  it('takes % in the text as itself: one row', async () => {
    const page = await listAuditEntries(getDb().kysely, { text: '100%' }, { limit: 10, offset: 0 });
    expect(page.rows.map((r) => r.entityKey)).toEqual(['ward-4/2024-03/deaths']);
  });

  it('reads the trigram index (EXPLAIN)', async () => {
    const { kysely } = getDb();
    const query = selectAuditRows(kysely, { text: 'zebra' }).select('a.id').compile();
    const plan = await kysely.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]),
    );
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain(
      'Bitmap Index Scan on audit_log_text_trgm',
    );
  });
});
