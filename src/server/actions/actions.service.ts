/**
 * Action plans: created from a cell, an alert or an objective by anyone who works on the unit (every role but
 * viewer over it) or by the indicator's owner, edited by its owner, its collaborators or the performance office (admin, strategist over the
 * unit); comments with attachments stored in the database (size-limited). Every change is audited.
 */
import { DESIGN_ROLES, hasRoleOver, READ_ROLES } from '../../core/access/policy.ts';
import type { Role } from '../../core/access/principal.ts';
import type {
  ActionCommentResource,
  ActionResource,
  CreateActionBody,
  ListActionsQuery,
  UpdateActionBody,
} from '../../core/contracts/actions.ts';
import type { Page } from '../../core/contracts/common.ts';
import { badRequest, makeProblem, notFound, ProblemError } from '../../core/errors/problem.ts';
import {
  type ActionRow,
  findActionRow,
  findAttachment,
  insertAction,
  insertAttachment,
  insertComment,
  listActionRows,
  listAttachmentRows,
  listCollaborators,
  listCommentRows,
  listUsersByIds,
  replaceCollaborators,
  updateAction,
} from '../../db/repositories/action.repository.ts';
import { findAlertRow } from '../../db/repositories/alert.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import { latestCells } from '../alerts/alert-inputs.ts';
import { requireUser } from '../alerts/current-user.ts';
import { loadScorecardFacts } from '../alerts/scorecard-facts.ts';
import type { Actor, ServerContext } from '../context.ts';
import type { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { readScope, requireAccess, requireRoleOver } from '../services/access.ts';
import { commitWrite } from '../services/commit-write.ts';
import { isoTime } from '../services/format.ts';
import { requireOrgUnit, requireScorecard } from '../services/lookups.ts';
import { toActionResources } from './action-resources.ts';

/** Who may open an action on a unit: everyone who works on it, not a mere reader. */
const WORK_ROLES: readonly Role[] = ['admin', 'strategist', 'steward', 'entry', 'approver'];

/** The default attachment limit: 20 MB (HEALTHBSC_ATTACHMENT_LIMIT overrides it). */
export const DEFAULT_ATTACHMENT_LIMIT = 20 * 1024 * 1024;

export interface ActionServices {
  readonly ctx: ServerContext;
  readonly engine: EvaluationEngine;
}

async function requireUsers(db: Executor, ids: readonly number[]): Promise<void> {
  const found = new Set((await listUsersByIds(db, ids)).map((u) => u.id));
  for (const id of ids) if (!found.has(id)) throw notFound('action.user-not-found', { id });
}

async function resource(s: ActionServices, db: Executor, id: number): Promise<ActionResource> {
  const row = await findActionRow(db, id);
  if (row === undefined) throw notFound('action.not-found', { id });
  const [one] = await toActionResources(db, s.engine, [row], s.ctx.now());
  if (one === undefined) throw notFound('action.not-found', { id });
  return one;
}

async function readableAction(s: ActionServices, actor: Actor, id: number): Promise<ActionRow> {
  const row = await findActionRow(s.ctx.db.kysely, id);
  if (row === undefined) throw notFound('action.not-found', { id });
  requireRoleOver(actor, READ_ROLES, { code: row.org_unit_code, path: row.org_unit_path });
  return row;
}

/** 403 unless the actor owns, collaborates on, or (admin, strategist) designs for the action's unit. */
async function editableAction(s: ActionServices, actor: Actor, id: number): Promise<ActionRow> {
  const row = await readableAction(s, actor, id);
  if (hasRoleOver(actor.principal, DESIGN_ROLES, row.org_unit_path)) return row;
  const user = actor.principal.kind === 'user' ? await requireUser(s.ctx.db.kysely, actor) : null;
  const collaborators = await listCollaborators(s.ctx.db.kysely, [row.id]);
  const involved =
    user !== null && (row.owner_id === user.id || collaborators.some((c) => c.userId === user.id));
  requireAccess(involved, actor, DESIGN_ROLES, row.org_unit_code);
  return row;
}

export async function createAction(
  s: ActionServices,
  actor: Actor,
  body: CreateActionBody,
): Promise<ActionResource> {
  const db = s.ctx.db.kysely;
  const unit = await requireOrgUnit(db, body.orgUnit);
  const scorecard = await requireScorecard(db, body.scorecard);
  const [facts] = await loadScorecardFacts(db, [scorecard.code]);
  const indicator = facts?.indicators.find((i) => i.id === body.indicator);
  // The indicator's owner answers for it, whatever their role: they may open an action on any unit they read.
  const isOwner =
    indicator?.owner != null && indicator.owner.toLowerCase() === actor.principal.userId.toLowerCase();
  requireRoleOver(actor, isOwner ? READ_ROLES : WORK_ROLES, unit);
  if (indicator === undefined) {
    throw badRequest('alerts.unknown-indicator', { scorecard: scorecard.code, indicator: body.indicator }, [
      'indicator',
    ]);
  }
  if (body.alertId !== undefined) {
    const alert = await findAlertRow(db, body.alertId);
    if (alert === undefined) throw notFound('alerts.alert-not-found', { id: body.alertId });
    const same =
      alert.scorecard_id === scorecard.id &&
      alert.org_unit_id === unit.id &&
      alert.period_id === body.period &&
      (alert.indicator === '' || alert.indicator === body.indicator);
    if (!same) throw badRequest('action.alert-elsewhere', { alert: body.alertId }, ['alertId']);
  }
  const ownerId = body.ownerId ?? (await requireUser(db, actor)).id;
  await requireUsers(db, [ownerId, ...body.collaboratorIds]);
  const [opening] = (await latestCells(s.engine, scorecard.code, [unit], [body.period])).filter(
    (c) => c.indicator === body.indicator,
  );
  const at = s.ctx.now();
  // The resource is read after the commit: its value now comes from the evaluation engine, which reads the
  // database on its own connection (PGlite has one, held by this transaction until it commits).
  const created = await commitWrite(s.ctx, actor, async (trx) => {
    const id = await insertAction(trx, {
      rootId: unit.rootId,
      title: body.title,
      description: body.description ?? null,
      scorecardId: scorecard.id,
      indicator: body.indicator,
      orgUnitId: unit.id,
      periodId: body.period,
      ownerId,
      dueDate: body.dueDate,
      origin: body.alertId !== undefined ? 'alert' : body.origin,
      alertId: body.alertId ?? null,
      objective: body.objective ?? null,
      valueAtOpening: opening?.actual ?? null,
      createdBy: actor.id,
      at,
    });
    await replaceCollaborators(trx, { rootId: unit.rootId, id }, body.collaboratorIds);
    return {
      result: id,
      audit: [
        {
          action: 'create',
          entity: 'action_plan',
          entityKey: String(id),
          newValue: body,
          orgUnitId: unit.id,
        },
      ],
      touched: [],
    };
  });
  return resource(s, db, created);
}

export async function getAction(s: ActionServices, actor: Actor, id: number): Promise<ActionResource> {
  await readableAction(s, actor, id);
  return resource(s, s.ctx.db.kysely, id);
}

export async function listActions(
  s: ActionServices,
  actor: Actor,
  q: ListActionsQuery,
): Promise<Page<ActionResource>> {
  const db = s.ctx.db.kysely;
  const scorecardId = q.scorecard === undefined ? undefined : (await requireScorecard(db, q.scorecard)).id;
  const unit = q.orgUnit === undefined ? undefined : await requireOrgUnit(db, q.orgUnit);
  if (unit !== undefined) requireRoleOver(actor, READ_ROLES, unit);
  const userId = q.mine === true ? (await requireUser(db, actor)).id : undefined;
  const { rows, total } = await listActionRows(
    db,
    {
      ...(scorecardId === undefined ? {} : { scorecardId }),
      ...(unit === undefined ? {} : { orgUnitPath: unit.path }),
      ...(q.indicator === undefined ? {} : { indicator: q.indicator }),
      ...(q.status === undefined ? {} : { status: q.status }),
      ...(q.open === undefined ? {} : { open: q.open }),
      ...(userId === undefined ? {} : { userId }),
      scope: readScope(actor),
    },
    q,
  );
  return {
    items: await toActionResources(db, s.engine, rows, s.ctx.now()),
    total,
    limit: q.limit,
    offset: q.offset,
  };
}

export async function changeAction(
  s: ActionServices,
  actor: Actor,
  id: number,
  body: UpdateActionBody,
): Promise<ActionResource> {
  const db = s.ctx.db.kysely;
  const row = await editableAction(s, actor, id);
  const before = await resource(s, db, id);
  await requireUsers(db, [
    ...(body.ownerId === undefined ? [] : [body.ownerId]),
    ...(body.collaboratorIds ?? []),
  ]);
  const at = s.ctx.now();
  const closing = body.status === 'done' || body.status === 'dropped';
  const reopening = body.status === 'planned' || body.status === 'in-progress';
  await commitWrite(s.ctx, actor, async (trx) => {
    await updateAction(
      trx,
      id,
      {
        ...(body.title === undefined ? {} : { title: body.title }),
        ...(body.description === undefined ? {} : { description: body.description }),
        ...(body.ownerId === undefined ? {} : { ownerId: body.ownerId }),
        ...(body.dueDate === undefined ? {} : { dueDate: body.dueDate }),
        ...(body.status === undefined ? {} : { status: body.status }),
        // Done means done: the progress says 100 unless the same change says otherwise.
        ...(body.progress !== undefined
          ? { progress: body.progress }
          : body.status === 'done'
            ? { progress: 100 }
            : {}),
        ...(closing && row.closed_at === null ? { closedAt: at } : reopening ? { closedAt: null } : {}),
      },
      at,
    );
    if (body.collaboratorIds !== undefined) {
      await replaceCollaborators(trx, { rootId: row.root_id, id }, body.collaboratorIds);
    }
    return {
      result: undefined,
      audit: [
        {
          action: 'update',
          entity: 'action_plan',
          entityKey: String(id),
          oldValue: before,
          newValue: body,
          orgUnitId: row.org_unit_id,
        },
      ],
      touched: [],
    };
  });
  return resource(s, db, id);
}

// ---------------------------------------------------------------------------------------------------------
// Comments and attachments

export async function listComments(
  s: ActionServices,
  actor: Actor,
  id: number,
): Promise<ActionCommentResource[]> {
  const row = await readableAction(s, actor, id);
  const db = s.ctx.db.kysely;
  const comments = await listCommentRows(db, row.root_id, row.id);
  const attachments = await listAttachmentRows(
    db,
    row.root_id,
    comments.map((c) => c.id),
  );
  const authors = new Map(
    (
      await listUsersByIds(
        db,
        comments.flatMap((c) => (c.author_id === null ? [] : [c.author_id])),
      )
    ).map((u) => [u.id, u]),
  );
  return comments.map((c) => ({
    id: c.id,
    actionId: c.action_id,
    author: c.author_id === null ? null : (authors.get(c.author_id) ?? null),
    text: c.text,
    attachments: attachments
      .filter((a) => a.comment_id === c.id)
      .map((a) => ({
        id: a.id,
        name: a.name,
        mediaType: a.media_type,
        size: a.size,
        createdAt: isoTime(a.created_at),
      })),
    createdAt: isoTime(c.created_at),
  }));
}

export async function addComment(
  s: ActionServices,
  actor: Actor,
  id: number,
  text: string,
): Promise<ActionCommentResource> {
  const row = await editableAction(s, actor, id);
  const db = s.ctx.db.kysely;
  const author = actor.principal.kind === 'user' ? await requireUser(db, actor) : null;
  const commentId = await commitWrite(s.ctx, actor, async (trx) => {
    const cid = await insertComment(trx, {
      rootId: row.root_id,
      actionId: row.id,
      authorId: author?.id ?? null,
      text,
      at: s.ctx.now(),
    });
    return {
      result: cid,
      audit: [
        {
          action: 'comment',
          entity: 'action_plan',
          entityKey: String(id),
          newValue: { comment: cid, text },
          orgUnitId: row.org_unit_id,
        },
      ],
      touched: [],
    };
  });
  const found = (await listComments(s, actor, id)).find((c) => c.id === commentId);
  if (found === undefined) throw notFound('action.comment-not-found', { action: id, id: commentId });
  return found;
}

export async function addAttachment(
  s: ActionServices,
  actor: Actor,
  input: {
    actionId: number;
    commentId: number;
    name: string;
    mediaType: string;
    content: Uint8Array;
    limit: number;
  },
): Promise<ActionCommentResource> {
  if (input.content.byteLength > input.limit) {
    throw new ProblemError(
      makeProblem('too-large', 'action.attachment-too-large', {
        size: input.content.byteLength,
        limit: input.limit,
      }),
    );
  }
  const row = await editableAction(s, actor, input.actionId);
  const db = s.ctx.db.kysely;
  const comment = (await listCommentRows(db, row.root_id, row.id)).find((c) => c.id === input.commentId);
  if (comment === undefined)
    throw notFound('action.comment-not-found', { action: row.id, id: input.commentId });
  await commitWrite(s.ctx, actor, async (trx) => {
    const aid = await insertAttachment(trx, {
      rootId: row.root_id,
      commentId: comment.id,
      name: input.name,
      mediaType: input.mediaType,
      content: input.content,
      at: s.ctx.now(),
    });
    return {
      result: aid,
      audit: [
        {
          action: 'attach',
          entity: 'action_plan',
          entityKey: String(row.id),
          newValue: {
            comment: comment.id,
            attachment: aid,
            name: input.name,
            size: input.content.byteLength,
          },
          orgUnitId: row.org_unit_id,
        },
      ],
      touched: [],
    };
  });
  const found = (await listComments(s, actor, row.id)).find((c) => c.id === comment.id);
  if (found === undefined) throw notFound('action.comment-not-found', { action: row.id, id: comment.id });
  return found;
}

export async function readAttachment(s: ActionServices, actor: Actor, id: number) {
  const found = await findAttachment(s.ctx.db.kysely, id);
  if (found === undefined) throw notFound('action.attachment-not-found', { id });
  await readableAction(s, actor, found.action_id);
  return { name: found.name, mediaType: found.media_type, content: found.content };
}
