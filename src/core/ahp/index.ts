/**
 * The Analytic Hierarchy Process (Saaty 1980) as seed 002 §2.2.3 uses it: judgment matrices → priority
 * weights → consistency check, plus consistency feedback, group aggregation and hierarchic composition.
 * See README.md in this folder.
 */
export { computeAhp } from './compute-ahp.ts';
export { type ConsensusResult, consensusIndicator, judgmentSpread, scaleMaximum } from './consensus.ts';
export { aggregateGroup } from './group.ts';
export { computeGlobalWeights } from './hierarchy.ts';
export { type HierarchyNodeInput, readHierarchy } from './hierarchy-file.ts';
export {
  computeHierarchy,
  type HierarchyInputNode,
  type HierarchyLeaf,
  type HierarchyNodeResult,
  type HierarchyResult,
} from './hierarchy-input.ts';
export { parseJudgmentMatrix, validateMatrix } from './judgment-matrix.ts';
export { describeScale, nearestOnScale } from './judgment-scale.ts';
export {
  analysePanel,
  type InconsistentExperts,
  type PanelChoice,
  type PanelExpert,
  type PanelOptions,
  type PanelResult,
} from './panel.ts';
export { RANDOM_INDEX_TABLES, randomIndex } from './random-index.ts';
export { suggestRepairs } from './repair-suggestions.ts';
export {
  type Perturbation,
  type SensitivityOptions,
  type SensitivityResult,
  sensitivity,
  type WeightInterval,
} from './sensitivity.ts';
export type {
  AhpOptions,
  AhpResult,
  ExpertJudgment,
  GroupAggregation,
  GroupAhpResult,
  HierarchyNode,
  JudgmentScale,
  Matrix,
  PriorityMethod,
  RandomIndexTable,
  RepairSuggestion,
} from './types.ts';
export type { CriticalWeight, WeightSweep } from './weight-sweep.ts';
