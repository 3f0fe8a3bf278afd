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
      periodType: 'month',
      timeAggregation: 'last',
      missingValues: null,
      min: 0,
      max: null,
      description: null,
      outliers: null,
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
    const created = await createElement({ unit: { en: 'beds', zh: '床' }, max: 5000 });
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

  it('keeps what scorecard format @2 declares: the unit in both languages, period type, max over time, missing-value roll-up', async () => {
    const created = await createElement({
      unit: { en: 'patients', zh: '人' },
      periodType: 'quarter',
      timeAggregation: 'max',
      missingValues: 'zero',
    });
    const read = await server.request('GET', `/api/data-elements/${created.code}`);
    expect(read.json<DataElement>()).toMatchObject({
      unit: { en: 'patients', zh: '人' },
      periodType: 'quarter',
      timeAggregation: 'max',
      missingValues: 'zero',
    });
  });

  it('keeps the outlier thresholds of the data-quality checks, changes them and clears them with null', async () => {
    const created = await createElement({ outliers: { threshold: 3, absoluteBound: 5, per: 'population' } });
    const read = await server.request('GET', `/api/data-elements/${created.code}`);
    const changed = await server.request('PATCH', `/api/data-elements/${created.code}`, {
      outliers: { threshold: 2.5 },
    });
    const cleared = await server.request('PATCH', `/api/data-elements/${created.code}`, { outliers: null });
    expect([
      read.json<DataElement>().outliers,
      changed.json<DataElement>().outliers,
      cleared.json<DataElement>().outliers,
    ]).toEqual([{ threshold: 3, absoluteBound: 5, per: 'population' }, { threshold: 2.5 }, null]);
  });

  it('changes the roll-up and the period type, and clears the roll-up with null', async () => {
    const created = await createElement({ missingValues: 'required' });
    const changed = await server.request('PATCH', `/api/data-elements/${created.code}`, {
      periodType: 'year',
      missingValues: null,
    });
    expect(changed.json<DataElement>()).toEqual({ ...created, periodType: 'year', missingValues: null });
  });

  it('reads a unit stored before it had two words through the table of common units', async () => {
    const [known, unknown] = [uniqueCode('cases'), uniqueCode('dose')];
    await server.ctx.db.kysely
      .insertInto('data_element')
      .values([
        { code: known, name_en: 'Cases', unit: '例' },
        { code: unknown, name_en: 'Dose', unit: 'mg/kg' },
      ])
      .execute();
    const units = await Promise.all(
      [known, unknown].map(
        async (code) => (await server.request('GET', `/api/data-elements/${code}`)).json<DataElement>().unit,
      ),
    );
    expect(units).toEqual([
      { en: 'cases', zh: '例' },
      { en: 'mg/kg', zh: 'mg/kg' },
    ]);
  });

  it('answers a bad body with 400 listing every issue with its path', async () => {
    const response = await server.request('POST', '/api/data-elements', {
      code: 'has space',
      name: { en: 'x', fr: 'x' },
      valueType: 'text',
      min: 'zero',
    });
    const values = "'number', 'integer', 'percentage', 'money'";
    expect(response.json()).toEqual({
      type: 'validation',
      title: 'Invalid input',
      status: 400,
      code: 'request.invalid-body',
      params: {},
      detail: 'The request body is not valid.',
      issues: [
        {
          path: ['code'],
          code: 'scorecard.code-format',
          params: {},
          message: 'must start with a letter or _ and hold only letters, digits, _ . -',
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
          params: { values },
          message: `must be one of ${values}`,
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
    const patch = await server.request('PATCH', '/api/data-elements/NOPE', { unit: { en: 'x', zh: 'x' } });
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
