export {
  FHIR_POPULATIONS,
  FhirPathError,
  type FhirPopulation,
  type MeasureDefinitions,
  measureNameOfCanonical,
  measureToScorecard,
  populationElementCode,
} from './measure.ts';
export {
  type FhirIssue,
  type FhirValue,
  measureReportValues,
  operationOutcome,
  periodOfFhir,
  readMeasureReports,
} from './measure-report.ts';
