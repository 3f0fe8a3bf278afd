/**
 * External identifiers (`org_unit_identifier`) an import recorded, as changes of its batch: a mapping profile
 * that builds the tree gives each unit it builds the source's code as an identifier. Undoing the batch removes
 * those identifiers again, each only while its unit still holds it (one moved to another unit since, or removed
 * and added again by hand, belongs to that later change and stays); the units the batch created can then go.
 */
import { type AuditEntry, writeAudit } from '../../db/repositories/audit.repository.ts';
import type { ImportChangeRecord } from '../../db/repositories/import.repository.ts';
import { findOrgUnitsByCodes } from '../../db/repositories/org-unit.repository.ts';
import { deleteIdentifier } from '../../db/repositories/org-unit-identifier.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import type { JsonValue } from '../../db/schema.ts';
import type { Actor } from '../context.ts';

/** The change table name of a recorded identifier. */
export const IDENTIFIER_CHANGE_TABLE = 'org_unit_identifier';

/** The change a batch keeps of an identifier it added to the unit `code`. */
export function identifierChange(
  code: string,
  system: string,
  value: string,
): Omit<ImportChangeRecord, 'seq'> {
  return {
    table: IDENTIFIER_CHANGE_TABLE,
    key: { code, system, value },
    oldValue: null,
    newValue: { system, value },
  };
}

function text(key: JsonValue, name: string): string {
  const value = typeof key === 'object' && key !== null && !Array.isArray(key) ? key[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/**
 * Removes the identifiers a batch added (its `org_unit_identifier` changes) that their units still hold, audited;
 * answers how many went.
 */
export async function undoRecordedIdentifiers(
  trx: Executor,
  actor: Actor,
  changes: readonly ImportChangeRecord[],
  reason: string | null,
): Promise<number> {
  const mine = changes
    .filter((c) => c.table === IDENTIFIER_CHANGE_TABLE)
    .map((c) => ({ code: text(c.key, 'code'), system: text(c.key, 'system'), value: text(c.key, 'value') }));
  if (mine.length === 0) return 0;
  const units = await findOrgUnitsByCodes(
    trx,
    mine.map((m) => m.code),
  );
  const audit: AuditEntry[] = [];
  for (const m of mine) {
    const unit = units.get(m.code);
    if (unit === undefined) continue;
    if (!(await deleteIdentifier(trx, { orgUnitId: unit.id, system: m.system, value: m.value }))) continue;
    audit.push({
      action: 'undo-import',
      entity: 'org_unit_identifier',
      entityKey: `${m.code} ${m.system}|${m.value}`,
      oldValue: { system: m.system, value: m.value },
      orgUnitId: unit.id,
      reason,
    });
  }
  if (audit.length > 0) await writeAudit(trx, actor, audit);
  return audit.length;
}
