/**
 * `healthbsc stats FILE --json` prints exactly the documented shape for each test (docs/statistics.md), with
 * R's numbers (R 4.2.2, the calls named in each case); a readable table in English and Chinese otherwise;
 * bad input exits 2 with one coded line per problem.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../../test/run-cli.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'healthbsc-stats-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function statsJson(input: unknown): Promise<Record<string, unknown>> {
  const file = join(dir, `input-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify(input));
  const run = await runCli(['stats', file, '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

/** Same keys in the same order, and every number within 1e-8 relative of R's. */
function expectShape(
  actual: Record<string, unknown>,
  expected: Record<string, number | number[] | null>,
): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [key, value] of Object.entries(expected)) {
    const got = actual[key];
    if (value === null || typeof value === 'number') {
      if (value === null) expect(got, key).toBeNull();
      else expect(Math.abs((got as number) - value) / Math.abs(value), key).toBeLessThan(1e-8);
    } else {
      expect(Array.isArray(got), key).toBe(true);
      value.forEach((v, i) => {
        expect(Math.abs(((got as number[])[i] ?? Number.NaN) - v) / Math.abs(v), `${key}[${i}]`).toBeLessThan(
          1e-8,
        );
      });
    }
  }
}

describe('healthbsc stats --json, one shape per test', () => {
  test('two-proportion gives statistic, p and the interval of p₁ − p₂ (prop.test(c(83, 90), c(86, 93), correct = FALSE))', async () => {
    const out = await statsJson({ test: 'two-proportion', x: [83, 90], n: [86, 93], correct: false });
    expectShape(out, {
      statistic: 0.009508518748184156,
      p: 0.9223200957342685,
      ci: [-0.05547737855853381, 0.0502260657303268],
    });
  });

  test('chi-square gives statistic and p (chisq.test(matrix(c(12, 7, 5, 9), 2)))', async () => {
    const out = await statsJson({
      test: 'chi-square',
      table: [
        [12, 5],
        [7, 9],
      ],
      correct: true,
    });
    expectShape(out, { statistic: 1.455996378814684, p: 0.2275682145758099 });
  });

  test('fisher gives p and the conditional-MLE odds ratio (fisher.test(matrix(c(3, 1, 1, 3), 2)))', async () => {
    const out = await statsJson({
      test: 'fisher',
      table: [
        [3, 1],
        [1, 3],
      ],
    });
    expectShape(out, { p: 0.4857142857142858, oddsRatio: 6.408308867005788 });
  });

  test('fisher prints an unbounded odds ratio as null', async () => {
    const out = await statsJson({
      test: 'fisher',
      table: [
        [3, 0],
        [1, 3],
      ],
    });
    expectShape(out, { p: 0.1428571428571428, oddsRatio: null });
  });

  test('poisson-rate gives p, rate ratio and its interval (poisson.test(c(11, 23), c(800, 1083)))', async () => {
    const out = await statsJson({ test: 'poisson-rate', x: [11, 23], t: [800, 1083] });
    expectShape(out, {
      p: 0.2980944471231309,
      rateRatio: 0.6474456521739131,
      ci: [0.2849412513972588, 1.382565044120801],
    });
  });

  test('welch gives t and p (t.test(a, b))', async () => {
    const out = await statsJson({
      test: 'welch',
      a: [19.1, 20.3, 18.7, 21.0],
      b: [22.4, 23.1, 21.8, 24.0, 22.9],
    });
    expectShape(out, { statistic: -4.746996066493646, p: 0.003824000255019072 });
  });

  test('mann-whitney gives W and p, normal with ties (wilcox.test(a, b))', async () => {
    const out = await statsJson({
      test: 'mann-whitney',
      a: [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3],
      b: [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29],
    });
    expectShape(out, { statistic: 58, p: 0.1329194581853189 });
  });

  test('mann-kendall gives S, p and Sen’s slope (cor.test(…, "kendall", exact = FALSE, continuity = TRUE))', async () => {
    const out = await statsJson({ test: 'mann-kendall', y: [1, 3, 2, 5, 4, 6, 8, 7] });
    expectShape(out, { statistic: 22, p: 0.009374768459434886, senSlope: 1 });
  });

  test('its gives level and slope change with Newey–West se and t-based p (coeftest(fit, NeweyWest(fit, lag = 1, prewhite = FALSE)))', async () => {
    const y = [50.2, 51.0, 50.7, 51.9, 52.3, 52.0, 53.1, 58.0, 58.9, 59.5, 60.8, 61.2, 62.5, 63.0];
    const out = await statsJson({ test: 'its', y, intervention: 7, lag: 1 });
    expectShape(out, {
      levelChange: 4.225000000000005,
      slopeChange: 0.4142857142857175,
      se: [0.150504799280334, 0.03318361816585471],
      p: [7.642494830981307e-11, 2.011476887635348e-7],
    });
  });

  test('bh gives the adjusted p-values in the order given (p.adjust(p, "BH"))', async () => {
    const out = await statsJson({ test: 'bh', p: [0.01, 0.04, 0.03, 0.5] });
    expectShape(out, { adjusted: [0.04, 0.05333333333333333, 0.05333333333333333, 0.5] });
  });
});

describe('healthbsc stats as a table', () => {
  test('names the test and its quantities in English', async () => {
    const file = join(dir, 'table.json');
    await writeFile(
      file,
      JSON.stringify({
        test: 'fisher',
        table: [
          [3, 1],
          [1, 3],
        ],
      }),
    );
    const run = await runCli(['stats', file]);
    expect(run.stdout.split('\n')).toEqual([
      "Fisher's exact test (as R fisher.test)",
      '',
      'quantity                         value',
      '----------------------------  --------',
      'p-value (two-sided)           0.485714',
      'odds ratio (conditional MLE)   6.40831',
    ]);
  });

  test('names them in Chinese with --lang zh-CN', async () => {
    const file = join(dir, 'table-zh.json');
    await writeFile(file, JSON.stringify({ test: 'poisson-rate', x: [11, 23], t: [800, 1083] }));
    const run = await runCli(['stats', file, '--lang', 'zh-CN']);
    expect(run.stdout).toContain('两个 Poisson 率的精确比较（同 R poisson.test）');
    expect(run.stdout).toMatch(/率比\s+0\.647446/);
    expect(run.stdout).toMatch(/95% 置信区间\s+\[0\.284941, 1\.38257\]/);
  });
});

describe('healthbsc stats with bad input', () => {
  test('an unknown test exits 2 naming the file and the test field', async () => {
    const file = join(dir, 'unknown.json');
    await writeFile(file, JSON.stringify({ test: 'anova', y: [1, 2] }));
    const run = await runCli(['stats', file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(file);
    expect(run.stderr).toContain('test');
  });

  test('a count above its trials exits 2 with the worded problem', async () => {
    const file = join(dir, 'count.json');
    await writeFile(file, JSON.stringify({ test: 'two-proportion', x: [11, 3], n: [10, 10] }));
    const run = await runCli(['stats', file]);
    expect([run.code, run.stderr]).toEqual([2, `${file}:1 x = 11 must be a whole number from 0 to n = 10`]);
  });

  test('a misspelt option exits 2 with one line per problem, in Chinese with --lang zh-CN', async () => {
    const file = join(dir, 'typo.json');
    await writeFile(file, JSON.stringify({ test: 'welch', a: [1, 2], c: [3, 4] }));
    const run = await runCli(['stats', file, '--lang', 'zh-CN']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')).toEqual([`${file}:1 b: 必填`, `${file}:1 未知字段 'c'`]);
  });
});
