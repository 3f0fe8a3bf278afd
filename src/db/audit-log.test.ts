import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/engines.ts';

const APPEND_ONLY_HINT = 'Record a correction as a new audit_log row.';

describeEachEngine('audit_log', (getDb) => {
  beforeAll(async () => {
    await getDb()
      .kysely.insertInto('audit_log')
      .values({
        actor: 'user:17',
        address: '10.0.0.5',
        action: 'update',
        entity: 'data_value',
        entity_key: 'ward-3/2024-03/bed_occupancy',
        old_value: JSON.stringify({ value: 91.2 }),
        new_value: JSON.stringify({ value: 92.4 }),
        reason: 'Late census correction',
      })
      .execute();
  });

  it('stores a change with its time, its old and new values as JSON, and its reason', async () => {
    const rows = await getDb()
      .kysely.selectFrom('audit_log')
      .select([
        'id',
        'occurred_at',
        'actor',
        'address',
        'action',
        'entity',
        'entity_key',
        'old_value',
        'new_value',
        'reason',
      ])
      .execute();
    expect(rows).toEqual([
      {
        id: 1,
        occurred_at: expect.any(Date),
        actor: 'user:17',
        address: '10.0.0.5',
        action: 'update',
        entity: 'data_value',
        entity_key: 'ward-3/2024-03/bed_occupancy',
        old_value: { value: 91.2 },
        new_value: { value: 92.4 },
        reason: 'Late census correction',
      },
    ]);
  });

  it.each([
    ['UPDATE', "update audit_log set reason = 'rewritten'"],
    ['UPDATE', 'update audit_log set reason = null where id = -1'],
    ['DELETE', 'delete from audit_log'],
    ['DELETE', 'delete from audit_log where id = -1'],
    ['TRUNCATE', 'truncate audit_log'],
  ])('rejects %s (%s)', async (operation, statement) => {
    await expect(sql`${sql.raw(statement)}`.execute(getDb().kysely)).rejects.toMatchObject({
      message: `audit_log is append-only: ${operation} is not allowed`,
      code: 'P0001',
      hint: APPEND_ONLY_HINT,
    });
  });

  it('keeps the row unchanged after the rejected changes', async () => {
    const row = await getDb()
      .kysely.selectFrom('audit_log')
      .select(['reason', 'new_value'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ reason: 'Late census correction', new_value: { value: 92.4 } });
  });

  it('refuses an entry without an actor', async () => {
    await expect(
      getDb()
        .kysely.insertInto('audit_log')
        .values({ actor: '', action: 'login', entity: 'session' })
        .execute(),
    ).rejects.toMatchObject({ code: '23514', constraint: 'audit_log_actor_check' });
  });

  it('indexes the history of one record by entity, key and insertion order', async () => {
    const { rows } = await sql<{ indexdef: string }>`
      select indexdef from pg_indexes where tablename = 'audit_log' and indexname = 'audit_log_entity_key_idx'
    `.execute(getDb().kysely);
    expect(rows).toEqual([
      {
        indexdef:
          'CREATE INDEX audit_log_entity_key_idx ON public.audit_log USING btree (entity, entity_key, id)',
      },
    ]);
  });
});
