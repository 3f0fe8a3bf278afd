/**
 * The own-entry form's values and the library body: a full form makes the body the server takes, an entry or a
 * scorecard's indicator fills the form back, and what is missing or wrong comes back as coded issues, each on
 * the field the user has to fix.
 */
import { describe, expect, it } from 'vitest';
import { libraryEntryBodySchema } from '../../../../core/contracts/indicator-library.ts';
import type { IndicatorFile } from '../../../../core/scorecard/scorecard-schema.ts';
import {
  EMPTY_LIBRARY_FORM,
  fieldOfPath,
  formValuesOfEntry,
  formValuesOfIndicator,
  type LibraryFormValues,
  libraryBodyOf,
} from './library-entry-form.ts';

const FILLED: LibraryFormValues = {
  ...EMPTY_LIBRARY_FORM,
  nameZh: '日间手术占比',
  nameEn: 'Share of day surgery',
  definitionZh: '日间手术台次占择期手术总台次的比例',
  definitionEn: 'Day-surgery operations over all elective operations',
  categoryZh: '功能定位',
  categoryEn: 'Functional positioning',
  numeratorZh: '日间手术台次',
  numeratorEn: 'Day-surgery operations',
  denominatorZh: '择期手术总台次',
  denominatorEn: 'Elective operations',
  unitZh: '%',
  unitEn: '%',
  perspective: 'internal',
  direction: 'higher',
  periodType: 'quarter',
  formulaMode: 'ratio',
  formulaNumerator: 'day_surgeries',
  formulaDenominator: 'elective_surgeries',
  formulaFactor: 100,
  reference: 'Hospital quality committee, 2026',
};

const KNOWN = [
  { code: 'day_surgeries', name: { en: 'Day surgeries', zh: '日间手术台次' }, valueType: 'integer' },
  { code: 'elective_surgeries', name: { en: 'Elective surgeries', zh: null }, valueType: 'text' },
];

function fieldsOf(values: LibraryFormValues): string[] {
  const result = libraryBodyOf(values, KNOWN);
  return result.ok ? [] : result.issues.map((i) => `${i.field}:${i.issue.code}`);
}

describe('the body of a filled form', () => {
  it('is one the server’s schema takes', () => {
    const result = libraryBodyOf(FILLED, KNOWN);
    expect(result.ok && libraryEntryBodySchema.safeParse(result.body).success).toBe(true);
  });

  it('reads the data elements from the formula, named after the known elements', () => {
    const result = libraryBodyOf(FILLED, KNOWN);
    expect(result.ok ? result.body.dataElements : null).toEqual([
      { code: 'day_surgeries', name: { en: 'Day surgeries', zh: '日间手术台次' }, valueType: 'integer' },
      // No Chinese name: the English serves in both; a value type the library lacks: a number.
      {
        code: 'elective_surgeries',
        name: { en: 'Elective surgeries', zh: 'Elective surgeries' },
        valueType: 'number',
      },
    ]);
  });

  it('names an element nobody knows by its code', () => {
    const result = libraryBodyOf({ ...FILLED, formulaMode: 'expression', formula: 'a_new_count * 2' }, KNOWN);
    expect(result.ok ? [result.body.formula, result.body.dataElements] : null).toEqual([
      'a_new_count * 2',
      [{ code: 'a_new_count', name: { en: 'a_new_count', zh: 'a_new_count' }, valueType: 'number' }],
    ]);
  });

  it('leaves out a numerator name, unit and scoring nobody gave', () => {
    const result = libraryBodyOf(
      { ...FILLED, numeratorEn: '', numeratorZh: '', unitEn: ' ', unitZh: '', scoring: 'default' },
      KNOWN,
    );
    expect(result.ok ? [result.body.numerator, result.body.unit, result.body.scoring] : null).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('keeps no formula for a qualitative indicator', () => {
    const result = libraryBodyOf({ ...FILLED, kind: 'qualitative' }, KNOWN);
    expect(result.ok ? [result.body.formula, result.body.dataElements] : null).toEqual([null, []]);
  });
});

describe('a form that cannot be sent', () => {
  it('names each empty required word on its own field', () => {
    expect(fieldsOf({ ...FILLED, nameZh: ' ', definitionEn: '', reference: '' })).toEqual([
      'nameZh:zod.too-short',
      'definitionEn:zod.too-short',
      'reference:zod.too-short',
    ]);
  });

  it('asks for the other word of a unit given in one language only', () => {
    expect(fieldsOf({ ...FILLED, unitZh: '' })).toEqual(['unitZh:zod.too-short']);
  });

  it('reports a formula that does not parse with the parser’s own code, on its part', () => {
    expect(fieldsOf({ ...FILLED, formulaDenominator: 'elective_surgeries +' })).toEqual([
      'formulaDenominator:formula.unexpected-end',
    ]);
  });

  it('reports an empty expression once, as the parser words it', () => {
    expect(fieldsOf({ ...FILLED, formulaMode: 'expression', formula: '' })).toEqual([
      'formula:formula.empty',
    ]);
  });
});

describe('the form of an entry', () => {
  it('gives back the body it was made from', () => {
    const result = libraryBodyOf(FILLED, KNOWN);
    if (!result.ok) throw new Error('the filled form makes a body');
    expect(formValuesOfEntry(result.body)).toEqual({ ...FILLED, formula: '' });
  });
});

describe('the form of a scorecard’s indicator', () => {
  const indicator: IndicatorFile = {
    id: 'C5',
    name: { en: 'Average outpatient cost', zh: '门诊次均费用' },
    kind: 'quantitative',
    formula: 'outpatient_revenue / outpatient_visits',
    unit: { en: 'yuan', zh: '元' },
    decimals: 2,
    direction: 'higher',
    scoring: { method: 'linear', floor: -10, cap: 1.2 },
    description: 'Revenue per visit',
    source: 'seed 002, Table 3.1',
  };
  const perspective = { kind: 'financial' as const, name: { en: 'Financial', zh: '财务' } };

  it('takes its names, formula, unit, perspective and source', () => {
    const values = formValuesOfIndicator(indicator, perspective);
    expect(values).toEqual({
      ...EMPTY_LIBRARY_FORM,
      nameEn: 'Average outpatient cost',
      nameZh: '门诊次均费用',
      definitionEn: 'Revenue per visit',
      categoryEn: 'Financial',
      categoryZh: '财务',
      unitEn: 'yuan',
      unitZh: '元',
      perspective: 'financial',
      formulaMode: 'expression',
      formula: 'outpatient_revenue / outpatient_visits',
      scoring: 'linear',
      // The library keeps the floor of "lower is better"; a higher-is-better indicator's is turned round.
      scoringFloor: 10,
      reference: 'seed 002, Table 3.1',
    });
  });

  it('makes an unscored indicator a monitored entry', () => {
    expect(formValuesOfIndicator({ ...indicator, scored: false }, perspective).direction).toBe('monitor');
  });
});

describe('the field of a path', () => {
  it.each([
    { path: ['name', 'zh'], mode: 'none', field: 'nameZh' },
    { path: ['unit', 'en'], mode: 'none', field: 'unitEn' },
    { path: ['formula'], mode: 'expression', field: 'formula' },
    { path: ['formula', 'factor'], mode: 'ratio', field: 'formulaFactor' },
    { path: ['dataElements', 0, 'code'], mode: 'ratio', field: 'formulaNumerator' },
    { path: ['scoring', 'floor'], mode: 'none', field: 'scoringFloor' },
    { path: ['periodType'], mode: 'none', field: 'periodType' },
  ] as const)('puts $path on $field', ({ path, mode, field }) => {
    expect(fieldOfPath(path, mode)).toBe(field);
  });
});
