/**
 * A backup made before targets carried `root_id` (migration 202612062050_distribution_keys) restores into
 * today's schema: each target and its history take the organisation of their org unit, 0 when shared.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import type { Db } from '../connect.ts';
import { migrateToLatest } from '../migrate.ts';
import { dumpDatabase, restoreDatabase } from './backup.repository.ts';

const NEW_MIGRATION = '202612062050_distribution_keys';

/** The backup as one made before NEW_MIGRATION would read: no root_id in targets and their history. */
function asBeforeRootIds(lines: readonly string[]): string[] {
  let stripping = false;
  return lines.map((line, index) => {
    const value: Record<string, unknown> = JSON.parse(line);
    if (index === 0) {
      const migrations: unknown[] = Array.isArray(value.migrations) ? value.migrations : [];
      return JSON.stringify({ ...value, migrations: migrations.filter((m) => m !== NEW_MIGRATION) });
    }
    if (typeof value.table === 'string') {
      stripping = value.table === 'target' || value.table === 'target_history';
      const columns: unknown[] = Array.isArray(value.columns) ? value.columns : [];
      return stripping ? JSON.stringify({ ...value, columns: columns.filter((c) => c !== 'root_id') }) : line;
    }
    if (!stripping || value.end === true) return line;
    const { root_id: _root, ...rest } = value;
    return JSON.stringify(rest);
  });
}

async function* each(lines: readonly string[]): AsyncIterable<string> {
  yield* lines;
}

describeEachEngine('restoring a backup from before targets had root_id', (getDb, engine) => {
  let restored: Db;

  beforeAll(async () => {
    const db = getDb();
    await sql`insert into org_unit (code, name_en, type) values ('G', 'Group', 'group')`.execute(db.kysely);
    await sql`insert into org_unit (parent_id, code, name_en, type)
      select id, 'H', 'Hospital', 'hospital' from org_unit where code = 'G'`.execute(db.kysely);
    await sql`insert into scorecard (code, name_en) values ('S', 'Scorecard')`.execute(db.kysely);
    await sql`insert into period (id, type, start_date, end_date) values ('2024', 'year', '2024-01-01', '2024-12-31')`.execute(
      db.kysely,
    );
    await sql`insert into target (root_id, scorecard_id, indicator_code, org_unit_id, period_id, target, set_by)
      select o.root_id, s.id, 'OCC', o.id, '2024', 85, 'test' from org_unit o, scorecard s where o.code = 'H'`.execute(
      db.kysely,
    );
    await sql`insert into target (root_id, scorecard_id, indicator_code, period_id, target, set_by)
      select 0, s.id, 'ALOS', '2024', 7, 'test' from scorecard s`.execute(db.kysely);
    const lines: string[] = [];
    await dumpDatabase(db, async (line) => {
      lines.push(line);
    });
    restored = await engine.openEmptyDb();
    await migrateToLatest(restored);
    await restoreDatabase(restored, each(asBeforeRootIds(lines)));
  });
  afterAll(() => restored.close());

  it.each(['target', 'target_history'] as const)(
    "gives each row of %s its unit's organisation",
    async (table) => {
      const { rows } = await sql<{ indicator: string; matches: boolean }>`
      select t.indicator_code as indicator, t.root_id = coalesce(o.root_id, 0) as matches
      from ${sql.id(table)} t left join org_unit o on o.id = t.org_unit_id order by 1`.execute(
        restored.kysely,
      );
      expect(rows).toEqual([
        { indicator: 'ALOS', matches: true },
        { indicator: 'OCC', matches: true },
      ]);
    },
  );
});
