/**
 * The parts of a scorecard file that describe the strategy rather than compute a score: SMART objectives
 * (the indicators that measure them), cause→effect links between objectives or indicators, and validation
 * rules between data elements (DHIS2's validation rules: `left operator right`, each side a formula). They
 * are checked here; the rules are compiled for the data-quality checks (core/quality).
 */

import { issue, type ProblemIssue } from '../errors/problem.ts';
import type { CompiledFormula } from '../formula/index.ts';
import type { LocalizedText } from '../indicators/indicator.ts';
import { compileChecked } from './compile-indicator.ts';
import type { ScorecardFile, ValidationRuleFile } from './scorecard-schema.ts';

/** A validation rule with both sides parsed against the data elements. */
export interface CompiledValidationRule {
  readonly id: string;
  readonly left: CompiledFormula;
  readonly operator: ValidationRuleFile['operator'];
  readonly right: CompiledFormula;
  readonly importance: ValidationRuleFile['importance'];
  readonly message: LocalizedText;
}

/**
 * Checks objectives and links: objective ids unique in the scorecard, the indicators an objective lists and
 * the ends of every link known (an objective or an indicator, not both), no link from a thing to itself.
 *
 * @example checkStrategy(file, issues) // an issue at ['links', 0, 'to'] for a link to an unknown objective
 */
export function checkStrategy(file: ScorecardFile, issues: ProblemIssue[]): void {
  const indicators = new Set(file.perspectives.flatMap((p) => p.indicators.map((i) => i.id)));
  const objectives = new Set<string>();
  file.perspectives.forEach((perspective, pi) => {
    perspective.objectives.forEach((objective, oi) => {
      const path = ['perspectives', pi, 'objectives', oi];
      if (objectives.has(objective.id)) {
        issues.push(issue('scorecard.duplicate-objective', { id: objective.id }, [...path, 'id']));
      }
      objectives.add(objective.id);
      (objective.indicators ?? []).forEach((id, k) => {
        if (!indicators.has(id))
          issues.push(issue('scorecard.unknown-indicator', { id }, [...path, 'indicators', k]));
      });
    });
  });
  (file.links ?? []).forEach((link, li) => {
    for (const end of ['from', 'to'] as const) {
      const id = link[end];
      const isObjective = objectives.has(id);
      const isIndicator = indicators.has(id);
      if (!isObjective && !isIndicator)
        issues.push(issue('scorecard.unknown-link-end', { id }, ['links', li, end]));
      else if (isObjective && isIndicator) {
        issues.push(issue('scorecard.ambiguous-link-end', { id }, ['links', li, end]));
      }
    }
    if (link.from === link.to)
      issues.push(issue('scorecard.link-to-itself', { id: link.from }, ['links', li]));
  });
}

/**
 * Compiles the validation rules: ids unique, both sides parsed against the declared data elements (an
 * unknown element is reported with its position, as in an indicator's formula). An element's `outliers.per`
 * must name a declared element too.
 *
 * @example compileValidationRules(file, known, issues)[0]?.left.references // ['occupied_bed_days']
 */
export function compileValidationRules(
  file: ScorecardFile,
  known: ReadonlySet<string>,
  issues: ProblemIssue[],
): CompiledValidationRule[] {
  const seen = new Set<string>();
  const rules: CompiledValidationRule[] = [];
  file.dataElements.forEach((element, ei) => {
    const per = element.outliers?.per;
    if (per !== undefined && !known.has(per)) {
      issues.push(
        issue('scorecard.unknown-outlier-per', { code: element.code, per }, [
          'dataElements',
          ei,
          'outliers',
          'per',
        ]),
      );
    }
  });
  (file.validationRules ?? []).forEach((rule, ri) => {
    const path = ['validationRules', ri];
    if (seen.has(rule.id))
      issues.push(issue('scorecard.duplicate-validation-rule', { id: rule.id }, [...path, 'id']));
    seen.add(rule.id);
    const left = compileChecked(rule.left, known, [...path, 'left'], issues);
    const right = compileChecked(rule.right, known, [...path, 'right'], issues);
    if (left && right) {
      rules.push({
        id: rule.id,
        left,
        operator: rule.operator,
        right,
        importance: rule.importance,
        message: rule.message,
      });
    }
  });
  return rules;
}
