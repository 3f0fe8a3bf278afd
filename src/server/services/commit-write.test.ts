/**
 * `commitWrite`: one transaction for the change, its audit rows and its change counters; events only after the
 * commit; nothing at all when the work fails.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { uniqueCode } from '../../../test/fixtures/codes.ts';
import { revisionOf } from '../../../test/fixtures/observe.ts';
import { createTestServer, FIXTURE_ACTOR, type TestServer } from '../../../test/fixtures/server.ts';
import { META_SCOPE, rootScope } from '../../db/repositories/change-counter.repository.ts';
import { findOrgUnitByCode, insertOrgUnit } from '../../db/repositories/org-unit.repository.ts';
import { commitWrite } from './commit-write.ts';

describeEachEngine('commitWrite', (getDb) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(getDb());
  });
  afterAll(() => server.close());

  const newUnit = (code: string) => ({
    parentId: null,
    code,
    nameEn: 'Unit',
    nameZh: null,
    type: 'group' as const,
    role: null,
    sortOrder: 0,
    now: server.ctx.now(),
  });

  const auditRowsFor = async (code: string) =>
    getDb()
      .kysely.selectFrom('audit_log')
      .select(['actor', 'action'])
      .where('entity_key', '=', code)
      .execute();

  it('rolls back the change, its audit rows and its counter when the work fails, and publishes nothing', async () => {
    const code = uniqueCode('RB');
    const before = await revisionOf(server, META_SCOPE);
    const mark = server.events.length;
    const attempt = commitWrite(server.ctx, FIXTURE_ACTOR, async (trx) => {
      await insertOrgUnit(trx, newUnit(code));
      await trx
        .insertInto('audit_log')
        .values({ actor: 'fixture', action: 'create', entity: 'org_unit', entity_key: code })
        .execute();
      throw new Error('the second half failed');
    });
    await expect(attempt).rejects.toThrow('the second half failed');
    expect([
      await findOrgUnitByCode(getDb().kysely, code),
      await auditRowsFor(code),
      await revisionOf(server, META_SCOPE),
      server.events.slice(mark),
    ]).toEqual([undefined, [], before, []]);
  });

  it('commits the change with its audit rows and counter, then publishes an event that sees the commit', async () => {
    const code = uniqueCode('OK');
    let seenByListener: unknown = 'not called';
    const unsubscribe = server.ctx.changes.subscribe(() => {
      seenByListener = findOrgUnitByCode(getDb().kysely, code).then((unit) => unit?.code);
    });
    try {
      const revision = await commitWrite(server.ctx, FIXTURE_ACTOR, async (trx) => {
        await insertOrgUnit(trx, newUnit(code));
        return {
          result: 'done',
          audit: [{ action: 'create', entity: 'org_unit', entityKey: code }],
          touched: [{ kind: 'metadata' }, { kind: 'metadata' }],
        };
      });
      expect([revision, await seenByListener, await auditRowsFor(code)]).toEqual([
        'done',
        code,
        [{ actor: 'fixture', action: 'create' }],
      ]);
    } finally {
      unsubscribe();
    }
  });

  it('bumps a scope once when several changes touch it, and announces each kind with that revision', async () => {
    const rootId = 987_654;
    const before = await revisionOf(server, rootScope(rootId));
    const mark = server.events.length;
    await commitWrite(server.ctx, FIXTURE_ACTOR, async () => ({
      result: null,
      audit: [],
      touched: [
        {
          kind: 'data-values',
          rootId,
          values: [{ orgUnitId: 1, dataElementId: 2, periodId: '2024-01', value: 3 }],
        },
        { kind: 'root-inputs', rootId },
        {
          kind: 'data-values',
          rootId,
          values: [{ orgUnitId: 1, dataElementId: 2, periodId: '2024-02', value: null }],
        },
      ],
    }));
    const revision = before + 1;
    expect([await revisionOf(server, rootScope(rootId)), server.events.slice(mark)]).toEqual([
      revision,
      [
        {
          kind: 'data-values',
          rootId,
          revision,
          values: [
            { orgUnitId: 1, dataElementId: 2, periodId: '2024-01', value: 3 },
            { orgUnitId: 1, dataElementId: 2, periodId: '2024-02', value: null },
          ],
        },
        { kind: 'root-inputs', rootId, revision },
      ],
    ]);
  });

  it('turns a row another writer inserted first into a 409', async () => {
    const code = uniqueCode('DUP');
    await insertOrgUnit(getDb().kysely, newUnit(code));
    const attempt = commitWrite(server.ctx, FIXTURE_ACTOR, async (trx) => {
      await insertOrgUnit(trx, newUnit(code));
      return { result: null, audit: [], touched: [] };
    });
    await expect(attempt).rejects.toMatchObject({
      problem: {
        type: 'conflict',
        status: 409,
        code: 'write.concurrent-change',
        params: {},
        detail: 'Another request changed the same records at the same time; reload and try again.',
      },
    });
  });
});
