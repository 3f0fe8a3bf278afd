/**
 * Who a session cookie or an API token names, kept in memory so that an authenticated request runs no SQL
 * (issue 11 §2): the session row with its user (email, disabled, end, last activity) or the API token row, and
 * the principal (role assignments with their units' paths), keyed by the SHA-256 of the secret.
 *
 * Memory is trusted only while this process hears every write (../evaluation/known-revisions.ts
 * `HearingEpoch`): every write to sessions, users, role assignments or API tokens publishes `accounts`, and a
 * unit moved or removed (its assignments' paths change) publishes `metadata`; either drops everything, as does
 * `stale`. While writes may go unheard, every request reads the database, as without a cache. A user's columns
 * that nothing here holds (the last view, the preferred language) are written without publishing: the last
 * view changes whenever a user picks a scorecard or unit, and dropping every principal each time would undo
 * the cache.
 *
 * The cache only says what the rows were: the accounts plugin still checks every end (absolute, idle, a
 * disabled user, a revoked or expired token) on each request against the clock. A session's last activity can
 * be moved by another server without a notification (a touch publishes nothing, or every minute of every user
 * would empty the cache), so a kept record's `lastSeenAt` may be older than the row's: the plugin reads the row
 * again before it ends a session as idle.
 */
import type { Kysely } from 'kysely';
import type { Principal } from '../../core/access/principal.ts';
import { findApiTokenByHash } from '../../db/repositories/api-token.repository.ts';
import { findSession } from '../../db/repositories/session.repository.ts';
import type { Database } from '../../db/schema.ts';
import type { ChangeBus, ChangeEvent } from '../change-bus.ts';
import type { HearingEpoch } from '../evaluation/known-revisions.ts';
import { loadTokenPrincipal, loadUserPrincipal } from './principals.ts';

/** A signed-in session as the plugin checks it. */
export interface SessionEntry {
  readonly kind: 'session';
  readonly userId: number;
  readonly email: string;
  readonly disabled: boolean;
  readonly expiresAt: Date;
  readonly lastSeenAt: Date;
  readonly principal: Principal;
  /** Whether this came from memory (false: read from the database just now). */
  readonly kept: boolean;
}

/** An API token as the plugin checks it. */
export interface TokenEntry {
  readonly kind: 'token';
  readonly id: number;
  readonly revokedAt: Date | null;
  readonly expiresAt: Date | null;
  readonly lastUsedAt: Date | null;
  readonly principal: Principal;
  readonly kept: boolean;
}

type Entry = SessionEntry | TokenEntry;

/** At most this many sessions and tokens are kept; past it, the least recently used is dropped. */
const MAX_ENTRIES = 10_000;

export class PrincipalCache {
  readonly #db: Kysely<Database>;
  readonly #epoch: HearingEpoch;
  readonly #max: number;
  /** By the secret's hash, least recently used first (a Map keeps insertion order). */
  readonly #entries = new Map<string, Entry>();
  #heldIn: number | null = null;
  /** Bumped by each drop, so a read that began before it does not keep what it read. */
  #drops = 0;
  /** How many times the database was read (tests read it). */
  databaseReads = 0;

  constructor(db: Kysely<Database>, changes: ChangeBus, epoch: HearingEpoch, maxEntries = MAX_ENTRIES) {
    this.#db = db;
    this.#epoch = epoch;
    this.#max = maxEntries;
    changes.subscribe((event) => this.#hear(event));
  }

  /**
   * The session whose cookie hashes to `tokenHash`, with its user and principal, or undefined. `fresh` reads
   * the database even when memory holds it (before ending a session that looks idle).
   */
  async session(
    tokenHash: string,
    options: { readonly fresh?: boolean } = {},
  ): Promise<SessionEntry | undefined> {
    const pick = (entry: Entry) => (entry.kind === 'session' ? entry : undefined);
    return this.#lookup(tokenHash, pick, options.fresh === true, async () => {
      const row = await findSession(this.#db, tokenHash);
      if (row === undefined) return undefined;
      return {
        kind: 'session',
        userId: row.userId,
        email: row.email,
        disabled: row.disabled,
        expiresAt: row.expiresAt,
        lastSeenAt: row.lastSeenAt,
        principal: await loadUserPrincipal(this.#db, { id: row.userId, email: row.email }),
        kept: false,
      };
    });
  }

  /** The API token that hashes to `tokenHash`, with its principal, or undefined. */
  async token(tokenHash: string): Promise<TokenEntry | undefined> {
    const pick = (entry: Entry) => (entry.kind === 'token' ? entry : undefined);
    return this.#lookup(tokenHash, pick, false, async () => {
      const row = await findApiTokenByHash(this.#db, tokenHash);
      if (row === undefined) return undefined;
      return {
        kind: 'token',
        id: row.id,
        revokedAt: row.revokedAt,
        expiresAt: row.expiresAt,
        lastUsedAt: row.lastUsedAt,
        principal: await loadTokenPrincipal(this.#db, row),
        kept: false,
      };
    });
  }

  /** The plugin recorded activity at `at` (its touch of `last_seen_at` or `last_used_at`): the kept record follows. */
  touched(tokenHash: string, at: Date): void {
    const entry = this.#entries.get(tokenHash);
    if (entry === undefined) return;
    this.#entries.set(
      tokenHash,
      entry.kind === 'session' ? { ...entry, lastSeenAt: at } : { ...entry, lastUsedAt: at },
    );
  }

  async #lookup<E extends Entry>(
    tokenHash: string,
    pick: (entry: Entry) => E | undefined,
    fresh: boolean,
    read: () => Promise<E | undefined>,
  ): Promise<E | undefined> {
    const epoch = this.#current();
    const entry = epoch === null || fresh ? undefined : this.#entries.get(tokenHash);
    const kept = entry === undefined ? undefined : pick(entry);
    if (entry !== undefined && kept !== undefined) {
      // Moved to the end: the most recently used.
      this.#entries.delete(tokenHash);
      this.#entries.set(tokenHash, entry);
      return { ...kept, kept: true };
    }
    const drops = this.#drops;
    this.databaseReads += 1;
    const found = await read();
    // Kept only if nothing was dropped and the epoch held meanwhile: else a write may have gone unheard.
    if (found !== undefined && epoch !== null && this.#drops === drops && this.#current() === epoch) {
      this.#keep(tokenHash, found);
    }
    return found;
  }

  #keep(tokenHash: string, entry: Entry): void {
    this.#entries.delete(tokenHash);
    this.#entries.set(tokenHash, entry);
    while (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next();
      if (oldest.done === true) break;
      this.#entries.delete(oldest.value);
    }
  }

  /** The current epoch; what was kept in another one is dropped. */
  #current(): number | null {
    const epoch = this.#epoch();
    if (epoch !== this.#heldIn) {
      this.#dropAll();
      this.#heldIn = epoch;
    }
    return epoch;
  }

  #dropAll(): void {
    this.#drops += 1;
    this.#entries.clear();
  }

  #hear(event: ChangeEvent): void {
    if (event.kind === 'accounts' || event.kind === 'metadata' || event.kind === 'stale') this.#dropAll();
  }
}
