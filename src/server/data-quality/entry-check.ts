/**
 * On data entry, a value that breaks a validation rule is saved only with a comment that says why (on any value
 * the rule reads, sent or already stored): otherwise the whole batch is refused with a 400 naming each such value.
 * The rule is checked on the values as they would be after the write (the batch over what is stored).
 */
import { invalid, issue, type ProblemIssue } from '../../core/errors/problem.ts';
import { loadValuesOf } from '../../db/repositories/data-quality.repository.ts';
import { distinct, type Executor } from '../../db/repositories/query-helpers.ts';
import { violationsOf } from './check-values.ts';
import { loadQualityRules } from './quality-rules.ts';

/** One value of a write batch, its codes and ids resolved. */
export interface EnteredValue {
  readonly index: number;
  readonly rootId: number;
  readonly orgUnitId: number;
  readonly orgUnit: string;
  readonly dataElement: string;
  readonly period: string;
  /** Null deletes. */
  readonly value: number | null;
  /** Undefined keeps the stored comment; null or empty clears it. */
  readonly comment: string | null | undefined;
}

const hasText = (text: string | null | undefined) =>
  text !== null && text !== undefined && text.trim() !== '';

/**
 * Throws `data-quality.comments-required` (400) when values written break a rule and none of the values the
 * rule reads has a comment; the issue sits at the rule's left-side value written (the one the rule checks, as
 * in DHIS2), `[batchField, index, 'comment']`.
 *
 * @example await requireRuleComments(db, [{ index: 0, dataElement: 'managed_diabetics', value: 900000, … }], 'values')
 */
export async function requireRuleComments(
  db: Executor,
  items: readonly EnteredValue[],
  batchField: string,
): Promise<void> {
  const written = items.filter((item) => item.value !== null);
  if (written.length === 0) return;
  const rules = await loadQualityRules(db);
  if (rules.length === 0) return;
  const cells = new Map<string, { orgUnit: string; period: string; values: Map<string, number> }>();
  const comments = new Map<string, string | null>();
  const cellKey = (orgUnit: string, period: string) => `${orgUnit}\u0000${period}`;
  for (const rootId of distinct(items.map((i) => i.rootId))) {
    const ofRoot = items.filter((i) => i.rootId === rootId);
    const stored = await loadValuesOf(
      db,
      rootId,
      distinct(ofRoot.map((i) => i.orgUnitId)),
      distinct(ofRoot.map((i) => i.period)),
    );
    for (const row of stored) {
      const key = cellKey(row.orgUnitCode, row.periodId);
      const cell = cells.get(key) ?? { orgUnit: row.orgUnitCode, period: row.periodId, values: new Map() };
      cell.values.set(row.dataElement, row.value);
      cells.set(key, cell);
      comments.set(`${key}\u0000${row.dataElement}`, row.comment);
    }
  }
  for (const item of items) {
    const key = cellKey(item.orgUnit, item.period);
    const cell = cells.get(key) ?? { orgUnit: item.orgUnit, period: item.period, values: new Map() };
    if (item.value === null) cell.values.delete(item.dataElement);
    else cell.values.set(item.dataElement, item.value);
    cells.set(key, cell);
  }
  const violations = violationsOf(rules, cells.values());
  const issues: ProblemIssue[] = [];
  for (const violation of violations) {
    const key = cellKey(violation.orgUnit, violation.period);
    const involved = written.filter(
      (item) =>
        cellKey(item.orgUnit, item.period) === key && violation.dataElements.includes(item.dataElement),
    );
    if (involved.length === 0) continue;
    const commentOf = (code: string) => {
      const item = written.find((i) => cellKey(i.orgUnit, i.period) === key && i.dataElement === code);
      return item === undefined || item.comment === undefined
        ? comments.get(`${key}\u0000${code}`)
        : item.comment;
    };
    // One comment on any value the rule reads explains the violation.
    if (violation.dataElements.some((code) => hasText(commentOf(code)))) continue;
    const left = rules.find((r) => r.id === violation.rule && r.scorecard === violation.scorecard)?.left
      .references;
    const at = involved.find((item) => left?.includes(item.dataElement) === true) ?? involved[0];
    if (at === undefined) continue;
    const params = {
      rule: violation.rule,
      left: violation.left,
      operator: violation.operator,
      right: violation.right,
    };
    issues.push(issue('data-quality.comment-required', params, [batchField, at.index, 'comment']));
  }
  if (issues.length > 0) throw invalid('data-quality.comments-required', { count: issues.length }, issues);
}
