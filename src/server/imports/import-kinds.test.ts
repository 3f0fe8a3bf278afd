import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { stringify } from 'yaml';
import { describeEachEngine } from '../../../test/engines.ts';
import { createImportWorld, csv, scorecardFileFor } from '../../../test/fixtures/imports/world.ts';
import type { Db } from '../../db/connect.ts';
import { exportScorecard } from '../services/scorecards.service.ts';
import { commitImport, dryRunImport, undoImport } from './import.service.ts';
import { exportAssessments } from './kinds/assessments.ts';
import { exportTargets } from './kinds/targets.ts';

async function targets(db: Db, scorecard: string) {
  const { rows } = await sql<{
    indicator: string;
    unit: string | null;
    period: string;
    target: number | null;
    lower: number | null;
    upper: number | null;
    source: string | null;
  }>`
    select t.indicator_code as indicator, o.code as unit, t.period_id as period, t.target, t.lower, t.upper, t.source
    from target t join scorecard s on s.id = t.scorecard_id left join org_unit o on o.id = t.org_unit_id
    where s.code = ${scorecard} order by t.period_id, o.code nulls first
  `.execute(db.kysely);
  return rows;
}

describeEachEngine('imports: targets, assessments, reported values and scorecards', (getDb) => {
  it('imports targets for every unit and for one unit, and undoes them', async () => {
    const w = await createImportWorld(getDb(), 'tgt');
    const report = await commitImport(w.ctx, w.actor, {
      bytes: csv([
        'org_unit,period,indicator,target,reference,lower,upper,source',
        ',2024,rate,85,,,,hospital plan',
        `${w.units.icu},2024,rate,,,80,90,`,
      ]),
      fileName: 'targets.csv',
      kind: 'targets',
      scorecard: w.scorecard,
    });
    expect(report).toMatchObject({ toCreate: 2, committed: true });
    expect(await targets(getDb(), w.scorecard)).toEqual([
      {
        indicator: 'rate',
        unit: null,
        period: '2024',
        target: 85,
        lower: null,
        upper: null,
        source: 'hospital plan',
      },
      {
        indicator: 'rate',
        unit: w.units.icu,
        period: '2024',
        target: null,
        lower: 80,
        upper: 90,
        source: null,
      },
    ]);
    expect(w.events).toEqual([{ kind: 'metadata', revision: expect.any(Number) }]);
    const exported = await exportTargets(w.ctx, w.actor, w.scorecard, 'csv');
    const again = await dryRunImport(w.ctx, w.actor, {
      bytes: exported.bytes,
      fileName: exported.fileName,
      kind: 'targets',
      scorecard: w.scorecard,
    });
    expect(again).toMatchObject({ rowsRead: 2, unchanged: 2, toCreate: 0, toUpdate: 0, errors: [] });
    await undoImport(w.ctx, w.actor, report.batchId ?? 0);
    expect(await targets(getDb(), w.scorecard)).toEqual([]);
  });

  it('asks which scorecard targets belong to when there are several', async () => {
    const w = await createImportWorld(getDb(), 'tgtq');
    await expect(
      dryRunImport(w.ctx, w.actor, {
        bytes: csv(['org_unit,period,indicator,target', ',2024,rate,85']),
        fileName: 't.csv',
        kind: 'targets',
      }),
    ).rejects.toMatchObject({
      problem: {
        status: 400,
        code: 'import.name-the-scorecard',
        detail: 'Name the scorecard this file belongs to (scorecard=CODE, or --scorecard CODE).',
      },
    });
  });

  it('imports qualitative assessments and refuses a quantitative indicator', async () => {
    const w = await createImportWorld(getDb(), 'rate');
    const bad = await dryRunImport(w.ctx, w.actor, {
      bytes: csv(['org_unit,period,indicator,rater,score,evidence', `${w.units.icu},2024,rate,王医生,85,`]),
      fileName: 'a.csv',
      kind: 'assessments',
      scorecard: w.scorecard,
    });
    expect(bad.errors.map((e) => e.code)).toEqual(['wrong-indicator-kind']);
    const report = await commitImport(w.ctx, w.actor, {
      bytes: csv([
        'org_unit,period,indicator,rater,score,evidence',
        `${w.units.icu},2024,culture,王医生,85,现场检查`,
      ]),
      fileName: 'a.csv',
      kind: 'assessments',
      scorecard: w.scorecard,
    });
    expect(report).toMatchObject({ toCreate: 1, committed: true });
    const { rows } = await sql<{
      score: number;
      evidence: string;
    }>`select score, evidence from assessment where rater = '王医生' and indicator_code = 'culture' and org_unit_id = (select id from org_unit where code = ${w.units.icu})`.execute(
      getDb().kysely,
    );
    expect(rows).toEqual([{ score: 85, evidence: '现场检查' }]);
    const exported = await exportAssessments(w.ctx, w.actor, w.scorecard, 'xlsx');
    const again = await dryRunImport(w.ctx, w.actor, {
      bytes: exported.bytes,
      fileName: exported.fileName,
      kind: 'assessments',
      scorecard: w.scorecard,
    });
    expect(again).toMatchObject({ format: 'xlsx', rowsRead: 1, unchanged: 1, errors: [] });
    expect(w.events).toEqual([
      { kind: 'root-inputs', rootId: expect.any(Number), revision: expect.any(Number) },
    ]);
  });

  it('imports reported indicator values with a scorecard column, a percent sign and an unknown scorecard reported', async () => {
    const w = await createImportWorld(getDb(), 'rep');
    const bad = await dryRunImport(w.ctx, w.actor, {
      bytes: csv(['org_unit,period,scorecard,indicator,value', `${w.units.root},2024,NOPE,rate,93.6%`]),
      fileName: 'r.csv',
      kind: 'reported',
    });
    expect(bad.errors).toEqual([
      {
        row: 2,
        column: 'scorecard',
        value: 'NOPE',
        code: 'unknown-scorecard',
        params: { value: 'NOPE' },
        reason: 'unknown scorecard "NOPE"',
      },
    ]);
    const input = {
      bytes: csv([
        'org_unit,period,scorecard,indicator,value,comment',
        `${w.units.root},2024,${w.scorecard},rate,93.6%,national platform`,
        `${w.units.icu},2024Q1,${w.scorecard},rate,88,`,
      ]),
      fileName: 'reported.csv',
      kind: 'reported' as const,
    };
    const report = await commitImport(w.ctx, w.actor, input);
    expect(report).toMatchObject({ toCreate: 2, committed: true });
    const again = await dryRunImport(w.ctx, w.actor, input);
    expect(again).toMatchObject({ toCreate: 0, unchanged: 2, sameAsBatchId: report.batchId });
    const { rows } = await sql<{ period: string; value: number; comment: string | null }>`
      select period_id as period, value, comment from reported_value r join org_unit o on o.id = r.org_unit_id
      where o.code like ${`${w.prefix}%`} order by period_id`.execute(getDb().kysely);
    expect(rows).toEqual([
      { period: '2024', value: 93.6, comment: 'national platform' },
      { period: '2024Q1', value: 88, comment: null },
    ]);
  });

  it('imports a scorecard file, recognises it unchanged, records an update, and undoes the update', async () => {
    const w = await createImportWorld(getDb(), 'meta');
    const file = scorecardFileFor('metafile', { beds: 'mf_beds', occ: 'mf_occ', pct: 'mf_pct' });
    const yamlBytes = new TextEncoder().encode(stringify(file));
    const dry = await dryRunImport(w.ctx, w.actor, {
      bytes: yamlBytes,
      fileName: 'bsc.yaml',
      kind: 'metadata',
    });
    expect(dry).toMatchObject({ format: 'yaml', rowsRead: 1, toCreate: 1, errors: [] });
    const created = await commitImport(w.ctx, w.actor, {
      bytes: yamlBytes,
      fileName: 'bsc.yaml',
      kind: 'metadata',
    });
    expect(created).toMatchObject({ committed: true, toCreate: 1 });
    const same = await commitImport(w.ctx, w.actor, {
      bytes: yamlBytes,
      fileName: 'bsc.yaml',
      kind: 'metadata',
    });
    expect(same).toMatchObject({ committed: false, unchanged: 1, sameAsBatchId: created.batchId });
    const renamed = { ...file, name: { en: 'Renamed', zh: '改名' } };
    const json = new TextEncoder().encode(JSON.stringify(renamed));
    const updated = await commitImport(w.ctx, w.actor, {
      bytes: json,
      fileName: 'bsc.json',
      kind: 'metadata',
    });
    expect(updated).toMatchObject({ format: 'json', committed: true, toUpdate: 1 });
    await undoImport(w.ctx, w.actor, updated.batchId ?? 0);
    const current = await exportScorecard(w.ctx, w.actor, { code: file.code });
    expect(current.name).toEqual(file.name);
    await expect(undoImport(w.ctx, w.actor, created.batchId ?? 0)).rejects.toMatchObject({
      problem: { status: 409 },
    });
  });

  it('reports a scorecard file error with its line', async () => {
    const w = await createImportWorld(getDb(), 'metabad');
    const text = [
      'format: healthbsc/scorecard@1',
      'code: BROKEN',
      'name: { en: Broken }',
      'perspectives: []',
      'weights: { perspectives: { manual: {} }, indicators: {} }',
    ].join('\n');
    const report = await dryRunImport(w.ctx, w.actor, {
      bytes: new TextEncoder().encode(text),
      fileName: 'b.yaml',
      kind: 'metadata',
    });
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 4, column: 'perspectives', code: 'invalid-definition' }),
    ]);
  });

  it('imports an org-unit list with children listed before their parent, and undoes it', async () => {
    const w = await createImportWorld(getDb(), 'ou');
    const file = csv([
      'code,parent,type,name_en,name_zh,sort_order',
      'ou_W1,ou_NEW,department,Ward 1,一病区,2',
      'ou_NEW,ou,hospital,New branch,新院区,1',
      `${w.units.icu},ou,department,Intensive care unit,重症医学科,0`,
    ]);
    const report = await commitImport(w.ctx, w.actor, {
      bytes: file,
      fileName: 'units.csv',
      kind: 'metadata',
    });
    expect(report).toMatchObject({
      format: 'csv',
      rowsRead: 3,
      toCreate: 2,
      toUpdate: 1,
      unchanged: 0,
      committed: true,
    });
    const units = async () =>
      (
        await sql<{ code: string; parent: string | null; name_zh: string | null }>`
          select o.code, p.code as parent, o.name_zh from org_unit o left join org_unit p on p.id = o.parent_id
          where o.code like 'ou%' order by o.code`.execute(getDb().kysely)
      ).rows;
    expect(await units()).toEqual([
      { code: 'ou', parent: null, name_zh: '医院ou' },
      { code: 'ou_ER', parent: 'ou', name_zh: '急诊科ou' },
      { code: 'ou_ICU', parent: 'ou', name_zh: '重症医学科' },
      { code: 'ou_NEW', parent: 'ou', name_zh: '新院区' },
      { code: 'ou_W1', parent: 'ou_NEW', name_zh: '一病区' },
    ]);
    expect(w.events).toEqual([{ kind: 'metadata', revision: expect.any(Number) }]);
    const undone = await undoImport(w.ctx, w.actor, report.batchId ?? 0);
    expect(undone).toMatchObject({ deleted: 2, restored: 1 });
    expect((await units()).map((u) => [u.code, u.name_zh])).toEqual([
      ['ou', '医院ou'],
      ['ou_ER', '急诊科ou'],
      ['ou_ICU', '重症医学科ou'],
    ]);
  });

  it('refuses an org-unit list that moves a unit or names an unknown parent', async () => {
    const w = await createImportWorld(getDb(), 'oubad');
    const report = await dryRunImport(w.ctx, w.actor, {
      bytes: csv([
        'code,parent,type,name_en',
        `${w.units.er},${w.units.icu},department,Emergency`,
        'oubad_X,NOWHERE,unit,X',
        'bad code,,unit,Y',
        'oubad_Y,,clinic,Y',
      ]),
      fileName: 'units.csv',
      kind: 'metadata',
    });
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'parent', 'invalid-definition'],
      [3, 'parent', 'unknown-org-unit'],
      [4, 'code', 'invalid-value'],
      [5, 'type', 'invalid-value'],
    ]);
  });
});
