/**
 * Migration 202612061500_evaluation_weight_coverage on PGlite and PostgreSQL: an evaluation frozen before the
 * evaluation JSON named its coverage `weightCoverage` is served as published with the new names, its coverage
 * unchanged and no total withheld.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { createDatedWorld, type DatedWorld } from '../../../test/fixtures/dated-world.ts';
import type { EvaluationJson } from '../../core/contracts/evaluation.ts';

const MIGRATION = new URL('../../db/migrations/202612061500_evaluation_weight_coverage.sql', import.meta.url);

describeEachEngine('evaluations published before weightCoverage', (getDb) => {
  let w: DatedWorld;
  beforeAll(async () => {
    w = await createDatedWorld(getDb());
  });
  afterAll(() => w.server.close());

  it('are served as published with weightCoverage, minimumCoverage 0 and insufficientData false', async () => {
    const key = { scorecard: w.scorecard, orgUnit: w.units.group, period: '2023' };
    const published = await w.server.request('POST', '/api/publications', {
      ...key,
      unapprovedPeriods: ['2023'],
    });
    expect(published.statusCode).toBe(201);
    const query = new URLSearchParams({ ...key, view: 'published' }).toString();
    const before = (await w.server.request('GET', `/api/evaluations?${query}`)).json<EvaluationJson>();
    // The frozen JSON as an earlier release wrote it: `coverage`, and neither new field.
    await getDb().runSql(
      `update publication_result
       set evaluation = (evaluation - 'weightCoverage' - 'minimumCoverage' - 'insufficientData')
         || jsonb_build_object('coverage', evaluation -> 'weightCoverage')`,
    );
    await getDb().runSql(await readFile(MIGRATION, 'utf8'));
    const response = await w.server.request('GET', `/api/evaluations?${query}`);
    const after = response.json<EvaluationJson>();
    expect([
      response.statusCode,
      after.weightCoverage,
      after.minimumCoverage,
      after.insufficientData,
    ]).toEqual([200, before.weightCoverage, 0, false]);
    expect(after.total).toBe(before.total);
  });
});
