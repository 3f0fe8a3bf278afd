/**
 * Throttling of sign-ins (issue 4, made durable by issue 11): failed attempts are counted per account (the email
 * tried) and per client address in the database (db/repositories/sign-in-failure.repository.ts), so a restart
 * does not clear them and every server on the database shares them.
 *
 * Past `maxPerAccount` (or `maxPerAddress`) failures in a window, each further failure makes the next attempt
 * wait longer: 1 s, 2 s, 4 s … (`progressiveDelaySeconds`), up to `maxAccountDelaySeconds` for an account (a
 * minute: an attacker cannot keep a user locked out for longer than that after their last guess) and
 * `maxAddressDelaySeconds` for an address (15 minutes). Attempts refused while waiting are counted but do not
 * lengthen the wait. A success clears the account's count (not the address's: one address trying many
 * accounts stays throttled). This follows the OWASP Authentication Cheat Sheet ("Login Throttling": prefer
 * increasing delays to account lock-out, which an attacker can use to deny service).
 *
 * The audit trail gets ONE `login-failed` row per account or address per window (its failures, refused
 * attempts, first and last), written when the window ends (at the key's next failure, at a successful sign-in,
 * or by the session clean-up job), never a row per attempt; the account is named by its sanitised email, at most
 * 254 characters.
 */
import { writeAudit } from '../../db/repositories/audit.repository.ts';
import {
  countRefused,
  deleteFailure,
  type FailureKey,
  type FailureRecord,
  findFailures,
  lockEndedFailures,
  lockFailure,
  saveFailure,
} from '../../db/repositories/sign-in-failure.repository.ts';
import type { ServerContext } from '../context.ts';

export interface ThrottleSettings {
  /** Failed sign-ins of one account within the window before attempts wait. Default 5. */
  readonly maxPerAccount: number;
  /** Failed sign-ins from one address within the window before attempts wait. Default 20. */
  readonly maxPerAddress: number;
  /** The window, in milliseconds. Default 15 minutes. */
  readonly windowMs: number;
  /** The longest wait for an account. Default 60 s. */
  readonly maxAccountDelaySeconds: number;
  /** The longest wait for an address. Default 900 s. */
  readonly maxAddressDelaySeconds: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = Object.freeze({
  maxPerAccount: 5,
  maxPerAddress: 20,
  windowMs: 15 * 60 * 1000,
  maxAccountDelaySeconds: 60,
  maxAddressDelaySeconds: 900,
});

/** The longest key kept: an email address has at most 254 characters (RFC 5321 §4.5.3.1.3 with RFC 3696). */
const MAX_KEY_LENGTH = 254;

/**
 * The seconds to wait after `failures` failures when `free` are allowed: none up to `free - 1`, then doubling
 * from 1 s at the `free`-th failure, capped at `maxSeconds`.
 *
 * @example progressiveDelaySeconds(4, 5, 60) // 0
 * @example progressiveDelaySeconds(5, 5, 60) // 1
 * @example progressiveDelaySeconds(8, 5, 60) // 8
 * @example progressiveDelaySeconds(30, 5, 60) // 60
 */
export function progressiveDelaySeconds(failures: number, free: number, maxSeconds: number): number {
  if (failures < free) return 0;
  const exponent = Math.min(failures - free, 30);
  return Math.min(2 ** exponent, maxSeconds);
}

/**
 * A key as stored and audited: trimmed, lowercased, control characters dropped, at most 254 characters; null
 * when nothing is left.
 *
 * @example throttleKey('  Ann@Example.ORG\u0000 ') // 'ann@example.org'
 */
export function throttleKey(text: string): string | null {
  let out = '';
  for (const char of text.trim().toLowerCase()) {
    const code = char.charCodeAt(0);
    if (code > 0x1f && code !== 0x7f) out += char;
  }
  out = out.slice(0, MAX_KEY_LENGTH);
  return out === '' ? null : out;
}

export class LoginThrottle {
  readonly #ctx: ServerContext;
  readonly #settings: ThrottleSettings;

  constructor(ctx: ServerContext, settings: Partial<ThrottleSettings> = {}) {
    this.#ctx = ctx;
    this.#settings = { ...DEFAULT_THROTTLE, ...settings };
  }

  #keys(account: string, address: string | null): FailureKey[] {
    const keys: FailureKey[] = [];
    const name = throttleKey(account);
    if (name !== null) keys.push({ kind: 'account', key: name });
    const from = address === null ? null : throttleKey(address);
    if (from !== null) keys.push({ kind: 'address', key: from });
    return keys;
  }

  /** Seconds to wait before trying again (counting this attempt as refused), or null when it may go ahead. */
  async retryAfter(account: string, address: string | null): Promise<number | null> {
    const now = this.#ctx.now().getTime();
    const keys = this.#keys(account, address);
    const rows = await findFailures(this.#ctx.db.kysely, keys);
    const blocked = rows.filter((row) => row.blockedUntil !== null && row.blockedUntil.getTime() > now);
    if (blocked.length === 0) return null;
    await countRefused(this.#ctx.db.kysely, blocked);
    const waits = blocked.map((row) => ((row.blockedUntil?.getTime() ?? now) - now) / 1000);
    return Math.max(1, Math.ceil(Math.max(...waits)));
  }

  /** Counts a failed sign-in of `account` from `address`. */
  async fail(account: string, address: string | null): Promise<void> {
    const now = this.#ctx.now();
    for (const key of this.#keys(account, address)) {
      await this.#ctx.db.kysely.transaction().execute(async (trx) => {
        const stored = await lockFailure(trx, key);
        const ended =
          stored !== undefined && now.getTime() - stored.firstAt.getTime() >= this.#settings.windowMs;
        if (ended) await auditWindow(trx, stored);
        const current = stored === undefined || ended ? null : stored;
        const failures = (current?.failures ?? 0) + 1;
        const free = key.kind === 'account' ? this.#settings.maxPerAccount : this.#settings.maxPerAddress;
        const cap =
          key.kind === 'account'
            ? this.#settings.maxAccountDelaySeconds
            : this.#settings.maxAddressDelaySeconds;
        const delay = progressiveDelaySeconds(failures, free, cap);
        await saveFailure(trx, {
          ...key,
          failures,
          refused: current?.refused ?? 0,
          firstAt: current?.firstAt ?? now,
          lastAt: now,
          blockedUntil: delay === 0 ? null : new Date(now.getTime() + delay * 1000),
        });
      });
    }
  }

  /** A successful sign-in clears the account's failures (their window goes to the audit first). */
  async succeed(account: string): Promise<void> {
    const name = throttleKey(account);
    if (name === null) return;
    const key: FailureKey = { kind: 'account', key: name };
    await this.#ctx.db.kysely.transaction().execute(async (trx) => {
      const stored = await lockFailure(trx, key);
      if (stored === undefined) return;
      await auditWindow(trx, stored);
      await deleteFailure(trx, key);
    });
  }

  /**
   * Writes the audit row of every window that has ended and removes its counters (the session clean-up job
   * calls it). Returns how many were closed.
   */
  async closeEndedWindows(limit = 10_000): Promise<number> {
    const before = new Date(this.#ctx.now().getTime() - this.#settings.windowMs);
    return this.#ctx.db.kysely.transaction().execute(async (trx) => {
      const ended = await lockEndedFailures(trx, before, limit);
      for (const row of ended) {
        await auditWindow(trx, row);
        await deleteFailure(trx, row);
      }
      return ended.length;
    });
  }
}

/** The one audit row of a window of failures (nothing when it counted none). */
async function auditWindow(trx: ServerContext['db']['kysely'], row: FailureRecord): Promise<void> {
  if (row.failures === 0 && row.refused === 0) return;
  await writeAudit(trx, { id: 'anonymous', address: row.kind === 'address' ? row.key : null }, [
    {
      action: 'login-failed',
      entity: row.kind === 'account' ? 'session' : 'address',
      entityKey: row.key,
      newValue: {
        failures: row.failures,
        refused: row.refused,
        first: row.firstAt.toISOString(),
        last: row.lastAt.toISOString(),
      },
    },
  ]);
}
