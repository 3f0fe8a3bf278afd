/**
 * The NHS England bed example end to end on real data: convert the published file, import the org units, the
 * scorecard and the values through the import service (what `healthbsc import` and POST /api/imports call),
 * and check the stored inputs of bed_occupancy against figures computed here straight from the source CSV.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connect.ts';
import { ChangeBus } from '../../src/server/change-bus.ts';
import { systemActor } from '../../src/server/context.ts';
import { EvaluationEngine } from '../../src/server/evaluation/evaluation-engine.ts';
import { commitImport } from '../../src/server/imports/import.service.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { testContext } from '../../test/fixtures/imports/world.ts';
import { type ConvertedBeds, convertBeds, DEFAULT_INPUT, monthId } from './convert.ts';

const SCORECARD = fileURLToPath(new URL('./scorecard.yaml', import.meta.url));
const ACTOR = systemActor('nhs-example');

interface SourceRow {
  readonly trust: string;
  readonly date: string;
  readonly available: number;
  readonly occupied: number;
}

/** The source rows read naively (every field is a quoted text or a bare number; no commas inside fields). */
function readSource(text: string): SourceRow[] {
  const [header, ...lines] = text
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(',').map((f) => f.replace(/^"|"$/g, '')));
  const col = (name: string) => header?.indexOf(name) ?? -1;
  return lines.map((f) => ({
    trust: f[col('nhs_trust22_code')] ?? '',
    date: f[col('date')] ?? '',
    available: Number(f[col('general_acute_beds_available')]),
    occupied: Number(f[col('general_acute_beds_occupied')]),
  }));
}

let source: SourceRow[];
let converted: ConvertedBeds;

beforeAll(async () => {
  const bytes = await readFile(DEFAULT_INPUT);
  source = readSource(new TextDecoder().decode(bytes));
  converted = await convertBeds(bytes);
});

describe('convert.ts', () => {
  it.each([
    ['April 2022', '2022-04'],
    ['September 2025', '2025-09'],
    ['december 2023', '2023-12'],
    ['2022-04', null],
    ['Sept 2025', null],
  ])('reads the month %s as %s', (text, id) => {
    expect(monthId(text)).toBe(id);
  });

  it('writes two values per source row, one org unit per trust under England, and skips nothing in this file', () => {
    // The published file: 5,557 rows, 137 trusts, April 2022 to August 2025 (its name says 2025-09; the last
    // month in it is August). Every G&A figure is present.
    expect(converted).toMatchObject({ rowsRead: 5557, valuesWritten: 11_114, skipped: [] });
    expect(converted.trusts).toHaveLength(137);
    expect([converted.months[0], converted.months.at(-1), converted.months.length]).toEqual([
      '2022-04',
      '2025-08',
      41,
    ]);
  });

  it('skips and reports a blank value, keeping the other value of the row', async () => {
    const text = [
      '"nhs_trust22_code","date","general_acute_beds_available","general_acute_beds_occupied"',
      '"R0A","April 2022",2286,',
      '"R0B","Smarch 2022",10,9',
    ].join('\n');
    const result = await convertBeds(new TextEncoder().encode(text));
    expect(result.skipped).toEqual([
      { line: 2, trust: 'R0A', date: 'April 2022', column: 'general_acute_beds_occupied', reason: 'blank' },
      {
        line: 3,
        trust: 'R0B',
        date: 'Smarch 2022',
        column: 'date',
        reason: 'not a month written as "April 2022"',
      },
    ]);
    expect(
      new TextDecoder()
        .decode(result.data)
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toEqual(['org_unit,period,data_element,value', 'R0A,2022-04,ga_beds_available,2286']);
  });
});

/** Σ of a data element over the given trusts (all under England when `trust` is null) for a month. */
async function total(db: Db, element: string, month: string, trust: string | null): Promise<number> {
  const { rows } = await sql<{ total: number }>`
    select sum(v.value)::float8 as total
    from data_value v
    join org_unit o on o.id = v.org_unit_id
    join data_element e on e.id = v.data_element_id
    where e.code = ${element} and v.period_id = ${month}
      and o.path like (select path || '%' from org_unit where code = 'ENG')
      and (${trust}::text is null or o.code = ${trust})
  `.execute(db.kysely);
  return rows[0]?.total ?? Number.NaN;
}

describeEachEngine('NHS England beds example', (getDb) => {
  beforeAll(async () => {
    const { ctx } = testContext(getDb());
    const steps = [
      { bytes: converted.orgUnits, fileName: 'org-units.csv', kind: 'metadata' as const },
      {
        bytes: new Uint8Array(await readFile(SCORECARD)),
        fileName: 'scorecard.yaml',
        kind: 'metadata' as const,
      },
      { bytes: converted.data, fileName: 'data.csv', kind: 'data' as const },
    ];
    const reports = [];
    for (const step of steps) reports.push(await commitImport(ctx, ACTOR, step));
    expect(reports.map((r) => [r.fileName, r.toCreate, r.errorCount])).toEqual([
      ['org-units.csv', 138, 0],
      ['scorecard.yaml', 1, 0],
      ['data.csv', 11_114, 0],
    ]);
  });

  it.each([
    ['R0A', 'April 2022'],
    ['RJ1', 'January 2024'],
    ['RYJ', 'August 2025'],
  ])("gives one trust's occupied ÷ available (%s, %s) as in the source", async (trust, date) => {
    const row = source.find((r) => r.trust === trust && r.date === date);
    if (row === undefined) throw new Error(`no source row for ${trust} ${date}`);
    const month = monthId(date) ?? '';
    const occupied = await total(getDb(), 'ga_beds_occupied', month, trust);
    const available = await total(getDb(), 'ga_beds_available', month, trust);
    expect([occupied, available]).toEqual([row.occupied, row.available]);
    expect((occupied / available) * 100).toBeCloseTo((row.occupied / row.available) * 100, 12);
  });

  it.each(['April 2022', 'January 2024', 'August 2025'])(
    'gives England as Σ occupied ÷ Σ available over all trusts for %s',
    async (date) => {
      const rows = source.filter((r) => r.date === date);
      const occupied = rows.reduce((sum, r) => sum + r.occupied, 0);
      const available = rows.reduce((sum, r) => sum + r.available, 0);
      const month = monthId(date) ?? '';
      const stored = {
        occupied: await total(getDb(), 'ga_beds_occupied', month, null),
        available: await total(getDb(), 'ga_beds_available', month, null),
      };
      expect(stored).toEqual({ occupied, available });
      // Not the mean of the trusts' rates: the two differ, which is why the formula keeps its parts apart.
      const rated = rows.filter((r) => r.available > 0);
      const meanOfRates = rated.reduce((sum, r) => sum + r.occupied / r.available, 0) / rated.length;
      expect(Math.abs(occupied / available - meanOfRates)).toBeGreaterThan(1e-4);
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
  ])(
    "evaluates a trust's bed-occupancy indicator as its occupied ÷ available (%s, %s)",
    async (trust, date) => {
      const row = source.find((r) => r.trust === trust && r.date === date);
      if (row === undefined) throw new Error(`no source row for ${trust} ${date}`);
      expect(await occupancy(trust, monthId(date) ?? '')).toBeCloseTo(
        (row.occupied / row.available) * 100,
        10,
      );
    },
  );

  it.each(['April 2022', 'August 2025'])(
    "evaluates England's bed-occupancy indicator as Σ occupied ÷ Σ available over all trusts (%s)",
    async (date) => {
      const rows = source.filter((r) => r.date === date);
      const occupied = rows.reduce((sum, r) => sum + r.occupied, 0);
      const available = rows.reduce((sum, r) => sum + r.available, 0);
      expect(await occupancy('ENG', monthId(date) ?? '')).toBeCloseTo((occupied / available) * 100, 10);
    },
  );
});
