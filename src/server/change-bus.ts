/**
 * In-process notifications of committed writes. A service publishes after its transaction commits; the
 * evaluation engine applies the changed values to its in-memory cube instead of reloading it. On PostgreSQL the
 * other server processes hear of it too (cluster/change-relay.ts, `LISTEN/NOTIFY`) and apply it alike; and
 * the engine keeps the change counters and the approvals in memory only while it hears every write
 * (evaluation/known-revisions.ts), as the accounts plugin keeps sessions, API tokens and their principals
 * (accounts/principal-cache.ts, dropped by `accounts`, `metadata` and `stale`): otherwise each read checks the change counters in the database
 * (src/db/repositories/change-counter.repository.ts), so a lost notification costs a reload, never a stale answer.
 */

/** One data value as it is after the change; `value: null` means it was removed. */
export interface DataValueChange {
  readonly orgUnitId: number;
  readonly dataElementId: number;
  readonly periodId: string;
  readonly value: number | null;
}

export type ChangeEvent =
  /** Data values of one organisation changed; `revision` is its counter after the change. */
  | {
      readonly kind: 'data-values';
      readonly rootId: number;
      readonly revision: number;
      readonly values: readonly DataValueChange[];
    }
  /** Reported values or assessments of one organisation changed. */
  | { readonly kind: 'root-inputs'; readonly rootId: number; readonly revision: number }
  /**
   * Approvals of data in one organisation changed (submitted, approved, reopened). No change counter moves: an
   * evaluation's figures stay; only the approval status beside them (../evaluation/heard-approvals.ts) is read again.
   */
  | { readonly kind: 'approvals'; readonly rootId: number }
  /**
   * A publication of one organisation was made or restated. No change counter moves: today's figures stay; only
   * the publication beside them is read again.
   */
  | { readonly kind: 'publications'; readonly rootId: number }
  /**
   * Sessions, users, role assignments or API tokens changed (a sign-out, a password change, a role taken away,
   * a token revoked): whoever keeps principals in memory (../accounts/principal-cache.ts) reads them again.
   */
  | { readonly kind: 'accounts' }
  /** Metadata changed: org units, data elements, scorecards, weights, targets. */
  | { readonly kind: 'metadata'; readonly revision: number }
  /**
   * Changes of one organisation (`rootId`), or of any (null), may have been missed: another process's change too
   * large to relay, or notifications lost while the relay's connection was down. Reload instead of applying.
   */
  | { readonly kind: 'stale'; readonly rootId: number | null };

export type ChangeListener = (event: ChangeEvent) => void;

export class ChangeBus {
  readonly #listeners = new Set<ChangeListener>();
  readonly #onListenerError: (error: unknown) => void;

  /**
   * `onListenerError` hears a listener's failure: the write it reports has committed already, so a failing
   * listener must not turn it into an error for the writer.
   */
  constructor(
    onListenerError: (error: unknown) => void = (error) => console.error('change listener failed:', error),
  ) {
    this.#onListenerError = onListenerError;
  }

  subscribe(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  publish(event: ChangeEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        this.#onListenerError(error);
      }
    }
  }
}
