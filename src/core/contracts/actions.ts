/**
 * Action plans over HTTP: what is being done about an indicator that is off target, by whom and until when;
 * comments with attachments (evidence, stored in the database); the reviews at each new period; and "my work",
 * the landing page of every user with entry, approver or owner duties.
 */
import { z } from 'zod';
import { alertSchema, entryDueSchema } from './alerts.ts';
import { approvalSchema } from './approvals.ts';
import {
  codeRefSchema,
  localizedTextSchema,
  pageSchema,
  paginationQuerySchema,
  periodIdSchema,
  timestampSchema,
} from './common.ts';

export const actionStatusSchema = z.enum(['planned', 'in-progress', 'done', 'dropped']);
export type ActionStatus = z.infer<typeof actionStatusSchema>;

/** Where an action was created from: a cell of the scorecard, an alert, or an objective of the strategy map. */
export const actionOriginSchema = z.enum(['cell', 'alert', 'objective']);

/** A user as actions show them. */
export const userRefSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string().nullable(),
});

const dateSchema = z.iso.date().describe('YYYY-MM-DD');

export const createActionBodySchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    description: z.string().max(10000).optional(),
    scorecard: codeRefSchema,
    indicator: z.string().min(1).max(64),
    orgUnit: codeRefSchema,
    period: periodIdSchema,
    /** The owner's user id; default the creator. */
    ownerId: z.number().int().positive().optional(),
    collaboratorIds: z.array(z.number().int().positive()).max(50).default([]),
    dueDate: dateSchema,
    origin: actionOriginSchema.default('cell'),
    /** The alert it answers (origin `alert`). */
    alertId: z.number().int().positive().optional(),
    /** The objective id (origin `objective`). */
    objective: z.string().min(1).max(64).optional(),
  })
  .strict();

export const updateActionBodySchema = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    description: z.string().max(10000).nullable().optional(),
    ownerId: z.number().int().positive().optional(),
    collaboratorIds: z.array(z.number().int().positive()).max(50).optional(),
    dueDate: dateSchema.optional(),
    status: actionStatusSchema.optional(),
    progress: z.number().int().min(0).max(100).optional(),
  })
  .strict();

export const actionSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  scorecard: z.string(),
  indicator: z.string(),
  orgUnit: z.string(),
  period: z.string(),
  owner: userRefSchema,
  collaborators: z.array(userRefSchema),
  dueDate: z.string(),
  status: actionStatusSchema,
  progress: z.number().int(),
  origin: actionOriginSchema,
  alertId: z.number().int().nullable(),
  objective: z.string().nullable(),
  /** The indicator's value for the unit and period when the action opened, and its latest value now. */
  valueAtOpening: z.number().nullable(),
  valueNow: z.number().nullable(),
  /** The period of `valueNow`. */
  valueNowPeriod: z.string().nullable(),
  /** Open (planned or in progress) and past its due date. */
  overdue: z.boolean(),
  createdBy: z.string(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  closedAt: timestampSchema.nullable(),
});
export type ActionResource = z.infer<typeof actionSchema>;
export const actionPageSchema = pageSchema(actionSchema);
export const actionIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export const listActionsQuerySchema = paginationQuerySchema
  .extend({
    scorecard: codeRefSchema.optional(),
    orgUnit: codeRefSchema.optional(),
    indicator: z.string().max(64).optional(),
    status: actionStatusSchema.optional(),
    /** Only the actions the user owns or collaborates on. */
    mine: z.stringbool({ truthy: ['true', '1'], falsy: ['false', '0'] }).optional(),
    open: z.stringbool({ truthy: ['true', '1'], falsy: ['false', '0'] }).optional(),
  })
  .strict();

// ---------------------------------------------------------------------------------------------------------
// Comments and attachments

export const attachmentSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  createdAt: timestampSchema,
});

export const actionCommentSchema = z.object({
  id: z.number().int(),
  actionId: z.number().int(),
  author: userRefSchema.nullable(),
  text: z.string(),
  attachments: z.array(attachmentSchema),
  createdAt: timestampSchema,
});
export const actionCommentListSchema = z.object({ comments: z.array(actionCommentSchema) });
export const createCommentBodySchema = z.object({ text: z.string().trim().min(1).max(10000) }).strict();
export const commentParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  commentId: z.coerce.number().int().positive(),
});
/**
 * `POST /api/actions/:id/comments/:commentId/attachments?name=report.pdf` with the file as the raw body
 * (its `content-type` kept as the media type); at most the configured limit (20 MB by default), 413 above.
 * `GET /api/action-attachments/:id` sends the bytes back.
 */
export const attachmentUploadQuerySchema = z.object({ name: z.string().trim().min(1).max(255) }).strict();
export const attachmentIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

// ---------------------------------------------------------------------------------------------------------
// Reviews and my work

/** At a new period: the owner's open actions whose indicator is still off target in the latest period. */
export const actionReviewSchema = z.object({
  action: actionSchema,
  latestPeriod: z.string(),
  status: z.enum(['met', 'watch', 'off-track', 'no-data']),
});
export const actionReviewListSchema = z.object({ reviews: z.array(actionReviewSchema) });

export const ownedIndicatorSchema = z.object({
  scorecard: z.string(),
  indicator: z.string(),
  name: localizedTextSchema,
});

export const myWorkSchema = z.object({
  /** Open actions the user owns or collaborates on, the earliest due first. */
  actions: z.array(actionSchema),
  /** Open alerts of the inbox. */
  alerts: z.array(alertSchema),
  unreadAlerts: z.number().int(),
  /** Indicators whose owner (format @2) is the user. */
  indicators: z.array(ownedIndicatorSchema),
  /** Submitted data the user may approve. */
  approvals: z.array(approvalSchema),
  /** The user's entry units' periods not yet submitted, with their deadlines. */
  deadlines: z.array(entryDueSchema),
});
export type MyWork = z.infer<typeof myWorkSchema>;

export type CreateActionBody = z.infer<typeof createActionBodySchema>;
export type UpdateActionBody = z.infer<typeof updateActionBodySchema>;
export type ListActionsQuery = z.infer<typeof listActionsQuerySchema>;
export type ActionCommentResource = z.infer<typeof actionCommentSchema>;
export type AttachmentResource = z.infer<typeof attachmentSchema>;
