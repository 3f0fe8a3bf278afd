/**
 * `/api/reported-values` on PGlite and PostgreSQL: indicator values a source reports directly.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { changesOf, observe } from '../../../test/fixtures/observe.ts';
import { createOrgTree, type OrgTree } from '../../../test/fixtures/org-units.ts';
import { createScorecardFixture, type ScorecardFixture } from '../../../test/fixtures/scorecards.ts';
import { createTestServer, TEST_ADMIN, type TestServer } from '../../../test/fixtures/server.ts';
import type { Page } from '../../core/contracts/common.ts';
import type { ReportedValue } from '../../core/contracts/reported-values.ts';
import { rootScope } from '../../db/repositories/change-counter.repository.ts';
import { findOrgUnitByCode } from '../../db/repositories/org-unit.repository.ts';

const NOW = '2024-06-30T08:00:00.000Z';

describeEachEngine('reported values over HTTP', (getDb) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(getDb());
  });
  afterAll(() => server.close());

  async function world(): Promise<{ tree: OrgTree; sc: ScorecardFixture; h1: string; rootId: number }> {
    const tree = await createOrgTree(server.ctx, { hospitals: 2, departmentsPerHospital: 1 });
    const sc = await createScorecardFixture(server.ctx);
    const root = await findOrgUnitByCode(getDb().kysely, tree.group);
    return { tree, sc, h1: tree.hospitals[0] ?? '', rootId: root?.rootId ?? 0 };
  }

  it('stores a rate reported for a year, audited, with a root-inputs event', async () => {
    const { sc, h1, rootId } = await world();
    const { result, before, after, events } = await observe(server, rootScope(rootId), () =>
      server.request('POST', '/api/reported-values', {
        values: [
          {
            scorecard: sc.code,
            indicator: 'RATE',
            orgUnit: h1,
            period: '2023',
            value: 87.3,
            comment: 'Table 4.9',
          },
        ],
      }),
    );
    expect([result.statusCode, result.json(), after - before, events]).toEqual([
      200,
      {
        created: 1,
        updated: 0,
        deleted: 0,
        unchanged: 0,
        items: [
          {
            scorecard: sc.code,
            indicator: 'RATE',
            orgUnit: h1,
            period: '2023',
            status: 'created',
            value: 87.3,
            comment: 'Table 4.9',
            version: 1,
          },
        ],
      },
      1,
      [{ kind: 'root-inputs', rootId, revision: after }],
    ]);
    expect(await changesOf(server, 'reported_value', `${sc.code}/RATE/${h1}/2023`)).toEqual([
      { action: 'create', oldValue: null, newValue: { value: 87.3, comment: 'Table 4.9', version: 1 } },
    ]);
  });

  it('answers a batch with bad items with 400 naming each by index, and writes nothing', async () => {
    const { sc, h1 } = await world();
    const response = await server.request('POST', '/api/reported-values', {
      values: [
        { scorecard: sc.code, indicator: 'RATE', orgUnit: h1, period: '2024', value: 1 },
        { scorecard: sc.code, indicator: 'CULTURE', orgUnit: h1, period: '2024', value: 1 },
        { scorecard: sc.code, indicator: 'GHOST', orgUnit: 'NOPE', period: '2024W1', value: 1 },
        { scorecard: 'NOPE', indicator: 'RATE', orgUnit: h1, period: '2024', value: 1 },
        { scorecard: sc.code, indicator: 'RATE', orgUnit: h1, period: '2024', value: 2 },
      ],
    });
    expect([
      response.statusCode,
      response.json().code,
      response.json().detail,
      response.json().issues,
    ]).toEqual([
      400,
      'reported-value.batch-invalid',
      'Some values cannot be stored; nothing was stored.',
      [
        {
          path: ['values', 1, 'indicator'],
          code: 'reported-value.qualitative',
          params: { indicator: 'CULTURE' },
          message: "'CULTURE' is qualitative: raters score it, it has no reported value",
        },
        {
          path: ['values', 2, 'indicator'],
          code: 'reference.not-an-indicator',
          params: { indicator: 'GHOST', scorecard: sc.code },
          message: `'GHOST' is not an indicator of '${sc.code}'`,
        },
        {
          path: ['values', 2, 'orgUnit'],
          code: 'org-unit.unknown',
          params: { code: 'NOPE' },
          message: "there is no org unit 'NOPE'",
        },
        {
          path: ['values', 2, 'period'],
          code: 'period.not-a-period',
          params: { value: '2024W1' },
          message: "'2024W1' is not a period: use 2024-03, 2024Q1 or 2024",
        },
        {
          path: ['values', 3, 'scorecard'],
          code: 'reference.unknown-scorecard',
          params: { code: 'NOPE' },
          message: "there is no scorecard 'NOPE'",
        },
        {
          path: ['values', 4],
          code: 'reported-value.duplicate',
          params: { first: 0 },
          message: 'the same value as values[0]',
        },
      ],
    ]);
    expect((await server.request('GET', `/api/reported-values?scorecard=${sc.code}`)).json().total).toBe(0);
  });

  it('answers a stale version with 409 and the stored value', async () => {
    const { sc, h1 } = await world();
    const value = { scorecard: sc.code, indicator: 'RATE', orgUnit: h1, period: '2024Q2' };
    await server.request('POST', '/api/reported-values', { values: [{ ...value, value: 1 }] });
    await server.request('POST', '/api/reported-values', { values: [{ ...value, value: 2, version: 1 }] });
    const stale = await server.request('POST', '/api/reported-values', {
      values: [{ ...value, value: 3, version: 1 }],
    });
    expect([stale.statusCode, stale.json().current]).toEqual([
      409,
      [{ index: 0, value: 2, note: null, version: 2, updatedBy: TEST_ADMIN.email, updatedAt: NOW }],
    ]);
  });

  it('reads by scorecard, indicator and subtree; 404 for an unknown scorecard', async () => {
    const { tree, sc, h1 } = await world();
    const department = tree.departments[1]?.[0] ?? '';
    await server.request('POST', '/api/reported-values', {
      values: [
        { scorecard: sc.code, indicator: 'RATE', orgUnit: h1, period: '2024', value: 80 },
        { scorecard: sc.code, indicator: 'COUNT', orgUnit: h1, period: '2024', value: 900 },
        { scorecard: sc.code, indicator: 'RATE', orgUnit: department, period: '2024', value: 70 },
      ],
    });
    const page = (
      await server.request(
        'GET',
        `/api/reported-values?scorecard=${sc.code}&indicator=RATE&orgUnit=${tree.group}&includeDescendants=true`,
      )
    ).json<Page<ReportedValue>>();
    const missing = await server.request('GET', '/api/reported-values?scorecard=NOPE');
    expect([page.items.map((v) => [v.orgUnit, v.value]), missing.statusCode]).toEqual([
      [
        [h1, 80],
        [department, 70],
      ].sort(([a], [b]) => String(a).localeCompare(String(b))),
      404,
    ]);
  });
});
