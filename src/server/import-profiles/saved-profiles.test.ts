/**
 * Saved, versioned mapping profiles over HTTP on PGlite and PostgreSQL: the first save is version 1, a changed
 * profile version 2 with its reason (version 1 still readable), the same profile saved again adds nothing; the
 * profile file goes out and comes back in; stewards save, viewers read only; saves are audited and versions
 * cannot be changed in the database.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { uniqueCode } from '../../../test/fixtures/codes.ts';
import { auditOf } from '../../../test/fixtures/observe.ts';
import { createTestServer, type TestServer } from '../../../test/fixtures/server.ts';
import type { ImportProfileInput, SavedProfile } from '../../core/contracts/import-profiles.ts';

const profileOf = (code: string, scale = 1): ImportProfileInput => ({
  format: 'healthbsc/profile@1',
  code,
  name: { en: 'NHS A&E', zh: '英格兰急诊' },
  unit: { column: 'nhs_trust22_code' },
  period: { column: 'date', format: 'month-name', type: 'month' },
  values: [{ column: 'total_attendances', dataElement: 'ae_attendances', scale }],
});

describeEachEngine('saved mapping profiles', (getDb) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(getDb());
  });
  afterAll(() => server.close());

  async function saveTwice(code: string) {
    const first = await server.request('POST', '/api/import-profiles', { profile: profileOf(code) });
    const second = await server.request('POST', `/api/import-profiles/${code}/versions`, {
      profile: profileOf(code, 100),
      reason: 'percentages',
    });
    return { first, second };
  }

  describe('versions', () => {
    it('saves the first version (201) and a changed profile as version 2 with its reason', async () => {
      const code = uniqueCode('p');
      const { first, second } = await saveTwice(code);
      const saved = second.json<SavedProfile>();
      expect([first.statusCode, second.statusCode, saved.version, saved.reason]).toEqual([
        201,
        201,
        2,
        'percentages',
      ]);
    });

    it('keeps version 1 as it was', async () => {
      const code = uniqueCode('p');
      await saveTwice(code);
      const one = (
        await server.request('GET', `/api/import-profiles/${code}?version=1`)
      ).json<SavedProfile>();
      expect([one.version, one.profile.values[0]?.scale, one.versions.map((v) => v.version)]).toEqual([
        1,
        1,
        [2, 1],
      ]);
    });

    it('adds no version when the same profile is saved again (200)', async () => {
      const code = uniqueCode('p');
      await server.request('POST', '/api/import-profiles', { profile: profileOf(code) });
      const again = await server.request('POST', '/api/import-profiles', { profile: profileOf(code) });
      expect([again.statusCode, again.json<SavedProfile>().versions.length]).toEqual([200, 1]);
    });

    it('lists each profile with its latest version and name', async () => {
      const code = uniqueCode('p');
      await saveTwice(code);
      const list = (await server.request('GET', '/api/import-profiles')).json<{
        items: { code: string; version: number; versions: number; name: { en: string } | null }[];
      }>();
      const item = list.items.find((i) => i.code === code);
      expect([item?.version, item?.versions, item?.name?.en]).toEqual([2, 2, 'NHS A&E']);
    });

    it('answers 404 naming a version that does not exist', async () => {
      const code = uniqueCode('p');
      await server.request('POST', '/api/import-profiles', { profile: profileOf(code) });
      const response = await server.request('GET', `/api/import-profiles/${code}?version=7`);
      expect([response.statusCode, response.json<{ code: string }>().code]).toEqual([
        404,
        'import-profile.version-not-found',
      ]);
    });

    it('refuses a new version whose profile has another code', async () => {
      const code = uniqueCode('p');
      await server.request('POST', '/api/import-profiles', { profile: profileOf(code) });
      const response = await server.request('POST', `/api/import-profiles/${code}/versions`, {
        profile: profileOf(uniqueCode('other')),
      });
      expect([response.statusCode, response.json<{ code: string }>().code]).toEqual([
        400,
        'import-profile.code-mismatch',
      ]);
    });
  });

  describe('the profile file', () => {
    it('exports the saved profile as its file and imports it back as the same profile (no new version)', async () => {
      const code = uniqueCode('p');
      await saveTwice(code);
      const file = await server.request('GET', `/api/import-profiles/${code}/file`);
      const back = await server.request('POST', '/api/import-profiles/files', { file: file.body });
      expect([
        file.headers['content-disposition']?.toString().includes(`${code}.v2.profile.json`),
        JSON.parse(file.body).values[0].scale,
        back.statusCode,
        back.json<SavedProfile>().version,
      ]).toEqual([true, 100, 200, 2]);
    });

    it('imports a file of a new code as its version 1', async () => {
      const code = uniqueCode('p');
      const response = await server.request('POST', '/api/import-profiles/files', {
        file: JSON.stringify(profileOf(code)),
        reason: 'from the NHS example',
      });
      const saved = response.json<SavedProfile>();
      expect([response.statusCode, saved.code, saved.version, saved.reason]).toEqual([
        201,
        code,
        1,
        'from the NHS example',
      ]);
    });

    it('refuses a file that is no profile, naming the field', async () => {
      const response = await server.request('POST', '/api/import-profiles/files', {
        file: JSON.stringify({ format: 'healthbsc/profile@1', code: 'x' }),
      });
      const body = response.json<{ code: string; issues: { path: (string | number)[] }[] }>();
      expect([response.statusCode, body.code, body.issues[0]?.path]).toEqual([
        400,
        'import-profile.not-a-profile',
        ['unit'],
      ]);
    });
  });

  describe('who', () => {
    it('lets a data steward save and a viewer read but not save', async () => {
      const code = uniqueCode('p');
      const steward = await server.sessionWith([{ role: 'steward', orgUnit: null }]);
      const viewer = await server.sessionWith([{ role: 'viewer', orgUnit: null }]);
      const saved = await server.requestAs(steward, 'POST', '/api/import-profiles', {
        profile: profileOf(code),
      });
      const read = await server.requestAs(viewer, 'GET', `/api/import-profiles/${code}`);
      const refused = await server.requestAs(viewer, 'POST', `/api/import-profiles/${code}/versions`, {
        profile: profileOf(code, 2),
      });
      expect([saved.statusCode, read.statusCode, refused.statusCode]).toEqual([201, 200, 403]);
    });

    it('audits each save with the version, the old and the new profile and the reason', async () => {
      const code = uniqueCode('p');
      await saveTwice(code);
      const rows = await auditOf(server, 'import_profile', `${code}@2`);
      expect(
        rows.map((r) => [
          r.action,
          r.reason,
          (r.newValue as { values: { scale: number }[] }).values[0]?.scale,
        ]),
      ).toEqual([['update', 'percentages', 100]]);
    });
  });

  it('refuses to change a saved version in the database (append-only)', async () => {
    const code = uniqueCode('p');
    await server.request('POST', '/api/import-profiles', { profile: profileOf(code) });
    await expect(
      sql`update import_profile_version set reason = 'rewritten'`.execute(server.ctx.db.kysely),
    ).rejects.toThrow(/append-only/);
  });
});
