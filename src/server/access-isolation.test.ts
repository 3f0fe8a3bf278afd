/**
 * A department-level `entry` user (issue 4: "a department head must see and enter their own department's data
 * and nothing else") tries to read and write a sibling department's and another hospital's data through every
 * kind of route: lists, search, exports, templates, evaluations, rankings, series, audit, imports, approvals.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/engines.ts';
import { type AccessWorld, createAccessWorld, DATA_MONTH } from '../../test/fixtures/access-world.ts';
import { csv } from '../../test/fixtures/imports/world.ts';
import { FIXTURE_ACTOR, type TestSession } from '../../test/fixtures/server.ts';
import { writeDataValues } from './services/data-values.service.ts';

describeEachEngine('a department-level entry user', (getDb) => {
  let w: AccessWorld;
  let me: TestSession;
  let mine = '';
  let sibling = '';
  let elsewhere = '';

  beforeAll(async () => {
    w = await createAccessWorld(getDb());
    mine = w.units.inside;
    sibling = w.tree.departments[0]?.[1] ?? '';
    elsewhere = w.units.outside;
    await writeDataValues(w.server.ctx, FIXTURE_ACTOR, {
      values: [{ orgUnit: sibling, dataElement: w.scorecard.numerator, period: DATA_MONTH, value: 12 }],
    });
    me = await w.server.sessionWith([{ role: 'entry', orgUnit: mine }]);
  });
  afterAll(() => w.server.close());

  const get = (url: string) => w.server.requestAs(me, 'GET', url);
  const units = (items: readonly { orgUnit: string }[]) => [...new Set(items.map((item) => item.orgUnit))];

  it('lists only its own department: org units, search, data values, assessments, targets and approvals', async () => {
    const orgUnits = (await get('/api/org-units')).json<{ items: { code: string }[] }>();
    const search = (await get('/api/org-units?q=Department')).json<{ items: { code: string }[] }>();
    const values = (await get('/api/data-values')).json<{ items: { orgUnit: string }[] }>();
    const assessments = (await get('/api/assessments')).json<{ items: { orgUnit: string }[] }>();
    const scorecardUnits = (await get(`/api/scorecards/${w.scorecard.code}/org-units`)).json();
    expect({
      orgUnits: orgUnits.items.map((u) => u.code),
      search: search.items.map((u) => u.code),
      values: units(values.items),
      assessments: units(assessments.items),
      scorecardUnits,
    }).toEqual({
      orgUnits: [mine],
      search: [mine],
      values: [mine],
      assessments: [mine],
      scorecardUnits: { orgUnits: [] },
    });
  });

  it.each([
    ['its sibling department', () => sibling],
    ['a department of another hospital', () => elsewhere],
    ['its own hospital', () => w.units.scopeTop],
  ])('cannot read %s through any route that names it (403)', async (_what, unitOf) => {
    const unit = unitOf();
    const urls = [
      `/api/org-units/${unit}`,
      `/api/org-units/${unit}/children`,
      `/api/data-values?orgUnit=${unit}`,
      `/api/reported-values?orgUnit=${unit}`,
      `/api/assessments?orgUnit=${unit}`,
      `/api/targets?orgUnit=${unit}`,
      `/api/approvals?orgUnit=${unit}`,
      `/api/exports/data-values?orgUnit=${unit}`,
      `/api/templates/${w.scorecard.code}?format=csv&orgUnit=${unit}`,
      `/api/evaluations?scorecard=${w.scorecard.code}&orgUnit=${unit}&period=${DATA_MONTH}`,
      `/api/series?scorecard=${w.scorecard.code}&orgUnit=${unit}&from=2024-01&to=2024-03`,
    ];
    const statuses = [];
    for (const url of urls) {
      const response = await get(url);
      statuses.push([url, response.statusCode, response.json().code, response.json().detail]);
    }
    expect(statuses).toEqual(
      urls.map((url) => [url, 403, 'access.no-access-to-unit', `You have no access to org unit '${unit}'.`]),
    );
  });

  it('cannot write another department’s data values, reported values or assessments (403), nor its own hospital’s', async () => {
    const attempts = [sibling, elsewhere, w.units.scopeTop].flatMap(
      (unit) =>
        [
          [
            '/api/data-values',
            { values: [{ orgUnit: unit, dataElement: w.scorecard.numerator, period: DATA_MONTH, value: 1 }] },
            unit,
          ],
          [
            '/api/reported-values',
            {
              values: [
                {
                  scorecard: w.scorecard.code,
                  indicator: w.scorecard.rate,
                  orgUnit: unit,
                  period: '2024',
                  value: 1,
                },
              ],
            },
            unit,
          ],
          [
            '/api/assessments',
            {
              assessments: [
                {
                  scorecard: w.scorecard.code,
                  indicator: w.scorecard.rated,
                  orgUnit: unit,
                  period: DATA_MONTH,
                  score: 1,
                },
              ],
            },
            unit,
          ],
        ] as const,
    );
    const results = [];
    for (const [url, body, unit] of attempts) {
      const response = await w.server.requestAs(me, 'POST', url, body);
      results.push([url, unit, response.statusCode, response.json().code, response.json().detail]);
    }
    const own = await w.server.requestAs(me, 'POST', '/api/data-values', {
      values: [{ orgUnit: mine, dataElement: w.scorecard.numerator, period: DATA_MONTH, value: 44 }],
    });
    expect({ results, own: own.statusCode }).toEqual({
      results: attempts.map(([url, , unit]) => [
        url,
        unit,
        403,
        'access.no-access-to-unit',
        `You have no access to org unit '${unit}'.`,
      ]),
      own: 200,
    });
  });

  it('exports and downloads a template of its own department only', async () => {
    const exported = await get('/api/exports/data-values');
    const template = await get(`/api/templates/${w.scorecard.code}?format=csv&from=2024-01&to=2024-02`);
    // The first column of every data row (the codes here hold no commas or quotes).
    const firstColumn = (text: string) => [
      ...new Set(
        text
          .replace(/^\uFEFF/, '')
          .split(/\r?\n/)
          .slice(1)
          .filter((line) => line !== '' && !line.startsWith('#'))
          .map((line) => line.split(',')[0]),
      ),
    ];
    expect({ exported: firstColumn(exported.body), template: firstColumn(template.body) }).toEqual({
      exported: [mine],
      template: [mine],
    });
  });

  it('sees only its own department in a ranking of its hospital, ranked on its own', async () => {
    const response = await get(
      `/api/rankings?scorecard=${w.scorecard.code}&parent=${w.units.scopeTop}&period=${DATA_MONTH}`,
    );
    expect(
      response.json().items.map((i: { orgUnit: string; rank: number | null }) => [i.orgUnit, i.rank]),
    ).toEqual([[mine, 1]]);
  });

  it('reports rows of other departments as out-of-scope errors of an import, and imports nothing', async () => {
    const file = csv([
      'org_unit,period,data_element,value',
      `${mine},2024-04,${w.scorecard.numerator},5`,
      `${sibling},2024-04,${w.scorecard.numerator},6`,
      `${elsewhere},2024-04,${w.scorecard.numerator},7`,
    ]);
    const upload = (dryRun: boolean) =>
      w.server.app.inject({
        method: 'POST',
        url: `/api/imports?kind=data&dryRun=${dryRun}`,
        payload: Buffer.from(file),
        headers: { ...me.headers, 'content-type': 'text/csv' },
      });
    const dry = (await upload(true)).json();
    const commit = await upload(false);
    const stored = (await get('/api/data-values?period=2024-04')).json();
    expect({
      errors: dry.errors.map((e: { row: number; code: string; reason: string }) => [e.row, e.code, e.reason]),
      commit: [commit.statusCode, commit.json().report.committed],
      stored: stored.total,
    }).toEqual({
      errors: [
        [
          3,
          'out-of-scope',
          `org unit "${sibling}" is outside your access: you may import only rows of the org units your roles cover`,
        ],
        [
          4,
          'out-of-scope',
          `org unit "${elsewhere}" is outside your access: you may import only rows of the org units your roles cover`,
        ],
      ],
      commit: [400, false],
      stored: 0,
    });
  });

  it('reads no audit trail and manages no users', async () => {
    const audit = await get('/api/audit');
    const users = await get('/api/users');
    expect([audit.statusCode, audit.json().code, audit.json().detail, users.statusCode]).toEqual([
      403,
      'access.needs-one-of-roles',
      'This needs the role admin or approver.',
      403,
    ]);
  });
});
