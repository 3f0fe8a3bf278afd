/**
 * What a change of the data behind the scores moves (a value, an assessment, a target, a weight, an approval):
 * every evaluation (with its explanations), series and ranking. A write lists these among its changes.
 */
import { evaluationKeys } from './evaluations.ts';
import { rankingKeys } from './rankings.ts';
import { seriesKeys } from './series.ts';

export const scoreKeys = [evaluationKeys.all, seriesKeys.all, rankingKeys.all] as const;
