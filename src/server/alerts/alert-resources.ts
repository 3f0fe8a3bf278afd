/** Rows of the alert tables as the contracts (core/contracts/alerts.ts) show them. */
import type {
  AlertResource,
  AlertRuleResource,
  SubscriptionResource,
  WebhookDeliveryResource,
  WebhookResource,
} from '../../core/contracts/alerts.ts';
import { ALERT_RULE_KINDS } from '../../core/contracts/alerts.ts';
import type { AlertRow, DeliveryRow } from '../../db/repositories/alert.repository.ts';
import type {
  AlertRuleRow,
  SubscriptionRow,
  WebhookRow,
} from '../../db/repositories/alert-config.repository.ts';
import type { JsonValue } from '../../db/schema.ts';
import { isoTime } from '../services/format.ts';

function strings(value: JsonValue | null): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function numbers(value: JsonValue | null): number[] {
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
}

export function ruleUnitIds(row: AlertRuleRow): number[] {
  return numbers(row.org_unit_ids);
}

export function ruleIndicators(row: AlertRuleRow): string[] {
  return strings(row.indicators);
}

function kinds(value: JsonValue | null) {
  return strings(value).flatMap((k) => ALERT_RULE_KINDS.filter((known) => known === k));
}

export function toRuleResource(row: AlertRuleRow, unitCodes: ReadonlyMap<number, string>): AlertRuleResource {
  return {
    id: row.id,
    scorecard: row.scorecard_code,
    kind: row.kind,
    severity: row.severity,
    orgUnits: ruleUnitIds(row).map((id) => unitCodes.get(id) ?? String(id)),
    indicators: ruleIndicators(row),
    includeWatch: row.include_watch,
    enabled: row.enabled,
    createdBy: row.created_by,
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
  };
}

function params(value: JsonValue | null): AlertResource['params'] {
  const out: Record<string, string | number | null> = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value)) {
    out[k] = typeof v === 'string' || typeof v === 'number' ? v : null;
  }
  return out;
}

export function toAlertResource(
  row: AlertRow & { readonly read_at?: Date | null },
  read = false,
): AlertResource {
  return {
    id: row.id,
    ruleId: row.rule_id,
    kind: row.kind,
    severity: row.severity,
    scorecard: row.scorecard_code,
    indicator: row.indicator === '' ? null : row.indicator,
    orgUnit: row.org_unit_code,
    period: row.period_id,
    actionId: row.action_id,
    state: row.closed_at === null ? 'open' : 'closed',
    code: row.code,
    params: params(row.params),
    openedAt: isoTime(row.opened_at),
    closedAt: row.closed_at === null ? null : isoTime(row.closed_at),
    read: row.read_at === undefined ? read : row.read_at !== null,
  };
}

export function toSubscriptionResource(row: SubscriptionRow): SubscriptionResource {
  return {
    id: row.id,
    orgUnit: row.org_unit_code,
    kind: row.kind,
    email: row.email,
    digest: row.digest,
    createdAt: isoTime(row.created_at),
  };
}

export function webhookKinds(row: WebhookRow) {
  return kinds(row.kinds);
}

export function toWebhookResource(row: WebhookRow): WebhookResource {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    url: row.url,
    hasSecret: row.secret !== null,
    scorecard: row.scorecard_code,
    kinds: webhookKinds(row),
    minSeverity: row.min_severity,
    enabled: row.enabled,
    createdAt: isoTime(row.created_at),
  };
}

export function toDeliveryResource(row: DeliveryRow): WebhookDeliveryResource {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    alertId: row.alert_id,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at === null ? null : isoTime(row.next_attempt_at),
    deliveredAt: row.delivered_at === null ? null : isoTime(row.delivered_at),
    createdAt: isoTime(row.created_at),
  };
}
