/**
 * NHS England's monthly A&E file imported as it is published, with the saved profile beside this file (no
 * converter script): trusts built under England, four counts per trust and month (`April 2021` → 2021-04), blank
 * cells left as no value. Stored values and the evaluated four-hour share are compared with the source rows.
 */
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { ProfileImportReport } from '../../src/core/contracts/import-profiles.ts';
import { readPeriodCell } from '../../src/core/import-profiles/index.ts';
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

const SOURCE = sharedData('nhs_england_trusts/ae_trust_monthly_2021-04_to_2025-07.csv');
const here = (name: string) => new URL(`./${name}`, import.meta.url);
const ACTOR = systemActor('nhs-ae-example');

let source: Record<string, string>[];
beforeAll(async () => {
  source = readSourceCsv(await readFile(SOURCE, 'utf8'));
});

async function stored(db: Db, unit: string, element: string, month: string): Promise<number | null> {
  const { rows } = await sql<{ value: number }>`
    select v.value::float8 as value from data_value v
    join org_unit o on o.id = v.org_unit_id join data_element e on e.id = v.data_element_id
    where o.code = ${unit} and e.code = ${element} and v.period_id = ${month}`.execute(db.kysely);
  return rows[0]?.value ?? null;
}

const cell = (text: string | undefined): number | null =>
  text === undefined || text === '' ? null : Number(text);

describeEachEngine('NHS England A&E example', (getDb) => {
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
      fileName: 'ae_trust_monthly_2021-04_to_2025-07.csv',
      profile: parseProfileFile(await readFile(here('ae.profile.json'), 'utf8')),
      dryRun: false,
    });
  });

  it('imports every row: England and its 157 trusts, four values a row less the blank cells', () => {
    const blanks = source.reduce(
      (n, r) =>
        n +
        [
          'total_attendances',
          'attendances_over_4hours',
          'total_emergency_admissions',
          'emergency_admissions_over_4hours',
        ].filter((c) => r[c] === '').length,
      0,
    );
    expect([
      report.rowsRead,
      report.orgUnits?.toCreate,
      report.cellsMissing,
      report.values.toCreate,
      report.errorCount,
    ]).toEqual([7895, 158, blanks, 4 * 7895 - blanks, 0]);
  });

  it.each([
    ['RC9', 'April 2021'],
    ['RJ1', 'January 2024'],
    ['RYJ', 'July 2025'],
  ])("stores a trust's four counts (%s, %s) as in the source", async (trust, date) => {
    const row = source.find((r) => r.nhs_trust22_code === trust && r.date === date);
    const month = readPeriodCell(date, 'month-name', 'month') ?? '';
    const got = [
      await stored(getDb(), trust, 'ae_attendances', month),
      await stored(getDb(), trust, 'ae_over_4h', month),
      await stored(getDb(), trust, 'ae_emergency_admissions', month),
      await stored(getDb(), trust, 'ae_admissions_over_4h', month),
    ];
    expect(got).toEqual([
      cell(row?.total_attendances),
      cell(row?.attendances_over_4hours),
      cell(row?.total_emergency_admissions),
      cell(row?.emergency_admissions_over_4hours),
    ]);
  });

  it("evaluates England's four-hour share as Σ over 4 h ÷ Σ attendances over the trusts that report both (July 2025)", async () => {
    const rows = source.filter((r) => r.date === 'July 2025' && r.attendances_over_4hours !== '');
    const over = rows.reduce((s, r) => s + Number(r.attendances_over_4hours), 0);
    const all = rows.reduce((s, r) => s + Number(r.total_attendances), 0);
    const engine = new EvaluationEngine(getDb(), new ChangeBus());
    const result = await engine.evaluate({ scorecard: 'NHS-AE', orgUnit: 'ENG', period: '2025-07' });
    const actual = result.perspectives
      .flatMap((p) => p.indicators)
      .find((i) => i.id === 'ae_over_4h_share')?.actual;
    expect(actual).toBeCloseTo((over / all) * 100, 10);
  });
});
