/**
 * Evaluation studies: before/after comparisons of a scorecard's indicators over units and pooled groups, with
 * the tests of ../stats (README.md in this folder). Pure: the server reads the figures, this folder analyses them.
 */
export {
  analyseStudy,
  monthValue,
  type StudyCell,
  type StudyOptions,
  type ValueParts,
  type WindowFigures,
} from './analyse-study.ts';
export {
  defaultTest,
  type IndicatorShape,
  SMALL_EXPECTED_COUNT,
  smallestExpectedCount,
  statisticOf,
  testFits,
  type WindowCombine,
} from './choose-test.ts';
export { studyIcer, windowValue } from './icer.ts';
export { pooledUnitCode, withPooledUnit } from './pooled-tree.ts';
export { readStudyFile } from './read-study-file.ts';
export { monthsOfWindow, type StudyTimeline, studyTimeline } from './windows.ts';
