/**
 * The user directory (`GET /api/users/directory`): whom a signed-in user may pick as an owner or a collaborator.
 * The world: a group with hospitals H1, H2, two departments each; users over D1.1, D1.2, H1, D2.1, the whole
 * installation, none, and a disabled one over D1.1. Every listed user's e-mail starts with the world's prefix, so
 * `q` keeps other suites' users out.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { createTestUser, TEST_PASSWORD } from '../../../test/fixtures/accounts.ts';
import { createOrgTree, type OrgTree } from '../../../test/fixtures/org-units.ts';
import {
  createTestServer,
  FIXTURE_ACTOR,
  type TestServer,
  type TestSession,
} from '../../../test/fixtures/server.ts';
import { findUserByEmail } from '../../db/repositories/user.repository.ts';
import { createUser, updateUserById } from './users.service.ts';

interface DirectoryPage {
  items: { id: number; email: string; name: string | null; units: string[] }[];
  total: number;
}

describeEachEngine('the user directory', (getDb) => {
  let server: TestServer;
  let tree: OrgTree;
  let head: TestSession;
  const prefix = 'dirw';
  const emails: Record<string, string> = {};

  beforeAll(async () => {
    server = await createTestServer(getDb());
    tree = await createOrgTree(server.ctx, { prefix: 'DIR' });
    const [h1 = '', h2 = ''] = tree.hospitals;
    const [d11 = '', d12 = ''] = tree.departments[0] ?? [];
    const [d21 = ''] = tree.departments[1] ?? [];
    // The letter after the prefix orders the e-mails (the directory lists unnamed users by e-mail).
    emails.d11 = await createTestUser(server.ctx, [{ role: 'entry', orgUnit: d11 }], `${prefix}a`);
    emails.d12 = await createTestUser(server.ctx, [{ role: 'entry', orgUnit: d12 }], `${prefix}b`);
    emails.h1 = await createTestUser(
      server.ctx,
      [
        { role: 'strategist', orgUnit: h1 },
        { role: 'viewer', orgUnit: h2 },
      ],
      `${prefix}c`,
    );
    emails.d21 = await createTestUser(server.ctx, [{ role: 'entry', orgUnit: d21 }], `${prefix}d`);
    emails.wide = await createTestUser(server.ctx, [{ role: 'viewer', orgUnit: null }], `${prefix}e`);
    emails.none = await createTestUser(server.ctx, [], `${prefix}f`);
    emails.disabled = await createTestUser(server.ctx, [{ role: 'entry', orgUnit: d11 }], `${prefix}g`);
    const disabled = await findUserByEmail(server.ctx.db.kysely, emails.disabled);
    await updateUserById(server.ctx, FIXTURE_ACTOR, { id: disabled?.id ?? 0, changes: { disabled: true } });
    head = await server.signIn(
      await createTestUser(server.ctx, [{ role: 'approver', orgUnit: d11 }], 'head'),
      TEST_PASSWORD,
    );
  });
  afterAll(() => server.close());

  const list = async (session: TestSession | null, query: string) => {
    const response = await server.requestAs(session, 'GET', `/api/users/directory?${query}`);
    return { status: response.statusCode, body: response.json<DirectoryPage>() };
  };
  const emailsOf = (page: DirectoryPage) => page.items.map((user) => user.email);

  it('shows a department head the users of their department, those above it and installation-wide ones', async () => {
    const { body } = await list(head, `q=${prefix}`);
    expect(emailsOf(body)).toEqual([emails.d11, emails.h1, emails.wide]);
  });

  it('shows an installation admin every enabled user, those without a role included', async () => {
    const { body } = await list(await server.adminSession(), `q=${prefix}`);
    expect(emailsOf(body)).toEqual([emails.d11, emails.d12, emails.h1, emails.d21, emails.wide, emails.none]);
  });

  it("narrows to the users overlapping one unit's subtree with unit", async () => {
    const [d21 = ''] = tree.departments[1] ?? [];
    const { body } = await list(await server.adminSession(), `q=${prefix}&unit=${d21}`);
    expect(emailsOf(body)).toEqual([emails.h1, emails.d21, emails.wide]);
  });

  it('answers 403 naming the unit when unit is outside the caller’s scope', async () => {
    const [d21 = ''] = tree.departments[1] ?? [];
    const response = await server.requestAs(head, 'GET', `/api/users/directory?unit=${d21}`);
    expect([response.statusCode, response.json()]).toEqual([
      403,
      {
        type: 'forbidden',
        title: 'Forbidden',
        status: 403,
        code: 'access.no-access-to-unit',
        params: { code: d21 },
        detail: `You have no access to org unit '${d21}'.`,
        issues: [],
      },
    ]);
  });

  it('answers 404 for an unknown unit', async () => {
    const { status } = await list(head, 'unit=NO_SUCH_UNIT');
    expect(status).toBe(404);
  });

  it('answers 401 without a session', async () => {
    const { status } = await list(null, `q=${prefix}`);
    expect(status).toBe(401);
  });

  it('finds users by a part of their name in any case, Chinese names too', async () => {
    const [d11 = ''] = tree.departments[0] ?? [];
    for (const [email, name] of [
      ['zhang.wei@dir.example', 'Zhang Wei'],
      ['li.na@dir.example', '李娜'],
    ] as const) {
      await createUser(server.ctx, FIXTURE_ACTOR, {
        email,
        name,
        password: TEST_PASSWORD,
        assignments: [{ role: 'entry', orgUnit: d11 }],
      });
    }
    const [latin, chinese] = [(await list(head, 'q=zHANG%20w')).body, (await list(head, 'q=李')).body];
    expect([latin.items.map((u) => u.name), chinese.items.map((u) => u.name)]).toEqual([
      ['Zhang Wei'],
      ['李娜'],
    ]);
  });

  it('lists each user with the codes of their assignments’ units', async () => {
    const [h1 = '', h2 = ''] = tree.hospitals;
    const { body } = await list(head, `q=${emails.h1 ?? ''}`);
    expect(body.items).toEqual([
      { id: expect.any(Number), email: emails.h1, name: null, units: [h1, h2].sort() },
    ]);
  });

  it('answers a page with the total', async () => {
    const { body } = await list(await server.adminSession(), `q=${prefix}&limit=2&offset=1`);
    expect([emailsOf(body), body.total]).toEqual([[emails.d12, emails.h1], 6]);
  });
});
