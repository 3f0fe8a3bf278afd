/**
 * Reading the audit trail (written by ./audit.repository.ts): newest first, filtered by what changed, who changed
 * it, which org unit it concerns and when.
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { OrgScope } from '../../core/access/scope.ts';
import type { AuditLogTable, Database, JsonValue } from '../schema.ts';
import { type Executor, type PageRows, type PageWindow, scopeCondition } from './query-helpers.ts';

export interface AuditRecord {
  readonly id: number;
  readonly occurredAt: Date;
  readonly actor: string;
  readonly address: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityKey: string | null;
  readonly oldValue: JsonValue | null;
  readonly newValue: JsonValue | null;
  readonly reason: string | null;
  readonly orgUnitCode: string | null;
}

export interface AuditFilter {
  readonly entity?: string;
  readonly entityKey?: string;
  readonly actor?: string;
  /** Text found, case-insensitively, in the actor, the key, the reason or the old or new value. */
  readonly text?: string;
  readonly orgUnitId?: number;
  /** A unit's path: changes concerning that unit or any unit under it. */
  readonly subtreeOf?: string;
  /** At or after. */
  readonly from?: Date;
  /** Before. */
  readonly to?: Date;
  /**
   * The reader's org-unit scope: only rows concerning a unit inside it (rows about no unit, such as sign-ins and
   * metadata, are left out too). Null or absent: every row.
   */
  readonly scope?: OrgScope;
}

type AuditScope = Database & { a: AuditLogTable };

/**
 * The five searched fields joined, exactly as the trigram index `audit_log_text_trgm` is built
 * (migration 202612090400_audit_text_search.sql): a pattern the joined text does not contain is in none of the
 * fields, so the index narrows the rows and the per-field conditions decide.
 */
export const AUDIT_SEARCH_TEXT = sql<string>`(coalesce(a.actor, '') || ' ' || coalesce(a.entity_key, '') || ' ' || coalesce(a.reason, '') || ' ' || coalesce(a.old_value::text, '') || ' ' || coalesce(a.new_value::text, ''))`;

function filterConditions(
  eb: ExpressionBuilder<AuditScope, 'a'>,
  filter: AuditFilter,
): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.entity !== undefined) conditions.push(eb('a.entity', '=', filter.entity));
  if (filter.entityKey !== undefined) conditions.push(eb('a.entity_key', '=', filter.entityKey));
  if (filter.actor !== undefined) conditions.push(eb('a.actor', '=', filter.actor));
  if (filter.text !== undefined) {
    // LIKE's wildcards in the text are searched for as themselves.
    const pattern = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(eb(AUDIT_SEARCH_TEXT, 'ilike', pattern));
    conditions.push(
      eb.or([
        eb('a.actor', 'ilike', pattern),
        eb('a.entity_key', 'ilike', pattern),
        eb('a.reason', 'ilike', pattern),
        eb(sql<string>`a.old_value::text`, 'ilike', pattern),
        eb(sql<string>`a.new_value::text`, 'ilike', pattern),
      ]),
    );
  }
  if (filter.orgUnitId !== undefined) conditions.push(eb('a.org_unit_id', '=', filter.orgUnitId));
  if (filter.subtreeOf !== undefined) {
    conditions.push(
      eb(
        'a.org_unit_id',
        'in',
        eb.selectFrom('org_unit').select('id').where('path', 'like', `${filter.subtreeOf}%`),
      ),
    );
  }
  const inScope = scopeCondition('s.path', filter.scope);
  if (inScope !== null) {
    conditions.push(eb('a.org_unit_id', 'in', eb.selectFrom('org_unit as s').select('s.id').where(inScope)));
  }
  if (filter.from !== undefined) conditions.push(eb('a.occurred_at', '>=', filter.from));
  if (filter.to !== undefined) conditions.push(eb('a.occurred_at', '<', filter.to));
  return conditions;
}

/** The audit rows `filter` selects, before paging (exported so a test can read the search's plan). */
export function selectAuditRows(db: Executor, filter: AuditFilter) {
  return db.selectFrom('audit_log as a').where((eb) => eb.and(filterConditions(eb, filter)));
}

/** One page of audit rows, newest first (or oldest first, for exports). */
export async function listAuditEntries(
  db: Executor,
  filter: AuditFilter,
  window: PageWindow,
  options: { readonly order?: 'asc' | 'desc' } = {},
): Promise<PageRows<AuditRecord>> {
  const [rows, count] = await Promise.all([
    db
      .selectFrom('audit_log as a')
      .leftJoin('org_unit as o', 'o.id', 'a.org_unit_id')
      .select([
        'a.id',
        'a.occurred_at as occurredAt',
        'a.actor',
        'a.address',
        'a.action',
        'a.entity',
        'a.entity_key as entityKey',
        'a.old_value as oldValue',
        'a.new_value as newValue',
        'a.reason',
        'o.code as orgUnitCode',
      ])
      .where((eb) => eb.and(filterConditions(eb, filter)))
      .orderBy('a.id', options.order ?? 'desc')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    selectAuditRows(db, filter).select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}
