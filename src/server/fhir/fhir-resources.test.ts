/** The FHIR readers (core/fhir) on the CMS eCQM Measures of the shared data folder and on generated MeasureReports (here, not in core, because it reads files). */
import { readFileSync } from 'node:fs';
import type { Bundle, Measure, MeasureReport } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import {
  measureToScorecard,
  operationOutcome,
  periodOfFhir,
  readMeasureReports,
} from '../../core/fhir/index.ts';
import { compileScorecard, readScorecardFile } from '../../core/scorecard/index.ts';

/** The three CMS eCQM Measures in the shared data folder beside the clone (its README.md, "standards"). */
const measure = (file: string): Measure =>
  JSON.parse(
    readFileSync(
      new URL(`../../../../shared/data/standards/fhir_ecqm_measures/${file}`, import.meta.url),
      'utf8',
    ),
  ) as Measure;

const CMS108 = 'CMS108VTEProphylaxisFHIR.json';
const CMS826 = 'CMS826HHPIFHIR.json';
const CMS529 = 'CMSFHIR529HybridHospitalWideReadmission.json';

describe('measureToScorecard', () => {
  it.each([
    [CMS108, 'proportion', 'higher'],
    [CMS826, 'proportion', 'lower'],
    [CMS529, 'cohort', 'lower'],
  ])('reads %s scoring and improvement notation from the group extensions', (file, scoring, direction) => {
    const m = measureToScorecard(measure(file));
    expect([m.scoring, m.direction]).toEqual([scoring, direction]);
  });

  it('makes CMS108 four data elements and a ratio indicator net of the denominator exclusion, higher is better', () => {
    const { scorecard } = measureToScorecard(measure(CMS108));
    const compiled = compileScorecard(readScorecardFile(scorecard).file);
    const indicator = compiled.perspectives[0]?.indicators[0];
    expect(compiled.dataElements.map((d) => d.code)).toEqual([
      'cms108vteprophylaxisfhir_initial_population',
      'cms108vteprophylaxisfhir_denominator',
      'cms108vteprophylaxisfhir_denominator_exclusion',
      'cms108vteprophylaxisfhir_numerator',
    ]);
    expect([indicator?.id, indicator?.direction]).toEqual(['cms108vteprophylaxisfhir', { kind: 'higher' }]);
  });

  it('makes the cohort measure CMS529 a data element and no indicator', () => {
    const m = measureToScorecard(measure(CMS529));
    expect([m.populations, m.scorecard.perspectives]).toEqual([['initial-population'], []]);
  });

  it('names the path of what a Measure lacks', () => {
    expect(() => measureToScorecard({ resourceType: 'Measure', status: 'active', name: 'X' })).toThrow(
      expect.objectContaining({ path: 'Measure.group', code: 'fhir.missing-element' }),
    );
  });
});

const report = (over: Partial<MeasureReport> = {}): MeasureReport => ({
  resourceType: 'MeasureReport',
  status: 'complete',
  type: 'summary',
  measure: 'https://madie.cms.gov/Measure/CMS108VTEProphylaxisFHIR|0.2.003',
  reporter: { identifier: { system: 'http://hl7.org/fhir/sid/us-npi', value: '210009' } },
  period: { start: '2024-01-01', end: '2024-01-31' },
  group: [
    {
      population: [
        { code: { coding: [{ code: 'initial-population' }] }, count: 120 },
        { code: { coding: [{ code: 'denominator' }] }, count: 110 },
        { code: { coding: [{ code: 'denominator-exclusion' }] }, count: 10 },
        { code: { coding: [{ code: 'numerator' }] }, count: 87 },
      ],
    },
  ],
  ...over,
});

describe('readMeasureReports', () => {
  it('turns each population count into a value of its data element for the reporter and month', () => {
    const { values, issues } = readMeasureReports(report());
    expect([issues, values.map((v) => [v.orgUnit, v.period, v.dataElement, v.value])]).toEqual([
      [],
      [
        ['210009', '2024-01', 'cms108vteprophylaxisfhir_initial_population', 120],
        ['210009', '2024-01', 'cms108vteprophylaxisfhir_denominator', 110],
        ['210009', '2024-01', 'cms108vteprophylaxisfhir_denominator_exclusion', 10],
        ['210009', '2024-01', 'cms108vteprophylaxisfhir_numerator', 87],
      ],
    ]);
  });

  it('reads every report of a transaction Bundle and names the path of a bad one', () => {
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { resource: report({ period: { start: '2024-01-01', end: '2024-03-31' } }) },
        { resource: report({ period: { start: '2024-01-05', end: '2024-02-11' } }) },
        { resource: { resourceType: 'Patient' } },
      ],
    };
    const { values, issues } = readMeasureReports(bundle);
    expect([new Set(values.map((v) => v.period)), issues.map((i) => [i.path, i.code])]).toEqual([
      new Set(['2024Q1']),
      [
        ['Bundle.entry[1].resource.period', 'fhir.unreadable-period'],
        ['Bundle.entry[2].resource', 'fhir.wrong-resource'],
      ],
    ]);
  });

  it('refuses a fractional count at its path, worded as an OperationOutcome', () => {
    const bad = report();
    const population = bad.group?.[0]?.population?.[3];
    if (population) population.count = 8.5;
    const outcome = operationOutcome(readMeasureReports(bad).issues);
    expect(outcome.issue.map((i) => [i.expression, i.diagnostics])).toEqual([
      [
        ['MeasureReport.group[0].population[3].count'],
        'a population count must be a whole number ≥ 0 (got 8.5)',
      ],
    ]);
  });

  it.each([
    [{ start: '2024-04-01', end: '2024-06-30' }, '2024Q2'],
    [{ start: '2023-01-01', end: '2023-12-31T23:59:59Z' }, '2023'],
    [{ start: '2024-02-01', end: '2024-02' }, '2024-02'],
    [{ start: '2024-02-01', end: '2024-02-28' }, null],
  ])('reads the FHIR period %o as %s', (period, id) => {
    expect(periodOfFhir(period)).toBe(id);
  });
});
