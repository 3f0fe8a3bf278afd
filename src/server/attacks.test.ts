/**
 * Attacks that must fail (issue 4): guessing the ids and codes of other units' objects, SQL injection in filters
 * and names (stored as data, never run), and script payloads in names (returned as the exact string, as JSON).
 * The session attacks (a missing CSRF token, a planted session id, password guessing past the throttle) are in
 * accounts/accounts.test.ts.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/engines.ts';
import { type AccessWorld, createAccessWorld } from '../../test/fixtures/access-world.ts';
import { csv } from '../../test/fixtures/imports/world.ts';
import { FIXTURE_ACTOR } from '../../test/fixtures/server.ts';
import { commitImport } from './imports/import.service.ts';

const INJECTIONS = [
  "' OR '1'='1",
  "x'; DROP TABLE org_unit; --",
  '1) OR 1=1 --',
  '%',
  '_',
  '\\',
  '$$; select pg_sleep(5); $$',
];

/** The search cases: `_` is left out, since codes hold a literal underscore that it rightly finds. */
const SEARCHES = INJECTIONS.filter((text) => text !== '_');

const SCRIPTS = [
  '<script>alert("HealthBSC")</script>',
  '<img src=x onerror="fetch(\'/api/users\')">',
  '"><svg/onload=alert(1)>',
  "javascript:alert('x')",
];

describeEachEngine('attacks', (getDb) => {
  let w: AccessWorld;
  beforeAll(async () => {
    w = await createAccessWorld(getDb());
  });
  afterAll(() => w.server.close());

  const count = async (table: 'org_unit' | 'app_user' | 'data_value') =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(getDb().kysely))
      .rows[0]?.n;

  it("answers guessed codes of other units' objects with 403, and codes of nothing with 404", async () => {
    const viewer = w.session('viewer');
    const other = w.units.outsideHospital;
    const guesses = [
      `/api/org-units/${other}`,
      `/api/org-units/${other}/subtree`,
      `/api/data-values?orgUnit=${other}&includeDescendants=true`,
      `/api/evaluations?scorecard=${w.scorecard.code}&orgUnit=${other}&period=2024`,
      `/api/exports/data-values?orgUnit=${other}&includeDescendants=true`,
    ];
    const results = [];
    for (const url of guesses) results.push((await w.server.requestAs(viewer, 'GET', url)).statusCode);
    const missing = await w.server.requestAs(viewer, 'GET', '/api/org-units/NO_SUCH_UNIT');
    expect([results, missing.statusCode, missing.json().code, missing.json().detail]).toEqual([
      guesses.map(() => 403),
      404,
      'org-unit.not-found',
      "There is no org unit 'NO_SUCH_UNIT'.",
    ]);
  });

  it("answers guessed ids of other people's imports, users and tokens with 403 or 404, never their data", async () => {
    const steward = w.session('steward');
    const batch = await commitImport(w.server.ctx, FIXTURE_ACTOR, {
      bytes: csv([
        'org_unit,period,data_element,value',
        `${w.units.outside},2024-09,${w.scorecard.numerator},1`,
      ]),
      fileName: 'someone-else.csv',
      kind: 'data',
    });
    const ids = Array.from({ length: (batch.batchId ?? 0) + 2 }, (_, i) => i + 1);
    const statuses = new Set<number>();
    for (const id of ids) {
      statuses.add((await w.server.requestAs(steward, 'GET', `/api/imports/${id}`)).statusCode);
      statuses.add((await w.server.requestAs(steward, 'POST', `/api/imports/${id}/undo`, {})).statusCode);
      statuses.add(
        (await w.server.requestAs(steward, 'PATCH', `/api/users/${id}`, { disabled: true })).statusCode,
      );
      statuses.add((await w.server.requestAs(steward, 'DELETE', `/api/tokens/${id}`)).statusCode);
    }
    const history = (await w.server.requestAs(steward, 'GET', '/api/imports')).json();
    expect({ statuses: [...statuses].sort(), history: history.total }).toEqual({
      statuses: [403, 404],
      history: 0,
    });
  });

  it.each(SEARCHES)('treats %j in a search filter as text: no rows leak, nothing runs', async (text) => {
    const viewer = w.session('viewer');
    const before = await count('org_unit');
    const q = encodeURIComponent(text);
    const responses = await Promise.all([
      w.server.requestAs(viewer, 'GET', `/api/org-units?q=${q}`),
      w.server.requestAs(viewer, 'GET', `/api/data-elements?q=${q}`),
      w.server.requestAs(viewer, 'GET', `/api/org-unit-groups?q=${q}`),
      w.server.requestAs(viewer, 'GET', `/api/scorecards?q=${q}`),
    ]);
    const unit = await w.server.requestAs(viewer, 'GET', `/api/data-values?orgUnit=${q}`);
    const audit = await w.server.request('GET', `/api/audit?entity=${q}&actor=${q}`);
    expect({
      lists: responses.map((r) => [r.statusCode, r.json().total]),
      unit: [unit.statusCode, unit.json().code, unit.json().params, unit.json().detail],
      audit: [audit.statusCode, audit.json().total],
      unitsAfter: await count('org_unit'),
    }).toEqual({
      lists: responses.map(() => [200, 0]),
      unit: [404, 'org-unit.not-found', { code: text }, `There is no org unit '${text}'.`],
      audit: [200, 0],
      unitsAfter: before,
    });
  });

  it.each(INJECTIONS)('stores %j in names and comments as data, returned unchanged', async (text) => {
    const code = `INJ_${INJECTIONS.indexOf(text)}`;
    const before = [await count('org_unit'), await count('app_user')];
    const created = await w.server.request('POST', '/api/org-units', {
      code,
      name: { en: text, zh: text },
      type: 'unit',
      parent: w.units.inside,
    });
    const value = await w.server.request('POST', '/api/data-values', {
      values: [
        { orgUnit: code, dataElement: w.scorecard.numerator, period: '2024-03', value: 1, comment: text },
      ],
    });
    const read = await w.server.request('GET', `/api/org-units/${code}`);
    const values = await w.server.request('GET', `/api/data-values?orgUnit=${code}`);
    expect({
      created: created.statusCode,
      value: value.statusCode,
      name: read.json().name,
      comment: values.json().items[0].comment,
      tables: [await count('org_unit'), await count('app_user')],
    }).toEqual({
      created: 201,
      value: 200,
      name: { en: text, zh: text },
      comment: text,
      tables: [(before[0] ?? 0) + 1, before[1]],
    });
  });

  it.each(SCRIPTS)(
    'returns the script payload %j in names exactly, as JSON, never as HTML',
    async (payload) => {
      const code = `XSS_${SCRIPTS.indexOf(payload)}`;
      await w.server.request('POST', '/api/data-elements', {
        code,
        name: { en: payload, zh: payload },
        description: payload,
      });
      const read = await w.server.request('GET', `/api/data-elements/${code}`);
      const missing = await w.server.request('GET', `/api/org-units/${encodeURIComponent(payload)}`);
      expect({
        type: read.headers['content-type'],
        name: read.json().name,
        description: read.json().description,
        missingType: missing.headers['content-type'],
        missingProblem: [missing.json().code, missing.json().params, missing.json().detail],
        nosniff: read.headers['x-content-type-options'],
      }).toEqual({
        type: 'application/json; charset=utf-8',
        name: { en: payload, zh: payload },
        description: payload,
        missingType: 'application/problem+json',
        missingProblem: ['org-unit.not-found', { code: payload }, `There is no org unit '${payload}'.`],
        nosniff: 'nosniff',
      });
    },
  );
});
