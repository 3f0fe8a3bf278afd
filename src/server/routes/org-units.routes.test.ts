/**
 * `/api/org-units`, `/api/org-unit-groups` and `/api/periods` on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { uniqueCode } from '../../../test/fixtures/codes.ts';
import { changesOf, observe } from '../../../test/fixtures/observe.ts';
import { createOrgTree } from '../../../test/fixtures/org-units.ts';
import { createTestServer, type TestServer } from '../../../test/fixtures/server.ts';
import type { Page } from '../../core/contracts/common.ts';
import type { OrgUnit, OrgUnitGroup } from '../../core/contracts/org-units.ts';
import type { PeriodResource } from '../../core/contracts/periods.ts';
import { parsePeriod } from '../../core/periods/index.ts';
import { ensurePeriods } from '../../db/repositories/period.repository.ts';

const NOW = '2024-06-30T08:00:00.000Z';

describeEachEngine('org units, groups and periods over HTTP', (getDb) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(getDb());
  });
  afterAll(() => server.close());

  const codesOf = (page: Page<OrgUnit>) => page.items.map((unit) => unit.code);

  describe('org units', () => {
    it('creates a hospital under its group and returns it as stored', async () => {
      const group = uniqueCode('G');
      await server.request('POST', '/api/org-units', { code: group, name: { en: 'Group' }, type: 'group' });
      const code = uniqueCode('H');
      const response = await server.request('POST', '/api/org-units', {
        code,
        name: { en: 'AZ Hospital', zh: 'AZ医院' },
        type: 'hospital',
        role: 'head',
        parent: group,
        sortOrder: 3,
      });
      const expected: OrgUnit = {
        code,
        name: { en: 'AZ Hospital', zh: 'AZ医院' },
        type: 'hospital',
        role: 'head',
        parent: group,
        root: group,
        level: 2,
        sortOrder: 3,
        createdAt: NOW,
        updatedAt: NOW,
      };
      expect([response.statusCode, response.json()]).toEqual([201, expected]);
      expect((await server.request('GET', `/api/org-units/${code}`)).json()).toEqual(expected);
    });

    it('keeps a code that starts with a digit as the string it is (a CMS Certification Number, 010001)', async () => {
      // CMS Care Compare, hospital_info.csv: PROVIDER_ID 010001, Southeast Health Medical Center, Dothan AL.
      const response = await server.request('POST', '/api/org-units', {
        code: '010001',
        name: { en: 'Southeast Health Medical Center' },
        type: 'hospital',
      });
      expect([response.statusCode, response.json<OrgUnit>().code]).toEqual([201, '010001']);
      const read = await server.request('GET', '/api/org-units/010001');
      expect([read.statusCode, read.json<OrgUnit>().code, read.json<OrgUnit>().root]).toEqual([
        200,
        '010001',
        '010001',
      ]);
    });

    it('audits a creation, bumps the metadata counter and publishes a metadata event', async () => {
      const code = uniqueCode('G');
      const { result, before, after, events } = await observe(server, 'meta', () =>
        server.request('POST', '/api/org-units', { code, name: { en: 'Group' }, type: 'group' }),
      );
      expect([after - before, events]).toEqual([1, [{ kind: 'metadata', revision: after }]]);
      expect(await changesOf(server, 'org_unit', code)).toEqual([
        { action: 'create', oldValue: null, newValue: result.json() },
      ]);
    });

    it('changes names, role and sort order and audits old → new', async () => {
      const tree = await createOrgTree(server.ctx, { hospitals: 1, departmentsPerHospital: 0 });
      const code = tree.hospitals[0] ?? '';
      const before = (await server.request('GET', `/api/org-units/${code}`)).json<OrgUnit>();
      const response = await server.request('PATCH', `/api/org-units/${code}`, {
        name: { en: 'Renamed' },
        role: 'branch',
        sortOrder: 9,
      });
      const after = { ...before, name: { en: 'Renamed' }, role: 'branch', sortOrder: 9 };
      expect([response.statusCode, response.json()]).toEqual([200, after]);
      expect(await changesOf(server, 'org_unit', code)).toEqual([
        { action: 'create', oldValue: null, newValue: before },
        { action: 'update', oldValue: before, newValue: after },
      ]);
    });

    it('changes only the fields sent', async () => {
      const tree = await createOrgTree(server.ctx, { hospitals: 1, departmentsPerHospital: 0 });
      const code = tree.hospitals[0] ?? '';
      const before = (await server.request('GET', `/api/org-units/${code}`)).json<OrgUnit>();
      const response = await server.request('PATCH', `/api/org-units/${code}`, { sortOrder: 42 });
      expect(response.json()).toEqual({ ...before, sortOrder: 42 });
    });

    it('writes nothing when a change changes nothing', async () => {
      const tree = await createOrgTree(server.ctx, { hospitals: 1, departmentsPerHospital: 0 });
      const code = tree.hospitals[0] ?? '';
      const { result, before, after, events } = await observe(server, 'meta', () =>
        server.request('PATCH', `/api/org-units/${code}`, { sortOrder: 1 }),
      );
      expect([
        result.statusCode,
        after - before,
        events,
        (await changesOf(server, 'org_unit', code)).length,
      ]).toEqual([200, 0, [], 1]);
    });

    it('answers a bad body with 400 listing every issue with its path', async () => {
      const response = await server.request('POST', '/api/org-units', {
        code: '9 lives',
        name: { en: '' },
        type: 'ward',
        colour: 'red',
      });
      expect([response.statusCode, response.headers['content-type'], response.json()]).toEqual([
        400,
        'application/problem+json',
        {
          type: 'validation',
          title: 'Invalid input',
          status: 400,
          code: 'request.invalid-body',
          params: {},
          detail: 'The request body is not valid.',
          issues: [
            {
              path: ['code'],
              code: 'org-unit.code-format',
              params: {},
              message: 'must start with a letter, a digit or _ and hold only ASCII letters, digits, _ . -',
            },
            {
              path: ['name', 'en'],
              code: 'zod.too-short',
              params: { minimum: 1 },
              message: 'use at least 1 characters',
            },
            {
              path: ['type'],
              code: 'zod.invalid-value',
              params: { values: "'group', 'hospital', 'department', 'unit'" },
              message: "must be one of 'group', 'hospital', 'department', 'unit'",
            },
            {
              path: [],
              code: 'zod.unknown-fields',
              params: { keys: "'colour'" },
              message: "unknown field(s) 'colour'",
            },
          ],
        },
      ]);
    });

    it('answers an empty change with 400', async () => {
      const tree = await createOrgTree(server.ctx, { hospitals: 1, departmentsPerHospital: 0 });
      const response = await server.request('PATCH', `/api/org-units/${tree.group}`, {});
      expect(response.json().issues).toEqual([
        {
          path: [],
          code: 'org-unit.no-change',
          params: {},
          message: 'give at least one of name, role, sortOrder',
        },
      ]);
    });

    it('answers 404 for an unknown parent, unit or filter, and 409 for a code already used', async () => {
      const tree = await createOrgTree(server.ctx, { hospitals: 1, departmentsPerHospital: 0 });
      const orphan = await server.request('POST', '/api/org-units', {
        code: uniqueCode('D'),
        name: { en: 'Ward' },
        type: 'department',
        parent: 'NOPE',
      });
      const missing = await server.request('GET', '/api/org-units/NOPE');
      const filter = await server.request('GET', '/api/org-units?root=NOPE');
      const taken = await server.request('POST', '/api/org-units', {
        code: tree.group,
        name: { en: 'x' },
        type: 'group',
      });
      expect(
        [orphan, missing, filter, taken].map((r) => [r.statusCode, r.json().code, r.json().detail]),
      ).toEqual([
        [404, 'org-unit.parent-not-found', "There is no org unit 'NOPE' to be the parent."],
        [404, 'org-unit.not-found', "There is no org unit 'NOPE'."],
        [404, 'org-unit.not-found', "There is no org unit 'NOPE'."],
        [409, 'org-unit.exists', `An org unit '${tree.group}' already exists.`],
      ]);
    });

    it('filters the list by root, type, role, level, parent and text', async () => {
      const tree = await createOrgTree(server.ctx, { hospitals: 2, departmentsPerHospital: 2 });
      const [h1 = '', h2 = ''] = tree.hospitals;
      const list = async (query: string) =>
        codesOf((await server.request('GET', `/api/org-units?root=${tree.group}&${query}`)).json());
      expect({
        hospitals: await list('type=hospital'),
        heads: await list('role=head'),
        level3: await list('level=3'),
        underH2: await list(`parent=${h2}`),
        chinese: await list(`q=${encodeURIComponent('科室2.1')}`),
      }).toEqual({
        hospitals: [h1, h2],
        heads: [h1],
        level3: [...(tree.departments[0] ?? []), ...(tree.departments[1] ?? [])],
        underH2: tree.departments[1],
        chinese: [tree.departments[1]?.[0]],
      });
    });

    it('pages through a list with its total', async () => {
      const tree = await createOrgTree(server.ctx, { hospitals: 1, departmentsPerHospital: 5 });
      const pages = await Promise.all(
        [0, 2, 4].map(async (offset) =>
          (
            await server.request('GET', `/api/org-units?parent=${tree.hospitals[0]}&limit=2&offset=${offset}`)
          ).json(),
        ),
      );
      const departments = tree.departments[0] ?? [];
      expect(pages).toEqual([
        { items: expect.any(Array), total: 5, limit: 2, offset: 0 },
        { items: expect.any(Array), total: 5, limit: 2, offset: 2 },
        { items: expect.any(Array), total: 5, limit: 2, offset: 4 },
      ]);
      expect(pages.flatMap((page) => codesOf(page))).toEqual(departments);
    });

    it('refuses a page larger than 1000 and an unknown filter', async () => {
      const big = await server.request('GET', '/api/org-units?limit=1001');
      const typo = await server.request('GET', '/api/org-units?orgunit=X');
      expect([big.json(), typo.json().issues]).toEqual([
        {
          type: 'validation',
          title: 'Invalid input',
          status: 400,
          code: 'request.invalid-query',
          params: {},
          detail: 'The query string is not valid.',
          issues: [
            {
              path: ['limit'],
              code: 'zod.not-above',
              params: { maximum: 1000 },
              message: 'must be at most 1000',
            },
          ],
        },
        [
          {
            path: [],
            code: 'zod.unknown-fields',
            params: { keys: "'orgunit'" },
            message: "unknown field(s) 'orgunit'",
          },
        ],
      ]);
    });

    it('lists a unit’s children and its whole subtree', async () => {
      const tree = await createOrgTree(server.ctx, { hospitals: 2, departmentsPerHospital: 1 });
      const children = await server.request('GET', `/api/org-units/${tree.group}/children`);
      const subtree = await server.request('GET', `/api/org-units/${tree.hospitals[1]}/subtree`);
      expect([codesOf(children.json()), codesOf(subtree.json())]).toEqual([
        tree.hospitals,
        [tree.hospitals[1], ...(tree.departments[1] ?? [])],
      ]);
    });
    it('names the units above a unit, top first, also to a reader whose scope starts below them', async () => {
      const tree = await createOrgTree(server.ctx, { hospitals: 2, departmentsPerHospital: 1 });
      const department = tree.departments[1]?.[0] ?? '';
      const viewer = await server.sessionWith([{ role: 'viewer', orgUnit: department }]);
      const mine = await server.requestAs(viewer, 'GET', `/api/org-units/${department}/ancestors`);
      const top = await server.request('GET', `/api/org-units/${tree.group}/ancestors`);
      const sibling = await server.requestAs(viewer, 'GET', `/api/org-units/${tree.hospitals[0]}/ancestors`);
      const ancestors = (mine.json() as { ancestors: OrgUnit[] }).ancestors;
      expect([
        mine.statusCode,
        ancestors.map((unit) => [unit.code, unit.type, unit.parent]),
        top.json(),
        sibling.statusCode,
      ]).toEqual([
        200,
        [
          [tree.group, 'group', null],
          [tree.hospitals[1], 'hospital', tree.group],
        ],
        { ancestors: [] },
        403,
      ]);
    });
  });

  describe('org-unit groups', () => {
    it('creates a group with its members sorted and audits it', async () => {
      const tree = await createOrgTree(server.ctx, { hospitals: 2, departmentsPerHospital: 0 });
      const code = uniqueCode('BR');
      const response = await server.request('POST', '/api/org-unit-groups', {
        code,
        name: { en: 'Branches', zh: '分院' },
        members: [...tree.hospitals].reverse(),
      });
      const expected: OrgUnitGroup = {
        code,
        name: { en: 'Branches', zh: '分院' },
        members: [...tree.hospitals],
        createdAt: NOW,
      };
      expect([response.statusCode, response.json()]).toEqual([201, expected]);
      expect(await changesOf(server, 'org_unit_group', code)).toEqual([
        { action: 'create', oldValue: null, newValue: expected },
      ]);
    });

    it('takes a group code that starts with a digit', async () => {
      const code = uniqueCode('7');
      const response = await server.request('POST', '/api/org-unit-groups', { code, name: { en: 'Tier 7' } });
      expect([response.statusCode, response.json<OrgUnitGroup>().code]).toEqual([201, code]);
    });

    it('answers unknown members with 400 naming each by index, and stores nothing', async () => {
      const tree = await createOrgTree(server.ctx, { hospitals: 1, departmentsPerHospital: 0 });
      const code = uniqueCode('BR');
      const response = await server.request('POST', '/api/org-unit-groups', {
        code,
        name: { en: 'Branches' },
        members: [tree.hospitals[0], 'NOPE1', 'NOPE2'],
      });
      expect([
        response.statusCode,
        response.json(),
        (await server.request('GET', `/api/org-unit-groups/${code}`)).statusCode,
      ]).toEqual([
        400,
        {
          type: 'validation',
          title: 'Invalid input',
          status: 400,
          code: 'org-unit.members-invalid',
          params: {},
          detail: 'Some members are not org units.',
          issues: [
            {
              path: ['members', 1],
              code: 'org-unit.unknown',
              params: { code: 'NOPE1' },
              message: "there is no org unit 'NOPE1'",
            },
            {
              path: ['members', 2],
              code: 'org-unit.unknown',
              params: { code: 'NOPE2' },
              message: "there is no org unit 'NOPE2'",
            },
          ],
        },
        404,
      ]);
    });

    it('replaces the members and audits old → new', async () => {
      const tree = await createOrgTree(server.ctx, { hospitals: 3, departmentsPerHospital: 0 });
      const [h1 = '', h2 = '', h3 = ''] = tree.hospitals;
      const code = uniqueCode('BR');
      const created = (
        await server.request('POST', '/api/org-unit-groups', { code, name: { en: 'Set' }, members: [h1, h2] })
      ).json<OrgUnitGroup>();
      const response = await server.request('PATCH', `/api/org-unit-groups/${code}`, { members: [h3, h2] });
      const updated = { ...created, members: [h2, h3] };
      expect(response.json()).toEqual(updated);
      expect(await changesOf(server, 'org_unit_group', code)).toEqual([
        { action: 'create', oldValue: null, newValue: created },
        { action: 'update', oldValue: created, newValue: updated },
      ]);
    });

    it('lists groups by text with their members, and answers 404 for an unknown one', async () => {
      const tree = await createOrgTree(server.ctx, { hospitals: 1, departmentsPerHospital: 0 });
      const code = uniqueCode('QQ');
      await server.request('POST', '/api/org-unit-groups', {
        code,
        name: { en: 'Quality circle' },
        members: tree.hospitals,
      });
      const list = await server.request('GET', `/api/org-unit-groups?q=${code}`);
      const missing = await server.request('GET', '/api/org-unit-groups/NOPE');
      expect([list.json(), missing.statusCode]).toEqual([
        {
          items: [{ code, name: { en: 'Quality circle' }, members: tree.hospitals, createdAt: NOW }],
          total: 1,
          limit: 100,
          offset: 0,
        },
        404,
      ]);
    });
  });

  describe('periods', () => {
    it.each([
      [
        '2024q1',
        {
          id: '2024Q1',
          type: 'quarter',
          year: 2024,
          index: 1,
          startDate: '2024-01-01',
          endDate: '2024-03-31',
        },
      ],
      [
        '2024-02',
        {
          id: '2024-02',
          type: 'month',
          year: 2024,
          index: 2,
          startDate: '2024-02-01',
          endDate: '2024-02-29',
        },
      ],
      [
        '2023',
        { id: '2023', type: 'year', year: 2023, index: 1, startDate: '2023-01-01', endDate: '2023-12-31' },
      ],
    ])('reads the period %s', async (id, expected) => {
      const response = await server.request('GET', `/api/periods/${id}`);
      expect([response.statusCode, response.json()]).toEqual([200, expected]);
    });

    it('answers a period id that is not one with 400', async () => {
      const response = await server.request('GET', '/api/periods/2024-13');
      expect(response.json()).toEqual({
        type: 'bad-request',
        title: 'Bad request',
        status: 400,
        code: 'period.not-a-period',
        params: { value: '2024-13' },
        detail: "'2024-13' is not a period: use 2024-03, 2024Q1 or 2024",
        issues: [
          {
            path: ['id'],
            code: 'period.not-a-period',
            params: { value: '2024-13' },
            message: "'2024-13' is not a period: use 2024-03, 2024Q1 or 2024",
          },
        ],
      });
    });

    it('lists the stored periods in time order, by type and range', async () => {
      await ensurePeriods(
        getDb().kysely,
        ['1931-01', '1931-02', '1931Q1', '1931', '1932-01'].map((id) => parsePeriod(id)),
      );
      const ids = async (query: string) =>
        (await server.request('GET', `/api/periods?${query}`))
          .json<Page<PeriodResource>>()
          .items.map((p) => p.id);
      expect({
        all: await ids('from=1931-01&to=1931'),
        months: await ids('from=1931-01&to=1931&type=month'),
        secondPage: await ids('from=1931-01&to=1932-12&limit=2&offset=2'),
      }).toEqual({
        all: ['1931-01', '1931Q1', '1931', '1931-02'],
        months: ['1931-01', '1931-02'],
        secondPage: ['1931', '1931-02'],
      });
    });
  });
});
