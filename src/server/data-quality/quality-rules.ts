/**
 * The validation rules in force: those of every scorecard's current file (`validationRules:`), both sides
 * compiled. A data element belongs to no one scorecard, so a rule of any scorecard checks every unit's values;
 * the same rule declared by two scorecards is checked once.
 */
import { z } from 'zod';
import type { CompiledFormula } from '../../core/formula/index.ts';
import { compileFormula } from '../../core/formula/index.ts';
import type { QualityRule } from '../../core/quality/index.ts';
import { validationRuleSchema } from '../../core/scorecard/scorecard-schema.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import { listCurrentScorecards } from '../../db/repositories/scorecard.repository.ts';

/** A rule and the scorecard that declares it. */
export interface ScorecardRule extends QualityRule {
  readonly scorecard: string;
}

const definitionRules = z.object({ validationRules: z.array(validationRuleSchema).optional() });

function compiled(source: string): CompiledFormula | null {
  const result = compileFormula(source, () => true);
  return result.ok ? result.formula : null;
}

/** The rules of every current scorecard (or of those named), in scorecard then file order. */
export async function loadQualityRules(
  db: Executor,
  scorecards?: readonly string[],
): Promise<ScorecardRule[]> {
  const rules: ScorecardRule[] = [];
  const seen = new Set<string>();
  for (const scorecard of await listCurrentScorecards(db, scorecards)) {
    const parsed = definitionRules.safeParse(scorecard.definition);
    // A stored definition was checked whole when it was imported; one that no longer reads has no rules to add.
    if (!parsed.success) continue;
    for (const rule of parsed.data.validationRules ?? []) {
      const key = [rule.id, rule.left, rule.operator, rule.right].join('\u0000');
      const left = compiled(rule.left);
      const right = compiled(rule.right);
      if (seen.has(key) || left === null || right === null) continue;
      seen.add(key);
      rules.push({ ...rule, left, right, scorecard: scorecard.code });
    }
  }
  return rules;
}
