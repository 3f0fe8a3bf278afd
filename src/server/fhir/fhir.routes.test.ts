/**
 * FHIR over HTTP: the three CMS eCQM Measures of the shared data folder import as scorecards, generated
 * MeasureReports (alone and in a transaction Bundle) import as data values, and a bad resource gets an
 * OperationOutcome naming the FHIRPath at fault, with nothing written.
 */
import { readFileSync } from 'node:fs';
import type { Bundle, MeasureReport } from '@medplum/fhirtypes';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { createTestServer, type TestServer } from '../../../test/fixtures/server.ts';
import { systemActor } from '../context.ts';
import { commitImport } from '../imports/import.service.ts';

const MEASURES = [
  'CMS108VTEProphylaxisFHIR.json',
  'CMS826HHPIFHIR.json',
  'CMSFHIR529HybridHospitalWideReadmission.json',
];
const measureText = (file: string) =>
  readFileSync(
    new URL(`../../../../shared/data/standards/fhir_ecqm_measures/${file}`, import.meta.url),
    'utf8',
  );

const report = (
  unit: string,
  month: string,
  counts: readonly [number, number, number, number],
): MeasureReport => ({
  resourceType: 'MeasureReport',
  status: 'complete',
  type: 'summary',
  measure: 'https://madie.cms.gov/Measure/CMS108VTEProphylaxisFHIR|0.2.003',
  reporter: { identifier: { system: 'urn:healthbsc:org-unit', value: unit } },
  period: { start: `${month}-01`, end: `${month}` },
  group: [
    {
      population: (['initial-population', 'denominator', 'denominator-exclusion', 'numerator'] as const).map(
        (code, i) => ({
          code: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/measure-population', code }] },
          count: counts[i],
        }),
      ),
    },
  ],
});

const fhir = (server: TestServer, url: string, body: unknown) =>
  server.request('POST', url, undefined).then(async () => {
    const session = await server.adminSession();
    return server.app.inject({
      method: 'POST',
      url,
      payload: JSON.stringify(body),
      headers: { ...session.headers, 'content-type': 'application/fhir+json' },
    });
  });

describeEachEngine('FHIR routes', (getDb) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(getDb());
    const units =
      'code,parent,type,name_en\nFHIR-H1,,hospital,Hospital one\nFHIR-H2,,hospital,Hospital two\n';
    await commitImport(server.ctx, systemActor('fhir-test'), {
      bytes: new TextEncoder().encode(units),
      fileName: 'units.csv',
      kind: 'metadata',
    });
  });
  afterAll(() => server.close());

  it.each(MEASURES)('imports the eCQM Measure %s as a scorecard', async (file) => {
    const response = await fhir(server, '/api/fhir/Measure', JSON.parse(measureText(file)));
    expect([response.statusCode, response.headers['content-type'], response.json().resourceType]).toEqual([
      200,
      'application/fhir+json; charset=utf-8',
      'OperationOutcome',
    ]);
  });

  it('imports a transaction Bundle of generated MeasureReports as the counts of each population', async () => {
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { resource: report('FHIR-H1', '2024-01', [120, 110, 10, 87]) },
        { resource: report('FHIR-H2', '2024-01', [64, 60, 4, 51]) },
      ],
    };
    const response = await fhir(server, '/api/fhir', bundle);
    const { rows } = await sql<{ code: string; element: string; value: number }>`
      select o.code, e.code as element, v.value::float8 as value from data_value v
      join org_unit o on o.id = v.org_unit_id join data_element e on e.id = v.data_element_id
      where v.period_id = '2024-01' and e.code = 'cms108vteprophylaxisfhir_numerator' order by o.code`.execute(
      getDb().kysely,
    );
    expect([response.statusCode, response.json().type, rows.map((r) => [r.code, r.value])]).toEqual([
      200,
      'transaction-response',
      [
        ['FHIR-H1', 87],
        ['FHIR-H2', 51],
      ],
    ]);
  });

  it('answers a report of an unknown reporter with an OperationOutcome naming the identifier, writing nothing', async () => {
    const response = await fhir(
      server,
      '/api/fhir/MeasureReport',
      report('NOWHERE', '2024-02', [1, 1, 0, 1]),
    );
    expect([
      response.statusCode,
      response.json().issue[0].expression,
      response.json().issue[0].diagnostics,
    ]).toEqual([400, ['MeasureReport.reporter.identifier.value'], 'no org unit has the identifier NOWHERE']);
  });

  it('answers a Bundle with a bad period with an OperationOutcome naming the entry and element', async () => {
    const bad = report('FHIR-H1', '2024-03', [1, 1, 0, 1]);
    bad.period = { start: '2024-03-05', end: '2024-03-20' };
    const response = await fhir(server, '/api/fhir', {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ resource: bad }],
    });
    expect([response.statusCode, response.json().resourceType, response.json().issue[0].expression]).toEqual([
      400,
      'OperationOutcome',
      ['Bundle.entry[0].resource.period'],
    ]);
  });
});
