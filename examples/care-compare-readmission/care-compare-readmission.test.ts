/**
 * CMS Care Compare's hospital-wide readmission imported from the published files as they are, with the two
 * saved profiles beside this file (no converter script): the hospital list builds US → state → hospital, the
 * star-rating inputs give each release's index admissions and readmissions (rate × denominator, unrounded).
 * The stored values and the evaluated rate are compared with the source rows.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
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

const HOSPITALS = sharedData('cms_care_compare_2018_2023/hospital_info.csv');
const STAR_INPUTS = sharedData('cms_care_compare_2018_2023/star_inputs_wide_2018-01_to_2023-01.csv.gz');
const here = (name: string) => new URL(`./${name}`, import.meta.url);
const ACTOR = systemActor('cms-example');

let source: Record<string, string>[];

beforeAll(async () => {
  const text = new TextDecoder().decode(gunzipSync(await readFile(STAR_INPUTS)));
  source = readSourceCsv(text).filter((r) => r.PROVIDER_ID?.startsWith('21'));
});

async function stored(db: Db, unit: string, element: string, month: string): Promise<number | null> {
  const { rows } = await sql<{ value: number }>`
    select v.value::float8 as value from data_value v
    join org_unit o on o.id = v.org_unit_id join data_element e on e.id = v.data_element_id
    where o.code = ${unit} and e.code = ${element} and v.period_id = ${month}`.execute(db.kysely);
  return rows[0]?.value ?? null;
}

describeEachEngine('CMS Care Compare readmission example', (getDb) => {
  const reports: Awaited<ReturnType<typeof importWithProfile>>[] = [];
  beforeAll(async () => {
    const { ctx } = testContext(getDb());
    await commitImport(ctx, ACTOR, {
      bytes: new Uint8Array(await readFile(here('scorecard.yaml'))),
      fileName: 'scorecard.yaml',
      kind: 'metadata',
    });
    for (const [file, profile] of [
      [HOSPITALS, 'hospitals.profile.json'],
      [STAR_INPUTS, 'readmission.profile.json'],
    ] as const) {
      reports.push(
        await importWithProfile(ctx, ACTOR, {
          bytes: new Uint8Array(await readFile(file)),
          fileName: file.split('/').pop() ?? file,
          profile: parseProfileFile(await readFile(here(profile), 'utf8')),
          dryRun: false,
        }),
      );
    }
  });

  it('builds the United States, Maryland and its 61 hospitals from the hospital list', () => {
    expect([reports[0]?.orgUnits?.toCreate, reports[0]?.errorCount]).toEqual([63, 0]);
  });

  it("imports Maryland's 1,009 rows of the release file: two values for each of the 980 with figures", () => {
    // 29 of Maryland's rows have blank readmission cells (a hospital without enough cases in a release).
    const withFigures = source.filter((r) => r.READM_30_HOSP_WIDE_DEN !== '').length;
    const r = reports[1];
    expect([
      r?.rowsRead,
      r?.rowsFiltered,
      r?.cellsMissing,
      r?.valuesMapped,
      r?.values.toCreate,
      r?.errorCount,
    ]).toEqual([98_055, 98_055 - 1009, 1009 - withFigures, 2 * withFigures, 1960, 0]);
  });

  it.each([
    ['210001', '2018-01-01'],
    ['210009', '2020-10-01'],
    ['210044', '2023-01-01'],
  ])(
    'stores the denominator and rate × denominator of %s in the %s release as in the source',
    async (unit, date) => {
      const row = source.find((r) => r.PROVIDER_ID === unit && r.report_date === date);
      if (row === undefined) throw new Error(`no source row ${unit} ${date}`);
      const month = date.slice(0, 7);
      const den = Number(row.READM_30_HOSP_WIDE_DEN);
      expect(await stored(getDb(), unit, 'readm_hw_index_admissions', month)).toBe(den);
      expect(await stored(getDb(), unit, 'readm_hw_readmissions', month)).toBe(
        Number(row.READM_30_HOSP_WIDE) * den,
      );
    },
  );

  it("evaluates a hospital's readmission rate as the published proportion × 100", async () => {
    const row = source.find((r) => r.PROVIDER_ID === '210009' && r.report_date === '2020-10-01');
    const engine = new EvaluationEngine(getDb(), new ChangeBus());
    const result = await engine.evaluate({
      scorecard: 'CMS-READMISSION',
      orgUnit: '210009',
      period: '2020-10',
    });
    const actual = result.perspectives
      .flatMap((p) => p.indicators)
      .find((i) => i.id === 'readm_30_hosp_wide')?.actual;
    expect(actual).toBeCloseTo(Number(row?.READM_30_HOSP_WIDE) * 100, 10);
  });

  it("evaluates Maryland's rate as Σ readmissions ÷ Σ index admissions over its hospitals (2023-01)", async () => {
    const rows = source.filter((r) => r.report_date === '2023-01-01' && r.READM_30_HOSP_WIDE !== '');
    const readmissions = rows.reduce(
      (s, r) => s + Number(r.READM_30_HOSP_WIDE) * Number(r.READM_30_HOSP_WIDE_DEN),
      0,
    );
    const admissions = rows.reduce((s, r) => s + Number(r.READM_30_HOSP_WIDE_DEN), 0);
    const engine = new EvaluationEngine(getDb(), new ChangeBus());
    const result = await engine.evaluate({
      scorecard: 'CMS-READMISSION',
      orgUnit: 'US-MD',
      period: '2023-01',
    });
    const actual = result.perspectives
      .flatMap((p) => p.indicators)
      .find((i) => i.id === 'readm_30_hosp_wide')?.actual;
    expect(actual).toBeCloseTo((readmissions / admissions) * 100, 10);
  });
});
