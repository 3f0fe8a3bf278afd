/**
 * FHIR R4 `Measure` → HealthBSC: one data element per population the measure counts and, for a proportion or
 * ratio measure, an indicator numerator ÷ (denominator − denominator exclusion) × 100 whose direction is the
 * measure's improvement notation. In the CMS eCQM files (cqframework/ecqm-content-qicore-2024) the scoring and
 * the improvement notation sit in group-level extensions (`cqfm-scoring`, `cqfm-improvementNotation`), not in
 * the top-level fields; both places are read, the group's first. A cohort measure (CMS529's initial population
 * only) becomes data elements and no indicator. FHIR R4: https://hl7.org/fhir/R4/measure.html
 */
import type { Extension, Measure, MeasureGroup } from '@medplum/fhirtypes';
import { type MessageParams, wordProblem } from '../errors/messages/index.ts';
import type { ProblemCode } from '../errors/problem.ts';

/** The populations imported, as FHIR codes them (measure-population value set). */
export const FHIR_POPULATIONS = [
  'initial-population',
  'denominator',
  'denominator-exclusion',
  'numerator',
] as const;
export type FhirPopulation = (typeof FHIR_POPULATIONS)[number];

/** A data element's code for a measure's population: `cms108vteprophylaxisfhir_numerator`. */
export function populationElementCode(measureName: string, population: FhirPopulation): string {
  return `${measureName.toLowerCase().replace(/[^a-z0-9]+/g, '_')}_${population.replaceAll('-', '_')}`;
}

/** The measure's name in a canonical URL (`https://madie.cms.gov/Measure/CMS108VTEProphylaxisFHIR|0.2.003`). */
export function measureNameOfCanonical(canonical: string): string {
  return canonical.split('|')[0]?.split('/').pop() ?? canonical;
}

const codeOf = (e: Extension | undefined): string | undefined =>
  e?.valueCodeableConcept?.coding?.[0]?.code ?? e?.valueCode;
const extension = (group: MeasureGroup | undefined, name: string): Extension | undefined =>
  group?.extension?.find((e) => e.url.endsWith(`/${name}`));

/** A data element of a measure's population, as a scorecard file declares it. */
export interface MeasureDataElement {
  readonly code: string;
  readonly name: { readonly en: string; readonly zh: string };
  readonly valueType: 'integer';
  readonly min: 0;
}

export interface MeasureDefinitions {
  readonly name: string;
  readonly title: string;
  readonly scoring: string;
  /** `increase` → higher, `decrease` → lower; null when the measure does not say. */
  readonly direction: 'higher' | 'lower' | null;
  readonly populations: readonly FhirPopulation[];
  /** False for a cohort measure (data elements only). */
  readonly hasIndicator: boolean;
  /** A scorecard file (healthbsc/scorecard@2) with the data elements and, unless a cohort, the indicator. */
  readonly scorecard: {
    readonly code: string;
    readonly dataElements: readonly MeasureDataElement[];
    readonly perspectives: readonly unknown[];
    readonly [field: string]: unknown;
  };
}

/**
 * Reads a Measure's first group into data elements and an indicator, as a scorecard file the metadata import
 * takes. Throws a `FhirPathError` naming the path of what is missing.
 *
 * @example measureToScorecard(cms108).scorecard.perspectives[0].indicators[0].formula
 * // { numerator: 'cms108vteprophylaxisfhir_numerator', denominator: 'cms108vteprophylaxisfhir_denominator - cms108vteprophylaxisfhir_denominator_exclusion', factor: 100 }
 */
export function measureToScorecard(measure: Measure): MeasureDefinitions {
  if (measure.resourceType !== 'Measure')
    throw new FhirPathError('resourceType', 'fhir.wrong-resource', {
      expected: 'Measure',
      got: String(measure.resourceType),
    });
  const name = measure.name ?? (measure.url ? measureNameOfCanonical(measure.url) : undefined);
  if (!name) throw new FhirPathError('Measure.name', 'fhir.missing-element', { element: 'Measure.name' });
  const group = measure.group?.[0];
  if (!group) throw new FhirPathError('Measure.group', 'fhir.missing-element', { element: 'Measure.group' });
  const scoring =
    codeOf(extension(group, 'cqfm-scoring')) ?? measure.scoring?.coding?.[0]?.code ?? 'proportion';
  const notation =
    codeOf(extension(group, 'cqfm-improvementNotation')) ?? measure.improvementNotation?.coding?.[0]?.code;
  const direction = notation === 'increase' ? 'higher' : notation === 'decrease' ? 'lower' : null;
  const populations = FHIR_POPULATIONS.filter((p) =>
    group.population?.some((pop) => pop.code?.coding?.some((c) => c.code === p)),
  );
  if (populations.length === 0) throw new FhirPathError('Measure.group[0].population', 'fhir.no-populations');
  const title = measure.title ?? name;
  const code = (p: FhirPopulation) => populationElementCode(name, p);
  const dataElements = populations.map(
    (p): MeasureDataElement => ({
      code: code(p),
      name: { en: `${title}: ${p}`, zh: `${title}：${POPULATION_ZH[p]}` },
      valueType: 'integer',
      min: 0,
    }),
  );
  const isRate =
    (scoring === 'proportion' || scoring === 'ratio') &&
    populations.includes('numerator') &&
    populations.includes('denominator');
  const denominator = populations.includes('denominator-exclusion')
    ? `${code('denominator')} - ${code('denominator-exclusion')}`
    : code('denominator');
  const indicator = {
    id: name.toLowerCase().replace(/[^a-z0-9]+/g, '_'),
    name: { en: title, zh: title },
    statistic: 'proportion',
    formula: { numerator: code('numerator'), denominator, factor: 100 },
    formulaText: 'numerator ÷ (denominator − denominator exclusion) × 100',
    unit: { en: '%', zh: '%' },
    decimals: 1,
    ...(direction === null ? {} : { direction }),
    source: measure.url ?? name,
  };
  const perspective = {
    id: 'internal',
    kind: 'internal',
    name: { en: 'Internal process', zh: '内部流程' },
    indicators: isRate ? [indicator] : [],
  };
  const scorecard = {
    format: 'healthbsc/scorecard@2',
    code: `FHIR-${name}`.slice(0, 64),
    name: { en: title, zh: title },
    source: measure.url ?? name,
    dataElements,
    perspectives: isRate ? [perspective] : [],
    ...(isRate
      ? {
          weights: {
            perspectives: { manual: { internal: 1 } },
            indicators: { internal: { manual: { [indicator.id]: 1 } } },
          },
        }
      : {}),
  };
  return { name, title, scoring, direction, populations, hasIndicator: isRate, scorecard };
}

const POPULATION_ZH: Readonly<Record<FhirPopulation, string>> = {
  'initial-population': '初始人群',
  denominator: '分母',
  'denominator-exclusion': '分母排除',
  numerator: '分子',
};

type FhirCode = Extract<ProblemCode, `fhir.${string}`>;

/** A FHIR resource that cannot be read, with the FHIRPath of the element at fault (for an OperationOutcome). */
export class FhirPathError extends Error {
  readonly path: string;
  readonly code: FhirCode;
  readonly params: MessageParams;
  constructor(path: string, code: FhirCode, params: MessageParams = {}) {
    super(wordProblem(code, params));
    this.name = 'FhirPathError';
    this.path = path;
    this.code = code;
    this.params = params;
  }
}
