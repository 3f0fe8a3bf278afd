/**
 * What an edit of an action changes, as the PATCH body: only the fields that differ (the collaborators as a set:
 * their order does not matter, and the owner is never among them), and a progress of 100 when the action is
 * marked done without the progress being touched.
 */
import type { ActionStatus, UpdateActionBody } from '../../lib/api/actions.ts';

export interface ActionFields {
  readonly title: string;
  readonly dueDate: string;
  readonly status: ActionStatus;
  readonly progress: number;
  readonly ownerId: number;
  readonly collaboratorIds: readonly number[];
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
}

/**
 * @example actionChanges({ title: 'A', dueDate: '2027-01-03', status: 'in-progress', progress: 40, ownerId: 1, collaboratorIds: [] }, { title: 'A', dueDate: '2027-01-03', status: 'done', progress: 40, ownerId: 1, collaboratorIds: [] })
 * // { status: 'done', progress: 100 }
 */
export function actionChanges(before: ActionFields, after: ActionFields): UpdateActionBody {
  const title = after.title.trim();
  const progress =
    after.status === 'done' && before.status !== 'done' && after.progress === before.progress
      ? 100
      : after.progress;
  const collaborators = [...new Set(after.collaboratorIds)].filter((id) => id !== after.ownerId);
  return {
    ...(title !== before.title ? { title } : {}),
    ...(after.dueDate !== before.dueDate ? { dueDate: after.dueDate } : {}),
    ...(after.status !== before.status ? { status: after.status } : {}),
    ...(progress !== before.progress ? { progress } : {}),
    ...(after.ownerId !== before.ownerId ? { ownerId: after.ownerId } : {}),
    ...(sameSet(collaborators, before.collaboratorIds) ? {} : { collaboratorIds: collaborators }),
  };
}
