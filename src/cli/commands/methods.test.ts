/**
 * The exact JSON shapes of `healthbsc weights`, `rank`, `ahp` (panel and hierarchy) and `sensitivity`, which
 * other tools rely on, each run on the example file the docs show (docs/ahp-and-ranking.md).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli, runCliJson } from '../../../test/run-cli.ts';

const example = (name: string) =>
  fileURLToPath(new URL(`../../../examples/methods/${name}`, import.meta.url));
const azHierarchy = fileURLToPath(
  new URL('../../../examples/az-hospital/ahp/hierarchy.json', import.meta.url),
);
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'healthbsc-methods-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(content));
  return file;
}

const closeTo = (values: readonly number[], digits: number) => values.map((v) => expect.closeTo(v, digits));

describe('healthbsc weights', () => {
  test('entropy prints {"weights": […]} (Xu 2004)', async () => {
    const body = await runCliJson(['weights', 'entropy', example('entropy-xu-2004.json'), '--json']);
    expect(body).toEqual({ weights: closeTo([0.463, 0.3992, 0.1378, 0], 4) });
  });

  test('critic prints {"weights": […]} (Tuş & Aytaç Adalı 2019)', async () => {
    const body = await runCliJson(['weights', 'critic', example('critic-tus-adali-2019.json'), '--json']);
    expect(body).toEqual({ weights: closeTo([0.157, 0.249, 0.168, 0.121, 0.154, 0.151], 3) });
  });

  test('a negative value for entropy exits 2 with one line naming the cell', async () => {
    const file = await write('neg.json', {
      matrix: [
        [1, -2],
        [3, 4],
      ],
      criteria: [{ direction: 'higher' }, { direction: 'higher' }],
    });
    const run = await runCli(['weights', 'entropy', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('matrix[0][1] = -2 is negative; entropy needs values of zero or more');
  });

  test('an unknown method exits 2 with the usage', async () => {
    const run = await runCli(['weights', 'gini', example('entropy-xu-2004.json')]);
    expect([run.code, run.stderr.split('\n')[0]]).toEqual([
      2,
      'healthbsc weights: weights needs a method: entropy, critic (got gini)',
    ]);
  });

  test('the table is worded in Chinese with --lang zh-CN', async () => {
    const run = await runCli(['weights', 'entropy', example('entropy-xu-2004.json'), '--lang', 'zh-CN']);
    expect(run.stdout.split('\n')[0]).toMatch(/^指标\s+权重$/);
    expect(run.stdout).toContain('A1    0.4630');
  });
});

describe('healthbsc rank', () => {
  test('topsis prints {"closeness", "ranking"} (Papathanasiou & Ploskas 2018)', async () => {
    const body = await runCliJson([
      'rank',
      'topsis',
      example('topsis-papathanasiou-ploskas-2018.json'),
      '--json',
    ]);
    expect(body).toEqual({
      closeness: closeTo([0.387, 0.327, 0.391, 0.615, 0.868, 0.493], 3),
      ranking: [5, 6, 4, 2, 1, 3],
    });
  });

  test('rsr prints {"rsr", "ranking", "probit", "class"}, ties averaged', async () => {
    const body = await runCliJson(['rank', 'rsr', example('rsr-worked.json'), '--json']);
    expect(body).toEqual({
      rsr: [0.375, 0.8125, 0.375, 0.9375],
      ranking: [3.5, 2, 3.5, 1],
      probit: closeTo([4.681361, 5.67449, 4.681361, 6.534121], 5),
      class: [2, 2, 2, 1],
    });
  });

  test('topsis without weights exits 2 naming the missing field', async () => {
    const file = await write('noweights.json', { matrix: [[1], [2]], criteria: [{ direction: 'higher' }] });
    const run = await runCli(['rank', 'topsis', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('weights');
  });
});

describe('healthbsc ahp, panels and hierarchies', () => {
  test('a panel adds "consensus" and "experts": [{cr, consistent}]', async () => {
    const body = (await runCliJson(['ahp', example('ahp-panel.json'), '--json'])) as {
      consensus: number;
      experts: { cr: number; consistent: boolean }[];
    };
    expect(body.consensus).toBeGreaterThan(0);
    expect(body.consensus).toBeLessThan(1);
    expect(body.experts.map((e) => e.consistent)).toEqual([true, true, false]);
    expect(body.experts[2]?.cr).toBeGreaterThan(0.1);
  });

  test('a hierarchy prints "globalWeights" in the leaves’ order and each node’s "cr" (seed 002)', async () => {
    const body = (await runCliJson(['ahp', azHierarchy, '--json'])) as {
      globalWeights: number[];
      nodes: { label: string; cr: number }[];
    };
    expect(body.globalWeights).toHaveLength(31);
    expect(body.globalWeights[0]).toBeCloseTo(0.3764 * 0.3413, 4);
    expect(body.nodes.map((n) => [n.label, n.cr])).toEqual([
      ['AZ', expect.closeTo(0.0753, 4)],
      ['F', expect.closeTo(0.0658, 4)],
      ['C', expect.closeTo(0.0293, 4)],
      ['I', expect.closeTo(0.0882, 4)],
      ['S', expect.closeTo(0.0172, 4)],
      ['R', expect.closeTo(0.041, 4)],
    ]);
  });
});

describe('healthbsc sensitivity', () => {
  test('prints exactly {"weights": [{mean, p05, p95}], "rankProbability", "critical"}', async () => {
    const body = (await runCliJson([
      'sensitivity',
      example('sensitivity.json'),
      '--draws',
      '300',
      '--seed',
      '11',
      '--json',
    ])) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['weights', 'rankProbability', 'critical']);
    expect(body.weights).toHaveLength(3);
    expect((body.weights as Record<string, number>[])[0]).toEqual({
      mean: expect.any(Number),
      p05: expect.any(Number),
      p95: expect.any(Number),
    });
    expect(body.rankProbability).toHaveLength(3);
  });

  test('the same seed prints the same numbers', async () => {
    const args = ['sensitivity', example('sensitivity.json'), '--draws', '200', '--seed', '4', '--json'];
    const first = await runCli(args);
    const second = await runCli(args);
    expect(second.stdout).toBe(first.stdout);
  });

  test('scores that do not match the leaves exit 2, naming the row', async () => {
    const file = await write('bad-scores.json', {
      hierarchy: {
        matrix: [
          [1, 2],
          ['1/2', 1],
        ],
      },
      scores: [[1], [2, 3]],
    });
    const run = await runCli(['sensitivity', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('scores[0] has 1 score(s) but the hierarchy has 2 leaves');
  });
});
