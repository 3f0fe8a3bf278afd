import { describe, expect, it } from 'vitest';
import { compileScorecard } from '../core/scorecard/index.ts';
import { generateMedicalGroupDemo } from './generate.ts';
import { buildDemoScorecard } from './scorecard.ts';

describe('the demo group’s strategy (src/demo/strategy.ts)', () => {
  it('compiles with six objectives over four lanes and five links', () => {
    const definition = compileScorecard(buildDemoScorecard(generateMedicalGroupDemo())).definition;
    expect([
      definition.perspectives.map((p) => p.objectives.map((o) => o.id)),
      definition.links?.map((l) => `${l.from}→${l.to}`),
    ]).toEqual([
      [['F-REVENUE', 'F-COST'], ['C-COUNTY', 'C-CHRONIC'], ['I-FLOW'], ['L-CAPACITY']],
      ['L-CAPACITY→I-FLOW', 'I-FLOW→C-COUNTY', 'I-FLOW→C-CHRONIC', 'C-COUNTY→F-REVENUE', 'C-CHRONIC→F-COST'],
    ]);
  });
});
