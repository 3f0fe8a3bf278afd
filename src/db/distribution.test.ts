import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/engines.ts';
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
