/**
 * The indicator library over HTTP on PGlite and PostgreSQL: the built-in entries searched in Chinese, an own
 * entry added by the performance office and seen by a viewer, changed, deleted, audited; built-in entries are
 * read-only. (401/403 for every role: src/server/authorization-matrix.test.ts.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { createTestServer, type TestServer } from '../../../test/fixtures/server.ts';
import type { LibraryEntryBody, LibraryList } from '../../core/contracts/indicator-library.ts';

const OWN: LibraryEntryBody = {
  name: { en: 'Beds per nurse', zh: '床护比' },
  definition: { en: 'Open beds ÷ ward nurses', zh: '实际开放床位数 ÷ 病区护士数' },
  numerator: { en: 'Open beds', zh: '实际开放床位数' },
  denominator: { en: 'Ward nurses', zh: '病区护士数' },
  perspective: 'learning',
  category: { en: 'Staffing', zh: '人力配置' },
  kind: 'quantitative',
  direction: 'lower',
  unit: { en: 'beds per nurse', zh: '床/人' },
  periodType: 'year',
  formula: { numerator: 'open_beds', denominator: 'ward_nurses', factor: 1 },
  scoring: null,
  dataElements: [
    { code: 'open_beds', name: { en: 'Beds actually open', zh: '实际开放床位数' }, valueType: 'integer' },
    { code: 'ward_nurses', name: { en: 'Ward nurses', zh: '病区护士数' }, valueType: 'integer' },
  ],
  reference: 'Provincial nursing quality standard',
};

describeEachEngine('indicator library API', (getDb) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await createTestServer(getDb());
  });
  afterAll(() => server.close());

  async function search(q: string): Promise<LibraryList> {
    const response = await server.request('GET', `/api/indicator-library?q=${encodeURIComponent(q)}`);
    return response.json<LibraryList>();
  }

  it('finds 门诊次均费用增幅 among the built-in entries with its English name', async () => {
    const list = await search('门诊次均费用增幅');
    expect(list.entries.map((e) => [e.id, e.name.en])).toEqual([
      ['cn-tertiary-38', 'Growth of average cost per outpatient visit'],
    ]);
  });

  it('lists the 56 Chinese appraisal indicators by source', async () => {
    const response = await server.request('GET', '/api/indicator-library?source=cn-tertiary');
    expect(response.json<LibraryList>().total).toBe(56);
  });

  it('adds an own entry that a viewer then finds, marked custom', async () => {
    const created = await server.request('POST', '/api/indicator-library', OWN);
    const viewer = await server.sessionWith([{ role: 'viewer', orgUnit: null }]);
    const listed = await server.requestAs(
      viewer,
      'GET',
      '/api/indicator-library?q=%E5%BA%8A%E6%8A%A4%E6%AF%94',
    );
    const entries = listed.json<LibraryList>().entries;
    expect([created.statusCode, entries.map((e) => [e.id, e.source])]).toEqual([
      201,
      [[created.json<{ id: string }>().id, 'custom']],
    ]);
  });

  it('changes an own entry', async () => {
    const id = (await server.request('POST', '/api/indicator-library', OWN)).json<{ id: string }>().id;
    const changed = await server.request('PUT', `/api/indicator-library/${id}`, {
      ...OWN,
      name: { en: 'Beds per ward nurse', zh: '床护比（病区）' },
    });
    expect(changed.json<{ name: { zh: string } }>().name.zh).toBe('床护比（病区）');
  });

  it('deletes an own entry, which is then gone', async () => {
    const id = (await server.request('POST', '/api/indicator-library', OWN)).json<{ id: string }>().id;
    const deleted = await server.request('DELETE', `/api/indicator-library/${id}`);
    const again = await server.request('DELETE', `/api/indicator-library/${id}`);
    expect([deleted.statusCode, again.statusCode, again.json<{ code: string }>().code]).toEqual([
      204,
      404,
      'indicator-library.not-found',
    ]);
  });

  it('refuses to change a built-in entry with 400 and a code', async () => {
    const response = await server.request('PUT', '/api/indicator-library/cn-tertiary-38', OWN);
    expect([response.statusCode, response.json<{ code: string }>().code]).toEqual([
      400,
      'indicator-library.built-in-read-only',
    ]);
  });

  it('refuses an entry without its Chinese name with 400', async () => {
    const response = await server.request('POST', '/api/indicator-library', {
      ...OWN,
      name: { en: 'Beds per nurse' },
    });
    expect(response.statusCode).toBe(400);
  });

  it('audits the creation of an own entry', async () => {
    const id = (await server.request('POST', '/api/indicator-library', OWN)).json<{ id: string }>().id;
    const rows = await server.ctx.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('entity', '=', 'library_entry')
      .where('entity_key', '=', id)
      .execute();
    expect(rows).toEqual([{ action: 'create', entity: 'library_entry' }]);
  });
});
