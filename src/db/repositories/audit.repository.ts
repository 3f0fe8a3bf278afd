/**
 * The audit trail (../shared/brief: every change to data is in the audit trail). Writes happen inside the
 * transaction of the change they record, so a change and its audit row commit or roll back together.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

/** Who acts, and from where: written into every audit row. */
export interface Actor {
  /** A user id, an API token's name, or a system process (`system`, `demo-loader`). */
  readonly id: string;
  /** The client's IP address, when there is one. */
  readonly address: string | null;
}

export interface AuditEntry {
  readonly action: string;
  readonly entity: string;
  readonly entityKey: string | null;
  readonly oldValue?: unknown;
  readonly newValue?: unknown;
  readonly reason?: string | null;
  /** The org unit the change concerns, for scope filtering; null for global metadata. */
  readonly orgUnitId?: number | null;
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** Appends audit rows for `entries`, done by `actor`, in `trx` (the change's own transaction). */
export async function writeAudit(
  trx: Transaction<Database> | Kysely<Database>,
  actor: Actor,
  entries: readonly AuditEntry[],
): Promise<void> {
  // Chunked: an import may change hundreds of thousands of rows, and PostgreSQL takes at most 65,535
  // parameters in one statement.
  const CHUNK = 5_000;
  for (let start = 0; start < entries.length; start += CHUNK) {
    await trx
      .insertInto('audit_log')
      .values(
        entries.slice(start, start + CHUNK).map((entry) => ({
          actor: actor.id,
          address: actor.address,
          action: entry.action,
          entity: entry.entity,
          entity_key: entry.entityKey,
          old_value: json(entry.oldValue),
          new_value: json(entry.newValue),
          reason: entry.reason ?? null,
          org_unit_id: entry.orgUnitId ?? null,
        })),
      )
      .execute();
  }
}
