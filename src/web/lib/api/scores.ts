/**
 * What a change of the data behind the scores moves (a value, an assessment, a target, a weight, an approval):
 * every evaluation (with its explanations), series, ranking, pivot, funnel and forecast. A write lists these among its changes.
 */
import { evaluationKeys } from './evaluations.ts';
import { monitoringKeys } from './monitoring.ts';
import { pivotKeys } from './pivot.ts';
import { rankingKeys } from './rankings.ts';
import { seriesKeys } from './series.ts';

export const scoreKeys = [
  evaluationKeys.all,
  seriesKeys.all,
  rankingKeys.all,
  monitoringKeys.all,
  pivotKeys.all,
] as const;
