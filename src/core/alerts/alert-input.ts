/**
 * What the alert rules read: one scorecard's evaluated cells, monitoring signals, deadlines, data-quality
 * results, approvals and actions, gathered by the server (src/server/alerts/), and the clock. Plain data, so
 * the rules are pure functions tested with exact cases.
 */
import type { AlertRuleKind, AlertSeverity } from '../contracts/alerts.ts';

/** A rule as the evaluation needs it; `orgUnitIds` empty: every unit. */
export interface AlertRuleInput {
  readonly id: number;
  readonly kind: AlertRuleKind;
  readonly severity: AlertSeverity;
  readonly orgUnitIds: readonly number[];
  readonly indicators: readonly string[];
  readonly includeWatch: boolean;
}

/** A unit with its ancestors-or-self ids (root first), so a rule's subtree scope is checked without the tree. */
export interface AlertUnit {
  readonly id: number;
  readonly code: string;
  readonly path: readonly number[];
}

export type CellStatus = 'met' | 'watch' | 'off-track' | 'no-data';

/** One evaluated indicator of a unit in a period. */
export interface AlertCell {
  readonly indicator: string;
  readonly orgUnitId: number;
  readonly period: string;
  readonly status: CellStatus;
  readonly actual: number | null;
  readonly target: number | null;
}

/** A special-cause signal of a control chart (core/monitoring) pointing the adverse way. */
export interface AdverseSignal {
  readonly indicator: string;
  readonly orgUnitId: number;
  readonly period: string;
  /** The rule that fired, e.g. `nelson-1`. */
  readonly rule: string;
}

/** A forecast of the year's end against the year's target. */
export interface YearForecast {
  readonly indicator: string;
  readonly orgUnitId: number;
  /** The year, `2024`. */
  readonly period: string;
  readonly forecast: number;
  readonly target: number;
  /** Whether the forecast misses the target in the indicator's direction (the server decides with its method). */
  readonly misses: boolean;
}

/** A unit's data of a period against its deadline. */
export interface EntryState {
  readonly orgUnitId: number;
  readonly period: string;
  readonly dueAt: Date;
  readonly submitted: boolean;
}

/** Open violations of validation rules in a unit's data of a period (core/quality). */
export interface QualityViolation {
  readonly orgUnitId: number;
  readonly period: string;
  readonly count: number;
}

/** Submitted data not yet approved or reopened. */
export interface WaitingApproval {
  readonly orgUnitId: number;
  readonly period: string;
  readonly submittedAt: Date;
}

/** An action plan, open or not. */
export interface ActionState {
  readonly id: number;
  readonly indicator: string;
  readonly orgUnitId: number;
  readonly period: string;
  /** `YYYY-MM-DD`: overdue after the end of that day (UTC). */
  readonly dueDate: string;
  readonly status: 'planned' | 'in-progress' | 'done' | 'dropped';
}

/** A database pull whose latest run failed (server/pulls): the unit it belongs to, the period it read. */
export interface PullFailure {
  readonly orgUnitId: number;
  readonly pull: string;
  readonly period: string;
  /** The failure's problem code (`pull.auth-failed`, …). */
  readonly problem: string;
}

export interface AlertInput {
  readonly now: Date;
  readonly units: readonly AlertUnit[];
  readonly cells: readonly AlertCell[];
  readonly signals: readonly AdverseSignal[];
  readonly forecasts: readonly YearForecast[];
  readonly entries: readonly EntryState[];
  readonly violations: readonly QualityViolation[];
  readonly approvals: readonly WaitingApproval[];
  readonly actions: readonly ActionState[];
  /** Pulls whose latest run failed; absent: none gathered. */
  readonly pullFailures?: readonly PullFailure[];
}

/** A condition that holds now: the alert it raises or keeps open. */
export interface AlertCondition {
  readonly ruleId: number;
  readonly kind: AlertRuleKind;
  readonly severity: AlertSeverity;
  /** '' for the per-unit rules (data late, approval waiting). */
  readonly indicator: string;
  readonly orgUnitId: number;
  readonly period: string;
  readonly actionId: number | null;
  /** The words of the condition, `alerts.condition.<code>`. */
  readonly code: string;
  readonly params: Readonly<Record<string, string | number | null>>;
}

/** One rule kind: the conditions its rule finds in the input. */
export interface AlertRuleDefinition {
  readonly kind: AlertRuleKind;
  /** Whether the rule is per indicator (its scope's indicators apply) or per unit × period. */
  readonly perIndicator: boolean;
  readonly conditions: (rule: AlertRuleInput, input: AlertInput) => AlertCondition[];
}
