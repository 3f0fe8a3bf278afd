/**
 * The attribute rule of table imports, on PGlite and PostgreSQL: a column the file does not have leaves the
 * stored attribute alone (a comment, evidence, a target's reference value and source); only an explicit empty
 * cell clears it, and the dry run says how many it will clear, by column. An empty value cell is "no value
 * given", never a delete.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import {
  createImportWorld,
  csv,
  type ImportWorld,
  storedDataValues,
} from '../../../test/fixtures/imports/world.ts';
import type { ImportKind } from '../../core/contracts/import.ts';
import { commitImport, dryRunImport, undoImport } from './import.service.ts';

function file(w: ImportWorld, kind: ImportKind, lines: readonly string[]) {
  return { bytes: csv(lines), fileName: `${kind}.csv`, kind, scorecard: w.scorecard };
}

/** The world's stored comments of data values, by unit and element. */
async function comments(w: ImportWorld): Promise<(string | number | null)[][]> {
  return (await storedDataValues(w)).map((v) => [v.orgUnit, v.value, v.comment]);
}

describeEachEngine('imports: attributes a file leaves out or empties', (getDb) => {
  it('keeps the stored comments when a data file has no comment column', async () => {
    const w = await createImportWorld(getDb(), 'akeep');
    const long = ['org_unit,period,data_element,value,comment'];
    await commitImport(
      w.ctx,
      w.actor,
      file(w, 'data', [...long, `${w.units.icu},2024-03,${w.elements.beds},20,census`]),
    );
    const report = await commitImport(
      w.ctx,
      w.actor,
      file(w, 'data', ['org_unit,period,data_element,value', `${w.units.icu},2024-03,${w.elements.beds},24`]),
    );
    expect([report.toUpdate, report.clears]).toEqual([1, []]);
    expect(await comments(w)).toEqual([[w.units.icu, 24, 'census']]);
  });

  it('keeps the stored comments when the wide template is imported', async () => {
    const w = await createImportWorld(getDb(), 'awide');
    await commitImport(
      w.ctx,
      w.actor,
      file(w, 'data', [
        'org_unit,period,data_element,value,comment',
        `${w.units.icu},2024-03,${w.elements.beds},20,census`,
      ]),
    );
    await commitImport(
      w.ctx,
      w.actor,
      file(w, 'data', [`org_unit,period,${w.elements.beds},${w.elements.occ}`, `${w.units.icu},2024-03,21,`]),
    );
    expect(await comments(w)).toEqual([[w.units.icu, 21, 'census']]);
  });

  it('says in the dry run that empty comment cells will clear stored comments, even where the value is the same', async () => {
    const w = await createImportWorld(getDb(), 'aclear');
    const header = 'org_unit,period,data_element,value,comment';
    await commitImport(
      w.ctx,
      w.actor,
      file(w, 'data', [
        header,
        `${w.units.icu},2024-03,${w.elements.beds},20,census`,
        `${w.units.er},2024-03,${w.elements.beds},9,night count`,
      ]),
    );
    const emptied = file(w, 'data', [
      header,
      `${w.units.icu},2024-03,${w.elements.beds},20,`,
      `${w.units.er},2024-03,${w.elements.beds},10,`,
    ]);
    const dryRun = await dryRunImport(w.ctx, w.actor, emptied);
    expect([dryRun.toUpdate, dryRun.unchanged, dryRun.clears]).toEqual([
      2,
      0,
      [{ column: 'comment', count: 2 }],
    ]);
    await commitImport(w.ctx, w.actor, emptied);
    expect(await comments(w)).toEqual([
      [w.units.er, 10, null],
      [w.units.icu, 20, null],
    ]);
  });

  it('puts cleared comments back when the import that cleared them is undone', async () => {
    const w = await createImportWorld(getDb(), 'aundo');
    const header = 'org_unit,period,data_element,value,comment';
    await commitImport(
      w.ctx,
      w.actor,
      file(w, 'data', [header, `${w.units.icu},2024-03,${w.elements.beds},20,census`]),
    );
    const cleared = await commitImport(
      w.ctx,
      w.actor,
      file(w, 'data', [header, `${w.units.icu},2024-03,${w.elements.beds},20,`]),
    );
    await undoImport(w.ctx, w.actor, cleared.batchId ?? 0);
    expect(await comments(w)).toEqual([[w.units.icu, 20, 'census']]);
  });

  it('leaves a stored value alone on an empty value cell, whatever its comment cell says', async () => {
    const w = await createImportWorld(getDb(), 'aempty');
    const header = 'org_unit,period,data_element,value,comment';
    await commitImport(
      w.ctx,
      w.actor,
      file(w, 'data', [header, `${w.units.icu},2024-03,${w.elements.beds},20,census`]),
    );
    const report = await dryRunImport(
      w.ctx,
      w.actor,
      file(w, 'data', [header, `${w.units.icu},2024-03,${w.elements.beds},,`]),
    );
    expect([report.toCreate, report.toUpdate, report.unchanged, report.clears]).toEqual([0, 0, 0, []]);
  });

  it('keeps a target’s stored reference value when the file has no reference column, and clears its source on an empty cell', async () => {
    const w = await createImportWorld(getDb(), 'atgt');
    await commitImport(
      w.ctx,
      w.actor,
      file(w, 'targets', [
        'org_unit,period,indicator,target,reference,source',
        ',2024,rate,85,91.5,hospital plan',
      ]),
    );
    const emptied = file(w, 'targets', ['org_unit,period,indicator,target,source', ',2024,rate,80,']);
    const dryRun = await dryRunImport(w.ctx, w.actor, emptied);
    expect(dryRun.clears).toEqual([{ column: 'source', count: 1 }]);
    await commitImport(w.ctx, w.actor, emptied);
    const { rows } = await sql<{ target: number; reference: number | null; source: string | null }>`
      select t.target, t.reference, t.source from target t join scorecard s on s.id = t.scorecard_id
      where s.code = ${w.scorecard}`.execute(getDb().kysely);
    expect(rows).toEqual([{ target: 80, reference: 91.5, source: null }]);
  });

  it('keeps an assessment’s evidence when the file has no evidence column', async () => {
    const w = await createImportWorld(getDb(), 'aevid');
    const rated = `${w.units.icu},2024,culture,王医生`;
    await commitImport(
      w.ctx,
      w.actor,
      file(w, 'assessments', ['org_unit,period,indicator,rater,score,evidence', `${rated},85,现场检查`]),
    );
    const report = await commitImport(
      w.ctx,
      w.actor,
      file(w, 'assessments', ['org_unit,period,indicator,rater,score', `${rated},90`]),
    );
    expect(report.toUpdate).toBe(1);
    const { rows } = await sql<{ score: number; evidence: string | null }>`
      select a.score, a.evidence from assessment a join org_unit o on o.id = a.org_unit_id
      where o.code = ${w.units.icu}`.execute(getDb().kysely);
    expect(rows).toEqual([{ score: 90, evidence: '现场检查' }]);
  });

  it('clears a reported value’s comment on an empty cell and counts it under the column’s own header', async () => {
    const w = await createImportWorld(getDb(), 'arep');
    const header = 'org_unit,period,indicator,value,备注';
    await commitImport(
      w.ctx,
      w.actor,
      file(w, 'reported', [header, `${w.units.root},2024,rate,93.6,national platform`]),
    );
    const report = await commitImport(
      w.ctx,
      w.actor,
      file(w, 'reported', [header, `${w.units.root},2024,rate,93.6,`]),
    );
    expect([report.toUpdate, report.clears]).toEqual([1, [{ column: '备注', count: 1 }]]);
  });
});
