/**
 * Evaluation and group reports (`GET /api/reports/evaluation`, `GET /api/reports/group`, `healthbsc report`):
 * which report, as which file, in which language. The file streams back with its content type and a filename.
 */
import { z } from 'zod';
import { evaluationKeySchema } from './evaluation.ts';

export const REPORT_FORMATS = ['pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_LANGS = ['zh-CN', 'en'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];

export const reportQuerySchema = evaluationKeySchema.extend({
  format: z.enum(REPORT_FORMATS).default('pdf').describe('pdf or xlsx'),
  lang: z.enum(REPORT_LANGS).default('zh-CN').describe('zh-CN or en'),
  depth: z
    .enum(['children', 'descendants'])
    .default('children')
    .describe("The group report's units: the unit's children (default) or all its descendants"),
});

export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** `POST /api/report-subscriptions`: a unit's evaluation report e-mailed monthly (its latest published period). */
export const reportSubscriptionBodySchema = z
  .object({
    scorecard: evaluationKeySchema.shape.scorecard,
    orgUnit: evaluationKeySchema.shape.orgUnit,
    recipient: z.email().max(320),
    language: z.enum(REPORT_LANGS).default('zh-CN'),
    format: z.enum(REPORT_FORMATS).default('pdf'),
  })
  .strict();

/** `GET /api/report-subscriptions`: the subscriptions of a scorecard × unit. */
export const reportSubscriptionQuerySchema = z
  .object({ scorecard: evaluationKeySchema.shape.scorecard, orgUnit: evaluationKeySchema.shape.orgUnit })
  .strict();

export const reportSubscriptionSchema = z.object({
  id: z.number().int(),
  scorecard: z.string(),
  orgUnit: z.string(),
  recipient: z.string(),
  language: z.enum(REPORT_LANGS),
  format: z.enum(REPORT_FORMATS),
  /** The period whose report was last mailed; null: none yet. */
  lastPeriod: z.string().nullable(),
});

export const reportSubscriptionListSchema = z.object({ items: z.array(reportSubscriptionSchema) });

export const reportSubscriptionIdSchema = z.object({ id: z.coerce.number().int().positive() }).strict();

export type ReportSubscriptionBody = z.infer<typeof reportSubscriptionBodySchema>;
export type ReportSubscription = z.infer<typeof reportSubscriptionSchema>;

/** The content types of the report files. */
export const REPORT_CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The file name of a report: kind, scorecard, unit, period and language, safe in a header.
 *
 * @example reportFileName('evaluation', { scorecard: 'AZ-HOSPITAL', orgUnit: 'AZ', period: '2016', format: 'pdf', lang: 'en' })
 *   // 'evaluation-AZ-HOSPITAL-AZ-2016-en.pdf'
 */
export function reportFileName(kind: 'evaluation' | 'group', query: ReportQuery): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9_.-]/g, '_');
  return `${kind}-${safe(query.scorecard)}-${safe(query.orgUnit)}-${safe(query.period)}-${query.lang}.${query.format}`;
}
