/**
 * Turns tables of a migrated database into `PARTITION BY HASH (<column>)` tables, the test variant of the one
 * migration set that stands in for Citus (which CI cannot run): PostgreSQL refuses a primary or unique key of a
 * partitioned table that lacks the partition column, the rule Citus applies to a distributed table's keys.
 *
 * Recreate-and-copy, after the migrations, rather than rewriting their CREATE TABLE statements: that is what
 * an installation does (it migrates, then `create_distributed_table` copies each table's rows into shards),
 * and it judges each table by the keys it has at the end, whichever migration gave them. Each table is renamed,
 * recreated `(LIKE … INCLUDING ALL) PARTITION BY HASH` with `modulus` partitions (so every primary key, unique
 * index, check, default and identity is recreated on the partitioned table), its rows copied, and the foreign
 * keys (to it and from it), triggers and views that named the old table recreated from their catalog text.
 */
import { sql } from 'kysely';
import type { Db } from '../src/db/connect.ts';

interface Named {
  readonly name: string;
  readonly table: string;
  readonly definition: string;
}

async function rows<T>(db: Db, query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await query.execute(db.kysely)).rows;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Partitions `tables` (in the public schema) by hash of `column`. Throws PostgreSQL's own error when a table's
 * key lacks the column ("unique constraint on partitioned table must include all partitioning columns").
 *
 * @example await partitionTablesByHash(db, ['data_value', 'target'], 'root_id');
 */
export async function partitionTablesByHash(
  db: Db,
  tables: readonly string[],
  column: string,
  modulus = 4,
): Promise<void> {
  const names = [...tables];
  const views = await rows<{ name: string; definition: string }>(
    db,
    sql`select distinct v.relname as name, pg_get_viewdef(v.oid) as definition
        from pg_depend d join pg_rewrite r on r.oid = d.objid join pg_class v on v.oid = r.ev_class
        join pg_class t on t.oid = d.refobjid
        where v.relkind = 'v' and t.relname = any(${names}) and t.relnamespace = 'public'::regnamespace`,
  );
  const foreignKeys = await rows<Named>(
    db,
    sql`select c.conname as name, c.conrelid::regclass::text as "table", pg_get_constraintdef(c.oid) as definition
        from pg_constraint c
        where c.contype = 'f' and (c.conrelid::regclass::text = any(${names})
          or c.confrelid::regclass::text = any(${names}))`,
  );
  const triggers = await rows<Named>(
    db,
    sql`select t.tgname as name, t.tgrelid::regclass::text as "table", pg_get_triggerdef(t.oid) as definition
        from pg_trigger t where not t.tgisinternal and t.tgrelid::regclass::text = any(${names})`,
  );
  const identities = await rows<{ table: string; column: string }>(
    db,
    sql`select table_name as "table", column_name as "column" from information_schema.columns
        where table_schema = 'public' and is_identity = 'YES' and table_name = any(${names})`,
  );
  const script: string[] = [];
  for (const view of views) script.push(`drop view ${quote(view.name)};`);
  for (const fk of foreignKeys)
    script.push(`alter table ${quote(fk.table)} drop constraint ${quote(fk.name)};`);
  for (const table of names) {
    const plain = quote(`${table}__plain`);
    script.push(
      `alter table ${quote(table)} rename to ${quote(`${table}__plain`)};`,
      `create table ${quote(table)} (like ${plain} including all) partition by hash (${quote(column)});`,
      ...Array.from(
        { length: modulus },
        (_, i) =>
          `create table ${quote(`${table}__p${i}`)} partition of ${quote(table)} for values with (modulus ${modulus}, remainder ${i});`,
      ),
      `insert into ${quote(table)} overriding system value select * from ${plain};`,
      `drop table ${plain};`,
    );
  }
  for (const identity of identities) {
    const seq = `pg_get_serial_sequence('${identity.table}', '${identity.column}')`;
    script.push(
      `select setval(${seq}, coalesce((select max(${quote(identity.column)}) from ${quote(identity.table)}), 0) + 1, false);`,
    );
  }
  for (const trigger of triggers) script.push(`${trigger.definition};`);
  for (const fk of foreignKeys) {
    script.push(`alter table ${quote(fk.table)} add constraint ${quote(fk.name)} ${fk.definition};`);
  }
  for (const view of views) script.push(`create view ${quote(view.name)} as ${view.definition}`);
  await db.kysely.transaction().execute(async (trx) => {
    for (const statement of script) await sql.raw(statement).execute(trx);
  });
}

/** The tables of the public schema partitioned by hash, with their partition key's columns. */
export async function hashPartitionedTables(db: Db): Promise<Map<string, string>> {
  const found = await rows<{ table: string; key: string }>(
    db,
    sql`select c.relname as "table", pg_get_partkeydef(c.oid) as key
        from pg_partitioned_table p join pg_class c on c.oid = p.partrelid
        where p.partstrat = 'h' and c.relnamespace = 'public'::regnamespace order by c.relname`,
  );
  return new Map(found.map((row) => [row.table, row.key]));
}
