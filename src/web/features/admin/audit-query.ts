/**
 * The audit table's filters as the query string of `GET /api/audit` and `GET /api/audit/export`
 * (core/contracts/audit.ts): empty filters left out, and a unit filter reaching the unit's whole subtree.
 */

export interface AuditFilters {
  readonly entity?: string | undefined;
  readonly actor?: string | undefined;
  /** Text searched on the server in the actor, key, reason and values. */
  readonly q?: string | undefined;
  readonly orgUnit?: string | undefined;
  /** ISO date-times. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** The filters as both audit routes take them (their query strings, without the page or the file format). */
export interface AuditFilterQuery {
  entity?: string;
  actor?: string;
  q?: string;
  orgUnit?: string;
  from?: string;
  to?: string;
  includeDescendants?: 'true';
}

const FILTERS = [
  'entity',
  'actor',
  'q',
  'orgUnit',
  'from',
  'to',
] as const satisfies readonly (keyof AuditFilters)[];

/**
 * @example auditQuery({ actor: ' admin@demo.healthbsc ', entity: '' }) // { actor: 'admin@demo.healthbsc' }
 */
export function auditQuery(filters: AuditFilters): AuditFilterQuery {
  const query: AuditFilterQuery = {};
  for (const key of FILTERS) {
    const value = filters[key]?.trim();
    if (value !== undefined && value !== '') query[key] = value;
  }
  if (query.orgUnit !== undefined) query.includeDescendants = 'true';
  return query;
}
