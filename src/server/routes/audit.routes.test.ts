/**
 * `/api/audit` on PGlite and PostgreSQL: the trail of every write, newest first, filtered; read-only.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { createOrgTree, type OrgTree } from '../../../test/fixtures/org-units.ts';
import { createTestServer, TEST_ADMIN, type TestServer } from '../../../test/fixtures/server.ts';
import type { AuditEntryResource } from '../../core/contracts/audit.ts';
import type { Page } from '../../core/contracts/common.ts';

describeEachEngine('the audit trail over HTTP', (getDb) => {
  let server: TestServer;
  let tree: OrgTree;
  let startedAt: Date;
  beforeAll(async () => {
    server = await createTestServer(getDb());
    startedAt = new Date(Date.now() - 60_000);
    // Written by the fixture actor through the service, then two changes over HTTP by the test admin.
    tree = await createOrgTree(server.ctx, { hospitals: 2, departmentsPerHospital: 1 });
    await server.request('PATCH', `/api/org-units/${tree.hospitals[0]}`, { sortOrder: 5 });
    await server.request('PATCH', `/api/org-units/${tree.departments[1]?.[0]}`, {
      name: { en: 'Cardiology' },
    });
  });
  afterAll(() => server.close());

  const list = async (query: string) =>
    (await server.request('GET', `/api/audit?${query}`)).json<Page<AuditEntryResource>>();
  const summary = (page: Page<AuditEntryResource>) =>
    page.items.map((e) => `${e.action} ${e.entityKey} by ${e.actor}`);

  it('records who changed what from where, newest first', async () => {
    const page = await list(`entity=org_unit&entityKey=${tree.hospitals[0]}`);
    expect(
      page.items.map(({ id: _id, occurredAt: _at, oldValue: _o, newValue: _n, ...rest }) => rest),
    ).toEqual([
      {
        actor: TEST_ADMIN.email,
        address: '127.0.0.1',
        action: 'update',
        entity: 'org_unit',
        entityKey: tree.hospitals[0],
        reason: null,
        orgUnit: tree.hospitals[0],
      },
      {
        actor: 'fixture',
        address: null,
        action: 'create',
        entity: 'org_unit',
        entityKey: tree.hospitals[0],
        reason: null,
        orgUnit: tree.hospitals[0],
      },
    ]);
  });

  it('filters by org unit, with or without its subtree, and by actor', async () => {
    const h2 = tree.hospitals[1] ?? '';
    const department = tree.departments[1]?.[0] ?? '';
    expect({
      unit: summary(await list(`orgUnit=${h2}`)),
      subtree: summary(await list(`orgUnit=${h2}&includeDescendants=true`)),
      adminInTree: summary(
        await list(`orgUnit=${tree.group}&includeDescendants=true&actor=${TEST_ADMIN.email}`),
      ),
    }).toEqual({
      unit: [`create ${h2} by fixture`],
      subtree: [
        `update ${department} by ${TEST_ADMIN.email}`,
        `create ${department} by fixture`,
        `create ${h2} by fixture`,
      ],
      adminInTree: [
        `update ${department} by ${TEST_ADMIN.email}`,
        `update ${tree.hospitals[0]} by ${TEST_ADMIN.email}`,
      ],
    });
  });

  it('searches a value of a change, whatever its case', async () => {
    const department = tree.departments[1]?.[0] ?? '';
    expect(summary(await list('q=cardiOLOGY'))).toEqual([`update ${department} by ${TEST_ADMIN.email}`]);
  });

  it('searches a LIKE wildcard as itself', async () => {
    expect((await list('q=%25')).total).toBe(0);
  });

  it('filters by time and pages newest first', async () => {
    const inTree = `orgUnit=${tree.group}&includeDescendants=true`;
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const all = await list(`${inTree}&from=${startedAt.toISOString()}`);
    const none = await list(`${inTree}&from=${future}`);
    const before = await list(`${inTree}&to=${startedAt.toISOString()}`);
    const page = await list(`${inTree}&limit=2&offset=1`);
    expect([all.total, none.total, before.total, page.items.map((e) => e.id)]).toEqual([
      7,
      0,
      0,
      all.items.slice(1, 3).map((e) => e.id),
    ]);
    expect(all.items.map((e) => e.id)).toEqual([...all.items.map((e) => e.id)].sort((a, b) => b - a));
  });

  it('answers a bad time with 400 and an unknown org unit with 404', async () => {
    const bad = await server.request('GET', '/api/audit?from=yesterday');
    const unknown = await server.request('GET', '/api/audit?orgUnit=NOPE');
    expect([bad.json().issues, unknown.statusCode]).toEqual([
      [
        {
          path: ['from'],
          code: 'zod.invalid-format',
          params: { format: 'datetime' },
          message: 'not a valid datetime',
        },
      ],
      404,
    ]);
  });

  it('offers no way to alter or delete audit rows', async () => {
    const responses = await Promise.all(
      (['DELETE', 'PUT', 'PATCH', 'POST'] as const).map((method) => server.request(method, '/api/audit', {})),
    );
    expect(responses.map((r) => r.statusCode)).toEqual([404, 404, 404, 404]);
  });
});
