/**
 * Action plans, their collaborators, comments and attachments (202612070200_alerts_and_actions).
 */
import { type Selectable, sql } from 'kysely';
import type { OrgScope } from '../../core/access/scope.ts';
import type { ActionPlanTable } from '../schema.ts';
import { type Executor, type PageRows, type PageWindow, scopeCondition } from './query-helpers.ts';

export type ActionRow = Selectable<ActionPlanTable> & {
  readonly scorecard_code: string;
  readonly org_unit_code: string;
  readonly org_unit_path: string;
};

function selectActions(db: Executor) {
  return db
    .selectFrom('action_plan as a')
    .innerJoin('scorecard as s', 's.id', 'a.scorecard_id')
    .innerJoin('org_unit as o', 'o.id', 'a.org_unit_id')
    .selectAll('a')
    .select(['s.code as scorecard_code', 'o.code as org_unit_code', 'o.path as org_unit_path']);
}

export async function findActionRow(db: Executor, id: number): Promise<ActionRow | undefined> {
  return selectActions(db).where('a.id', '=', id).executeTakeFirst();
}

export interface ActionFilter {
  readonly scorecardId?: number;
  readonly orgUnitPath?: string;
  /** Only the actions of this unit (not of the units below it). */
  readonly orgUnitId?: number;
  readonly indicator?: string;
  readonly status?: ActionPlanTable['status'];
  readonly open?: boolean;
  /** Only actions this user owns or collaborates on. */
  readonly userId?: number;
  readonly scope?: OrgScope;
}

export async function listActionRows(
  db: Executor,
  f: ActionFilter,
  window: PageWindow,
): Promise<PageRows<ActionRow>> {
  const base = selectActions(db)
    .$if(f.scorecardId !== undefined, (q) => q.where('a.scorecard_id', '=', f.scorecardId ?? 0))
    .$if(f.orgUnitPath !== undefined, (q) => q.where('o.path', 'like', `${f.orgUnitPath ?? ''}%`))
    .$if(f.orgUnitId !== undefined, (q) => q.where('a.org_unit_id', '=', f.orgUnitId ?? 0))
    .$if(f.indicator !== undefined, (q) => q.where('a.indicator', '=', f.indicator ?? ''))
    .$if(f.status !== undefined, (q) => q.where('a.status', '=', f.status ?? 'planned'))
    .$if(f.open === true, (q) => q.where('a.status', 'in', ['planned', 'in-progress']))
    .$if(f.open === false, (q) => q.where('a.status', 'in', ['done', 'dropped']))
    .$if(f.userId !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('a.owner_id', '=', f.userId ?? 0),
          eb.exists(
            eb
              .selectFrom('action_collaborator as c')
              .select('c.user_id')
              .whereRef('c.action_id', '=', 'a.id')
              .whereRef('c.root_id', '=', 'a.root_id')
              .where('c.user_id', '=', f.userId ?? 0),
          ),
        ]),
      ),
    )
    .$call((q) => {
      const inScope = scopeCondition('o.path', f.scope);
      return inScope === null ? q : q.where(inScope);
    });
  const rows = await base
    .orderBy('a.due_date')
    .orderBy('a.id')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
  const count = await base
    .clearSelect()
    .select(sql<number>`count(*)::int`.as('total'))
    .executeTakeFirstOrThrow();
  return { rows, total: count.total };
}

export interface NewAction {
  readonly rootId: number;
  readonly title: string;
  readonly description: string | null;
  readonly scorecardId: number;
  readonly indicator: string;
  readonly orgUnitId: number;
  readonly periodId: string;
  readonly ownerId: number;
  readonly dueDate: string;
  readonly origin: ActionPlanTable['origin'];
  readonly alertId: number | null;
  readonly objective: string | null;
  readonly valueAtOpening: number | null;
  readonly createdBy: string;
  readonly at: Date;
}

export async function insertAction(trx: Executor, a: NewAction): Promise<number> {
  const row = await trx
    .insertInto('action_plan')
    .values({
      root_id: a.rootId,
      title: a.title,
      description: a.description,
      scorecard_id: a.scorecardId,
      indicator: a.indicator,
      org_unit_id: a.orgUnitId,
      period_id: a.periodId,
      owner_id: a.ownerId,
      due_date: a.dueDate,
      status: 'planned',
      progress: 0,
      origin: a.origin,
      alert_id: a.alertId,
      objective: a.objective,
      value_at_opening: a.valueAtOpening,
      created_by: a.createdBy,
      created_at: a.at,
      updated_at: a.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface ActionChanges {
  readonly title?: string;
  readonly description?: string | null;
  readonly ownerId?: number;
  readonly dueDate?: string;
  readonly status?: ActionPlanTable['status'];
  readonly progress?: number;
  readonly closedAt?: Date | null;
}

export async function updateAction(trx: Executor, id: number, c: ActionChanges, at: Date): Promise<void> {
  await trx
    .updateTable('action_plan')
    .set({
      ...(c.title === undefined ? {} : { title: c.title }),
      ...(c.description === undefined ? {} : { description: c.description }),
      ...(c.ownerId === undefined ? {} : { owner_id: c.ownerId }),
      ...(c.dueDate === undefined ? {} : { due_date: c.dueDate }),
      ...(c.status === undefined ? {} : { status: c.status }),
      ...(c.progress === undefined ? {} : { progress: c.progress }),
      ...(c.closedAt === undefined ? {} : { closed_at: c.closedAt }),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

export async function listCollaborators(db: Executor, actionIds: readonly number[]) {
  if (actionIds.length === 0) return [];
  return db
    .selectFrom('action_collaborator')
    .select(['action_id as actionId', 'user_id as userId'])
    .where('action_id', 'in', actionIds)
    .orderBy('user_id')
    .execute();
}

export async function replaceCollaborators(
  trx: Executor,
  action: { readonly rootId: number; readonly id: number },
  userIds: readonly number[],
): Promise<void> {
  await trx
    .deleteFrom('action_collaborator')
    .where('root_id', '=', action.rootId)
    .where('action_id', '=', action.id)
    .execute();
  if (userIds.length === 0) return;
  await trx
    .insertInto('action_collaborator')
    .values(
      [...new Set(userIds)].map((user_id) => ({ root_id: action.rootId, action_id: action.id, user_id })),
    )
    .execute();
}

export async function listUsersByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('app_user')
    .select(['id', 'email', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

// ---------------------------------------------------------------------------------------------------------
// Comments and attachments

export async function listCommentRows(db: Executor, rootId: number, actionId: number) {
  return db
    .selectFrom('action_comment')
    .select(['id', 'action_id', 'author_id', 'text', 'created_at'])
    .where('root_id', '=', rootId)
    .where('action_id', '=', actionId)
    .orderBy('id')
    .execute();
}

export async function listAttachmentRows(db: Executor, rootId: number, commentIds: readonly number[]) {
  if (commentIds.length === 0) return [];
  return db
    .selectFrom('action_attachment')
    .select(['id', 'comment_id', 'name', 'media_type', 'size', 'created_at'])
    .where('root_id', '=', rootId)
    .where('comment_id', 'in', commentIds)
    .orderBy('id')
    .execute();
}

export async function insertComment(
  trx: Executor,
  c: { rootId: number; actionId: number; authorId: number | null; text: string; at: Date },
): Promise<number> {
  const row = await trx
    .insertInto('action_comment')
    .values({
      root_id: c.rootId,
      action_id: c.actionId,
      author_id: c.authorId,
      text: c.text,
      created_at: c.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertAttachment(
  trx: Executor,
  a: { rootId: number; commentId: number; name: string; mediaType: string; content: Uint8Array; at: Date },
): Promise<number> {
  const row = await trx
    .insertInto('action_attachment')
    .values({
      root_id: a.rootId,
      comment_id: a.commentId,
      name: a.name,
      media_type: a.mediaType,
      size: a.content.byteLength,
      content: a.content,
      created_at: a.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One attachment with its bytes and the action it belongs to. */
export async function findAttachment(db: Executor, id: number) {
  return db
    .selectFrom('action_attachment as t')
    .innerJoin('action_comment as c', (j) =>
      j.onRef('c.root_id', '=', 't.root_id').onRef('c.id', '=', 't.comment_id'),
    )
    .select(['t.id', 't.name', 't.media_type', 't.size', 't.content', 'c.action_id'])
    .where('t.id', '=', id)
    .executeTakeFirst();
}
