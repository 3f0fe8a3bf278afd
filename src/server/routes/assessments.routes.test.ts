/**
 * `/api/assessments` on PGlite and PostgreSQL: raters' 0–100 scores of qualitative indicators.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { changesOf, observe } from '../../../test/fixtures/observe.ts';
import { createOrgTree } from '../../../test/fixtures/org-units.ts';
import { createScorecardFixture, type ScorecardFixture } from '../../../test/fixtures/scorecards.ts';
import { createTestServer, TEST_ADMIN, type TestServer } from '../../../test/fixtures/server.ts';
import type { Assessment } from '../../core/contracts/assessments.ts';
import type { Page } from '../../core/contracts/common.ts';
import { rootScope } from '../../db/repositories/change-counter.repository.ts';
import { findOrgUnitByCode } from '../../db/repositories/org-unit.repository.ts';

const NOW = '2024-06-30T08:00:00.000Z';

describeEachEngine('assessments over HTTP', (getDb) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(getDb());
  });
  afterAll(() => server.close());

  async function world(): Promise<{ sc: ScorecardFixture; unit: string; rootId: number }> {
    const tree = await createOrgTree(server.ctx, { hospitals: 1, departmentsPerHospital: 0 });
    const sc = await createScorecardFixture(server.ctx);
    const root = await findOrgUnitByCode(getDb().kysely, tree.group);
    return { sc, unit: tree.hospitals[0] ?? '', rootId: root?.rootId ?? 0 };
  }

  it('stores each rater’s score with evidence (the sender rates by default), audited, with a root-inputs event', async () => {
    const { sc, unit, rootId } = await world();
    const key = { scorecard: sc.code, indicator: 'CULTURE', orgUnit: unit, period: '2024' };
    const { result, before, after, events } = await observe(server, rootScope(rootId), () =>
      server.request('POST', '/api/assessments', {
        assessments: [
          { ...key, rater: '王医生', score: 85, evidence: '现场检查记录' },
          { ...key, score: 78 },
        ],
      }),
    );
    expect([result.statusCode, result.json(), after - before, events]).toEqual([
      200,
      {
        created: 2,
        updated: 0,
        deleted: 0,
        unchanged: 0,
        items: [
          { ...key, rater: '王医生', status: 'created', score: 85, evidence: '现场检查记录', version: 1 },
          { ...key, rater: TEST_ADMIN.email, status: 'created', score: 78, evidence: null, version: 1 },
        ],
      },
      1,
      [{ kind: 'root-inputs', rootId, revision: after }],
    ]);
    expect(await changesOf(server, 'assessment', `${sc.code}/CULTURE/${unit}/2024/王医生`)).toEqual([
      { action: 'create', oldValue: null, newValue: { score: 85, evidence: '现场检查记录', version: 1 } },
    ]);
  });

  it('rescores with the version read and deletes with a null score, auditing old → new', async () => {
    const { sc, unit } = await world();
    const key = {
      scorecard: sc.code,
      indicator: 'CULTURE',
      orgUnit: unit,
      period: '2024Q1',
      rater: 'rater-1',
    };
    await server.request('POST', '/api/assessments', {
      assessments: [{ ...key, score: 60, evidence: 'first visit' }],
    });
    await server.request('POST', '/api/assessments', { assessments: [{ ...key, score: 70, version: 1 }] });
    const removed = await server.request('POST', '/api/assessments', {
      assessments: [{ ...key, score: null, version: 2 }],
    });
    expect(removed.json().items[0].status).toBe('deleted');
    expect(await changesOf(server, 'assessment', `${sc.code}/CULTURE/${unit}/2024Q1/rater-1`)).toEqual([
      { action: 'create', oldValue: null, newValue: { score: 60, evidence: 'first visit', version: 1 } },
      {
        action: 'update',
        oldValue: { score: 60, evidence: 'first visit', version: 1 },
        newValue: { score: 70, evidence: 'first visit', version: 2 },
      },
      { action: 'delete', oldValue: { score: 70, evidence: 'first visit', version: 2 }, newValue: null },
    ]);
  });

  it('answers a score out of 0–100 with 400 from the request schema', async () => {
    const response = await server.request('POST', '/api/assessments', {
      assessments: [{ scorecard: 'S', indicator: 'I', orgUnit: 'U', period: '2024', score: 101 }],
    });
    expect(response.json().issues).toEqual([
      {
        path: ['assessments', 0, 'score'],
        code: 'zod.not-above',
        params: { maximum: 100 },
        message: 'must be at most 100',
      },
    ]);
  });

  it('answers an assessment of a quantitative indicator with 400, and a stale version with 409', async () => {
    const { sc, unit } = await world();
    const key = { scorecard: sc.code, orgUnit: unit, period: '2024', rater: 'r' };
    const wrongKind = await server.request('POST', '/api/assessments', {
      assessments: [{ ...key, indicator: 'RATE', score: 50 }],
    });
    await server.request('POST', '/api/assessments', {
      assessments: [{ ...key, indicator: 'CULTURE', score: 50 }],
    });
    const stale = await server.request('POST', '/api/assessments', {
      assessments: [{ ...key, indicator: 'CULTURE', score: 55, version: 3 }],
    });
    expect([wrongKind.statusCode, wrongKind.json().issues, stale.statusCode, stale.json().current]).toEqual([
      400,
      [
        {
          path: ['assessments', 0, 'indicator'],
          code: 'assessment.quantitative',
          params: { indicator: 'RATE' },
          message: "'RATE' is quantitative: its value comes from data, not from raters",
        },
      ],
      409,
      [{ index: 0, value: 50, note: null, version: 1, updatedBy: TEST_ADMIN.email, updatedAt: NOW }],
    ]);
  });

  it('reads one rater’s assessments', async () => {
    const { sc, unit } = await world();
    const key = { scorecard: sc.code, indicator: 'CULTURE', orgUnit: unit };
    await server.request('POST', '/api/assessments', {
      assessments: [
        { ...key, period: '2023', rater: 'a', score: 80 },
        { ...key, period: '2024', rater: 'a', score: 82 },
        { ...key, period: '2024', rater: 'b', score: 90 },
      ],
    });
    const page = (await server.request('GET', `/api/assessments?scorecard=${sc.code}&rater=a`)).json<
      Page<Assessment>
    >();
    expect(page.items.map((a) => [a.period, a.score, a.updatedBy])).toEqual([
      ['2023', 80, TEST_ADMIN.email],
      ['2024', 82, TEST_ADMIN.email],
    ]);
  });
});
