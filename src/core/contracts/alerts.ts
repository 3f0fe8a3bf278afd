/**
 * Alerts over HTTP: entry deadlines per scorecard × period type, alert rules with scope and severity, the alerts
 * they raise (keyed rule × indicator × unit × period, raised once and closed when the condition ends), each
 * user's inbox and subscriptions, preferred language, and signed webhooks to the hospital's messaging systems.
 *
 * History: an alert row is one episode of a condition. When the condition ends the row is closed
 * (`closedAt`); when it comes back later a new row is raised for the same key, so the list of rows of a key is
 * its history (`GET /api/alerts?…&state=all`).
 */
import { z } from 'zod';
import {
  codeRefSchema,
  pageSchema,
  paginationQuerySchema,
  periodIdSchema,
  queryBooleanSchema,
  timestampSchema,
} from './common.ts';

/** Every rule an alert can come from; one file per kind in core/alerts/rules/. */
export const ALERT_RULE_KINDS = [
  'off-target',
  'adverse-trend',
  'forecast-miss',
  'data-late',
  'data-quality',
  'approval-waiting',
  'action-overdue',
  'pull-failed',
] as const;
export const alertRuleKindSchema = z.enum(ALERT_RULE_KINDS);
export type AlertRuleKind = z.infer<typeof alertRuleKindSchema>;

export const alertSeveritySchema = z.enum(['info', 'warning', 'critical']);
export type AlertSeverity = z.infer<typeof alertSeveritySchema>;

export const deadlinePeriodTypeSchema = z.enum(['month', 'quarter', 'year']);
export const languageSchema = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof languageSchema>;

// ---------------------------------------------------------------------------------------------------------
// Deadlines

/**
 * When a unit's data of a period is due: on `dueDay` of the month that follows the period's end (monthly data
 * due on day 10 of the next month: `{ periodType: 'month', dueDay: 10 }`), at the end of that day in the
 * installation's time zone (UTC unless configured). "Submitted" means a data approval of the unit × period in
 * status submitted or approved.
 */
export const deadlineSchema = z.object({
  scorecard: z.string(),
  periodType: deadlinePeriodTypeSchema,
  dueDay: z.number().int().min(1).max(28),
  updatedBy: z.string(),
  updatedAt: timestampSchema,
});
export const deadlineListSchema = z.object({ deadlines: z.array(deadlineSchema) });
export const deadlineParamsSchema = z.object({ code: codeRefSchema, periodType: deadlinePeriodTypeSchema });
export const putDeadlineBodySchema = z.object({ dueDay: z.number().int().min(1).max(28) }).strict();
export const listDeadlinesQuerySchema = z.object({ scorecard: codeRefSchema.optional() }).strict();

/** One unit's entry of one period against its deadline (my work, the data-late rule). */
export const entryDueSchema = z.object({
  scorecard: z.string(),
  orgUnit: z.string(),
  period: z.string(),
  dueAt: timestampSchema,
  submitted: z.boolean(),
  /** Past `dueAt` and not submitted. */
  late: z.boolean(),
});

// ---------------------------------------------------------------------------------------------------------
// Rules

export const alertRuleBodySchema = z
  .object({
    scorecard: codeRefSchema,
    kind: alertRuleKindSchema,
    severity: alertSeveritySchema.default('warning'),
    /** Unit codes whose subtrees the rule watches; empty: every unit of the scorecard. */
    orgUnits: z.array(codeRefSchema).max(500).default([]),
    /** Indicator ids; empty: every indicator. Ignored by data-late and approval-waiting (per unit × period). */
    indicators: z.array(z.string().min(1).max(64)).max(500).default([]),
    /** off-target: also alert on `watch` status (otherwise only `off-track`). */
    includeWatch: z.boolean().default(false),
    enabled: z.boolean().default(true),
  })
  .strict();

export const alertRuleSchema = z.object({
  id: z.number().int(),
  scorecard: z.string(),
  kind: alertRuleKindSchema,
  severity: alertSeveritySchema,
  orgUnits: z.array(z.string()),
  indicators: z.array(z.string()),
  includeWatch: z.boolean(),
  enabled: z.boolean(),
  createdBy: z.string(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export const alertRuleListSchema = z.object({ rules: z.array(alertRuleSchema) });
export const alertRuleIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const listAlertRulesQuerySchema = z.object({ scorecard: codeRefSchema.optional() }).strict();

// ---------------------------------------------------------------------------------------------------------
// Alerts and the inbox

export const alertStateSchema = z.enum(['open', 'closed']);

export const alertSchema = z.object({
  id: z.number().int(),
  ruleId: z.number().int(),
  kind: alertRuleKindSchema,
  severity: alertSeveritySchema,
  scorecard: z.string(),
  /** Null for the per-unit rules (data-late, approval-waiting). */
  indicator: z.string().nullable(),
  orgUnit: z.string(),
  period: z.string(),
  /** The action of an action-overdue alert. */
  actionId: z.number().int().nullable(),
  state: alertStateSchema,
  /** Words of the condition: `t('alerts.condition.' + code, params)` (e.g. value and target). */
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  openedAt: timestampSchema,
  closedAt: timestampSchema.nullable(),
  /** In an inbox: whether this user has read it (always false elsewhere). */
  read: z.boolean(),
});
export type AlertResource = z.infer<typeof alertSchema>;
export const alertPageSchema = pageSchema(alertSchema);
export const alertIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

/** `GET /api/alerts`: every alert on units the user reads (history included with `state=all`). */
export const listAlertsQuerySchema = paginationQuerySchema
  .extend({
    scorecard: codeRefSchema.optional(),
    orgUnit: codeRefSchema.optional(),
    indicator: z.string().max(64).optional(),
    period: periodIdSchema.optional(),
    kind: alertRuleKindSchema.optional(),
    state: z.enum(['open', 'closed', 'all']).default('open'),
  })
  .strict();

/** `GET /api/inbox`: the alerts delivered to the signed-in user (open and closed), newest first. */
export const listInboxQuerySchema = paginationQuerySchema
  .extend({
    unread: queryBooleanSchema.optional(),
    state: z.enum(['open', 'closed', 'all']).default('all'),
  })
  .strict();
export const unreadCountSchema = z.object({ unread: z.number().int().min(0) });
/** Mark alerts of the inbox read (or unread): by id, or every one with `all`. */
export const markInboxBodySchema = z
  .object({
    ids: z.array(z.number().int().positive()).max(1000).optional(),
    all: z.boolean().optional(),
    read: z.boolean().default(true),
  })
  .strict();
export const markInboxResultSchema = z.object({ changed: z.number().int().min(0) });

/** `POST /api/alerts/evaluate`: run the rules now (admins and strategists; the schedule does it too). */
export const evaluateAlertsBodySchema = z.object({ scorecard: codeRefSchema.optional() }).strict();
export const evaluateAlertsResultSchema = z.object({
  raised: z.number().int(),
  closed: z.number().int(),
  open: z.number().int(),
});

// ---------------------------------------------------------------------------------------------------------
// Subscriptions and preferences

export const digestSchema = z.enum(['none', 'daily']);

export const subscriptionBodySchema = z
  .object({
    /** A unit code whose subtree the subscription covers; null: every unit the user reads. */
    orgUnit: codeRefSchema.nullable().default(null),
    /** A rule kind; null: every kind. */
    kind: alertRuleKindSchema.nullable().default(null),
    email: z.boolean().default(true),
    /** `daily`: e-mails gathered in one digest a day instead of one per alert. */
    digest: digestSchema.default('none'),
  })
  .strict();
export const subscriptionSchema = z.object({
  id: z.number().int(),
  orgUnit: z.string().nullable(),
  kind: alertRuleKindSchema.nullable(),
  email: z.boolean(),
  digest: digestSchema,
  createdAt: timestampSchema,
});
export const subscriptionListSchema = z.object({ subscriptions: z.array(subscriptionSchema) });
export const subscriptionIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

/** `PUT /api/me/preferences` (own) and `PUT /api/users/:id/preferences` (admin). */
export const preferencesSchema = z.object({ language: languageSchema });
export const putPreferencesBodySchema = z.object({ language: languageSchema }).strict();

// ---------------------------------------------------------------------------------------------------------
// Webhooks (admin)

/** `generic`: JSON POST signed with HMAC-SHA256; the others follow each robot's documented format and signing. */
export const webhookKindSchema = z.enum(['generic', 'wecom', 'dingtalk', 'feishu']);
export type WebhookKind = z.infer<typeof webhookKindSchema>;

/** The header of the generic webhook's signature: `sha256=<hex of HMAC-SHA256(secret, timestamp + '.' + body)>`. */
export const WEBHOOK_SIGNATURE_HEADER = 'x-healthbsc-signature';
/** Unix seconds, part of what is signed, so a receiver can refuse a replay. */
export const WEBHOOK_TIMESTAMP_HEADER = 'x-healthbsc-timestamp';

export const webhookBodySchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    kind: webhookKindSchema,
    url: z.url().max(2000),
    /** The signing secret (generic, DingTalk, Feishu); write-only. WeCom signs nothing (its key is in the URL). */
    secret: z.string().min(1).max(500).optional(),
    scorecard: codeRefSchema.nullable().default(null),
    kinds: z.array(alertRuleKindSchema).max(ALERT_RULE_KINDS.length).default([]),
    minSeverity: alertSeveritySchema.default('warning'),
    enabled: z.boolean().default(true),
  })
  .strict();
export const webhookSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: webhookKindSchema,
  url: z.string(),
  hasSecret: z.boolean(),
  scorecard: z.string().nullable(),
  kinds: z.array(alertRuleKindSchema),
  minSeverity: alertSeveritySchema,
  enabled: z.boolean(),
  createdAt: timestampSchema,
});
export const webhookListSchema = z.object({ webhooks: z.array(webhookSchema) });
export const webhookIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export const deliveryStatusSchema = z.enum(['pending', 'delivered', 'failed']);
export const webhookDeliverySchema = z.object({
  id: z.number().int(),
  webhookId: z.number().int(),
  alertId: z.number().int(),
  status: deliveryStatusSchema,
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: timestampSchema.nullable(),
  deliveredAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
});
export const webhookDeliveryPageSchema = pageSchema(webhookDeliverySchema);

export type DeadlineResource = z.infer<typeof deadlineSchema>;
export type EntryDue = z.infer<typeof entryDueSchema>;
export type AlertRuleBody = z.infer<typeof alertRuleBodySchema>;
export type AlertRuleResource = z.infer<typeof alertRuleSchema>;
export type ListAlertsQuery = z.infer<typeof listAlertsQuerySchema>;
export type ListInboxQuery = z.infer<typeof listInboxQuerySchema>;
export type MarkInboxBody = z.infer<typeof markInboxBodySchema>;
export type SubscriptionBody = z.infer<typeof subscriptionBodySchema>;
export type SubscriptionResource = z.infer<typeof subscriptionSchema>;
export type WebhookBody = z.infer<typeof webhookBodySchema>;
export type WebhookResource = z.infer<typeof webhookSchema>;
export type WebhookDeliveryResource = z.infer<typeof webhookDeliverySchema>;
