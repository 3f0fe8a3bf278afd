/**
 * California HCAI's postoperative sepsis file (Windows-1252, CRLF) imported as it is published, with the saved
 * profile beside this file (no converter script): hospitals built under their county under California, the
 * statewide row filtered out, yearly cases and discharges. Compared with the source rows, including the
 * statewide row, which must equal the sum over the hospitals.
 */
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { ProfileImportReport } from '../../src/core/contracts/import-profiles.ts';
import type { Db } from '../../src/db/connect.ts';
import { ChangeBus } from '../../src/server/change-bus.ts';
import { systemActor } from '../../src/server/context.ts';
import { EvaluationEngine } from '../../src/server/evaluation/evaluation-engine.ts';
import { parseProfileFile } from '../../src/server/import-profiles/profile-file.ts';
import { importWithProfile } from '../../src/server/import-profiles/profile-import.service.ts';
import { commitImport } from '../../src/server/imports/import.service.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { testContext } from '../../test/fixtures/imports/world.ts';
import { readSourceCsv, sharedData } from '../shared-data.ts';

const SOURCE = sharedData('california_hcai_ahrq_qi/ca_postoperative_sepsis_psi13_2019-2022.csv');
const here = (name: string) => new URL(`./${name}`, import.meta.url);
const ACTOR = systemActor('ca-hcai-example');

let source: Record<string, string>[];
beforeAll(async () => {
  source = readSourceCsv(new TextDecoder('windows-1252').decode(await readFile(SOURCE)));
});

async function stored(db: Db, unit: string, element: string, year: string): Promise<number | null> {
  const { rows } = await sql<{ value: number }>`
    select v.value::float8 as value from data_value v
    join org_unit o on o.id = v.org_unit_id join data_element e on e.id = v.data_element_id
    where o.code = ${unit} and e.code = ${element} and v.period_id = ${year}`.execute(db.kysely);
  return rows[0]?.value ?? null;
}

describeEachEngine('California HCAI postoperative sepsis example', (getDb) => {
  let report: ProfileImportReport;
  beforeAll(async () => {
    const { ctx } = testContext(getDb());
    await commitImport(ctx, ACTOR, {
      bytes: new Uint8Array(await readFile(here('scorecard.yaml'))),
      fileName: 'scorecard.yaml',
      kind: 'metadata',
    });
    report = await importWithProfile(ctx, ACTOR, {
      bytes: new Uint8Array(await readFile(SOURCE)),
      fileName: 'ca_postoperative_sepsis_psi13_2019-2022.csv',
      profile: parseProfileFile(await readFile(here('sepsis.profile.json'), 'utf8')),
      dryRun: false,
    });
  });

  it('imports every hospital row (the four statewide rows filtered out), two values each', () => {
    const hospitals = source.filter((r) => r.OSHPDID !== 'n/a');
    const counties = new Set(hospitals.map((r) => r.County));
    const units = new Set(hospitals.map((r) => r.OSHPDID));
    expect([
      report.rowsRead,
      report.rowsFiltered,
      report.orgUnits?.toCreate,
      report.values.toCreate,
      report.errorCount,
    ]).toEqual([1187, 4, 1 + counties.size + units.size, 2 * hospitals.length, 0]);
  });

  it.each([
    ['106010735', '2019'],
    ['106190630', '2021'],
  ])("stores a hospital's cases and discharges (%s, %s) as in the source", async (unit, year) => {
    const row = source.find((r) => r.OSHPDID === unit && r.Year === year);
    if (row === undefined) throw new Error(`no source row ${unit} ${year}`);
    expect([
      await stored(getDb(), unit, 'postop_sepsis_cases', year),
      await stored(getDb(), unit, 'elective_surgical_discharges', year),
    ]).toEqual([Number(row['Postoperative Sepsis Cases']), Number(row['Elective Surgical Discharges'])]);
  });

  it("evaluates California's observed rate as the sum over its hospitals, against the published statewide row (2022)", async () => {
    const state = source.find((r) => r.OSHPDID === 'n/a' && r.Year === '2022');
    const hospitals = source.filter((r) => r.OSHPDID !== 'n/a' && r.Year === '2022');
    const cases = hospitals.reduce((s, r) => s + Number(r['Postoperative Sepsis Cases']), 0);
    const discharges = hospitals.reduce((s, r) => s + Number(r['Elective Surgical Discharges']), 0);
    const engine = new EvaluationEngine(getDb(), new ChangeBus());
    const result = await engine.evaluate({ scorecard: 'CA-SEPSIS', orgUnit: 'CA', period: '2022' });
    const actual = result.perspectives
      .flatMap((p) => p.indicators)
      .find((i) => i.id === 'postop_sepsis_rate')?.actual;
    expect(actual).toBeCloseTo((cases / discharges) * 1000, 10);
    // The published statewide row has the hospitals' cases, and 12 discharges more than their rows add up to in
    // 2022 (HCAI's statewide figure includes discharges its hospital rows leave out); the import lost nothing.
    expect([cases, Number(state?.['Elective Surgical Discharges']) - discharges]).toEqual([
      Number(state?.['Postoperative Sepsis Cases']),
      12,
    ]);
  });
});
