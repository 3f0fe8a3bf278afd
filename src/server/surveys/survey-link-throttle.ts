/**
 * Throttling of survey links: a link's token is a credential anyone holding the address can use, so guessing
 * is throttled per client address (unknown, revoked or expired tokens count as failures, as failed sign-ins do
 * in accounts/login-throttle.ts), and each link's requests are limited, so one leaked link cannot flood the
 * answers table. In memory, per server process, like the sign-in throttle.
 */
import { makeProblem } from '../../core/errors/problem.ts';
import { LoginThrottle } from '../accounts/login-throttle.ts';
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

export class SurveyLinkThrottle {
  readonly #failures: LoginThrottle;
  readonly #requests: LoginThrottle;

  constructor(now: () => Date, settings: Partial<SurveyLinkThrottleSettings> = {}) {
    const s = { ...DEFAULT_SURVEY_LINK_THROTTLE, ...settings };
    this.#failures = new LoginThrottle(now, {
      maxPerAccount: s.maxFailuresPerAddress,
      maxPerAddress: s.maxFailuresPerAddress,
      windowMs: s.windowMs,
    });
    this.#requests = new LoginThrottle(now, {
      maxPerAccount: s.maxRequestsPerLink,
      maxPerAddress: s.maxRequestsPerLink,
      windowMs: s.windowMs,
    });
  }

  /** Throws a 429 while `address` has failed too often. */
  checkAddress(address: string): void {
    const wait = this.#failures.retryAfter(address, null);
    if (wait !== null) throw refused(wait);
  }

  /** Counts a failed look-up from `address`. */
  fail(address: string): void {
    this.#failures.fail(address, null);
  }

  /** Counts a request through link `linkId`; throws a 429 past the limit. */
  use(linkId: number): void {
    const key = String(linkId);
    const wait = this.#requests.retryAfter(key, null);
    if (wait !== null) throw refused(wait);
    this.#requests.fail(key, null);
  }
}
