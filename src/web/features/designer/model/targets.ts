/**
 * The target dialog's form and its translation into the API's shapes (core/contracts/targets.ts): a scope
 * with at most one of org unit, group, level (none: every unit) and a period id.
 */
import type {
  DeleteTargetQuery,
  Target,
  TargetInput,
  TargetScope,
} from '../../../../core/contracts/targets.ts';

export interface TargetForm {
  readonly scope: TargetScope;
  readonly orgUnit: string;
  readonly orgUnitGroup: string;
  readonly level: number | null;
  readonly period: string;
  readonly target: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly reference: number | null;
  readonly source: string;
}

/** Why a form cannot be sent yet (the dialog names it). */
export type TargetFormProblem = 'period' | 'orgUnit' | 'group' | 'level' | 'value' | 'band';

export function emptyTargetForm(): TargetForm {
  return {
    scope: 'all',
    orgUnit: '',
    orgUnitGroup: '',
    level: null,
    period: '',
    target: null,
    lower: null,
    upper: null,
    reference: null,
    source: '',
  };
}

export function targetFormOf(row: Target): TargetForm {
  return {
    scope: row.scope,
    orgUnit: row.orgUnit ?? '',
    orgUnitGroup: row.orgUnitGroup ?? '',
    level: row.level,
    period: row.period,
    target: row.target,
    lower: row.lower,
    upper: row.upper,
    reference: row.reference,
    source: row.source ?? '',
  };
}

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|Q[1-4])?$/;

/**
 * The PUT body entry of a form, or the first problem that stops it.
 *
 * @example targetInputOf('UMG-BSC', 'x', { ...emptyTargetForm(), period: '2024', target: 90 })
 * // { scorecard: 'UMG-BSC', indicator: 'x', period: '2024', target: 90, lower: null, upper: null, reference: null, source: null }
 */
export function targetInputOf(
  scorecard: string,
  indicator: string,
  form: TargetForm,
): TargetInput | TargetFormProblem {
  const period = form.period.trim();
  if (!PERIOD.test(period)) return 'period';
  if (form.scope === 'org-unit' && form.orgUnit.trim() === '') return 'orgUnit';
  if (form.scope === 'group' && form.orgUnitGroup.trim() === '') return 'group';
  if (form.scope === 'level' && form.level === null) return 'level';
  if (form.target === null && form.lower === null && form.upper === null && form.reference === null)
    return 'value';
  if (form.lower !== null && form.upper !== null && form.lower > form.upper) return 'band';
  const source = form.source.trim();
  return {
    scorecard,
    indicator,
    ...(form.scope === 'org-unit' ? { orgUnit: form.orgUnit.trim() } : {}),
    ...(form.scope === 'group' ? { orgUnitGroup: form.orgUnitGroup.trim() } : {}),
    ...(form.scope === 'level' && form.level !== null ? { level: form.level } : {}),
    period,
    target: form.target,
    lower: form.lower,
    upper: form.upper,
    reference: form.reference,
    source: source === '' ? null : source,
  };
}

/** The DELETE query naming one stored target. */
export function targetKeyOf(row: Target): DeleteTargetQuery {
  return {
    scorecard: row.scorecard,
    indicator: row.indicator,
    period: row.period,
    ...(row.scope === 'org-unit' && row.orgUnit !== null ? { orgUnit: row.orgUnit } : {}),
    ...(row.scope === 'group' && row.orgUnitGroup !== null ? { orgUnitGroup: row.orgUnitGroup } : {}),
    ...(row.scope === 'level' && row.level !== null ? { level: row.level } : {}),
  };
}
