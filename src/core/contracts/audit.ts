/**
 * The audit trail as the HTTP API lists it: newest first, filtered; never altered or deleted through the API.
 */
import { z } from 'zod';
import {
  codeRefSchema,
  pageSchema,
  paginationQuerySchema,
  queryBooleanSchema,
  timestampSchema,
} from './common.ts';

/**
 * Any JSON value (the old and new values of a change). `z.unknown()` rather than the recursive `z.json()`, whose
 * OpenAPI form is a `$ref` that the document would have to define separately.
 */
export const jsonValueSchema = z.unknown().describe('any JSON value');

export const auditEntrySchema = z.object({
  id: z.number().int(),
  occurredAt: timestampSchema,
  actor: z.string(),
  address: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityKey: z.string().nullable(),
  oldValue: jsonValueSchema,
  newValue: jsonValueSchema,
  reason: z.string().nullable(),
  /** The org unit the change concerns, when there is one. */
  orgUnit: z.string().nullable(),
});

export const listAuditQuerySchema = paginationQuerySchema
  .extend({
    /** e.g. `data_value`, `org_unit`, `scorecard_version`. */
    entity: z.string().min(1).max(64).optional(),
    entityKey: z.string().min(1).max(500).optional(),
    actor: z.string().min(1).max(200).optional(),
    /** Text searched (case-insensitively) in the actor, the key, the reason and the old and new values. */
    q: z.string().trim().min(1).max(200).optional(),
    orgUnit: codeRefSchema.optional(),
    includeDescendants: queryBooleanSchema.default(false),
    /** Changes at or after this time. */
    from: z.iso.datetime({ offset: true }).optional(),
    /** Changes before this time. */
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export const auditPageSchema = pageSchema(auditEntrySchema);

export type AuditEntryResource = z.infer<typeof auditEntrySchema>;
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;

/** `GET /api/audit/export`: the same filters as the list, the whole trail they match as one file. */
export const exportAuditQuerySchema = listAuditQuerySchema
  .omit({ limit: true, offset: true })
  .extend({ format: z.enum(['csv', 'xlsx']).default('csv') })
  .strict();

export type ExportAuditQuery = z.infer<typeof exportAuditQuerySchema>;
