/**
 * `healthbsc study examples/umg-study --json` on the demo medical group reproduces seed 000's results
 * (000_f2cc7fd4e5e58b48.txt): the sign, the change to 0.1 percentage point and the significance of each.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStudy } from '../../src/cli/commands/study.ts';
import { type Env, openDbSession } from '../../src/cli/db-session.ts';
import type { StudyCliRow } from '../../src/core/contracts/studies.ts';
import { loadMedicalGroup } from '../../src/server/demo/load-demo.ts';
import { capture } from '../../test/fixtures/imports/capture-cli.ts';

const STUDY = new URL('.', import.meta.url).pathname;

let dir: string;
let env: Env;
let rows: StudyCliRow[];
let table: string[];

function row(indicator: string, unit: string): StudyCliRow {
  const found = rows.find((r) => r.indicator === indicator && r.unit === unit);
  if (!found) throw new Error(`no row ${indicator} × ${unit}`);
  return found;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'healthbsc-umg-study-'));
  env = { HEALTHBSC_DATA_DIR: join(dir, 'data') };
  const session = await openDbSession({ owner: 'test setup', env });
  try {
    await loadMedicalGroup(session.ctx, () => {}, { targets: false });
  } finally {
    await session.close();
  }
  const run = await capture(runStudy, [STUDY, '--json'], env);
  expect(run.stderr).toEqual([]);
  rows = (JSON.parse(run.stdout.join('\n')) as { rows: StudyCliRow[] }).rows;
  table = (await capture(runStudy, [STUDY], env)).stdout;
}, 600_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Seed 000's reported changes, in per cent.
const CHANGES: readonly [string, string, number][] = [
  ['county_visit_rate', 'UMG', 36.35],
  ['diabetes_management_rate', 'UMG', 13.79],
  ['new_technologies', 'UMG-BRANCHES', 66.67],
  ['outpatient_cost_per_visit', 'UMG-BRANCHES', -20.68],
  ['inpatient_cost_per_discharge', 'UMG-BRANCHES', -23.96],
  ['outpatient_cost_per_visit', 'UMG-HEAD', 14.36],
];

describe('healthbsc study examples/umg-study --json', () => {
  it('prints one row per indicator and unit, each with exactly the fields of the CLI format', () => {
    expect(rows).toHaveLength(18);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'indicator',
      'unit',
      'baseline',
      'followUp',
      'change',
      'changePct',
      'test',
      'p',
      'pAdjusted',
      'ci',
    ]);
  });

  it.each(CHANGES)('reproduces seed 000’s change in %s of %s (%d %) to 0.1 percentage point', (i, u, pct) => {
    expect(Math.abs((row(i, u).changePct ?? Number.NaN) - pct)).toBeLessThan(0.1);
  });

  it.each([
    ['county_visit_rate', 'UMG'],
    ['diabetes_management_rate', 'UMG'],
  ])('finds the change in %s of %s significant by the two-proportion test, p < 0.001', (i, u) => {
    expect([row(i, u).test, (row(i, u).p ?? 1) < 0.001]).toEqual(['two-proportion', true]);
  });

  // Seed 000's 0.145 comes from the registers' annual means; the test takes whole people (the means rounded),
  // which moves p by about 0.001.
  it('leaves hypertension management of the group not significant, p = 0.145 ± 0.002 as in seed 000', () => {
    expect(Math.abs((row('hypertension_management_rate', 'UMG').p ?? 0) - 0.145)).toBeLessThan(0.002);
  });

  it('compares the costs over the months of each window by Welch’s test, significant for all three', () => {
    const costs = CHANGES.filter(([i]) => i.includes('cost')).map(([i, u]) => row(i, u));
    expect(costs.map((r) => [r.test, (r.p ?? 1) < 0.001])).toEqual([
      ['welch', true],
      ['welch', true],
      ['welch', true],
    ]);
  });

  it('tests new technologies in the branches (6 → 10) as a Poisson rate: not significant', () => {
    const r = row('new_technologies', 'UMG-BRANCHES');
    expect([r.baseline, r.followUp, r.test, (r.p ?? 0) > 0.05]).toEqual([6, 10, 'poisson-rate', true]);
  });

  it('prints a table with a row per indicator and unit when asked without --json', () => {
    const lines = table.join('\n').split('\n');
    expect(lines.filter((line) => line.includes('County visit rate'))).toHaveLength(3);
  });
});
