/** A small valid scorecard file for the model's tests. */
import { type ScorecardFile, scorecardFileSchema } from '../../../../core/scorecard/scorecard-schema.ts';

export function testFile(): ScorecardFile {
  return scorecardFileSchema.parse({
    format: 'healthbsc/scorecard@2',
    code: 'TEST-BSC',
    name: { en: 'Test', zh: '测试' },
    dataElements: [
      { code: 'visits', name: { en: 'Visits' } },
      { code: 'beds', name: { en: 'Beds' } },
    ],
    perspectives: [
      {
        id: 'F',
        name: { en: 'Financial' },
        objectives: [{ id: 'grow', name: { en: 'Grow' } }],
        indicators: [
          { id: 'f1', name: { en: 'F1' }, formula: 'visits / beds', objective: 'grow' },
          { id: 'f2', name: { en: 'F2' }, formula: 'beds' },
        ],
      },
      {
        id: 'C',
        name: { en: 'Customer' },
        indicators: [{ id: 'c1', name: { en: 'C1' }, formula: 'visits' }],
      },
    ],
    weights: {
      perspectives: { manual: { F: 0.6, C: 0.4 } },
      indicators: { F: { manual: { f1: 0.75, f2: 0.25 } }, C: { manual: { c1: 1 } } },
    },
  });
}
