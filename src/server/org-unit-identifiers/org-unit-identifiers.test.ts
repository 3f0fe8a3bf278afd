/**
 * External identifiers of org units on PGlite and PostgreSQL: added and listed over HTTP, one unit per
 * identifier in an organisation; a mapping profile names units by them and records them when it builds the tree
 * (in the same transaction as the units and values); a FHIR MeasureReport's reporter is matched by them.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { uniqueCode } from '../../../test/fixtures/codes.ts';
import { createTestServer, FIXTURE_ACTOR, type TestServer } from '../../../test/fixtures/server.ts';
import { importProfileSchema } from '../../core/contracts/import-profiles.ts';
import type { OrgUnitIdentifierList } from '../../core/contracts/org-unit-identifiers.ts';
import { populationElementCode } from '../../core/fhir/index.ts';
import { importMeasureReports } from '../fhir/fhir-import.service.ts';
import { importWithProfile } from '../import-profiles/profile-import.service.ts';
import { undoImport } from '../imports/import.service.ts';
import { createDataElement } from '../services/data-elements.service.ts';
import { createOrgUnit } from '../services/org-units.service.ts';

const ODS = 'https://fhir.nhs.uk/Id/ods-organization-code';
const ELEMENT = {
  name: { en: 'Attendances' },
  valueType: 'integer',
  aggregation: 'sum',
  timeAggregation: 'sum',
} as const;
const encode = (text: string) => new TextEncoder().encode(text);

describeEachEngine('org-unit identifiers', (getDb) => {
  let server: TestServer;
  let element: string;
  beforeAll(async () => {
    server = await createTestServer(getDb());
    element = uniqueCode('att').toLowerCase();
    await createDataElement(server.ctx, FIXTURE_ACTOR, { ...ELEMENT, code: element });
  });
  afterAll(() => server.close());

  async function unit(): Promise<string> {
    const code = uniqueCode('T');
    await createOrgUnit(server.ctx, FIXTURE_ACTOR, { code, name: { en: code }, type: 'hospital' });
    return code;
  }

  async function stored(code: string, month: string): Promise<number | null> {
    const { rows } = await sql<{ value: number }>`
      select v.value::float8 as value from data_value v join org_unit o on o.id = v.org_unit_id
      join data_element e on e.id = v.data_element_id
      where o.code = ${code} and e.code = ${element} and v.period_id = ${month}`.execute(
      server.ctx.db.kysely,
    );
    return rows[0]?.value ?? null;
  }

  const profile = (code: string, orgTree?: { root: { code: string; name: { en: string } } }) =>
    importProfileSchema.parse({
      format: 'healthbsc/profile@1',
      code,
      unit: { column: 'trust', identifierSystem: ODS, prefix: 'NHS-' },
      period: { column: 'date', format: 'month-name' },
      values: [{ column: 'attendances', dataElement: element }],
      ...(orgTree === undefined ? {} : { orgTree }),
    });

  describe('over HTTP', () => {
    it('adds an identifier (201) and lists it', async () => {
      const code = await unit();
      const value = uniqueCode('R');
      const added = await server.request('POST', `/api/org-units/${code}/identifiers`, {
        system: ODS,
        value,
      });
      const list = (
        await server.request('GET', `/api/org-units/${code}/identifiers`)
      ).json<OrgUnitIdentifierList>();
      expect([added.statusCode, list.items.map((i) => [i.orgUnit, i.system, i.value])]).toEqual([
        201,
        [[code, ODS, value]],
      ]);
    });

    it('answers 200 when the unit holds the identifier already', async () => {
      const code = await unit();
      const body = { system: ODS, value: uniqueCode('R') };
      await server.request('POST', `/api/org-units/${code}/identifiers`, body);
      const again = await server.request('POST', `/api/org-units/${code}/identifiers`, body);
      expect(again.statusCode).toBe(200);
    });

    it('refuses an identifier another unit of the organisation holds, naming it (409)', async () => {
      const root = await unit();
      const [a, b] = [uniqueCode('A'), uniqueCode('B')];
      for (const code of [a, b])
        await createOrgUnit(server.ctx, FIXTURE_ACTOR, {
          code,
          name: { en: code },
          type: 'department',
          parent: root,
        });
      const body = { system: ODS, value: uniqueCode('R') };
      await server.request('POST', `/api/org-units/${a}/identifiers`, body);
      const refused = await server.request('POST', `/api/org-units/${b}/identifiers`, body);
      expect([refused.statusCode, refused.json<{ code: string; params: unknown }>()]).toMatchObject([
        409,
        { code: 'org-unit-identifier.taken', params: { orgUnit: a } },
      ]);
    });
  });

  describe('mapping profiles', () => {
    it('put a value on the unit that holds the identifier of the unit cell', async () => {
      const code = await unit();
      const value = uniqueCode('R');
      await server.request('POST', `/api/org-units/${code}/identifiers`, { system: ODS, value });
      const report = await importWithProfile(server.ctx, FIXTURE_ACTOR, {
        bytes: encode(`trust,date,attendances\n${value},April 2021,17570\n`),
        fileName: 'ae.csv',
        profile: profile(uniqueCode('p')),
        dryRun: false,
      });
      expect([report.errorCount, await stored(code, '2021-04')]).toEqual([0, 17570]);
    });

    it('refuse an identifier no unit holds, by row and column', async () => {
      const report = await importWithProfile(server.ctx, FIXTURE_ACTOR, {
        bytes: encode('trust,date,attendances\nNOBODY,April 2021,1\n'),
        fileName: 'ae.csv',
        profile: profile(uniqueCode('p')),
        dryRun: false,
      });
      expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([[2, 'trust', 'unknown-org-unit']]);
    });

    it('record the identifier of each unit they build, so the next file finds it', async () => {
      const root = uniqueCode('ENG');
      const value = uniqueCode('R');
      const building = profile(uniqueCode('p'), { root: { code: root, name: { en: 'England' } } });
      await importWithProfile(server.ctx, FIXTURE_ACTOR, {
        bytes: encode(`trust,date,attendances\n${value},April 2021,100\n`),
        fileName: 'first.csv',
        profile: building,
        dryRun: false,
      });
      const next = await importWithProfile(server.ctx, FIXTURE_ACTOR, {
        bytes: encode(`trust,date,attendances\n${value},May 2021,120\n`),
        fileName: 'second.csv',
        profile: profile(uniqueCode('p')),
        dryRun: false,
      });
      const list = (
        await server.request('GET', `/api/org-units/NHS-${value}/identifiers`)
      ).json<OrgUnitIdentifierList>();
      expect([
        next.errorCount,
        await stored(`NHS-${value}`, '2021-05'),
        list.items.map((i) => i.value),
      ]).toEqual([0, 120, [value]]);
    });
  });

  describe('undo of a profile import that built units', () => {
    async function identifiersOf(value: string): Promise<string[]> {
      const { rows } = await sql<{ code: string }>`
        select o.code from org_unit_identifier i join org_unit o on o.id = i.org_unit_id
        where i.system = ${ODS} and i.value = ${value}`.execute(server.ctx.db.kysely);
      return rows.map((r) => r.code);
    }

    async function build(value: string) {
      const report = await importWithProfile(server.ctx, FIXTURE_ACTOR, {
        bytes: encode(`trust,date,attendances\n${value},April 2021,100\n`),
        fileName: 'built.csv',
        profile: profile(uniqueCode('p'), { root: { code: uniqueCode('ENG'), name: { en: 'England' } } }),
        dryRun: false,
      });
      return { units: Number(report.orgUnits?.batchId), values: Number(report.values.batchId) };
    }

    it('removes the identifiers it recorded with the units it created', async () => {
      const value = uniqueCode('R');
      const batches = await build(value);
      await undoImport(server.ctx, FIXTURE_ACTOR, batches.values);
      await undoImport(server.ctx, FIXTURE_ACTOR, batches.units);
      const { rows } = await sql`select 1 from org_unit where code = ${`NHS-${value}`}`.execute(
        server.ctx.db.kysely,
      );
      expect([await identifiersOf(value), rows.length]).toEqual([[], 0]);
    });

    it('undoing only the values keeps the units’ identifiers', async () => {
      const value = uniqueCode('R');
      const batches = await build(value);
      await undoImport(server.ctx, FIXTURE_ACTOR, batches.values);
      expect(await identifiersOf(value)).toEqual([`NHS-${value}`]);
    });

    it('is refused while an identifier added since uses a unit, keeping the import’s own (409)', async () => {
      const value = uniqueCode('R');
      const batches = await build(value);
      await undoImport(server.ctx, FIXTURE_ACTOR, batches.values);
      await server.request('POST', `/api/org-units/NHS-${value}/identifiers`, {
        system: 'https://example.org/local',
        value: uniqueCode('L'),
      });
      await expect(undoImport(server.ctx, FIXTURE_ACTOR, batches.units)).rejects.toMatchObject({
        problem: { status: 409, code: 'import.org-unit-in-use', params: { code: `NHS-${value}` } },
      });
      expect(await identifiersOf(value)).toEqual([`NHS-${value}`]);
    });
  });

  it("matches a FHIR MeasureReport's reporter by its identifier system and value", async () => {
    const code = await unit();
    const value = uniqueCode('R');
    await server.request('POST', `/api/org-units/${code}/identifiers`, { system: ODS, value });
    const measure = uniqueCode('mx');
    const numerator = populationElementCode(measure, 'numerator');
    await createDataElement(server.ctx, FIXTURE_ACTOR, { ...ELEMENT, code: numerator });
    const result = await importMeasureReports(
      server.ctx,
      FIXTURE_ACTOR,
      {
        resourceType: 'MeasureReport',
        status: 'complete',
        type: 'summary',
        measure: `https://example.org/Measure/${measure}`,
        reporter: { identifier: { system: ODS, value } },
        period: { start: '2024-01-01', end: '2024-01-31' },
        group: [{ population: [{ code: { coding: [{ code: 'numerator' }] }, count: 41 }] }],
      },
      { dryRun: false },
    );
    const { rows } = await sql<{ value: number }>`
      select v.value::float8 as value from data_value v join org_unit o on o.id = v.org_unit_id
      join data_element e on e.id = v.data_element_id where o.code = ${code} and e.code = ${numerator}`.execute(
      server.ctx.db.kysely,
    );
    expect([result.issues, rows.map((r) => r.value)]).toEqual([[], [41]]);
  });
});
