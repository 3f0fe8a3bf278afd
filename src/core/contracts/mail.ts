/**
 * The e-mail outbox as installation admins see it (`GET /api/mail/outbox`), and a test mail
 * (`POST /api/mail/test`). Mails are queued by features (survey reminders, alerts, reports) and sent by the mail job.
 */
import { z } from 'zod';
import { pageSchema, paginationQuerySchema, timestampSchema } from './common.ts';

export const MAIL_STATUSES = ['queued', 'sent', 'failed', 'not-configured'] as const;
export type MailStatusName = (typeof MAIL_STATUSES)[number];

export const MAIL_LANGUAGES = ['zh-CN', 'en'] as const;

export const mailOutboxQuerySchema = paginationQuerySchema.extend({
  status: z.enum(MAIL_STATUSES).optional(),
});

export const mailResourceSchema = z.object({
  id: z.number().int(),
  recipient: z.string(),
  language: z.enum(MAIL_LANGUAGES),
  subject: z.string(),
  /** `survey-reminder`, `alert`, `digest`, `report`, `test`, … */
  kind: z.string(),
  status: z.enum(MAIL_STATUSES),
  attempts: z.number().int().min(0),
  /** The last failed attempt's error (the SMTP server's words), or why it was not sent. */
  lastError: z.string().nullable(),
  /** When a queued mail is next tried. */
  nextAttemptAt: timestampSchema,
  createdAt: timestampSchema,
  sentAt: timestampSchema.nullable(),
  attachments: z.array(z.string()),
});
export type MailResource = z.infer<typeof mailResourceSchema>;

export const mailOutboxSchema = pageSchema(mailResourceSchema).extend({
  /** Whether an SMTP server is configured (`HEALTHBSC_SMTP_HOST`). */
  configured: z.boolean(),
  /** The From address mails are sent with, when configured. */
  from: z.string().nullable(),
});
export type MailOutbox = z.infer<typeof mailOutboxSchema>;

export const testMailRequestSchema = z.object({
  to: z.string().trim().min(3).max(320),
  language: z.enum(MAIL_LANGUAGES),
});
export type TestMailRequest = z.infer<typeof testMailRequestSchema>;

export const testMailResultSchema = z.object({ id: z.number().int() });
