/**
 * AHP surveys of an expert panel (seed 002 §4.1; AHP-OS, Goepel 2018): the questions from a scorecard's
 * hierarchy, one expert's answers → consistency and repairs, the panel's results, and the result as a
 * scorecard weights block. Pure; the server stores the answers (server/surveys). See README.md.
 */
export {
  ahpOptionsOf,
  countAnswered,
  matrixOfJudgments,
  type NodeValues,
  nodeConsistency,
  type SurveyAhpSettings,
} from './node-judgments.ts';
export { isJudgmentOnScale, scaleMax, scaleMeanings } from './scale-meanings.ts';
export { buildSurveyNodes, PERSPECTIVES_NODE, pairsOf } from './survey-nodes.ts';
export {
  type ComputedResults,
  computeSurveyResults,
  type ExpertAnswers,
  type ResultChoice,
} from './survey-results.ts';
export { type SurveyWeightsInput, surveyWeightsFile } from './survey-weights.ts';
