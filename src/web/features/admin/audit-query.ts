/**
 * The audit table's filters as the query string of `GET /api/audit` and `GET /api/audit/export`
 * (core/contracts/audit.ts): empty filters left out, and a unit filter reaching the unit's whole subtree.
 */
import type { QueryValue } from '../../lib/api/api-client.ts';

export interface AuditFilters {
  readonly entity?: string | undefined;
  readonly actor?: string | undefined;
  readonly orgUnit?: string | undefined;
  /** ISO date-times. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/**
 * @example auditQuery({ actor: ' admin@demo.healthbsc ', entity: '' }) // { actor: 'admin@demo.healthbsc' }
 */
export function auditQuery(filters: AuditFilters): Record<string, QueryValue> {
  const query: Record<string, QueryValue> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (typeof value === 'string' && value.trim() !== '') query[key] = value.trim();
  }
  if (query.orgUnit !== undefined) query.includeDescendants = true;
  return query;
}
