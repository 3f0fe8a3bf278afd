/**
 * NHS England's monthly G&A bed figures imported as they are published, with the saved profile beside this file
 * (no converter script): trusts built under England, two counts per trust and month (`April 2022` → 2022-04).
 * The stored counts, England's Σ occupied ÷ Σ available and the evaluated bed occupancy are compared with the
 * source rows; the months a trust reported 0 beds give no occupancy, not 0 %.
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

const SOURCE = sharedData('nhs_england_trusts/beds_trust_monthly_2022-04_to_2025-09.csv');
const here = (name: string) => new URL(`./${name}`, import.meta.url);
const ACTOR = systemActor('nhs-beds-example');

interface SourceRow {
  readonly trust: string;
  readonly date: string;
  readonly available: number;
  readonly occupied: number;
}

let source: SourceRow[];
beforeAll(async () => {
  source = readSourceCsv(await readFile(SOURCE, 'utf8')).map((r) => ({
    trust: r.nhs_trust22_code ?? '',
    date: r.date ?? '',
    available: Number(r.general_acute_beds_available),
    occupied: Number(r.general_acute_beds_occupied),
  }));
});

const monthOf = (date: string): string => readPeriodCell(date, 'month-name', 'month') ?? '';

function sourceRow(trust: string, date: string): SourceRow {
  const row = source.find((r) => r.trust === trust && r.date === date);
  if (row === undefined) throw new Error(`no source row for ${trust} ${date}`);
  return row;
}

/** England's Σ occupied and Σ available over the source rows of a month. */
function englandTotals(date: string): { occupied: number; available: number } {
  const rows = source.filter((r) => r.date === date);
  return {
    occupied: rows.reduce((sum, r) => sum + r.occupied, 0),
    available: rows.reduce((sum, r) => sum + r.available, 0),
  };
}

/** Σ of a data element's stored values over one trust, or over every unit under England when `trust` is null. */
async function total(db: Db, element: string, month: string, trust: string | null): Promise<number | null> {
  const { rows } = await sql<{ total: number | null }>`
    select sum(v.value)::float8 as total
    from data_value v
    join org_unit o on o.id = v.org_unit_id
    join data_element e on e.id = v.data_element_id
    where e.code = ${element} and v.period_id = ${month}
      and o.path like (select path || '%' from org_unit where code = 'ENG')
      and (${trust}::text is null or o.code = ${trust})
  `.execute(db.kysely);
  return rows[0]?.total ?? null;
}

describeEachEngine('NHS England beds example', (getDb) => {
  let dryRun: ProfileImportReport;
  let writtenByDryRun: number;
  let report: ProfileImportReport;
  beforeAll(async () => {
    const { ctx } = testContext(getDb());
    await commitImport(ctx, ACTOR, {
      bytes: new Uint8Array(await readFile(here('scorecard.yaml'))),
      fileName: 'scorecard.yaml',
      kind: 'metadata',
    });
    const file = {
      bytes: new Uint8Array(await readFile(SOURCE)),
      fileName: 'beds_trust_monthly_2022-04_to_2025-09.csv',
      profile: parseProfileFile(await readFile(here('beds.profile.json'), 'utf8')),
    };
    dryRun = await importWithProfile(ctx, ACTOR, { ...file, dryRun: true });
    const { rows } = await sql<{ n: number }>`
      select (select count(*) from org_unit where code = 'ENG' or code = 'R0A')::int
        + (select count(*) from data_value)::int as n`.execute(getDb().kysely);
    writtenByDryRun = rows[0]?.n ?? Number.NaN;
    report = await importWithProfile(ctx, ACTOR, { ...file, dryRun: false });
  });

  it('counts in a dry run what the import then writes (the 138 units it builds included), writing nothing', () => {
    expect([dryRun.orgUnits, dryRun.values, dryRun.errorCount, dryRun.committed, writtenByDryRun]).toEqual([
      { toCreate: 138, toUpdate: 0, batchId: null },
      { toCreate: 11_114, toUpdate: 0, unchanged: 0, batchId: null },
      0,
      false,
      0,
    ]);
  });

  it('imports every row: England and its 137 trusts, two values a row, nothing missing or refused', () => {
    // The published file: 5,557 rows, 137 trusts, April 2022 to August 2025 (its name says 2025-09; the last
    // month in it is August). Every G&A figure is present.
    expect([
      report.rowsRead,
      report.orgUnits?.toCreate,
      report.cellsMissing,
      report.values.toCreate,
      report.errorCount,
    ]).toEqual([5557, 138, 0, 11_114, 0]);
  });

  it('reads the months as written, April 2022 to August 2025', async () => {
    const { rows } = await sql<{ first: string; last: string; months: number }>`
      select min(period_id) as first, max(period_id) as last, count(distinct period_id)::int as months
      from data_value`.execute(getDb().kysely);
    expect(rows[0]).toEqual({ first: '2022-04', last: '2025-08', months: 41 });
  });

  it.each([
    ['R0A', 'April 2022'],
    ['RJ1', 'January 2024'],
    ['RYJ', 'August 2025'],
  ])("stores a trust's beds occupied and available (%s, %s) as in the source", async (trust, date) => {
    const row = sourceRow(trust, date);
    const month = monthOf(date);
    expect({
      occupied: await total(getDb(), 'ga_beds_occupied', month, trust),
      available: await total(getDb(), 'ga_beds_available', month, trust),
    }).toEqual({ occupied: row.occupied, available: row.available });
  });

  it.each(['April 2022', 'January 2024', 'August 2025'])(
    "sums England's beds over all its trusts for %s",
    async (date) => {
      const month = monthOf(date);
      expect({
        occupied: await total(getDb(), 'ga_beds_occupied', month, null),
        available: await total(getDb(), 'ga_beds_available', month, null),
      }).toEqual(englandTotals(date));
    },
  );

  /** The bed-occupancy indicator as the product evaluates it (GET /api/evaluations), for one unit and month. */
  async function occupancy(orgUnit: string, month: string): Promise<number | null | undefined> {
    const engine = new EvaluationEngine(getDb(), new ChangeBus());
    const result = await engine.evaluate({ scorecard: 'NHS-BEDS', orgUnit, period: month });
    return result.perspectives.flatMap((p) => p.indicators).find((i) => i.id === 'bed_occupancy')?.actual;
  }

  it.each([
    ['R0A', 'April 2022'],
    ['RJ1', 'January 2024'],
  ])("evaluates a trust's bed occupancy as its occupied ÷ available (%s, %s)", async (trust, date) => {
    const row = sourceRow(trust, date);
    expect(await occupancy(trust, monthOf(date))).toBeCloseTo((row.occupied / row.available) * 100, 10);
  });

  it.each(['April 2022', 'August 2025'])(
    "evaluates England's bed occupancy as Σ occupied ÷ Σ available, not the mean of the trusts' rates (%s)",
    async (date) => {
      const { occupied, available } = englandTotals(date);
      const rated = source.filter((r) => r.date === date && r.available > 0);
      const meanOfRates = rated.reduce((sum, r) => sum + r.occupied / r.available, 0) / rated.length;
      const actual = await occupancy('ENG', monthOf(date));
      expect(actual).toBeCloseTo((occupied / available) * 100, 10);
      // The two differ, which is why the formula keeps its parts apart.
      expect(Math.abs((actual ?? 0) / 100 - meanOfRates)).toBeGreaterThan(1e-4);
    },
  );

  it.each([
    ['RA4', 'May 2023'],
    ['RA4', 'July 2023'],
    ['RVY', 'August 2023'],
  ])(
    'stores the 0 beds a trust reported (%s, %s) and gives it no occupancy (0 ÷ 0 is no value)',
    async (trust, date) => {
      const row = sourceRow(trust, date);
      const month = monthOf(date);
      expect([row.available, row.occupied]).toEqual([0, 0]);
      expect({
        occupied: await total(getDb(), 'ga_beds_occupied', month, trust),
        available: await total(getDb(), 'ga_beds_available', month, trust),
        occupancy: await occupancy(trust, month),
      }).toEqual({ occupied: 0, available: 0, occupancy: null });
    },
  );
});
