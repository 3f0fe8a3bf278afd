/**
 * `/api/data-elements` on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { uniqueCode } from '../../../test/fixtures/codes.ts';
import { changesOf, observe } from '../../../test/fixtures/observe.ts';
import { createOrgTree } from '../../../test/fixtures/org-units.ts';
import { createScorecardFixture } from '../../../test/fixtures/scorecards.ts';
import { createTestServer, FIXTURE_ACTOR, type TestServer } from '../../../test/fixtures/server.ts';
import type { Page } from '../../core/contracts/common.ts';
import type { DataElement } from '../../core/contracts/data-elements.ts';
import { writeDataValues } from '../services/data-values.service.ts';

const NOW = '2024-06-30T08:00:00.000Z';

describeEachEngine('data elements over HTTP', (getDb) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(getDb());
  });
  afterAll(() => server.close());

  async function createElement(fields: Record<string, unknown> = {}): Promise<DataElement> {
    const code = uniqueCode('beds');
    const response = await server.request('POST', '/api/data-elements', {
      code,
      name: { en: 'Open beds' },
      ...fields,
    });
    return response.json<DataElement>();
  }

  it('creates an element with the defaults of a scorecard file and audits it', async () => {
    const code = uniqueCode('beds');
    const { result, after, before, events } = await observe(server, 'meta', () =>
      server.request('POST', '/api/data-elements', {
        code,
        name: { en: 'Open beds', zh: '开放床位数' },
        valueType: 'integer',
        min: 0,
        timeAggregation: 'last',
      }),
    );
    const expected: DataElement = {
      code,
      name: { en: 'Open beds', zh: '开放床位数' },
      valueType: 'integer',
      unit: null,
      aggregation: 'sum',
      timeAggregation: 'last',
      min: 0,
      max: null,
      description: null,
      createdAt: NOW,
      updatedAt: NOW,
    };
    expect([result.statusCode, result.json(), after - before, events]).toEqual([
      201,
      expected,
      1,
      [{ kind: 'metadata', revision: after }],
    ]);
    expect(await changesOf(server, 'data_element', code)).toEqual([
      { action: 'create', oldValue: null, newValue: expected },
    ]);
  });

  it('changes fields, clears one with null, and audits old → new', async () => {
    const created = await createElement({ unit: 'beds', max: 5000 });
    const response = await server.request('PATCH', `/api/data-elements/${created.code}`, {
      unit: null,
      max: 8000,
      aggregation: 'average',
    });
    const updated = { ...created, unit: null, max: 8000, aggregation: 'average' };
    expect(response.json()).toEqual(updated);
    expect(await changesOf(server, 'data_element', created.code)).toEqual([
      { action: 'create', oldValue: null, newValue: created },
      { action: 'update', oldValue: created, newValue: updated },
    ]);
  });

  it('answers a bad body with 400 listing every issue with its path', async () => {
    const response = await server.request('POST', '/api/data-elements', {
      code: 'has space',
      name: { en: 'x', fr: 'x' },
      valueType: 'text',
      min: 'zero',
    });
    expect(response.json()).toEqual({
      type: 'validation',
      title: 'Invalid input',
      status: 400,
      code: 'request.invalid-body',
      params: {},
      detail: 'The request body is not valid.',
      issues: [
        // The data-element code's check is worded by core/scorecard's schema, which has no code of its own yet.
        {
          path: ['code'],
          code: 'zod.invalid-format',
          params: { format: 'regex' },
          message: 'not a valid regex',
        },
        {
          path: ['name'],
          code: 'zod.unknown-fields',
          params: { keys: "'fr'" },
          message: "unknown field(s) 'fr'",
        },
        {
          path: ['valueType'],
          code: 'zod.invalid-value',
          params: { values: "'number', 'integer', 'percentage', 'money'" },
          message: "must be one of 'number', 'integer', 'percentage', 'money'",
        },
        {
          path: ['min'],
          code: 'zod.expected-number',
          params: { expected: 'number' },
          message: 'expected a number',
        },
      ],
    });
  });

  it('answers min above max with 400 at min', async () => {
    const created = await createElement({ min: 0, max: 10 });
    const response = await server.request('PATCH', `/api/data-elements/${created.code}`, { min: 20 });
    expect([response.statusCode, response.json().issues]).toEqual([
      400,
      [
        {
          path: ['min'],
          code: 'data-element.min-above-max',
          params: { min: 20, max: 10 },
          message: 'min 20 is above max 10.',
        },
      ],
    ]);
  });

  it('answers 404 for an unknown element and 409 for a code already used', async () => {
    const created = await createElement();
    const missing = await server.request('GET', '/api/data-elements/NOPE');
    const patch = await server.request('PATCH', '/api/data-elements/NOPE', { unit: 'x' });
    const remove = await server.request('DELETE', '/api/data-elements/NOPE');
    const taken = await server.request('POST', '/api/data-elements', {
      code: created.code,
      name: { en: 'again' },
    });
    expect(
      [missing, patch, remove, taken].map((r) => [r.statusCode, r.json().code, r.json().detail]),
    ).toEqual([
      [404, 'data-element.not-found', "There is no data element 'NOPE'."],
      [404, 'data-element.not-found', "There is no data element 'NOPE'."],
      [404, 'data-element.not-found', "There is no data element 'NOPE'."],
      [409, 'data-element.exists', `A data element '${created.code}' already exists.`],
    ]);
  });

  it('deletes an unused element and audits what it was', async () => {
    const created = await createElement();
    const response = await server.request('DELETE', `/api/data-elements/${created.code}`);
    expect([
      response.statusCode,
      response.body,
      (await server.request('GET', `/api/data-elements/${created.code}`)).statusCode,
    ]).toEqual([204, '', 404]);
    expect(await changesOf(server, 'data_element', created.code)).toEqual([
      { action: 'create', oldValue: null, newValue: created },
      { action: 'delete', oldValue: created, newValue: null },
    ]);
  });

  it('refuses with 409 to delete an element that has values', async () => {
    const tree = await createOrgTree(server.ctx, { hospitals: 1, departmentsPerHospital: 0 });
    const created = await createElement();
    await writeDataValues(server.ctx, FIXTURE_ACTOR, {
      values: ['2024-01', '2024-02'].map((period) => ({
        orgUnit: tree.hospitals[0] ?? '',
        dataElement: created.code,
        period,
        value: 5,
      })),
    });
    const response = await server.request('DELETE', `/api/data-elements/${created.code}`);
    expect([response.statusCode, response.json()]).toEqual([
      409,
      {
        type: 'conflict',
        title: 'Conflict',
        status: 409,
        code: 'data-element.has-values',
        params: { code: created.code, count: 2 },
        detail: `The data element '${created.code}' has 2 stored values; delete them first.`,
        issues: [],
      },
    ]);
  });

  it('refuses with 409 to delete an element a current scorecard declares', async () => {
    const scorecard = await createScorecardFixture(server.ctx);
    const response = await server.request('DELETE', `/api/data-elements/${scorecard.denominator}`);
    expect([response.statusCode, response.json().code, response.json().detail]).toEqual([
      409,
      'data-element.declared-by-scorecard',
      `The data element '${scorecard.denominator}' is declared by the scorecard '${scorecard.code}'.`,
    ]);
  });

  it('lists elements by type and text, a page at a time', async () => {
    const marker = uniqueCode('zz');
    for (const valueType of ['money', 'integer', 'money']) {
      await server.request('POST', '/api/data-elements', {
        code: uniqueCode(marker),
        name: { en: 'Revenue' },
        valueType,
      });
    }
    const page = (
      await server.request('GET', `/api/data-elements?q=${marker}&valueType=money&limit=1&offset=1`)
    ).json<Page<DataElement>>();
    expect([page.total, page.limit, page.offset, page.items.map((e) => e.valueType)]).toEqual([
      2,
      1,
      1,
      ['money'],
    ]);
  });
});
