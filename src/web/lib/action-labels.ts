/** The translation keys and colours of an action's statuses. */
import type { ActionStatus } from './api/actions.ts';

export const STATUS_KEYS = {
  planned: 'actions.statuses.planned',
  'in-progress': 'actions.statuses.inProgress',
  done: 'actions.statuses.done',
  dropped: 'actions.statuses.dropped',
} as const satisfies Record<ActionStatus, string>;

export const STATUS_COLORS = {
  planned: 'default',
  'in-progress': 'processing',
  done: 'success',
  dropped: 'default',
} as const satisfies Record<ActionStatus, string>;
