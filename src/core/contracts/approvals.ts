/**
 * Data approval over HTTP (issue 4): per org unit × period × scorecard, submit → approve (the data of the unit's
 * subtree in that period locks) → reopen with a reason. Core/access/approval-workflow.ts holds the transitions.
 */
import { z } from 'zod';
import {
  codeRefSchema,
  noteSchema,
  pageSchema,
  paginationQuerySchema,
  periodIdSchema,
  problemSchema,
  queryBooleanSchema,
  timestampSchema,
} from './common.ts';

export const approvalStatusSchema = z.enum(['submitted', 'approved', 'reopened']);

export const approvalSchema = z.object({
  scorecard: z.string(),
  orgUnit: z.string(),
  period: z.string(),
  status: approvalStatusSchema,
  submittedBy: z.string().nullable(),
  submittedAt: timestampSchema.nullable(),
  /** Who approved or reopened it last, and when. */
  decidedBy: z.string().nullable(),
  decidedAt: timestampSchema.nullable(),
  /** The reason given with the last reopen. */
  reason: z.string().nullable(),
  updatedAt: timestampSchema,
});

export const approvalKeySchema = z.object({
  scorecard: codeRefSchema,
  orgUnit: codeRefSchema,
  period: periodIdSchema,
});

export const submitApprovalBodySchema = approvalKeySchema.strict();
export const approveBodySchema = approvalKeySchema
  .extend({
    /**
     * Approve although the unit's data still breaks validation rules (409 `data-quality.open-violations`
     * otherwise); the violations acknowledged are audited with the approval.
     */
    acknowledgeViolations: z.boolean().optional(),
  })
  .strict();
export const reopenApprovalBodySchema = approvalKeySchema
  .extend({ reason: noteSchema.min(1, 'approval.reason-required') })
  .strict();

export const listApprovalsQuerySchema = paginationQuerySchema
  .extend({
    scorecard: codeRefSchema.optional(),
    orgUnit: codeRefSchema.optional(),
    includeDescendants: queryBooleanSchema.default(false),
    period: periodIdSchema.optional(),
    status: approvalStatusSchema.optional(),
  })
  .strict();

export const approvalPageSchema = pageSchema(approvalSchema);

/** The 409 of a write to approved data: `approval` names what locks it. */
export const approvalLockProblemSchema = problemSchema.extend({ approval: approvalSchema });

export type ApprovalResource = z.infer<typeof approvalSchema>;
export type ApprovalKey = z.infer<typeof approvalKeySchema>;
export type ApproveBody = z.infer<typeof approveBodySchema>;
export type ReopenApprovalBody = z.infer<typeof reopenApprovalBodySchema>;
export type ListApprovalsQuery = z.infer<typeof listApprovalsQuerySchema>;
