/**
 * Objective weights and rankings of units: entropy and CRITIC weights, their combination with subjective (AHP)
 * weights, TOPSIS and the rank-sum ratio (RSR) with probit classes. Pure functions over a units × criteria
 * matrix. See README.md in this folder.
 */
export { combineWeights } from './combine.ts';
export { criticWeights } from './critic.ts';
export { entropyWeights } from './entropy.ts';
export { averageRanks, rankDescending } from './ranks.ts';
export { rankSumRatio } from './rsr.ts';
export { topsis } from './topsis.ts';
export type {
  Criterion,
  DecisionMatrix,
  Direction,
  RsrOptions,
  RsrResult,
  TopsisNormalization,
  TopsisResult,
  WeightCombination,
} from './types.ts';
