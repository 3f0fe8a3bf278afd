/**
 * The "own library entry" form (issue 17 §3) as plain values, and the way between them and the body of
 * `POST`/`PUT /api/indicator-library` (core/contracts/indicator-library.ts): the form holds every text as one
 * field per language and the formula as the designer types it; the body holds bilingual pairs (null where both
 * words are empty), the formula, and the data elements the formula reads, named after the elements the entry,
 * the scorecard or the installation already has. Checking the body with the server's own schema, and the
 * formula with the server's own parser, gives problem issues the page words in its language (problem-words.ts),
 * each placed on the field it is about.
 */

import { z } from 'zod';
import type { LibraryEntryBody } from '../../../../core/contracts/indicator-library.ts';
import { issueOfCode, type ProblemIssue } from '../../../../core/errors/problem.ts';
import { toProblemIssues } from '../../../../core/errors/zod-issues.ts';
import { parseFormula, referencedCodes } from '../../../../core/formula/index.ts';
import type {
  Bilingual,
  LibraryDirection,
  LibraryElement,
} from '../../../../core/indicator-library/index.ts';
import { libraryEntryFields } from '../../../../core/indicator-library/library-entry.ts';
import type { IndicatorFile, PerspectiveFile } from '../../../../core/scorecard/scorecard-schema.ts';

export type PerspectiveKind = NonNullable<PerspectiveFile['kind']>;
export type FormulaMode = 'none' | 'expression' | 'ratio';
/** `default`: the entry leaves the scoring to the scorecard. */
export type LibraryScoringChoice = 'default' | 'ratio' | 'linear';

export interface LibraryFormValues {
  nameZh: string;
  nameEn: string;
  definitionZh: string;
  definitionEn: string;
  categoryZh: string;
  categoryEn: string;
  numeratorZh: string;
  numeratorEn: string;
  denominatorZh: string;
  denominatorEn: string;
  unitZh: string;
  unitEn: string;
  perspective: PerspectiveKind;
  kind: 'quantitative' | 'qualitative';
  direction: LibraryDirection;
  periodType: 'month' | 'quarter' | 'year';
  formulaMode: FormulaMode;
  formula: string;
  formulaNumerator: string;
  formulaDenominator: string;
  formulaFactor: number;
  scoring: LibraryScoringChoice;
  scoringFloor: number;
  reference: string;
}

export type LibraryFormField = keyof LibraryFormValues;

/** An element whose names the entry can take: the entry's own, the scorecard's, or the installation's. */
export interface KnownElement {
  readonly code: string;
  readonly name: { readonly en: string; readonly zh?: string | null | undefined };
  readonly valueType?: string;
}

export interface FieldIssue {
  readonly field: LibraryFormField;
  readonly issue: ProblemIssue;
}

export type LibraryBodyResult =
  | { readonly ok: true; readonly body: LibraryEntryBody }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

export const EMPTY_LIBRARY_FORM: LibraryFormValues = {
  nameZh: '',
  nameEn: '',
  definitionZh: '',
  definitionEn: '',
  categoryZh: '',
  categoryEn: '',
  numeratorZh: '',
  numeratorEn: '',
  denominatorZh: '',
  denominatorEn: '',
  unitZh: '',
  unitEn: '',
  perspective: 'internal',
  kind: 'quantitative',
  direction: 'higher',
  periodType: 'month',
  formulaMode: 'none',
  formula: '',
  formulaNumerator: '',
  formulaDenominator: '',
  formulaFactor: 1,
  scoring: 'default',
  scoringFloor: 0,
  reference: '',
};

/** The entry's fields as the form shows them (changing an own entry). */
export function formValuesOfEntry(entry: LibraryEntryBody): LibraryFormValues {
  const formula = entry.formula ?? null;
  return {
    ...EMPTY_LIBRARY_FORM,
    nameZh: entry.name.zh,
    nameEn: entry.name.en,
    definitionZh: entry.definition.zh,
    definitionEn: entry.definition.en,
    categoryZh: entry.category.zh,
    categoryEn: entry.category.en,
    numeratorZh: entry.numerator?.zh ?? '',
    numeratorEn: entry.numerator?.en ?? '',
    denominatorZh: entry.denominator?.zh ?? '',
    denominatorEn: entry.denominator?.en ?? '',
    unitZh: entry.unit?.zh ?? '',
    unitEn: entry.unit?.en ?? '',
    perspective: entry.perspective,
    kind: entry.kind,
    direction: entry.direction,
    periodType: entry.periodType,
    ...formulaValues(formula),
    scoring: entry.scoring?.method ?? 'default',
    scoringFloor: entry.scoring?.method === 'linear' ? entry.scoring.floor : 0,
    reference: entry.reference,
  };
}

/**
 * An indicator of the scorecard being designed as a new entry's values: its names, unit, formula, direction
 * (`scored: false` is China's monitored kind) and scoring; the perspective's kind and name as the entry's
 * perspective and category; its description as the English definition and its source as the reference. A
 * linear floor is stored as the library stores it, for "lower is better" (plan-addition.ts turns it back).
 *
 * @example formValuesOfIndicator({ id: 'C5', name: { en: 'Average cost', zh: '次均费用' }, direction: 'lower', … }, perspective).direction // 'lower'
 */
export function formValuesOfIndicator(
  indicator: IndicatorFile,
  perspective: Pick<PerspectiveFile, 'kind' | 'name'>,
): LibraryFormValues {
  const direction: LibraryDirection =
    indicator.scored === false ? 'monitor' : indicator.direction === 'lower' ? 'lower' : 'higher';
  const scoring = indicator.scoring;
  const linear = scoring?.method === 'linear';
  return {
    ...EMPTY_LIBRARY_FORM,
    nameEn: indicator.name.en,
    nameZh: indicator.name.zh ?? '',
    definitionEn: indicator.description ?? '',
    categoryEn: perspective.name.en,
    categoryZh: perspective.name.zh ?? '',
    unitEn: indicator.unit?.en ?? '',
    unitZh: indicator.unit?.zh ?? '',
    perspective: perspective.kind ?? EMPTY_LIBRARY_FORM.perspective,
    kind: indicator.kind,
    direction,
    ...formulaValues(indicator.formula ?? null),
    scoring: linear ? 'linear' : scoring?.method === 'ratio' ? 'ratio' : 'default',
    scoringFloor: linear ? (direction === 'lower' ? scoring.floor : -scoring.floor) : 0,
    reference: indicator.source ?? '',
  };
}

/**
 * The body the form's values make, or the issues that keep it from being sent, each on its field. The data
 * elements are the codes the formula reads, named after the first of `known` with that code (a code nobody
 * knows is named by itself; a name without Chinese takes the English in both).
 *
 * @example libraryBodyOf({ ...EMPTY_LIBRARY_FORM, nameEn: 'Bed occupancy' }, []).ok // false: no Chinese name, definition…
 */
export function libraryBodyOf(values: LibraryFormValues, known: readonly KnownElement[]): LibraryBodyResult {
  const formulaIssues: FieldIssue[] = [];
  const codes: string[] = [];
  const read = (field: LibraryFormField, source: string): string => {
    const parsed = parseFormula(source);
    if (!parsed.ok) {
      for (const e of parsed.errors)
        formulaIssues.push({ field, issue: issueOfCode(e.code, e.params, [field], e.position) });
      return source;
    }
    for (const code of referencedCodes(parsed.ast)) if (!codes.includes(code)) codes.push(code);
    return source.trim();
  };
  const mode = values.kind === 'qualitative' ? 'none' : values.formulaMode;
  const formula =
    mode === 'expression'
      ? read('formula', values.formula)
      : mode === 'ratio'
        ? {
            numerator: read('formulaNumerator', values.formulaNumerator),
            denominator: read('formulaDenominator', values.formulaDenominator),
            factor: values.formulaFactor,
          }
        : null;
  const body = {
    name: { en: values.nameEn, zh: values.nameZh },
    definition: { en: values.definitionEn, zh: values.definitionZh },
    numerator: optionalPair(values.numeratorEn, values.numeratorZh),
    denominator: optionalPair(values.denominatorEn, values.denominatorZh),
    perspective: values.perspective,
    category: { en: values.categoryEn, zh: values.categoryZh },
    kind: values.kind,
    direction: values.direction,
    unit: optionalPair(values.unitEn, values.unitZh),
    periodType: values.periodType,
    formula,
    scoring:
      values.scoring === 'linear'
        ? { method: 'linear' as const, floor: values.scoringFloor }
        : values.scoring === 'ratio'
          ? { method: 'ratio' as const }
          : null,
    dataElements: codes.map((code) => elementOf(code, known)),
    reference: values.reference,
  };
  const parsed = bodySchema.safeParse(body);
  const schemaIssues = parsed.success
    ? []
    : toProblemIssues(parsed.error.issues).map((issue) => ({ field: fieldOfPath(issue.path, mode), issue }));
  // A formula that does not parse says so itself; the schema's word on the same field adds nothing.
  const issues = [
    ...formulaIssues,
    ...schemaIssues.filter((s) => !formulaIssues.some((f) => f.field === s.field)),
  ];
  if (!parsed.success || issues.length > 0) return { ok: false, issues };
  return { ok: true, body: parsed.data };
}

/**
 * The form field a problem issue's path points at (the body's path, as the server reports it too).
 *
 * @example fieldOfPath(['unit', 'zh'], 'none') // 'unitZh'
 */
export function fieldOfPath(path: readonly (string | number)[], mode: FormulaMode): LibraryFormField {
  const [head, next] = path;
  const language = next === 'zh' ? 'Zh' : 'En';
  switch (head) {
    case 'name':
    case 'definition':
    case 'category':
    case 'numerator':
    case 'denominator':
    case 'unit':
      return `${head}${language}`;
    case 'formula':
      if (next === 'numerator') return 'formulaNumerator';
      if (next === 'denominator') return 'formulaDenominator';
      if (next === 'factor') return 'formulaFactor';
      return mode === 'ratio' ? 'formulaNumerator' : 'formula';
    // The elements are read from the formula: a code that cannot be one is the formula's to fix.
    case 'dataElements':
      return mode === 'ratio' ? 'formulaNumerator' : 'formula';
    case 'scoring':
      return 'scoringFloor';
    case 'perspective':
    case 'kind':
    case 'direction':
    case 'periodType':
      return head;
    default:
      return 'reference';
  }
}

const bodySchema = z.object(libraryEntryFields).strict();
const VALUE_TYPES = ['number', 'integer', 'percentage', 'money'] as const;

function formulaValues(
  formula: LibraryEntryBody['formula'] | IndicatorFile['formula'] | null,
): Pick<
  LibraryFormValues,
  'formulaMode' | 'formula' | 'formulaNumerator' | 'formulaDenominator' | 'formulaFactor'
> {
  if (formula === null || formula === undefined)
    return {
      formulaMode: 'none',
      formula: '',
      formulaNumerator: '',
      formulaDenominator: '',
      formulaFactor: 1,
    };
  if (typeof formula === 'string')
    return {
      formulaMode: 'expression',
      formula,
      formulaNumerator: '',
      formulaDenominator: '',
      formulaFactor: 1,
    };
  return {
    formulaMode: 'ratio',
    formula: '',
    formulaNumerator: formula.numerator,
    formulaDenominator: formula.denominator,
    formulaFactor: formula.factor ?? 1,
  };
}

/** Both words empty: none; otherwise the pair as typed (the schema asks for a missing word). */
function optionalPair(en: string, zh: string): Bilingual | null {
  return en.trim() === '' && zh.trim() === '' ? null : { en, zh };
}

function elementOf(code: string, known: readonly KnownElement[]): LibraryElement {
  const found = known.find((k) => k.code === code);
  if (found === undefined) return { code, name: { en: code, zh: code }, valueType: 'number' };
  const zh = found.name.zh?.trim() ? found.name.zh : found.name.en;
  const valueType = VALUE_TYPES.find((v) => v === found.valueType) ?? 'number';
  return { code, name: { en: found.name.en, zh }, valueType };
}
