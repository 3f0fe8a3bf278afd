/**
 * Pure helpers of signing in: reading the CSRF cookie, the sign-in page's `?next=` and the safe page to go back
 * to. Kept apart from React so they are tested without a browser.
 */
import type { HttpMethod } from './api-client.ts';

export const SIGN_IN_PATH = '/sign-in';

/** Where an expert's personal survey link opens the questionnaire (`/survey/<token>`): public, no sign-in. */
export const QUESTIONNAIRE_PATH = '/survey';

// The names of core/contracts/accounts.ts, repeated rather than imported: importing that module would bring zod
// into the browser bundle. session-helpers.test.ts checks they agree.
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_COOKIE = 'healthbsc_csrf';

/**
 * The value of one cookie in a `document.cookie` string, or null.
 *
 * @example readCookie('a=1; healthbsc_csrf=xyz', 'healthbsc_csrf') // 'xyz'
 */
export function readCookie(cookies: string, name: string): string | null {
  for (const part of cookies.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return null;
}

/** Whether a request changes something, so must carry the CSRF header (the server checks these four). */
export function isUnsafeMethod(method: HttpMethod): boolean {
  return method !== 'GET';
}

/**
 * The sign-in page's address that brings the user back to `pathname` + `search` afterwards.
 *
 * @example signInHref('/overview', '?period=2016') // '/sign-in?next=%2Foverview%3Fperiod%3D2016'
 */
export function signInHref(pathname: string, search: string): string {
  const next = `${pathname}${search}`;
  if (pathname === SIGN_IN_PATH || next === '/') return SIGN_IN_PATH;
  return `${SIGN_IN_PATH}?${new URLSearchParams({ next }).toString()}`;
}

/**
 * Where to go after signing in: `next` when it is a path of this app, otherwise `/`. A `next` of another origin
 * (`//evil.example`, `https://…`) is refused, so the sign-in page cannot be used as an open redirect
 * (OWASP Unvalidated Redirects and Forwards Cheat Sheet).
 *
 * @example safeNext('/comparison?period=2024') // '/comparison?period=2024'
 * @example safeNext('//evil.example') // '/'
 */
export function safeNext(next: string | null): string {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === SIGN_IN_PATH || next.startsWith(`${SIGN_IN_PATH}?`)) return '/';
  return next;
}

/**
 * The seconds a 429 problem asks to wait (its `retryAfter` member), or null.
 *
 * @example retryAfterSeconds({ status: 429, retryAfter: 840 }) // 840
 */
export function retryAfterSeconds(problem: object): number | null {
  const record: Record<string, unknown> = { ...problem };
  return typeof record.retryAfter === 'number' ? Math.ceil(record.retryAfter) : null;
}
