/**
 * FHIR R4 `MeasureReport` (summary or data-collection) → data values: each group population's count becomes
 * the value of the data element `populationElementCode(measure, population)` (measure.ts), for the org unit
 * the reporter (else the subject) names by identifier, and the period the report's period covers (a whole
 * month, quarter or year). Reports come alone or in a Bundle (transaction or collection). Every problem names
 * its FHIRPath, for the OperationOutcome. https://hl7.org/fhir/R4/measurereport.html
 */
import type { Bundle, MeasureReport, Reference } from '@medplum/fhirtypes';
import { makePeriod } from '../periods/period.ts';
import {
  FHIR_POPULATIONS,
  FhirPathError,
  type FhirPopulation,
  measureNameOfCanonical,
  populationElementCode,
} from './measure.ts';

export interface FhirValue {
  /** The identifier's value naming the org unit (its code, or an identifier the caller translates). */
  readonly orgUnit: string;
  readonly identifierSystem: string | null;
  readonly period: string;
  readonly dataElement: string;
  readonly value: number;
  /** FHIRPath of the count, for errors found later (an unknown data element, a locked period). */
  readonly path: string;
}

/** A problem of one resource of a batch: where (FHIRPath) and what (a `fhir.*` code). */
export interface FhirIssue {
  readonly path: string;
  readonly code: FhirPathError['code'];
  readonly params: FhirPathError['params'];
  readonly message: string;
}

function isoDay(text: string | undefined): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(text ?? '');
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3] ?? '1') } : null;
}

/**
 * The period id a FHIR Period covers: a whole month, quarter or year (start on the first day, end on the last).
 *
 * @example periodOfFhir({ start: '2024-01-01', end: '2024-03-31' }) // '2024Q1'
 */
export function periodOfFhir(period: { start?: string; end?: string } | undefined): string | null {
  const start = isoDay(period?.start);
  const end = isoDay(period?.end);
  if (!start || !end || start.d !== 1) return null;
  const last = new Date(Date.UTC(end.y, end.m, 0)).getUTCDate();
  // An end given as a month (`2024-03`) or as its last day, with or without a time.
  if ((period?.end ?? '').length > 7 && end.d !== last) return null;
  const months = (end.y - start.y) * 12 + end.m - start.m + 1;
  if (months === 1) return makePeriod('month', start.y, start.m).id;
  if (months === 3 && start.m % 3 === 1) return makePeriod('quarter', start.y, (start.m + 2) / 3).id;
  if (months === 12 && start.m === 1) return makePeriod('year', start.y, 1).id;
  return null;
}

function unitOf(ref: Reference | undefined): { value: string; system: string | null } | null {
  const value = ref?.identifier?.value;
  return value ? { value, system: ref?.identifier?.system ?? null } : null;
}

/**
 * The values of one MeasureReport. Throws `FhirPathError` at the first thing it cannot read (`base` prefixes
 * the paths, `Bundle.entry[2].resource` inside a bundle).
 *
 * @example measureReportValues(report)[0] // { orgUnit: '210009', period: '2024-01', dataElement: 'cms108…_numerator', value: 41, … }
 */
export function measureReportValues(report: MeasureReport, base = 'MeasureReport'): FhirValue[] {
  if (report.resourceType !== 'MeasureReport')
    throw new FhirPathError(base, 'fhir.wrong-resource', {
      expected: 'MeasureReport',
      got: String(report.resourceType),
    });
  if (!report.measure)
    throw new FhirPathError(`${base}.measure`, 'fhir.missing-element', { element: 'MeasureReport.measure' });
  const unit = unitOf(report.reporter) ?? unitOf(report.subject);
  if (!unit)
    throw new FhirPathError(`${base}.reporter`, 'fhir.missing-element', {
      element: 'MeasureReport.reporter.identifier',
    });
  const period = periodOfFhir(report.period);
  if (period === null)
    throw new FhirPathError(`${base}.period`, 'fhir.unreadable-period', {
      start: report.period?.start ?? '',
      end: report.period?.end ?? '',
    });
  const name = measureNameOfCanonical(report.measure);
  const values: FhirValue[] = [];
  for (const [g, group] of (report.group ?? []).entries()) {
    for (const [p, population] of (group.population ?? []).entries()) {
      const code = population.code?.coding?.find((c) => FHIR_POPULATIONS.some((f) => f === c.code))?.code;
      if (code === undefined) continue; // measure-population codes we do not keep (numerator-exclusion…)
      const path = `${base}.group[${g}].population[${p}].count`;
      const count = population.count;
      if (count === undefined) continue;
      if (!Number.isInteger(count) || count < 0)
        throw new FhirPathError(path, 'fhir.bad-count', { value: String(count) });
      values.push({
        orgUnit: unit.value,
        identifierSystem: unit.system,
        period,
        dataElement: populationElementCode(name, code as FhirPopulation),
        value: count,
        path,
      });
    }
  }
  if (values.length === 0) throw new FhirPathError(`${base}.group`, 'fhir.no-populations');
  return values;
}

/**
 * The values of a MeasureReport or of every MeasureReport in a Bundle, and every problem (all are found, none
 * stops the others); other resources in a Bundle are refused by path.
 *
 * @example readMeasureReports(bundle).issues // [{ path: 'Bundle.entry[1].resource.period', code: 'fhir.unreadable-period', … }]
 */
export function readMeasureReports(resource: MeasureReport | Bundle): {
  values: FhirValue[];
  issues: FhirIssue[];
  reports: number;
} {
  const values: FhirValue[] = [];
  const issues: FhirIssue[] = [];
  const take = (report: MeasureReport, base: string) => {
    try {
      values.push(...measureReportValues(report, base));
    } catch (error) {
      if (!(error instanceof FhirPathError)) throw error;
      issues.push({ path: error.path, code: error.code, params: error.params, message: error.message });
    }
  };
  if (resource.resourceType === 'Bundle') {
    const entries = resource.entry ?? [];
    for (const [i, entry] of entries.entries()) {
      const r = entry.resource;
      if (r?.resourceType === 'MeasureReport') take(r, `Bundle.entry[${i}].resource`);
      else {
        const error = new FhirPathError(`Bundle.entry[${i}].resource`, 'fhir.wrong-resource', {
          expected: 'MeasureReport',
          got: String(r?.resourceType ?? 'nothing'),
        });
        issues.push({ path: error.path, code: error.code, params: error.params, message: error.message });
      }
    }
    return { values, issues, reports: entries.length };
  }
  take(resource, 'MeasureReport');
  return { values, issues, reports: 1 };
}

/** An R4 OperationOutcome listing issues, each with its FHIRPath in `expression`. */
export function operationOutcome(
  issues: readonly Pick<FhirIssue, 'path' | 'message' | 'code'>[],
  code = 'invalid',
) {
  return {
    resourceType: 'OperationOutcome' as const,
    issue: issues.map((i) => ({
      severity: 'error' as const,
      code,
      details: { coding: [{ system: 'https://healthbsc.org/problem', code: i.code }], text: i.message },
      diagnostics: i.message,
      expression: [i.path],
    })),
  };
}
