/**
 * What an edit of an action changes, as the PATCH body: only the fields that differ, and a progress of 100 when
 * the action is marked done without the progress being touched.
 */
import type { ActionStatus, UpdateActionBody } from '../../lib/api/actions.ts';

export interface ActionFields {
  readonly title: string;
  readonly dueDate: string;
  readonly status: ActionStatus;
  readonly progress: number;
}

/**
 * @example actionChanges({ title: 'A', dueDate: '2027-01-03', status: 'in-progress', progress: 40 }, { title: 'A', dueDate: '2027-01-03', status: 'done', progress: 40 })
 * // { status: 'done', progress: 100 }
 */
export function actionChanges(before: ActionFields, after: ActionFields): UpdateActionBody {
  const title = after.title.trim();
  const progress =
    after.status === 'done' && before.status !== 'done' && after.progress === before.progress
      ? 100
      : after.progress;
  return {
    ...(title !== before.title ? { title } : {}),
    ...(after.dueDate !== before.dueDate ? { dueDate: after.dueDate } : {}),
    ...(after.status !== before.status ? { status: after.status } : {}),
    ...(progress !== before.progress ? { progress } : {}),
  };
}
