import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import {
  countRows,
  createImportWorld,
  csv,
  type ImportWorld,
  storedDataValues,
} from '../../../test/fixtures/imports/world.ts';
import type { ImportProgress } from '../../core/contracts/import.ts';
import type { Db } from '../../db/connect.ts';
import { systemActor } from '../context.ts';
import {
  commitImport,
  dryRunImport,
  getImportBatch,
  ImportRejectedError,
  importHistory,
  undoImport,
} from './import.service.ts';

function dataFile(_world: ImportWorld, rows: readonly string[]): Uint8Array {
  return csv(['org_unit,period,data_element,value,comment', ...rows]);
}

async function auditActions(db: Db, batchId: number): Promise<{ action: string; entity: string }[]> {
  const { rows } = await sql<{ action: string; entity: string }>`
    select action, entity from audit_log where entity_key in (${String(batchId)}, ${`import_batch:${batchId}`}) order by id
  `.execute(db.kysely);
  return rows;
}

describeEachEngine('imports: data values', (getDb) => {
  it('reports what a dry run would create and writes nothing', async () => {
    const w = await createImportWorld(getDb(), 'dry');
    const before = await countRows(getDb());
    const report = await dryRunImport(w.ctx, w.actor, {
      bytes: dataFile(w, [
        `${w.units.icu},2024-03,${w.elements.beds},20,`,
        `${w.units.er},2024-03,${w.elements.occ},12.5,`,
      ]),
      fileName: 'march.csv',
      kind: 'data',
    });
    expect(report).toMatchObject({
      kind: 'data',
      format: 'csv',
      encoding: 'utf-8',
      rowsRead: 2,
      toCreate: 2,
      toUpdate: 0,
      unchanged: 0,
      errors: [],
      committed: false,
      batchId: null,
    });
    expect(await countRows(getDb())).toEqual(before);
  });

  it('refuses a file with bad rows, lists every bad row, and writes nothing', async () => {
    const w = await createImportWorld(getDb(), 'bad');
    const before = await countRows(getDb());
    const bytes = dataFile(w, [
      `${w.units.icu},2024-03,${w.elements.beds},20,`,
      `NOPE,2024-03,${w.elements.beds},5,`,
      `${w.units.icu},2024-13,${w.elements.beds},5,`,
      `${w.units.icu},2024-04,${w.elements.beds},2.5,`,
      `${w.units.icu},2024-04,${w.elements.occ},n/a,`,
      `${w.units.er},2024-04,${w.elements.pct},120%,`,
      `${w.units.icu},2024-03,${w.elements.beds},21,`,
      `${w.units.er},2024-04,missing_element,1,`,
    ]);
    const attempt = commitImport(w.ctx, w.actor, { bytes, fileName: 'bad.csv', kind: 'data' });
    await expect(attempt).rejects.toBeInstanceOf(ImportRejectedError);
    const error: unknown = await attempt.catch((e: unknown) => e);
    if (!(error instanceof ImportRejectedError)) throw new Error('expected ImportRejectedError');
    expect(error.problem).toMatchObject({
      status: 400,
      code: 'import.file-has-errors',
      params: { count: 7 },
      detail: 'The file has 7 errors; nothing was written.',
    });
    expect(error.report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'org_unit', 'unknown-org-unit'],
      [4, 'period', 'unknown-period'],
      [5, 'value', 'not-integer'],
      [6, 'value', 'non-numeric'],
      [7, 'value', 'out-of-range'],
      [8, 'value', 'duplicate-key'],
      [9, 'data_element', 'unknown-data-element'],
    ]);
    expect(error.report.errors[5]?.reason).toBe(
      `duplicate of row 2 (${w.units.icu}, 2024-03, ${w.elements.beds})`,
    );
    expect(error.problem.issues[5]).toEqual({
      path: [8, 'value'],
      code: 'import-row.duplicate-key',
      params: { firstRow: 2, key: `${w.units.icu}, 2024-03, ${w.elements.beds}` },
      message: `duplicate of row 2 (${w.units.icu}, 2024-03, ${w.elements.beds})`,
    });
    expect(await countRows(getDb())).toEqual(before);
  });

  it('commits a file in one batch, recording every changed row with its old and new value', async () => {
    const w = await createImportWorld(getDb(), 'commit');
    const first = await commitImport(w.ctx, w.actor, {
      bytes: dataFile(w, [`${w.units.icu},2024-03,${w.elements.beds},20,first`]),
      fileName: 'first.csv',
      kind: 'data',
    });
    w.tick();
    const report = await commitImport(w.ctx, w.actor, {
      bytes: dataFile(w, [
        `${w.units.icu},2024-03,${w.elements.beds},24,`,
        `${w.units.er},2024-03,${w.elements.occ},7.25,`,
      ]),
      fileName: 'second.csv',
      kind: 'data',
    });
    expect(report).toMatchObject({ committed: true, toCreate: 1, toUpdate: 1, unchanged: 0 });
    expect(report.batchId).toBe((first.batchId ?? 0) + 1);
    const detail = await getImportBatch(w.ctx, w.actor, report.batchId ?? 0, { limit: 10, offset: 0 });
    expect(detail).toMatchObject({
      kind: 'data',
      fileName: 'second.csv',
      status: 'committed',
      created: 1,
      updated: 1,
    });
    expect(
      detail.changes.items.map((c) => [c.key.orgUnit, c.oldValue?.value ?? null, c.newValue?.value]),
    ).toEqual([
      [w.units.icu, 20, 24],
      [w.units.er, null, 7.25],
    ]);
    // The file has a comment column: its empty cell clears the stored comment.
    expect((await storedDataValues(w)).map((v) => [v.orgUnit, v.value, v.comment, v.version])).toEqual([
      [w.units.er, 7.25, null, 1],
      [w.units.icu, 24, null, 2],
    ]);
  });

  it('publishes the changed values on the change bus after the commit', async () => {
    const w = await createImportWorld(getDb(), 'events');
    await commitImport(w.ctx, w.actor, {
      bytes: dataFile(w, [`${w.units.icu},2024-03,${w.elements.beds},20,`]),
      fileName: 'events.csv',
      kind: 'data',
    });
    expect(w.events).toEqual([
      {
        kind: 'data-values',
        rootId: expect.any(Number),
        revision: 1,
        values: [
          {
            orgUnitId: expect.any(Number),
            dataElementId: expect.any(Number),
            periodId: '2024-03',
            value: 20,
          },
        ],
      },
    ]);
  });

  it('undoes an import exactly: old values back, created rows gone, and both in the audit log', async () => {
    const w = await createImportWorld(getDb(), 'undo');
    await commitImport(w.ctx, w.actor, {
      bytes: dataFile(w, [
        `${w.units.icu},2024-03,${w.elements.beds},20,census`,
        `${w.units.icu},2024-03,${w.elements.occ},15,`,
      ]),
      fileName: 'base.csv',
      kind: 'data',
    });
    const before = await storedDataValues(w);
    const beforeTimes = await sql<{
      t: string;
    }>`select to_json(updated_at) #>> '{}' as t from data_value order by period_id, org_unit_id, data_element_id`.execute(
      getDb().kysely,
    );
    w.tick(60_000);
    const imported = await commitImport(w.ctx, systemActor('user:other'), {
      bytes: dataFile(w, [
        `${w.units.icu},2024-03,${w.elements.beds},22,recount`,
        `${w.units.icu},2024-03,${w.elements.occ},15,`,
        `${w.units.er},2024-03,${w.elements.beds},8,`,
        `${w.units.er},2024-04,${w.elements.pct},55%,`,
      ]),
      fileName: 'update.csv',
      kind: 'data',
    });
    expect(imported).toMatchObject({ toCreate: 2, toUpdate: 1, unchanged: 1 });
    w.tick(60_000);
    const undone = await undoImport(w.ctx, w.actor, imported.batchId ?? 0, 'wrong month');
    expect(undone).toMatchObject({
      restored: 1,
      deleted: 2,
      batch: { status: 'undone', undoneBy: w.actor.id },
    });
    const after = await storedDataValues(w);
    expect(after.map(({ version: _v, ...rest }) => rest)).toEqual(
      before.map(({ version: _v, ...rest }) => rest),
    );
    const afterTimes = await sql<{
      t: string;
    }>`select to_json(updated_at) #>> '{}' as t from data_value order by period_id, org_unit_id, data_element_id`.execute(
      getDb().kysely,
    );
    expect(afterTimes.rows).toEqual(beforeTimes.rows);
    expect(await auditActions(getDb(), imported.batchId ?? 0)).toEqual([
      { action: 'import', entity: 'import_batch' },
      { action: 'import', entity: 'data_value' },
      { action: 'import', entity: 'data_value' },
      { action: 'undo-import', entity: 'import_batch' },
      { action: 'undo-import', entity: 'data_value' },
      { action: 'undo-import', entity: 'data_value' },
    ]);
  });

  it('imports a GBK CSV whose org_unit column holds Chinese unit names', async () => {
    const w = await createImportWorld(getDb(), 'gbk');
    const text = [
      '机构,期间,数据元,数值,备注',
      `重症医学科gbk,2024-03,${w.elements.beds},30,月末床位`,
      `急诊科gbk,2024-03,${w.elements.occ},12,加床两张`,
    ].join('\r\n');
    const bytes = iconv.encode(text, 'gbk');
    const report = await commitImport(w.ctx, w.actor, { bytes, fileName: '三月.csv', kind: 'data' });
    expect(report).toMatchObject({ encoding: 'gb18030', toCreate: 2, errors: [], committed: true });
    expect((await storedDataValues(w)).map((v) => [v.orgUnit, v.dataElement, v.value, v.comment])).toEqual([
      [w.units.er, w.elements.occ, 12, '加床两张'],
      [w.units.icu, w.elements.beds, 30, '月末床位'],
    ]);
  });

  it('changes nothing when the same file is committed again, and says it was seen before', async () => {
    const w = await createImportWorld(getDb(), 'again');
    const input = {
      bytes: dataFile(w, [
        `${w.units.icu},2024-03,${w.elements.beds},20,`,
        `${w.units.er},2024-03,${w.elements.beds},9,`,
      ]),
      fileName: 'same.csv',
      kind: 'data' as const,
    };
    const first = await commitImport(w.ctx, w.actor, input);
    const before = await countRows(getDb());
    const second = await commitImport(w.ctx, w.actor, input);
    expect(second).toMatchObject({
      committed: false,
      batchId: null,
      sameAsBatchId: first.batchId,
      toCreate: 0,
      toUpdate: 0,
      unchanged: 2,
    });
    expect(await countRows(getDb())).toEqual(before);
  });

  it('refuses to undo an import when a value changed after it, naming the row', async () => {
    const w = await createImportWorld(getDb(), 'later');
    const imported = await commitImport(w.ctx, w.actor, {
      bytes: dataFile(w, [
        `${w.units.icu},2024-03,${w.elements.beds},20,`,
        `${w.units.er},2024-03,${w.elements.beds},9,`,
      ]),
      fileName: 'first.csv',
      kind: 'data',
    });
    await commitImport(w.ctx, systemActor('user:nurse'), {
      bytes: dataFile(w, [`${w.units.er},2024-03,${w.elements.beds},10,`]),
      fileName: 'fix.csv',
      kind: 'data',
    });
    const attempt = undoImport(w.ctx, w.actor, imported.batchId ?? 0);
    await expect(attempt).rejects.toMatchObject({
      problem: {
        status: 409,
        code: 'import.rows-changed-since',
        params: { id: imported.batchId, count: 1 },
        detail: `Import ${imported.batchId} cannot be undone: 1 of its rows changed after it. Undoing it would discard those later changes; correct the values directly instead.`,
        issues: [
          {
            path: ['data_value', 2],
            code: 'import.row-changed-since',
            message: `${w.units.er} 2024-03 ${w.elements.beds}: changed after the import by user:nurse at ${w.ctx.now().toISOString()}`,
          },
        ],
      },
    });
    expect((await storedDataValues(w)).map((v) => v.value)).toEqual([10, 20]);
  });

  it('refuses to undo an import twice', async () => {
    const w = await createImportWorld(getDb(), 'twice');
    const imported = await commitImport(w.ctx, w.actor, {
      bytes: dataFile(w, [`${w.units.icu},2024-03,${w.elements.beds},20,`]),
      fileName: 'once.csv',
      kind: 'data',
    });
    await undoImport(w.ctx, w.actor, imported.batchId ?? 0);
    await expect(undoImport(w.ctx, w.actor, imported.batchId ?? 0)).rejects.toMatchObject({
      problem: {
        status: 409,
        code: 'import.already-undone',
        detail: `Import ${imported.batchId} was already undone by ${w.actor.id} at ${w.ctx.now().toISOString()}.`,
      },
    });
  });

  it('reads the wide template format and lists imports newest first', async () => {
    const w = await createImportWorld(getDb(), 'wide');
    const report = await commitImport(w.ctx, w.actor, {
      bytes: csv([
        `org_unit,period,${w.elements.beds},${w.elements.occ}`,
        '#names,,Open beds / 开放床位,Occupied beds / 占用床位',
        `${w.units.icu},2024-03,20,17`,
        `${w.units.er},2024-03,9,`,
      ]),
      fileName: 'template.csv',
      kind: 'data',
    });
    expect(report).toMatchObject({ rowsRead: 2, toCreate: 3, committed: true });
    const history = await importHistory(w.ctx, w.actor, { limit: 1, offset: 0 });
    expect(history.items).toEqual([
      expect.objectContaining({ id: report.batchId, fileName: 'template.csv' }),
    ]);
  });

  it('reports reading, checking and writing progress in that order, ending each phase complete', async () => {
    const w = await createImportWorld(getDb(), 'progress');
    const rows = Array.from(
      { length: 2500 },
      (_v, i) =>
        `${w.units.icu},${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},${w.elements.beds},${i},`,
    );
    const seen: ImportProgress[] = [];
    await commitImport(w.ctx, w.actor, {
      bytes: dataFile(w, rows),
      fileName: 'big.csv',
      kind: 'data',
      onProgress: (p) => seen.push(p),
    });
    const phases = seen.map((p) => p.phase).filter((phase, i, all) => all[i - 1] !== phase);
    expect(phases).toEqual(['reading', 'checking', 'writing']);
    expect(seen.filter((p) => p.phase === 'writing').at(-1)).toEqual({
      phase: 'writing',
      done: 2500,
      total: 2500,
    });
  });
});
