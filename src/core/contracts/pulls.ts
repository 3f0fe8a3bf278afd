/**
 * Scheduled pulls from hospital databases (`/api/pull-connections`, `/api/pulls`; src/server/pulls/README.md): a
 * connection (where and as whom to read; the password is write-only), a pull (a query with `:period_start` and
 * `:period_end`, a mapping profile healthbsc/profile@1, a cron schedule in a time zone, which period a run
 * reads) and its runs (rows read, values imported, problems by code). Both belong to an org unit
 * (`orgUnit`: a hospital, or the group); the data stewards and admins over it manage them.
 */
import { z } from 'zod';
import {
  codeRefSchema,
  periodIdSchema,
  problemParamsSchema,
  timestampSchema,
  unitCodeSchema,
} from './common.ts';
import { importProfileSchema, profileImportReportSchema } from './import-profiles.ts';

export const PULL_KINDS = ['postgres', 'mysql', 'sqlserver', 'oracle'] as const;
export type PullKind = (typeof PULL_KINDS)[number];

export const PULL_RUN_STATUSES = ['running', 'succeeded', 'failed'] as const;
export const PULL_RUN_TRIGGERS = ['schedule', 'user'] as const;
/** What a running pull is doing, for the page's progress (`queued`: asked for by hand, waiting for its job). */
export const PULL_RUN_PHASES = ['queued', 'connecting', 'querying', 'importing'] as const;

const codeSchema = unitCodeSchema.min(1);

export const pullConnectionBodySchema = z
  .object({
    code: codeSchema,
    /** The unit (a hospital, or the group) the connection belongs to; fixed once created. */
    orgUnit: codeRefSchema,
    kind: z.enum(PULL_KINDS),
    host: z.string().min(1).max(255),
    port: z.number().int().min(1).max(65535),
    database: z.string().min(1).max(128),
    user: z.string().min(1).max(128),
    /** Write-only: required when creating; absent on an update keeps the stored one. */
    password: z.string().max(1024).optional(),
    /** Driver options (SQL Server `encrypt`, `trustServerCertificate`; Oracle `serviceName`…). */
    options: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  })
  .strict();
export type PullConnectionBody = z.infer<typeof pullConnectionBodySchema>;

export const pullConnectionSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  orgUnit: z.string(),
  kind: z.enum(PULL_KINDS),
  host: z.string(),
  port: z.number().int(),
  database: z.string(),
  user: z.string(),
  /** A password is stored (encrypted); it is never sent back. */
  hasPassword: z.boolean(),
  options: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  updatedAt: timestampSchema,
});
export type PullConnectionResource = z.infer<typeof pullConnectionSchema>;
export const pullConnectionListSchema = z.object({ items: z.array(pullConnectionSchema) });

/** `POST /api/pull-connections/{id}/test`: whether the database answers a read-only `select 1`. */
export const pullConnectionTestSchema = z.object({
  ok: z.boolean(),
  code: z.string().nullable(),
  params: problemParamsSchema,
});
export type PullConnectionTest = z.infer<typeof pullConnectionTestSchema>;

export const pullBodySchema = z
  .object({
    code: codeSchema,
    orgUnit: codeRefSchema,
    /** The connection's code (of the same unit). */
    connection: codeRefSchema,
    query: z.string().min(1).max(100_000),
    profile: importProfileSchema,
    /** A cron expression (`0 6 3 * *`: 06:00 on the 3rd); null: run only by hand. */
    schedule: z.string().min(1).max(200).nullable().default(null),
    timeZone: z.string().min(1).max(64).default('Asia/Shanghai'),
    periodType: z.enum(['month', 'quarter', 'year']).default('month'),
    /** Which period a run reads, from the one holding its due time: -1 (default) the one before. */
    periodOffset: z.number().int().min(-24).max(0).default(-1),
    timeoutSeconds: z.number().int().min(1).max(3600).default(60),
    enabled: z.boolean().default(true),
  })
  .strict();
export type PullBody = z.infer<typeof pullBodySchema>;
export type PullBodyInput = z.input<typeof pullBodySchema>;

export const pullSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  orgUnit: z.string(),
  connection: z.string(),
  query: z.string(),
  profile: importProfileSchema,
  schedule: z.string().nullable(),
  timeZone: z.string(),
  periodType: z.enum(['month', 'quarter', 'year']),
  periodOffset: z.number().int(),
  timeoutSeconds: z.number().int(),
  enabled: z.boolean(),
  /** The next schedule occurrence (null: no schedule or disabled). */
  nextRunAt: timestampSchema.nullable(),
  updatedAt: timestampSchema,
});
export type PullResource = z.infer<typeof pullSchema>;
export const pullListSchema = z.object({ items: z.array(pullSchema) });

export const pullRunBodySchema = z
  .object({
    /** Show what would be imported; write nothing. */
    dryRun: z.boolean().default(false),
    /** The period to read; absent: the one the pull's offset names for now. */
    period: periodIdSchema.optional(),
  })
  .strict();
export type PullRunBody = z.infer<typeof pullRunBodySchema>;

export const pullRunProblemSchema = z.object({ code: z.string(), params: problemParamsSchema });

export const pullRunSchema = z.object({
  id: z.number().int(),
  pull: z.string(),
  trigger: z.enum(PULL_RUN_TRIGGERS),
  dryRun: z.boolean(),
  period: z.string(),
  dueAt: timestampSchema.nullable(),
  status: z.enum(PULL_RUN_STATUSES),
  phase: z.enum(PULL_RUN_PHASES).nullable(),
  rowsRead: z.number().int().nullable(),
  /** Values written (or, in a dry run, that would be written: created + updated). */
  valuesImported: z.number().int().nullable(),
  report: profileImportReportSchema.nullable(),
  problems: z.array(pullRunProblemSchema),
  startedBy: z.string(),
  startedAt: timestampSchema,
  finishedAt: timestampSchema.nullable(),
});
export type PullRunResource = z.infer<typeof pullRunSchema>;
export const pullRunListSchema = z.object({ items: z.array(pullRunSchema) });

export const pullIdParamsSchema = z.object({ id: z.coerce.number().int().positive() }).strict();
export const pullListQuerySchema = z.object({ orgUnit: codeRefSchema.optional() }).strict();
