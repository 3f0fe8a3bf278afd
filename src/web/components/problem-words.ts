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
  return t(`problems.${code}`, { replace: wordNested(t, params), defaultValue: fallback });
}

/**
 * A code whose words hold another problem (an import's `invalid-definition` row error: the scorecard file's own
 * problem) carries that problem's code as `params.problem`, its parameters beside it, and its English words as
 * `params.detail`: the nested code is worded first and fills `detail`, so no English reaches a Chinese reader
 * when the catalog knows the code.
 *
 * @example wordNested(t, { problem: 'import.org-unit-cycle', code: 'A', parent: 'B', detail: 'A is its own ancestor through B' })
 * // { …, detail: 'A 经由 B 成为了自己的上级' } in zh-CN
 */
function wordNested(t: TFunction, params: WordingParams): WordingParams {
  const { problem, detail, ...rest } = params;
  if (typeof problem !== 'string' || !CODE.test(problem)) return params;
  const english = typeof detail === 'string' ? detail : problem;
  return { ...params, detail: wordCode(t, problem, rest, english) };
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
 * A remark the server words like a problem (why an encoding was chosen, what converting a file changed): a note
 * `{ code, params, message }`, worded by its code, or its `message` for a code the catalog lacks.
 */
export function noteText(t: TFunction, note: Worded & { readonly message: string }): string {
  return wordCode(t, note.code, note.params, note.message);
}

/** The detail under a failed request's headline: the problem worded, or the error's own message. */
export function problemDetail(t: TFunction, error: unknown): string {
  if (isApiError(error)) return problemText(t, error.problem);
  return error instanceof Error ? error.message : '';
}
