/**
 * Surveys in core: the nodes of AZ Hospital's hierarchy (seed 002 §4.1), one expert's consistency feedback,
 * the panel's AIJ result, and the result as a weights block that compiles to the same weights.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseJudgmentMatrix } from '../ahp/index.ts';
import type { Matrix } from '../ahp/types.ts';
import type { SurveyNode } from '../contracts/surveys.ts';
import { compileScorecard, readScorecardFile } from '../scorecard/index.ts';
import type { WeightSetFile } from '../scorecard/schema-parts.ts';
import {
  buildSurveyNodes,
  computeSurveyResults,
  type ExpertAnswers,
  nodeConsistency,
  type SurveyAhpSettings,
  surveyWeightsFile,
} from './index.ts';

const azYaml = readFileSync(
  fileURLToPath(new URL('../../../examples/az-hospital/scorecard.yaml', import.meta.url)),
  'utf8',
);
const az = readScorecardFile(parse(azYaml)).file;
const nodes = buildSurveyNodes(az, true);
const SETTINGS: SurveyAhpSettings = { scale: 'saaty', riTable: 'seed002', threshold: 0.1 };

/** A matrix's upper triangle in the node's pair order. */
function valuesOf(node: SurveyNode, matrix: Matrix): number[] {
  return node.pairs.map(({ i, j }) => matrix[i]?.[j] ?? Number.NaN);
}

function ahpMatrix(set: WeightSetFile | undefined): Matrix {
  if (set === undefined || !('ahp' in set) || set.ahp.matrix === undefined) throw new Error('no matrix');
  return parseJudgmentMatrix(set.ahp.matrix);
}

/** The paper's six matrices (Tables 4.1–4.6) as one expert's answers. */
function seedExpert(id: number): ExpertAnswers {
  const answers = new Map<string, number[]>();
  for (const node of nodes) {
    const set =
      node.parentElement === null ? az.weights.perspectives : az.weights.indicators[node.parentElement];
    answers.set(node.key, valuesOf(node, ahpMatrix(set)));
  }
  return { id, name: `Expert ${id}`, weight: 1, answers };
}

const threeNode: SurveyNode = {
  key: 'perspectives',
  parent: null,
  parentElement: null,
  level: 'perspectives',
  title: { en: 'Perspectives' },
  elements: [
    { id: 'A', name: { en: 'A' } },
    { id: 'B', name: { en: 'B' } },
    { id: 'C', name: { en: 'C' } },
  ],
  pairs: [
    { i: 0, j: 1 },
    { i: 0, j: 2 },
    { i: 1, j: 2 },
  ],
};

describe('buildSurveyNodes', () => {
  it('asks about AZ Hospital’s five perspectives, then the indicators of each', () => {
    expect(nodes.map((n) => [n.key, n.elements.length, n.pairs.length])).toEqual([
      ['perspectives', 5, 10],
      ['perspective:F', 6, 15],
      ['perspective:C', 6, 15],
      ['perspective:I', 9, 36],
      ['perspective:S', 4, 6],
      ['perspective:R', 6, 15],
    ]);
  });

  it('adds a level for the objectives of a perspective whose indicators each name one', () => {
    const file = structuredClone(az);
    const finance = file.perspectives[0];
    if (finance === undefined) throw new Error('no perspective');
    finance.objectives = [
      { id: 'GROW', name: { en: 'Grow' } },
      { id: 'SAVE', name: { en: 'Save' } },
    ];
    finance.indicators.forEach((indicator, k) => {
      indicator.objective = k < 3 ? 'GROW' : 'SAVE';
    });
    expect(
      buildSurveyNodes(file, true)
        .slice(1, 4)
        .map((n) => [n.key, n.parent, n.level, n.elements.length]),
    ).toEqual([
      ['perspective:F', 'perspectives', 'objectives', 2],
      ['objective:GROW', 'perspective:F', 'indicators', 3],
      ['objective:SAVE', 'perspective:F', 'indicators', 3],
    ]);
  });
});

describe('nodeConsistency', () => {
  it('gives the weights of a consistent node and no repairs', () => {
    const result = nodeConsistency(threeNode, [2, 4, 2], SETTINGS);
    expect(result?.weights.map((w) => w.toFixed(4))).toEqual(['0.5714', '0.2857', '0.1429']);
    expect([result?.cr.toFixed(6), result?.repairs]).toEqual(['0.000000', []]);
  });

  it('is null while a pair is unanswered', () => {
    expect(nodeConsistency(threeNode, [2, null, 2], SETTINGS)).toBeNull();
  });

  it('lists three judgments to revisit when CR passes the threshold, the worst first', () => {
    // A > B (3), B > C (3), yet C > A (3): a circulant cycle, λmax = 1 + 3 + 1/3, CI = 2/3, CR = (2/3)/0.52.
    const result = nodeConsistency(threeNode, [3, 1 / 3, 3], SETTINGS);
    expect(result?.consistent).toBe(false);
    expect(result?.cr.toFixed(4)).toBe('1.2821');
    expect(result?.repairs.length).toBe(3);
    expect(result?.repairs[0]?.crAfterOnScale).toBeLessThan(result?.cr ?? 0);
  });
});

describe('computeSurveyResults', () => {
  const experts: ExpertAnswers[] = [
    { id: 1, name: 'A', weight: 1, answers: new Map([['perspectives', [1, 2, 1]]]) },
    { id: 2, name: 'B', weight: 1, answers: new Map([['perspectives', [2, 4, 2]]]) },
    { id: 3, name: 'C', weight: 1, answers: new Map([['perspectives', [4, 8, 4]]]) },
  ];

  it('aggregates the judgments by their geometric mean (AIJ): 4/7, 2/7, 1/7', () => {
    const result = computeSurveyResults([threeNode], experts, SETTINGS, {
      aggregation: 'aij',
      inconsistent: 'include',
    });
    expect(result.nodes[0]?.weights?.map((w) => w.toFixed(4))).toEqual(['0.5714', '0.2857', '0.1429']);
  });

  it('leaves an inconsistent expert out when asked, and shows the weights both ways', () => {
    const withCycle = [
      ...experts,
      { id: 4, name: 'D', weight: 1, answers: new Map([['perspectives', [9, 1 / 9, 9]]]) },
    ];
    const result = computeSurveyResults([threeNode], withCycle, SETTINGS, {
      aggregation: 'aij',
      inconsistent: 'exclude',
    });
    const node = result.nodes[0];
    expect(node?.experts).toEqual([1, 2, 3]);
    expect(node?.effect.exclude?.map((w) => w.toFixed(4))).toEqual(['0.5714', '0.2857', '0.1429']);
    expect(node?.effect.include?.map((w) => w.toFixed(4))).not.toEqual(['0.5714', '0.2857', '0.1429']);
    expect(result.experts.map((e) => e.consistent)).toEqual([true, true, true, false]);
  });

  it('reproduces seed 002’s Tables 4.1 and 4.2 with the paper’s matrices as one expert', () => {
    const result = computeSurveyResults(nodes, [seedExpert(1)], SETTINGS, {
      aggregation: 'aij',
      inconsistent: 'include',
    });
    expect(result.nodes[0]?.weights?.map((w) => w.toFixed(4))).toEqual([
      '0.3764',
      '0.1403',
      '0.2430',
      '0.1224',
      '0.1179',
    ]);
    expect(result.nodes[1]?.cr?.toFixed(4)).toBe('0.0658');
    expect(result.globalWeights?.[0]).toEqual({
      perspective: 'F',
      objective: null,
      indicator: 'F1',
      weight: expect.closeTo(0.3764 * 0.3413, 3),
    });
  });

  it('gives the geometric SD of each comparison: a12 = 1, 2, 4 spread by a factor of 2', () => {
    const result = computeSurveyResults([threeNode], experts, SETTINGS, {
      aggregation: 'aij',
      inconsistent: 'include',
    });
    expect(result.nodes[0]?.spread[0]).toEqual({
      i: 0,
      j: 1,
      geometricMean: expect.closeTo(2, 9),
      geometricSd: expect.closeTo(2, 9),
    });
  });

  it('gives S* = 1 per node and for the hierarchy when the experts agree (Goepel 2013)', () => {
    const result = computeSurveyResults(nodes, [seedExpert(1), seedExpert(2)], SETTINGS, {
      aggregation: 'aij',
      inconsistent: 'include',
    });
    expect([result.nodes.map((n) => n.consensus?.toFixed(6)), result.consensus?.toFixed(6)]).toEqual([
      ['1.000000', '1.000000', '1.000000', '1.000000', '1.000000', '1.000000'],
      '1.000000',
    ]);
  });

  it('blocks the global weights while a node has no counted expert', () => {
    const result = computeSurveyResults(nodes, [], SETTINGS, { aggregation: 'aij', inconsistent: 'include' });
    expect([result.globalWeights, result.blockers.length]).toEqual([null, 6]);
  });
});

describe('surveyWeightsFile', () => {
  it('compiles to the weights the survey reported, keeping the experts’ matrices', () => {
    const experts = [seedExpert(1), seedExpert(2)];
    const choice = { aggregation: 'aij', inconsistent: 'include' } as const;
    const results = computeSurveyResults(nodes, experts, SETTINGS, choice);
    const weights = surveyWeightsFile({ nodes, results: results.nodes, experts, ...choice });
    const compiled = compileScorecard({ ...az, weights });
    expect(compiled.perspectives.map((p) => p.weight.toFixed(6))).toEqual(
      (results.nodes[0]?.weights ?? []).map((w) => w.toFixed(6)),
    );
    expect(weights.perspectives).toMatchObject({
      ahp: { order: ['F', 'C', 'I', 'S', 'R'], aggregation: 'aij' },
    });
  });
});
