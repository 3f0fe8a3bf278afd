/**
 * `/api/data-values` on PGlite and PostgreSQL: bulk reads with filters, bulk writes checked whole, optimistic
 * concurrency, audit, change counters and change events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { uniqueCode } from '../../../test/fixtures/codes.ts';
import { changesOf, observe } from '../../../test/fixtures/observe.ts';
import { createOrgTree, type OrgTree } from '../../../test/fixtures/org-units.ts';
import { createTestServer, FIXTURE_ACTOR, type TestServer } from '../../../test/fixtures/server.ts';
import type { Page } from '../../core/contracts/common.ts';
import type { DataValue, DataValueInput } from '../../core/contracts/data-values.ts';
import { rootScope } from '../../db/repositories/change-counter.repository.ts';
import { findDataElementByCode } from '../../db/repositories/data-element.repository.ts';
import { findOrgUnitByCode } from '../../db/repositories/org-unit.repository.ts';
import { createDataElement } from '../services/data-elements.service.ts';
import { writeDataValues } from '../services/data-values.service.ts';

const NOW = '2024-06-30T08:00:00.000Z';

describeEachEngine('data values over HTTP', (getDb) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(getDb());
  });
  afterAll(() => server.close());

  interface World {
    readonly tree: OrgTree;
    readonly h1: string;
    readonly h2: string;
    /** An integer element, 0–1000. */
    readonly beds: string;
    /** A percentage, 0–100. */
    readonly rate: string;
    readonly rootId: number;
  }

  async function world(): Promise<World> {
    const tree = await createOrgTree(server.ctx, { hospitals: 2, departmentsPerHospital: 1 });
    const beds = uniqueCode('beds');
    const rate = uniqueCode('rate');
    await createDataElement(server.ctx, FIXTURE_ACTOR, {
      code: beds,
      name: { en: 'Open beds' },
      valueType: 'integer',
      aggregation: 'sum',
      timeAggregation: 'last',
      min: 0,
      max: 1000,
    });
    await createDataElement(server.ctx, FIXTURE_ACTOR, {
      code: rate,
      name: { en: 'Occupancy' },
      valueType: 'percentage',
      aggregation: 'average',
      timeAggregation: 'average',
      min: 0,
      max: 100,
    });
    const root = await findOrgUnitByCode(getDb().kysely, tree.group);
    return {
      tree,
      h1: tree.hospitals[0] ?? '',
      h2: tree.hospitals[1] ?? '',
      beds,
      rate,
      rootId: root?.rootId ?? 0,
    };
  }

  const write = (values: readonly Partial<DataValueInput>[]) =>
    server.request('POST', '/api/data-values', { values });

  describe('writing', () => {
    it('creates values, audits each, bumps the organisation’s counter and publishes the changed values', async () => {
      const w = await world();
      const { result, before, after, events } = await observe(server, rootScope(w.rootId), () =>
        write([
          { orgUnit: w.h1, dataElement: w.beds, period: '2024-03', value: 520, comment: 'month-end census' },
          { orgUnit: w.h2, dataElement: w.beds, period: '2024-03', value: 180 },
          { orgUnit: w.h1, dataElement: w.rate, period: '2024-03', value: 93.6 },
        ]),
      );
      expect([result.statusCode, result.json()]).toEqual([
        200,
        {
          created: 3,
          updated: 0,
          deleted: 0,
          unchanged: 0,
          items: [
            {
              orgUnit: w.h1,
              dataElement: w.beds,
              period: '2024-03',
              status: 'created',
              value: 520,
              comment: 'month-end census',
              version: 1,
            },
            {
              orgUnit: w.h2,
              dataElement: w.beds,
              period: '2024-03',
              status: 'created',
              value: 180,
              comment: null,
              version: 1,
            },
            {
              orgUnit: w.h1,
              dataElement: w.rate,
              period: '2024-03',
              status: 'created',
              value: 93.6,
              comment: null,
              version: 1,
            },
          ],
        },
      ]);
      const [h1, h2, beds, rate] = await Promise.all([
        findOrgUnitByCode(getDb().kysely, w.h1),
        findOrgUnitByCode(getDb().kysely, w.h2),
        findDataElementByCode(getDb().kysely, w.beds),
        findDataElementByCode(getDb().kysely, w.rate),
      ]);
      expect([after - before, events]).toEqual([
        1,
        [
          {
            kind: 'data-values',
            rootId: w.rootId,
            revision: after,
            values: [
              { orgUnitId: h1?.id, dataElementId: beds?.id, periodId: '2024-03', value: 520 },
              { orgUnitId: h2?.id, dataElementId: beds?.id, periodId: '2024-03', value: 180 },
              { orgUnitId: h1?.id, dataElementId: rate?.id, periodId: '2024-03', value: 93.6 },
            ],
          },
        ],
      ]);
      expect(await changesOf(server, 'data_value', `${w.h1}/${w.beds}/2024-03`)).toEqual([
        {
          action: 'create',
          oldValue: null,
          newValue: { value: 520, comment: 'month-end census', version: 1 },
        },
      ]);
    });

    it('updates, keeps, deletes and leaves alone values in one batch, auditing old → new', async () => {
      const w = await world();
      await write([
        { orgUnit: w.h1, dataElement: w.beds, period: '2024-01', value: 500, comment: 'census' },
        { orgUnit: w.h1, dataElement: w.beds, period: '2024-02', value: 510 },
        { orgUnit: w.h1, dataElement: w.beds, period: '2024-03', value: 515 },
      ]);
      const response = await write([
        { orgUnit: w.h1, dataElement: w.beds, period: '2024-01', value: 501, version: 1 },
        { orgUnit: w.h1, dataElement: w.beds, period: '2024-02', value: 510 },
        { orgUnit: w.h1, dataElement: w.beds, period: '2024-03', value: null },
        { orgUnit: w.h1, dataElement: w.beds, period: '2024-04', value: null },
      ]);
      expect(response.json()).toEqual({
        created: 0,
        updated: 1,
        deleted: 1,
        unchanged: 2,
        items: [
          {
            orgUnit: w.h1,
            dataElement: w.beds,
            period: '2024-01',
            status: 'updated',
            value: 501,
            comment: 'census',
            version: 2,
          },
          {
            orgUnit: w.h1,
            dataElement: w.beds,
            period: '2024-02',
            status: 'unchanged',
            value: 510,
            comment: null,
            version: 1,
          },
          {
            orgUnit: w.h1,
            dataElement: w.beds,
            period: '2024-03',
            status: 'deleted',
            value: null,
            comment: null,
            version: null,
          },
          {
            orgUnit: w.h1,
            dataElement: w.beds,
            period: '2024-04',
            status: 'unchanged',
            value: null,
            comment: null,
            version: null,
          },
        ],
      });
      expect({
        updated: await changesOf(server, 'data_value', `${w.h1}/${w.beds}/2024-01`),
        deleted: await changesOf(server, 'data_value', `${w.h1}/${w.beds}/2024-03`),
        unchanged: (await changesOf(server, 'data_value', `${w.h1}/${w.beds}/2024-02`)).length,
      }).toEqual({
        updated: [
          { action: 'create', oldValue: null, newValue: { value: 500, comment: 'census', version: 1 } },
          {
            action: 'update',
            oldValue: { value: 500, comment: 'census', version: 1 },
            newValue: { value: 501, comment: 'census', version: 2 },
          },
        ],
        deleted: [
          { action: 'create', oldValue: null, newValue: { value: 515, comment: null, version: 1 } },
          { action: 'delete', oldValue: { value: 515, comment: null, version: 1 }, newValue: null },
        ],
        unchanged: 1,
      });
    });

    it('answers a stale version with 409 and what is stored now, and writes nothing of the batch', async () => {
      const w = await world();
      await write([{ orgUnit: w.h1, dataElement: w.beds, period: '2024-05', value: 40 }]);
      await writeDataValues(server.ctx, FIXTURE_ACTOR, {
        values: [{ orgUnit: w.h1, dataElement: w.beds, period: '2024-05', value: 41 }],
      });
      const { result, before, after, events } = await observe(server, rootScope(w.rootId), () =>
        write([
          { orgUnit: w.h2, dataElement: w.beds, period: '2024-05', value: 7 },
          { orgUnit: w.h1, dataElement: w.beds, period: '2024-05', value: 42, version: 1 },
          { orgUnit: w.h1, dataElement: w.beds, period: '2024-06', value: 42, version: 1 },
        ]),
      );
      expect([result.statusCode, result.headers['content-type'], result.json()]).toEqual([
        409,
        'application/problem+json',
        {
          type: 'conflict',
          title: 'Conflict',
          status: 409,
          code: 'write.stale-many',
          params: { count: 2 },
          detail: '2 values were changed by someone else since read; nothing was stored.',
          issues: [
            {
              path: ['values', 1, 'version'],
              code: 'write.version-changed',
              params: { expected: '1', key: `${w.h1}/${w.beds}/2024-05`, version: 2, by: 'fixture' },
              message: `expected version 1, but ${w.h1}/${w.beds}/2024-05 is at version 2, changed by fixture`,
            },
            {
              path: ['values', 2, 'version'],
              code: 'write.version-not-stored',
              params: { expected: '1', key: `${w.h1}/${w.beds}/2024-06` },
              message: `expected version 1, but ${w.h1}/${w.beds}/2024-06 is not stored`,
            },
          ],
          current: [
            { index: 1, value: 41, note: null, version: 2, updatedBy: 'fixture', updatedAt: NOW },
            { index: 2, value: null, note: null, version: null, updatedBy: null, updatedAt: null },
          ],
        },
      ]);
      const stored = (await server.request('GET', `/api/data-values?orgUnit=${w.h2}`)).json<
        Page<DataValue>
      >();
      expect([after - before, events, stored.total]).toEqual([0, [], 0]);
    });

    it('lets exactly one of two concurrent writes of the same version win', async () => {
      const w = await world();
      const key = { orgUnit: w.h1, dataElement: w.beds, period: '2024-07' };
      await write([{ ...key, value: 1 }]);
      const outcomes = await Promise.all([
        write([{ ...key, value: 2, version: 1 }]),
        write([{ ...key, value: 3, version: 1 }]),
      ]);
      const stored = (await server.request('GET', `/api/data-values?orgUnit=${w.h1}&period=2024-07`)).json<
        Page<DataValue>
      >();
      const winner = outcomes.findIndex((r) => r.statusCode === 200);
      expect([
        outcomes.map((r) => r.statusCode).sort(),
        stored.items.map((v) => [v.value, v.version]),
      ]).toEqual([[200, 409], [[winner === 0 ? 2 : 3, 2]]]);
    });

    it('answers a batch with bad items with 400 naming each by index, and writes nothing', async () => {
      const w = await world();
      const { result, before, after } = await observe(server, rootScope(w.rootId), () =>
        write([
          { orgUnit: w.h1, dataElement: w.beds, period: '2024-01', value: 10 },
          { orgUnit: 'NOPE', dataElement: w.beds, period: '2024-01', value: 10 },
          { orgUnit: w.h1, dataElement: 'ghost', period: '2024-01', value: 10 },
          { orgUnit: w.h1, dataElement: w.beds, period: '2024-13', value: 10 },
          { orgUnit: w.h1, dataElement: w.beds, period: '2024Q1', value: 10 },
          { orgUnit: w.h1, dataElement: w.beds, period: '2024-02', value: 10.5 },
          { orgUnit: w.h1, dataElement: w.rate, period: '2024-02', value: -1 },
          { orgUnit: w.h1, dataElement: w.rate, period: '2024-03', value: 100.5 },
          { orgUnit: w.h1, dataElement: w.beds, period: '2024-01', value: 11 },
        ]),
      );
      expect([result.statusCode, result.json()]).toEqual([
        400,
        {
          type: 'validation',
          title: 'Invalid input',
          status: 400,
          code: 'data-value.batch-invalid',
          params: {},
          detail: 'Some values cannot be stored; nothing was stored.',
          issues: [
            {
              path: ['values', 1, 'orgUnit'],
              code: 'org-unit.unknown',
              params: { code: 'NOPE' },
              message: "there is no org unit 'NOPE'",
            },
            {
              path: ['values', 2, 'dataElement'],
              code: 'data-element.unknown',
              params: { code: 'ghost' },
              message: "there is no data element 'ghost'",
            },
            {
              path: ['values', 3, 'period'],
              code: 'data-value.not-a-month',
              params: { value: '2024-13' },
              message: "'2024-13' is not a period: use a month such as 2024-03",
            },
            {
              path: ['values', 4, 'period'],
              code: 'data-value.period-not-month',
              params: { code: w.beds, period: '2024Q1' },
              message: `'${w.beds}' is reported per month; '2024Q1' is not a month (quarters and years are computed from the months)`,
            },
            {
              path: ['values', 5, 'value'],
              code: 'data-value.not-whole',
              params: { code: w.beds, value: 10.5 },
              message: `'${w.beds}' holds whole numbers; got 10.5`,
            },
            {
              path: ['values', 6, 'value'],
              code: 'data-value.below-minimum',
              params: { value: -1, min: 0, code: w.rate },
              message: `-1 is below the minimum 0 of '${w.rate}'`,
            },
            {
              path: ['values', 7, 'value'],
              code: 'data-value.above-maximum',
              params: { value: 100.5, max: 100, code: w.rate },
              message: `100.5 is above the maximum 100 of '${w.rate}'`,
            },
            {
              path: ['values', 8],
              code: 'data-value.duplicate',
              params: { first: 0 },
              message: 'the same value as values[0]',
            },
          ],
        },
      ]);
      const stored = (await server.request('GET', `/api/data-values?orgUnit=${w.h1}`)).json<
        Page<DataValue>
      >();
      expect([stored.total, after - before]).toEqual([0, 0]);
    });

    it('answers a body of the wrong shape with 400 at each path', async () => {
      const response = await server.request('POST', '/api/data-values', {
        values: [
          { orgUnit: 'A', dataElement: 'b', value: '12' },
          { orgUnit: 'A', dataElement: 'b', period: '2024-01', value: 1, version: 0 },
        ],
      });
      expect(response.json()).toEqual({
        type: 'validation',
        title: 'Invalid input',
        status: 400,
        code: 'request.invalid-body',
        params: {},
        detail: 'The request body is not valid.',
        issues: [
          { path: ['values', 0, 'period'], code: 'zod.required', params: {}, message: 'required' },
          {
            path: ['values', 0, 'value'],
            code: 'zod.expected-number',
            params: { expected: 'number' },
            message: 'expected a number',
          },
          {
            path: ['values', 1, 'version'],
            code: 'zod.not-below',
            params: { minimum: 1 },
            message: 'must be at least 1',
          },
        ],
      });
    });

    it('bumps and announces each organisation once when a batch spans two', async () => {
      const a = await world();
      const b = await world();
      const mark = server.events.length;
      await write([
        { orgUnit: a.h1, dataElement: a.beds, period: '2024-01', value: 1 },
        { orgUnit: b.h1, dataElement: b.beds, period: '2024-01', value: 2 },
        { orgUnit: a.h2, dataElement: a.beds, period: '2024-01', value: 3 },
      ]);
      expect(
        server.events.slice(mark).map((e) => (e.kind === 'data-values' ? [e.rootId, e.values.length] : null)),
      ).toEqual(
        [
          [a.rootId, 2],
          [b.rootId, 1],
        ].sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0)),
      );
    });
  });

  describe('reading', () => {
    let w: World;
    beforeAll(async () => {
      w = await world();
      const department = w.tree.departments[0]?.[0] ?? '';
      await writeDataValues(server.ctx, FIXTURE_ACTOR, {
        values: [
          ...['2023-12', '2024-01', '2024-02', '2024-03'].map((period, i) => ({
            orgUnit: w.h1,
            dataElement: w.beds,
            period,
            value: 500 + i,
          })),
          { orgUnit: w.h2, dataElement: w.beds, period: '2024-01', value: 180 },
          { orgUnit: department, dataElement: w.beds, period: '2024-01', value: 40 },
          { orgUnit: w.h1, dataElement: w.rate, period: '2024-01', value: 91.5, comment: 'from HIS' },
        ],
      });
    });

    const read = async (query: string) =>
      (await server.request('GET', `/api/data-values?${query}`)).json<Page<DataValue>>();
    const keys = (page: Page<DataValue>) =>
      page.items.map((v) => `${v.orgUnit}/${v.dataElement}/${v.period}=${v.value}`);

    it('reads one unit’s values with their versions and who wrote them', async () => {
      const page = await read(`orgUnit=${w.h1}&dataElement=${w.rate}`);
      expect(page).toEqual({
        items: [
          {
            orgUnit: w.h1,
            dataElement: w.rate,
            period: '2024-01',
            value: 91.5,
            comment: 'from HIS',
            version: 1,
            updatedBy: 'fixture',
            updatedAt: NOW,
          },
        ],
        total: 1,
        limit: 100,
        offset: 0,
      });
    });

    it('reads a subtree with includeDescendants, filtered by element and period list', async () => {
      const department = w.tree.departments[0]?.[0] ?? '';
      const page = await read(
        `orgUnit=${w.tree.group}&includeDescendants=true&dataElement=${w.beds}&period=2024-01`,
      );
      expect(keys(page)).toEqual(
        [
          `${w.h1}/${w.beds}/2024-01=501`,
          `${w.h2}/${w.beds}/2024-01=180`,
          `${department}/${w.beds}/2024-01=40`,
        ].sort(),
      );
    });

    it('reads a range of periods from … to, a page at a time', async () => {
      const first = await read(`orgUnit=${w.h1}&dataElement=${w.beds}&from=2024-01&to=2024Q1&limit=2`);
      const second = await read(
        `orgUnit=${w.h1}&dataElement=${w.beds}&from=2024-01&to=2024Q1&limit=2&offset=2`,
      );
      expect([first.total, keys(first), keys(second)]).toEqual([
        3,
        [`${w.h1}/${w.beds}/2024-01=501`, `${w.h1}/${w.beds}/2024-02=502`],
        [`${w.h1}/${w.beds}/2024-03=503`],
      ]);
    });

    it('answers unknown codes with 404, and a bad period or an empty list with 400', async () => {
      const responses = await Promise.all([
        server.request('GET', '/api/data-values?orgUnit=NOPE'),
        server.request('GET', `/api/data-values?dataElement=${w.beds},ghost`),
        server.request('GET', '/api/data-values?period=2024-01,2024-14'),
        server.request('GET', '/api/data-values?dataElement=,'),
      ]);
      expect(responses.map((r) => [r.statusCode, r.json().code, r.json().detail, r.json().issues])).toEqual([
        [404, 'org-unit.not-found', "There is no org unit 'NOPE'.", []],
        [404, 'data-element.not-found', "There is no data element 'ghost'.", []],
        [
          400,
          'period.not-a-period',
          "'2024-14' is not a period: use 2024-03, 2024Q1 or 2024",
          [
            {
              path: ['period', 1],
              code: 'period.not-a-period',
              params: { value: '2024-14' },
              message: "'2024-14' is not a period: use 2024-03, 2024Q1 or 2024",
            },
          ],
        ],
        [
          400,
          'request.invalid-query',
          'The query string is not valid.',
          [
            {
              path: ['dataElement'],
              code: 'query.list-empty',
              params: {},
              message: 'give at least one value',
            },
          ],
        ],
      ]);
    });
  });
});
