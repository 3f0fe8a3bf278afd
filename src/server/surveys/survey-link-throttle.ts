/**
 * Throttling of survey links: a link's token is a credential anyone holding the address can use, so guessing
 * is throttled per client address (unknown, revoked or expired tokens count as failures, as failed sign-ins do
 * in accounts/login-throttle.ts), and each link's requests are limited, so one leaked link cannot flood the
 * answers table. In memory, per server process (see WindowCounter).
 */
import { makeProblem } from '../../core/errors/problem.ts';
import { ExtendedProblemError } from '../problem-extensions.ts';

export interface SurveyLinkThrottleSettings {
  /** Failed link look-ups from one address within the window before it is refused. Default 20. */
  readonly maxFailuresPerAddress: number;
  /** Requests through one link within the window. Default 600 (an expert answering 100 pairs a minute). */
  readonly maxRequestsPerLink: number;
  /** The window, in milliseconds. Default 10 minutes. */
  readonly windowMs: number;
}

export const DEFAULT_SURVEY_LINK_THROTTLE: SurveyLinkThrottleSettings = Object.freeze({
  maxFailuresPerAddress: 20,
  maxRequestsPerLink: 600,
  windowMs: 10 * 60 * 1000,
});

/** A 429 that says when to try again (also sent as `Retry-After`). */
function refused(seconds: number): ExtendedProblemError {
  return new ExtendedProblemError(makeProblem('too-many-requests', 'survey.link-throttled', { seconds }), {
    retryAfter: seconds,
  });
}

/**
 * Counts per key in fixed windows, in memory. Survey links are throttled per server process (with several
 * servers each allows its own share; the sign-in throttle, which guards accounts, is the shared one in the
 * database). Keys are bounded: a full map drops its windows that have ended, and then its oldest key.
 */
class WindowCounter {
  readonly #now: () => Date;
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #windows = new Map<string, { start: number; count: number }>();
  static readonly MAX_KEYS = 10_000;

  constructor(now: () => Date, limit: number, windowMs: number) {
    this.#now = now;
    this.#limit = limit;
    this.#windowMs = windowMs;
  }

  /** Seconds until `key` may go on, or null while it is under the limit. */
  retryAfter(key: string): number | null {
    const window = this.#current(key);
    if (window === undefined || window.count < this.#limit) return null;
    return Math.max(1, Math.ceil((window.start + this.#windowMs - this.#now().getTime()) / 1000));
  }

  count(key: string): void {
    const now = this.#now().getTime();
    const window = this.#current(key);
    if (window !== undefined) {
      window.count += 1;
      return;
    }
    if (this.#windows.size >= WindowCounter.MAX_KEYS) this.#prune(now);
    this.#windows.set(key, { start: now, count: 1 });
  }

  #current(key: string): { start: number; count: number } | undefined {
    const window = this.#windows.get(key);
    if (window === undefined) return undefined;
    if (this.#now().getTime() - window.start >= this.#windowMs) {
      this.#windows.delete(key);
      return undefined;
    }
    return window;
  }

  #prune(now: number): void {
    for (const [key, window] of this.#windows)
      if (now - window.start >= this.#windowMs) this.#windows.delete(key);
    const oldest = this.#windows.keys().next();
    if (this.#windows.size >= WindowCounter.MAX_KEYS && !oldest.done) this.#windows.delete(oldest.value);
  }
}

export class SurveyLinkThrottle {
  readonly #failures: WindowCounter;
  readonly #requests: WindowCounter;

  constructor(now: () => Date, settings: Partial<SurveyLinkThrottleSettings> = {}) {
    const s = { ...DEFAULT_SURVEY_LINK_THROTTLE, ...settings };
    this.#failures = new WindowCounter(now, s.maxFailuresPerAddress, s.windowMs);
    this.#requests = new WindowCounter(now, s.maxRequestsPerLink, s.windowMs);
  }

  /** Throws a 429 while `address` has failed too often. */
  checkAddress(address: string): void {
    const wait = this.#failures.retryAfter(address);
    if (wait !== null) throw refused(wait);
  }

  /** Counts a failed look-up from `address`. */
  fail(address: string): void {
    this.#failures.count(address);
  }

  /** Counts a request through link `linkId`; throws a 429 past the limit. */
  use(linkId: number): void {
    const key = String(linkId);
    const wait = this.#requests.retryAfter(key);
    if (wait !== null) throw refused(wait);
    this.#requests.count(key);
  }
}
