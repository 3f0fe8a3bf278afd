/**
 * Throttling of sign-ins (issue 4: "login throttled per account and per address"): failed attempts are counted
 * per account (the email tried) and per client address over a sliding window; past the limit, sign-ins of that
 * account or from that address are refused with 429 until the oldest failure in the window expires. A success
 * clears the account's count (not the address's: one address trying many accounts stays throttled). The limits
 * follow the OWASP Authentication Cheat Sheet's advice to limit failed attempts per account without locking
 * accounts permanently.
 *
 * Kept in memory, per server process: restarting clears it, and several processes each count on their own.
 */

export interface ThrottleSettings {
  /** Failed sign-ins of one account within the window before it is throttled. Default 5. */
  readonly maxPerAccount: number;
  /** Failed sign-ins from one address within the window before it is throttled. Default 20. */
  readonly maxPerAddress: number;
  /** The window, in milliseconds. Default 15 minutes. */
  readonly windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = Object.freeze({
  maxPerAccount: 5,
  maxPerAddress: 20,
  windowMs: 15 * 60 * 1000,
});

/** The most keys remembered of each kind; the oldest are forgotten first (a flood of addresses cannot exhaust memory). */
const MAX_KEYS = 50_000;

export class LoginThrottle {
  readonly #settings: ThrottleSettings;
  readonly #now: () => Date;
  readonly #accounts = new Map<string, number[]>();
  readonly #addresses = new Map<string, number[]>();

  constructor(now: () => Date, settings: Partial<ThrottleSettings> = {}) {
    this.#now = now;
    this.#settings = { ...DEFAULT_THROTTLE, ...settings };
  }

  /** Seconds to wait before trying again, or null when a sign-in may be attempted now. */
  retryAfter(account: string, address: string | null): number | null {
    const now = this.#now().getTime();
    const waits = [
      this.#wait(this.#accounts, account, this.#settings.maxPerAccount, now),
      address === null ? null : this.#wait(this.#addresses, address, this.#settings.maxPerAddress, now),
    ].filter((wait): wait is number => wait !== null);
    return waits.length === 0 ? null : Math.max(...waits);
  }

  /** Counts a failed sign-in. */
  fail(account: string, address: string | null): void {
    const now = this.#now().getTime();
    this.#add(this.#accounts, account, now);
    if (address !== null) this.#add(this.#addresses, address, now);
  }

  /** A successful sign-in clears the account's failures. */
  succeed(account: string): void {
    this.#accounts.delete(account);
  }

  #recent(map: Map<string, number[]>, key: string, now: number): number[] {
    const since = now - this.#settings.windowMs;
    const kept = (map.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) map.delete(key);
    else map.set(key, kept);
    return kept;
  }

  #wait(map: Map<string, number[]>, key: string, max: number, now: number): number | null {
    const recent = this.#recent(map, key, now);
    if (recent.length < max) return null;
    // Blocked until enough failures leave the window to fall below the limit.
    const freeAt = (recent[recent.length - max] ?? now) + this.#settings.windowMs;
    return Math.max(1, Math.ceil((freeAt - now) / 1000));
  }

  #add(map: Map<string, number[]>, key: string, now: number): void {
    const recent = this.#recent(map, key, now);
    map.delete(key);
    map.set(key, [...recent, now]);
    if (map.size > MAX_KEYS) {
      const oldest = map.keys().next().value;
      if (oldest !== undefined) map.delete(oldest);
    }
  }
}
