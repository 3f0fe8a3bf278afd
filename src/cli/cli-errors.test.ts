/**
 * Bad input to the CLI gets one line per problem (file, path inside it, reason) and exit code 2, never a stack
 * trace (issue: scoring engine §3).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, test } from 'vitest';
import { runCli } from '../../test/run-cli.ts';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/healthbsc', import.meta.url));
const azDir = fileURLToPath(new URL('../../examples/az-hospital/', import.meta.url));
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'healthbsc-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

describe('healthbsc ahp with a bad matrix', () => {
  test.each([
    ['non-reciprocal', '{"matrix": [[1, 3], [0.3333, 1]]}', /matrix\[1\]\[0\].*reciprocal/],
    ['zero entry', '{"matrix": [[1, 0], [1, 1]]}', /matrix\[0\]\[1\] = 0 must be a positive/],
    ['non-square', '{"matrix": [[1, 2], [0.5, 1, 3]]}', /matrix\[1\] has 3 entries .* must be square/],
    ['non-numeric', '{"matrix": [[1, "abc"], [1, 1]]}', /matrix\[0\]\[1\].*abc/],
  ])(
    'a %s matrix gives one line naming the file and the place, and exit code 2',
    async (name, body, pattern) => {
      const file = await write(`${name}.json`, body);
      const result = await runCli(['ahp', file, '--json']);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const lines = result.stderr.split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(file);
      expect(lines[0]).toMatch(pattern);
    },
  );

  it('reports a YAML syntax error with its line', async () => {
    const file = await write('broken.yaml', 'matrix:\n  - [1, 2\n  - [0.5, 1]\n');
    const result = await runCli(['ahp', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `${file}:3:3: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    );
  });

  it('reports a missing file in one line', async () => {
    const result = await runCli(['ahp', join(dir, 'nope.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${join(dir, 'nope.json')}: no such file`);
  });

  it('rejects an unknown --method with the allowed values', async () => {
    const file = await write('ok.json', '{"matrix": [[1, 2], ["1/2", 1]]}');
    const result = await runCli(['ahp', file, '--method', 'magic']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      "healthbsc ahp: --method must be one of eigenvector, geometric, sum-product (got 'magic')",
    );
  });
});

describe('healthbsc evaluate with a bad scheme', () => {
  it('names an unknown data element in a formula with its file, line, path and position', async () => {
    const original = await readFile(join(azDir, 'scorecard.yaml'), 'utf8');
    const broken = original.replace(
      'formula: { numerator: drug_revenue, denominator: medical_revenue, factor: 100 }',
      'formula: { numerator: drug_revenu, denominator: medical_revenue, factor: 100 }',
    );
    expect(broken).not.toBe(original);
    const file = await write('unknown-element.yaml', broken);
    const values = join(azDir, 'values.yaml');
    const result = await runCli(['evaluate', file, '--values', values]);
    expect(result.code).toBe(2);
    const lines = result.stderr.split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /unknown-element\.yaml:\d+ perspectives\[0\]\.indicators\[5\]\.formula\.numerator: .*unknown data element 'drug_revenu'/,
    );
  });

  it('lists every problem of a values file, one per line', async () => {
    const file = await write(
      'values.yaml',
      'format: healthbsc/values@1\ndata: { nonsense: 1, fixed_assets: -3 }\ntargets: { Z9: 1 }\nassessments: { F1: [90] }\n',
    );
    const result = await runCli(['evaluate', azDir, '--values', file]);
    expect(result.code).toBe(2);
    const lines = result.stderr.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines).toEqual([
      expect.stringMatching(/values\.yaml:2 data\.nonsense: unknown data element 'nonsense'$/),
      expect.stringMatching(/values\.yaml:2 data\.fixed_assets: -3 is below the minimum 0$/),
      expect.stringMatching(/values\.yaml:3 targets\.Z9: unknown indicator 'Z9'$/),
      expect.stringMatching(/values\.yaml:4 assessments\.F1: 'F1' is quantitative/),
    ]);
  });
});

describe('the healthbsc binary', () => {
  it('exits 2 with one line and no stack trace on a non-reciprocal matrix', async () => {
    const file = await write('process.json', '{"matrix": [[1, 3], [3, 1]]}');
    const error = await run(process.execPath, [bin, 'ahp', file]).then(
      () => null,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(error?.code).toBe(2);
    expect(error?.stderr.trim().split('\n')).toHaveLength(1);
    expect(error?.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the AZ Hospital evaluation as JSON', async () => {
    const { stdout } = await run(process.execPath, [bin, 'evaluate', azDir, '--json']);
    const result = JSON.parse(stdout) as { total: number; rating: string };
    expect(result.total).toBeCloseTo(92.57, 2);
    expect(result.rating).toBe('Very good');
  });
});

describe('healthbsc --lang', () => {
  const zeroEntry = '{"matrix": [[1, 0], [1, 1]]}';

  test.each(['zh-CN', 'zh'])('words a bad matrix in Chinese with --lang %s', async (lang) => {
    const file = await write(`zero-${lang}.json`, zeroEntry);
    const result = await runCli(['ahp', file, '--lang', lang]);
    expect([result.code, result.stderr]).toEqual([2, `${file}:1 matrix[0][1] = 0 无效，须为有限的正数`]);
  });

  it('words the same matrix in English with --lang en, before the command as well', async () => {
    const file = await write('zero-en.json', zeroEntry);
    const result = await runCli(['--lang=en', 'ahp', file]);
    expect([result.code, result.stderr]).toEqual([
      2,
      `${file}:1 matrix[0][1] = 0 must be a positive finite number`,
    ]);
  });

  it('words a usage error in Chinese', async () => {
    const file = await write('ok-zh.json', '{"matrix": [[1, 2], ["1/2", 1]]}');
    const result = await runCli(['ahp', file, '--method', 'magic', '--lang', 'zh-CN']);
    expect([result.code, result.stderr.split('\n')[0]]).toEqual([
      2,
      'healthbsc ahp: --method 须为以下之一：eigenvector, geometric, sum-product（现为“magic”）',
    ]);
  });

  it('words a missing file in Chinese', async () => {
    const missing = join(dir, 'nope-zh.json');
    const result = await runCli(['ahp', missing, '--lang', 'zh-CN']);
    expect([result.code, result.stderr]).toEqual([2, `${missing}: 文件不存在`]);
  });

  it('takes Chinese from LANG when no --lang is given, and HEALTHBSC_LANG over LANG', async () => {
    const file = await write('zero-env.json', zeroEntry);
    const fromLocale = await runCli(['ahp', file], { LANG: 'zh_CN.UTF-8' });
    const overridden = await runCli(['ahp', file], { LANG: 'zh_CN.UTF-8', HEALTHBSC_LANG: 'en' });
    expect([fromLocale.stderr, overridden.stderr]).toEqual([
      `${file}:1 matrix[0][1] = 0 无效，须为有限的正数`,
      `${file}:1 matrix[0][1] = 0 must be a positive finite number`,
    ]);
  });

  it('refuses a language it does not have, naming the ones it has', async () => {
    const result = await runCli(['ahp', 'x.json', '--lang', 'fr']);
    expect([result.code, result.stderr]).toEqual([2, "healthbsc: --lang must be en or zh-CN (got 'fr')"]);
  });
});
