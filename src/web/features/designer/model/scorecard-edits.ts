/**
 * Edits of a scorecard file (`healthbsc/scorecard@2`) as the designer makes them: each returns a new file and
 * keeps the weights block in step with the tree (a new child gets weight 0, so the sum still holds; a removed
 * one is dropped and its siblings renormalised). AHP-derived sets cannot follow a changed set of children, so
 * they become equal manual weights, which the weights tab then lets the office set.
 */
import type { DataElement } from '../../../../core/contracts/data-elements.ts';
import { isProblemError, type ProblemIssue } from '../../../../core/errors/problem.ts';
import { compileScorecard } from '../../../../core/scorecard/compile-scorecard.ts';
import type {
  DataElementFile,
  IndicatorFile,
  PerspectiveFile,
  ScorecardFile,
  WeightSetFile,
} from '../../../../core/scorecard/scorecard-schema.ts';
import { diagnoseFormula } from './formula-diagnostics.ts';

export type ObjectiveFile = PerspectiveFile['objectives'][number];

/** A quantitative indicator with the format's defaults, ready to be filled in. */
export function newIndicator(id: string, nameEn: string): IndicatorFile {
  return { id, name: { en: nameEn }, kind: 'quantitative', decimals: 2, direction: 'higher' };
}

/**
 * The smallest valid scorecard: one perspective holding one indicator (the format needs at least one of each),
 * so a new scorecard can be stored at once and then built up in the designer.
 */
export function newScorecardFile(code: string, nameEn: string, nameZh?: string): ScorecardFile {
  const zh = nameZh?.trim();
  return {
    format: 'healthbsc/scorecard@2',
    code: code.trim(),
    name: { en: nameEn.trim(), ...(zh ? { zh } : {}) },
    scoring: { method: { method: 'ratio', cap: 1 }, missingData: 'renormalize' },
    ahp: {},
    dataElements: [],
    perspectives: [
      {
        id: 'F',
        kind: 'financial',
        name: { en: 'Financial', zh: '财务' },
        objectives: [],
        indicators: [newIndicator('indicator_1', 'Indicator 1')],
      },
    ],
    weights: { perspectives: { manual: { F: 1 } }, indicators: { F: { manual: { indicator_1: 1 } } } },
  };
}

/** `base`, or `base_2`, `base_3`… : the first id not in `taken`. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

export function allIndicatorIds(file: ScorecardFile): string[] {
  return file.perspectives.flatMap((p) => p.indicators.map((i) => i.id));
}

/** Where an indicator sits, or null. */
export function findIndicator(
  file: ScorecardFile,
  id: string,
): { perspective: PerspectiveFile; indicator: IndicatorFile } | null {
  for (const perspective of file.perspectives) {
    const indicator = perspective.indicators.find((i) => i.id === id);
    if (indicator) return { perspective, indicator };
  }
  return null;
}

function equal(ids: readonly string[]): WeightSetFile {
  return { manual: Object.fromEntries(ids.map((id) => [id, ids.length === 0 ? 0 : 1 / ids.length])) };
}

/** The set for `ids` after a child was added (weight 0) or removed (siblings renormalised). */
function reweigh(set: WeightSetFile | undefined, ids: readonly string[]): WeightSetFile {
  if (set === undefined || !('manual' in set)) return equal(ids);
  const kept = Object.fromEntries(ids.map((id) => [id, set.manual[id] ?? 0]));
  const sum = Object.values(kept).reduce((a, b) => a + b, 0);
  if (sum <= 0) return equal(ids);
  return { manual: Object.fromEntries(Object.entries(kept).map(([id, w]) => [id, w / sum])) };
}

function renameKey(set: WeightSetFile | undefined, from: string, to: string): WeightSetFile | undefined {
  if (set === undefined || from === to) return set;
  if ('manual' in set) {
    return {
      manual: Object.fromEntries(Object.entries(set.manual).map(([k, w]) => [k === from ? to : k, w])),
    };
  }
  const order = set.ahp.order?.map((k) => (k === from ? to : k));
  return { ahp: { ...set.ahp, ...(order === undefined ? {} : { order }) } };
}

function mapPerspective(
  file: ScorecardFile,
  id: string,
  change: (p: PerspectiveFile) => PerspectiveFile,
): ScorecardFile {
  return { ...file, perspectives: file.perspectives.map((p) => (p.id === id ? change(p) : p)) };
}

/** Adds a perspective holding one new indicator (the format needs at least one), weighted 0 among its siblings. */
export function addPerspective(
  file: ScorecardFile,
  id: string,
  nameEn: string,
  indicatorId: string,
): ScorecardFile {
  const perspective: PerspectiveFile = {
    id,
    name: { en: nameEn },
    objectives: [],
    indicators: [newIndicator(indicatorId, indicatorId)],
  };
  const perspectives = [...file.perspectives, perspective];
  return {
    ...file,
    perspectives,
    weights: {
      perspectives: reweigh(
        file.weights.perspectives,
        perspectives.map((p) => p.id),
      ),
      indicators: { ...file.weights.indicators, [id]: { manual: { [indicatorId]: 1 } } },
    },
  };
}

export function removePerspective(file: ScorecardFile, id: string): ScorecardFile {
  const perspectives = file.perspectives.filter((p) => p.id !== id);
  const { [id]: _removed, ...indicators } = file.weights.indicators;
  return {
    ...file,
    perspectives,
    weights: {
      perspectives: reweigh(
        file.weights.perspectives,
        perspectives.map((p) => p.id),
      ),
      indicators,
    },
  };
}

/** Replaces a perspective's own fields (not its indicators); a new id renames its weight entries. */
export function updatePerspective(
  file: ScorecardFile,
  id: string,
  fields: Pick<PerspectiveFile, 'id' | 'name' | 'kind'>,
): ScorecardFile {
  const next = mapPerspective(file, id, (p) => {
    const { kind: _kind, ...rest } = p;
    return {
      ...rest,
      id: fields.id,
      name: fields.name,
      ...(fields.kind === undefined ? {} : { kind: fields.kind }),
    };
  });
  if (fields.id === id) return next;
  const { [id]: set, ...others } = file.weights.indicators;
  return {
    ...next,
    weights: {
      perspectives: renameKey(file.weights.perspectives, id, fields.id) ?? file.weights.perspectives,
      indicators: { ...others, ...(set === undefined ? {} : { [fields.id]: set }) },
    },
  };
}

export function addObjective(
  file: ScorecardFile,
  perspectiveId: string,
  objective: ObjectiveFile,
): ScorecardFile {
  return mapPerspective(file, perspectiveId, (p) => ({ ...p, objectives: [...p.objectives, objective] }));
}

/** Replaces an objective; indicators that named its old id follow a new one. */
export function updateObjective(
  file: ScorecardFile,
  perspectiveId: string,
  id: string,
  objective: ObjectiveFile,
): ScorecardFile {
  return mapPerspective(file, perspectiveId, (p) => ({
    ...p,
    objectives: p.objectives.map((o) => (o.id === id ? objective : o)),
    indicators: p.indicators.map((i) => (i.objective === id ? { ...i, objective: objective.id } : i)),
  }));
}

/** Removes an objective; its indicators stay in the perspective, no longer under an objective. */
export function removeObjective(file: ScorecardFile, perspectiveId: string, id: string): ScorecardFile {
  return mapPerspective(file, perspectiveId, (p) => ({
    ...p,
    objectives: p.objectives.filter((o) => o.id !== id),
    indicators: p.indicators.map((i) => {
      if (i.objective !== id) return i;
      const { objective: _objective, ...rest } = i;
      return rest;
    }),
  }));
}

/**
 * Adds an indicator at the end of a perspective with weight 0, so the perspective's weights still sum to 1; a
 * monitored one (`scored: false`) with no weight at all.
 */
export function addIndicator(
  file: ScorecardFile,
  perspectiveId: string,
  indicator: IndicatorFile,
): ScorecardFile {
  const next = mapPerspective(file, perspectiveId, (p) => ({
    ...p,
    indicators: [...p.indicators, indicator],
  }));
  const perspective = next.perspectives.find((p) => p.id === perspectiveId);
  if (!perspective) return file;
  // A monitored indicator (scored: false) takes no weight: the perspective's weights stay as they are.
  if (indicator.scored === false) return next;
  const set = file.weights.indicators[perspectiveId];
  const ids = perspective.indicators.filter((i) => i.scored !== false).map((i) => i.id);
  const weights =
    set !== undefined && 'manual' in set
      ? { manual: { ...set.manual, [indicator.id]: 0 } }
      : reweigh(set, ids);
  return {
    ...next,
    weights: { ...next.weights, indicators: { ...next.weights.indicators, [perspectiveId]: weights } },
  };
}

export function removeIndicator(file: ScorecardFile, indicatorId: string): ScorecardFile {
  const found = findIndicator(file, indicatorId);
  if (!found) return file;
  const perspectiveId = found.perspective.id;
  const next = mapPerspective(file, perspectiveId, (p) => ({
    ...p,
    indicators: p.indicators.filter((i) => i.id !== indicatorId),
  }));
  const ids =
    next.perspectives
      .find((p) => p.id === perspectiveId)
      ?.indicators.filter((i) => i.scored !== false)
      .map((i) => i.id) ?? [];
  if (found.indicator.scored === false) return renameReferences(next, indicatorId, null);
  return {
    ...renameReferences(next, indicatorId, null),
    weights: {
      ...next.weights,
      indicators: {
        ...next.weights.indicators,
        [perspectiveId]: reweigh(file.weights.indicators[perspectiveId], ids),
      },
    },
  };
}

/** Replaces an indicator; a new id renames its weight entry. */
export function updateIndicator(
  file: ScorecardFile,
  indicatorId: string,
  indicator: IndicatorFile,
): ScorecardFile {
  const found = findIndicator(file, indicatorId);
  if (!found) return file;
  const perspectiveId = found.perspective.id;
  const next = mapPerspective(file, perspectiveId, (p) => ({
    ...p,
    indicators: p.indicators.map((i) => (i.id === indicatorId ? indicator : i)),
  }));
  const scoredChanged = (found.indicator.scored !== false) !== (indicator.scored !== false);
  // The weight set the indicator is in: its perspective's, or (a perspective weighed by objectives) its
  // objective's, which holds the objective's indicators only.
  const setKey =
    file.weights.indicators[perspectiveId] !== undefined
      ? perspectiveId
      : indicator.objective !== undefined && file.weights.indicators[indicator.objective] !== undefined
        ? indicator.objective
        : null;
  if (indicator.id === indicatorId && scoredChanged && setKey !== null) {
    // Monitored now (its weight goes, siblings renormalised) or scored again (it joins with weight 0).
    const ids =
      next.perspectives
        .find((p) => p.id === perspectiveId)
        ?.indicators.filter((i) => i.scored !== false && (setKey === perspectiveId || i.objective === setKey))
        .map((i) => i.id) ?? [];
    const weights = reweigh(file.weights.indicators[setKey], ids);
    return {
      ...next,
      weights: { ...next.weights, indicators: { ...next.weights.indicators, [setKey]: weights } },
    };
  }
  if (indicator.id === indicatorId) return next;
  const renamed = renameReferences(next, indicatorId, indicator.id);
  const set = renameKey(file.weights.indicators[perspectiveId], indicatorId, indicator.id);
  return set === undefined
    ? renamed
    : {
        ...renamed,
        weights: { ...renamed.weights, indicators: { ...renamed.weights.indicators, [perspectiveId]: set } },
      };
}

/**
 * An indicator's id renamed (or, `to` null, removed) where objectives and strategy-map links name it, so that
 * removing or renaming a measured indicator leaves a file that still checks (an objective's `indicators` may
 * name any perspective's; a link may join indicators).
 */
function renameReferences(file: ScorecardFile, from: string, to: string | null): ScorecardFile {
  const rename = (ids: readonly string[]) =>
    ids.flatMap((id) => (id !== from ? [id] : to === null ? [] : [to]));
  const perspectives = file.perspectives.map((p) =>
    p.objectives.some((o) => o.indicators?.includes(from))
      ? {
          ...p,
          objectives: p.objectives.map((o) =>
            o.indicators?.includes(from) ? { ...o, indicators: rename(o.indicators) } : o,
          ),
        }
      : p,
  );
  const links = file.links?.flatMap((link) => {
    if (link.from !== from && link.to !== from) return [link];
    if (to === null) return [];
    return [{ ...link, from: link.from === from ? to : link.from, to: link.to === from ? to : link.to }];
  });
  return { ...file, perspectives, ...(links === undefined ? {} : { links }) };
}

/** A data element as the API lists it, written as a file's `dataElements` entry (nulls left out). */
export function toFileDataElement(element: DataElement): DataElementFile {
  return {
    code: element.code,
    name: element.name,
    valueType: element.valueType,
    aggregation: element.aggregation,
    timeAggregation: element.timeAggregation,
    ...(element.periodType === 'month' ? {} : { periodType: element.periodType }),
    ...(element.missingValues === null ? {} : { missingValues: element.missingValues }),
    ...(element.unit === null ? {} : { unit: element.unit }),
    ...(element.min === null ? {} : { min: element.min }),
    ...(element.max === null ? {} : { max: element.max }),
    ...(element.description === null ? {} : { description: element.description }),
    ...(element.outliers === null ? {} : { outliers: element.outliers }),
  };
}

function formulaSources(indicator: IndicatorFile): string[] {
  const formula = indicator.formula;
  if (formula === undefined) return [];
  return typeof formula === 'string' ? [formula] : [formula.numerator, formula.denominator];
}

/**
 * The file with every data element its formulas read declared in `dataElements`: a formula may use any element
 * of the installation (`catalog`, GET /api/data-elements), but the file must declare it to be valid.
 */
export function withReferencedElements(file: ScorecardFile, catalog: readonly DataElement[]): ScorecardFile {
  const declared = new Set(file.dataElements.map((d) => d.code));
  const byCode = new Map(catalog.map((d) => [d.code, d]));
  const added: DataElementFile[] = [];
  for (const perspective of file.perspectives) {
    for (const indicator of perspective.indicators) {
      for (const source of formulaSources(indicator)) {
        for (const code of diagnoseFormula(source, byCode.keys()).references) {
          const element = byCode.get(code);
          if (element !== undefined && !declared.has(code)) {
            declared.add(code);
            added.push(toFileDataElement(element));
          }
        }
      }
    }
  }
  return added.length === 0 ? file : { ...file, dataElements: [...file.dataElements, ...added] };
}

/**
 * Checks the file as the server will (schema, then compileScorecard): the issues that would make it refuse.
 *
 * @example validateFile(file).issues // [{ path: ['weights', 'indicators', 'F', 'manual'], message: 'weights add up to 0.9, not 1' }]
 */
export function validateFile(file: unknown): { ok: boolean; issues: readonly ProblemIssue[] } {
  try {
    compileScorecard(file);
    return { ok: true, issues: [] };
  } catch (error) {
    if (isProblemError(error)) return { ok: false, issues: error.problem.issues };
    throw error;
  }
}

/** Whether two files hold the same content (the unsaved-changes test). */
export function sameFile(a: ScorecardFile, b: ScorecardFile): boolean {
  return stableJson(a) === stableJson(b);
}

/** JSON with object keys sorted, so the order fields were written in does not count as a change. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
