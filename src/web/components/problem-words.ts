/**
 * A server problem in the user's language. Every problem, issue and note carries a stable `code` with its
 * `params` (core/errors/README.md); the catalog's `problems` namespace (lib/i18n/catalog.ts, from
 * core/errors/messages) words it: `t('problems.' + code, params)`. A code the catalog lacks (a newer server's,
 * or an older server that sent none) is shown as the server wrote it, in `detail` or `message`.
 */
import type { TFunction } from 'i18next';
import { isApiError } from '../lib/api/api-error.ts';

/** The parameters a code's wording fills in. */
export type WordingParams = Readonly<Record<string, string | number>>;

/** What a problem, an issue or a note has in common: a code, its parameters, the server's English words. */
export interface Worded {
  readonly code: string;
  readonly params?: WordingParams | undefined;
}

/** `<domain>.<kebab-case>`: anything else (an empty code, a bare domain) has no wording of its own. */
const CODE = /^[a-z][a-z0-9-]*\.[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The words of `code` in the current language, or `fallback` when the catalog has none. The parameters go in
 * as `replace`, so a parameter named like an option of i18next (`count`, `context`, `lng`) is only a value.
 *
 * @example wordCode(t, 'request.no-route', { method: 'GET', path: '/x' }, '…') // '没有路由 GET /x。' in zh-CN
 */
export function wordCode(t: TFunction, code: string, params: WordingParams = {}, fallback = code): string {
  if (!CODE.test(code)) return fallback;
  return t(`problems.${code}`, { replace: params, defaultValue: fallback });
}

/** A problem's detail: its code worded, or the server's `detail`. */
export function problemText(t: TFunction, problem: Worded & { readonly detail: string }): string {
  return wordCode(t, problem.code, problem.params, problem.detail);
}

/** One issue of a problem: its code worded, or the server's `message`. */
export function issueText(t: TFunction, issue: Worded & { readonly message: string }): string {
  return wordCode(t, issue.code, issue.params, issue.message);
}

/**
 * A remark the server words like a problem (why an encoding was chosen): a note `{ code, params, message }`, or
 * the plain text a server sent before notes had codes.
 */
export function noteText(t: TFunction, note: (Worded & { readonly message: string }) | string): string {
  return typeof note === 'string' ? note : issueText(t, note);
}

/** The detail under a failed request's headline: the problem worded, or the error's own message. */
export function problemDetail(t: TFunction, error: unknown): string {
  if (isApiError(error)) return problemText(t, error.problem);
  return error instanceof Error ? error.message : '';
}
