/**
 * `/api/targets` on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { uniqueCode } from '../../../test/fixtures/codes.ts';
import { changesOf, observe } from '../../../test/fixtures/observe.ts';
import { createOrgTree, type OrgTree } from '../../../test/fixtures/org-units.ts';
import { createScorecardFixture, type ScorecardFixture } from '../../../test/fixtures/scorecards.ts';
import {
  createTestServer,
  FIXTURE_ACTOR,
  TEST_ADMIN,
  type TestServer,
} from '../../../test/fixtures/server.ts';
import type { Page } from '../../core/contracts/common.ts';
import type { Target } from '../../core/contracts/targets.ts';
import { createOrgUnitGroup } from '../services/org-unit-groups.service.ts';

const NOW = '2024-06-30T08:00:00.000Z';

describeEachEngine('targets over HTTP', (getDb) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(getDb());
  });
  afterAll(() => server.close());

  async function world(): Promise<{ tree: OrgTree; scorecard: ScorecardFixture; group: string }> {
    const tree = await createOrgTree(server.ctx, { hospitals: 2, departmentsPerHospital: 0 });
    const scorecard = await createScorecardFixture(server.ctx);
    const group = uniqueCode('GRP');
    await createOrgUnitGroup(server.ctx, FIXTURE_ACTOR, {
      code: group,
      name: { en: 'Branches' },
      members: [...tree.hospitals],
    });
    return { tree, scorecard, group };
  }

  const stored = (fields: Partial<Target>): Target => ({
    scorecard: '',
    indicator: 'RATE',
    scope: 'all',
    orgUnit: null,
    orgUnitGroup: null,
    level: null,
    period: '2024',
    target: null,
    lower: null,
    upper: null,
    reference: null,
    source: null,
    setBy: TEST_ADMIN.email,
    setAt: NOW,
    ...fields,
  });

  it('sets targets for every kind of scope in one request, audited, with one metadata event', async () => {
    const { tree, scorecard, group } = await world();
    const sc = scorecard.code;
    const { result, before, after, events } = await observe(server, 'meta', () =>
      server.request('PUT', '/api/targets', {
        targets: [
          {
            scorecard: sc,
            indicator: 'RATE',
            period: '2024',
            target: 90,
            reference: 85,
            source: 'plan 2024',
          },
          {
            scorecard: sc,
            indicator: 'RATE',
            period: '2024q1',
            orgUnit: tree.hospitals[0],
            lower: 80,
            upper: 95,
          },
          { scorecard: sc, indicator: 'COUNT', period: '2024', orgUnitGroup: group, target: 1200 },
          { scorecard: sc, indicator: 'COUNT', period: '2024-03', level: 2, target: 100 },
        ],
      }),
    );
    const items = [
      stored({ scorecard: sc, target: 90, reference: 85, source: 'plan 2024' }),
      stored({
        scorecard: sc,
        scope: 'org-unit',
        orgUnit: tree.hospitals[0],
        period: '2024Q1',
        lower: 80,
        upper: 95,
      }),
      stored({ scorecard: sc, indicator: 'COUNT', scope: 'group', orgUnitGroup: group, target: 1200 }),
      stored({ scorecard: sc, indicator: 'COUNT', scope: 'level', level: 2, period: '2024-03', target: 100 }),
    ];
    expect([result.statusCode, result.json(), after - before, events]).toEqual([
      200,
      { created: 4, updated: 0, unchanged: 0, items },
      1,
      [{ kind: 'metadata', revision: after }],
    ]);
    expect(await changesOf(server, 'target', `${sc}/RATE/org-unit:${tree.hospitals[0]}/2024Q1`)).toEqual([
      { action: 'create', oldValue: null, newValue: items[1] },
    ]);
  });

  it('replaces a changed target, keeps an unchanged one, and audits old → new', async () => {
    const { scorecard } = await world();
    const sc = scorecard.code;
    const first = { scorecard: sc, indicator: 'RATE', period: '2025', target: 90 };
    const second = { scorecard: sc, indicator: 'COUNT', period: '2025', target: 10 };
    await server.request('PUT', '/api/targets', { targets: [first, second] });
    const response = await server.request('PUT', '/api/targets', {
      targets: [{ ...first, target: 92 }, second],
    });
    expect([response.json().created, response.json().updated, response.json().unchanged]).toEqual([0, 1, 1]);
    expect(await changesOf(server, 'target', `${sc}/RATE/all/2025`)).toEqual([
      { action: 'create', oldValue: null, newValue: stored({ scorecard: sc, period: '2025', target: 90 }) },
      {
        action: 'update',
        oldValue: stored({ scorecard: sc, period: '2025', target: 90 }),
        newValue: stored({ scorecard: sc, period: '2025', target: 92 }),
      },
    ]);
  });

  it('answers a batch with bad items with 400 naming each by index, and stores none of it', async () => {
    const { scorecard } = await world();
    const sc = scorecard.code;
    const response = await server.request('PUT', '/api/targets', {
      targets: [
        { scorecard: sc, indicator: 'RATE', period: '2026', target: 1 },
        { scorecard: 'NOPE', indicator: 'RATE', period: '2026', target: 1 },
        { scorecard: sc, indicator: 'GHOST', period: '2026', target: 1 },
        { scorecard: sc, indicator: 'CULTURE', period: '2026', target: 1 },
        { scorecard: sc, indicator: 'RATE', period: '2026-13', orgUnit: 'NOPE', target: 1 },
        { scorecard: sc, indicator: 'RATE', period: '2026Q1', lower: 5 },
        { scorecard: sc, indicator: 'RATE', period: '2026Q2', lower: 9, upper: 5 },
        { scorecard: sc, indicator: 'COUNT', period: '2026', reference: 3 },
        { scorecard: sc, indicator: 'RATE', period: '2026', target: 2 },
      ],
    });
    expect([response.statusCode, response.json()]).toEqual([
      400,
      {
        type: 'validation',
        title: 'Invalid input',
        status: 400,
        code: 'target.batch-invalid',
        params: {},
        detail: 'Some targets cannot be stored; nothing was stored.',
        issues: [
          {
            path: ['targets', 1, 'scorecard'],
            code: 'reference.unknown-scorecard',
            params: { code: 'NOPE' },
            message: "there is no scorecard 'NOPE'",
          },
          {
            path: ['targets', 2, 'indicator'],
            code: 'reference.not-an-indicator',
            params: { indicator: 'GHOST', scorecard: sc },
            message: `'GHOST' is not an indicator of '${sc}'`,
          },
          {
            path: ['targets', 3, 'indicator'],
            code: 'target.qualitative',
            params: { indicator: 'CULTURE' },
            message: "'CULTURE' is qualitative: raters score it, it has no target",
          },
          {
            path: ['targets', 4, 'orgUnit'],
            code: 'org-unit.unknown',
            params: { code: 'NOPE' },
            message: "there is no org unit 'NOPE'",
          },
          {
            path: ['targets', 4, 'period'],
            code: 'period.not-a-period',
            params: { value: '2026-13' },
            message: "'2026-13' is not a period: use 2024-03, 2024Q1 or 2024",
          },
          {
            path: ['targets', 5, 'upper'],
            code: 'target.band-incomplete',
            params: {},
            message: 'a band needs both lower and upper',
          },
          {
            path: ['targets', 5, 'target'],
            code: 'target.no-figure',
            params: {},
            message: 'give a target, or both lower and upper (a band)',
          },
          {
            path: ['targets', 6, 'lower'],
            code: 'target.band-reversed',
            params: { lower: 9, upper: 5 },
            message: 'lower 9 is above upper 5',
          },
          {
            path: ['targets', 7, 'target'],
            code: 'target.no-figure',
            params: {},
            message: 'give a target, or both lower and upper (a band)',
          },
          {
            path: ['targets', 8],
            code: 'target.duplicate',
            params: { first: 0 },
            message: 'the same target as targets[0]',
          },
        ],
      },
    ]);
    expect((await server.request('GET', `/api/targets?scorecard=${sc}`)).json().total).toBe(0);
  });

  it('answers two scopes in one target with 400 from the request schema', async () => {
    const response = await server.request('PUT', '/api/targets', {
      targets: [{ scorecard: 'S', indicator: 'I', period: '2024', orgUnit: 'A', level: 2, target: 1 }],
    });
    expect(response.json().issues).toEqual([
      {
        path: ['targets', 0],
        code: 'target.one-scope',
        params: {},
        message: 'give at most one of orgUnit, orgUnitGroup, level (none: every unit)',
      },
    ]);
  });

  it('lists targets by scorecard, scope and period, a page at a time', async () => {
    const { tree, scorecard } = await world();
    const sc = scorecard.code;
    await server.request('PUT', '/api/targets', {
      targets: [
        { scorecard: sc, indicator: 'RATE', period: '2024', target: 1 },
        ...tree.hospitals.map((orgUnit, i) => ({
          scorecard: sc,
          indicator: 'RATE',
          period: '2024',
          orgUnit,
          target: 2 + i,
        })),
        { scorecard: sc, indicator: 'RATE', period: '2023', orgUnit: tree.hospitals[0], target: 9 },
      ],
    });
    const list = async (query: string) =>
      (await server.request('GET', `/api/targets?scorecard=${sc}&${query}`)).json<Page<Target>>();
    const units = await list('scope=org-unit&period=2024&limit=1&offset=1');
    const all = await list('scope=all');
    const oneUnit = await list(`orgUnit=${tree.hospitals[0]}`);
    expect({
      units: [units.total, units.items.map((t) => t.orgUnit)],
      all: all.items.map((t) => t.target),
      oneUnit: oneUnit.items.map((t) => t.period),
    }).toEqual({ units: [2, [tree.hospitals[1]]], all: [1], oneUnit: ['2023', '2024'] });
  });

  it('deletes one target by its key, audits it, and answers 404 once it is gone', async () => {
    const { tree, scorecard } = await world();
    const sc = scorecard.code;
    const unit = tree.hospitals[0] ?? '';
    await server.request('PUT', '/api/targets', {
      targets: [{ scorecard: sc, indicator: 'RATE', period: '2024', orgUnit: unit, target: 7 }],
    });
    const url = `/api/targets?scorecard=${sc}&indicator=RATE&period=2024&orgUnit=${unit}`;
    const deleted = await server.request('DELETE', url);
    const again = await server.request('DELETE', url);
    expect([deleted.statusCode, again.statusCode, again.json().code, again.json().detail]).toEqual([
      204,
      404,
      'target.not-found',
      'There is no such target.',
    ]);
    expect(
      (await changesOf(server, 'target', `${sc}/RATE/org-unit:${unit}/2024`)).map((c) => [
        c.action,
        c.newValue,
      ]),
    ).toEqual([
      ['create', stored({ scorecard: sc, scope: 'org-unit', orgUnit: unit, target: 7 })],
      ['delete', null],
    ]);
  });

  it('answers 404 for an unknown scorecard or org unit in a list', async () => {
    const responses = await Promise.all([
      server.request('GET', '/api/targets?scorecard=NOPE'),
      server.request('GET', '/api/targets?orgUnit=NOPE'),
      server.request('GET', '/api/targets?orgUnitGroup=NOPE'),
    ]);
    expect(responses.map((r) => [r.statusCode, r.json().code, r.json().detail])).toEqual([
      [404, 'reference.scorecard-not-found', "There is no scorecard 'NOPE'."],
      [404, 'org-unit.not-found', "There is no org unit 'NOPE'."],
      [404, 'org-unit.group-not-found', "There is no org-unit group 'NOPE'."],
    ]);
  });
});
