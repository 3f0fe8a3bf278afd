/**
 * Reads a study's figures from the organisation's value cube (core/analytics): per indicator × unit, each
 * window's numerator and denominator aggregated over the window's months by each element's time rule, and the
 * parts of every month of the timeline. A pooled group is a unit added over its members (core/studies
 * pooled-tree.ts), so it rolls up exactly as a parent does: pairwise for a ratio's elements. Qualitative
 * indicators are read from the raters' scores of the periods inside each window.
 */
import {
  aggregateUnitValues,
  type OrgTree,
  type PairRequest,
  type ValueCube,
} from '../../core/analytics/index.ts';
import type { StudyFile, StudyStatistic, StudyTest, StudyUnit } from '../../core/contracts/studies.ts';
import { badRequest, notFound } from '../../core/errors/problem.ts';
import type { LocalizedText } from '../../core/indicators/indicator.ts';
import { monthsOf, periodRange } from '../../core/periods/index.ts';
import {
  type CompiledIndicatorFormula,
  computeIndicatorParts,
  computeIndicatorValue,
  pairsOfScorecard,
  referencesOf,
} from '../../core/scorecard/index.ts';
import {
  type IndicatorShape,
  type StudyCell,
  type StudyTimeline,
  statisticOf,
  testFits,
  type ValueParts,
  type WindowFigures,
  withPooledUnit,
} from '../../core/studies/index.ts';
import type { Db } from '../../db/connect.ts';
import { META_SCOPE, readRevisions, rootScope } from '../../db/repositories/change-counter.repository.ts';
import type { OrgUnitRow } from '../../db/repositories/evaluation.repository.ts';
import { findOrgUnitGroupByCode, listGroupMembers } from '../../db/repositories/org-unit-group.repository.ts';
import { loadStudyRatings } from '../../db/repositories/study.repository.ts';
import { CubeStore } from '../evaluation/cube-store.ts';
import { MetadataSnapshot } from '../evaluation/metadata-snapshot.ts';

/** A unit of the study as resolved: its code, and the org units its figures come from. */
export interface ResolvedStudyUnit {
  readonly code: string;
  readonly kind: 'orgUnit' | 'group';
  readonly name: LocalizedText;
  /** The org unit itself, or the group's members. */
  readonly members: readonly OrgUnitRow[];
}

export interface StudyData {
  readonly cells: StudyCell[];
  readonly units: readonly ResolvedStudyUnit[];
  readonly indicatorNames: Record<string, LocalizedText>;
}

function nameOf(unit: OrgUnitRow): LocalizedText {
  return unit.nameZh ? { en: unit.nameEn, zh: unit.nameZh } : { en: unit.nameEn };
}

/** The study's units, each with its org units; groups with their members (404 for an unknown code). */
export async function resolveStudyUnits(
  db: Db,
  meta: MetadataSnapshot,
  units: readonly StudyUnit[],
): Promise<ResolvedStudyUnit[]> {
  const resolved: ResolvedStudyUnit[] = [];
  for (const unit of units) {
    if ('orgUnit' in unit) {
      const row = meta.unit(unit.orgUnit);
      resolved.push({ code: row.code, kind: 'orgUnit', name: nameOf(row), members: [row] });
      continue;
    }
    const group = await findOrgUnitGroupByCode(db.kysely, unit.group);
    if (!group) throw notFound('org-unit.group-not-found', { code: unit.group });
    const codes = (await listGroupMembers(db.kysely, [group.id])).get(group.id) ?? [];
    if (codes.length === 0) throw badRequest('study.empty-group', { code: group.code });
    resolved.push({
      code: group.code,
      kind: 'group',
      name: group.nameZh ? { en: group.nameEn, zh: group.nameZh } : { en: group.nameEn },
      members: codes.map((code) => meta.unit(code)),
    });
  }
  const roots = new Set(resolved.flatMap((u) => u.members.map((m) => m.rootId)));
  if (roots.size > 1) {
    throw badRequest('study.units-in-two-organisations', { units: resolved.map((u) => u.code).join(', ') });
  }
  return resolved;
}

/** The metadata snapshot as of now (the evaluation engine's, loaded afresh: a study is not a hot path). */
export async function loadStudyMeta(db: Db): Promise<MetadataSnapshot> {
  const revision = (await readRevisions(db.kysely, [META_SCOPE])).get(META_SCOPE) ?? 0;
  return MetadataSnapshot.load(db, revision);
}

interface IndicatorPlan {
  readonly id: string;
  readonly name: LocalizedText;
  readonly kind: 'quantitative' | 'qualitative';
  readonly formula: CompiledIndicatorFormula | null;
  readonly shape: IndicatorShape;
  readonly codes: readonly string[];
  /** Positions (in `codes`) rolled up as one pair. */
  readonly pair: readonly number[];
  readonly test: StudyTest | undefined;
}

function shapeOf(
  formula: CompiledIndicatorFormula | null,
  kind: 'quantitative' | 'qualitative',
  statistic: StudyStatistic | undefined,
  timeRuleOf: (code: string) => string | undefined,
): IndicatorShape {
  if (formula?.type === 'ratio') return { kind, statistic, combine: 'ratio', factor: formula.factor };
  const refs = formula ? referencesOf(formula) : [];
  const summed = refs.length > 0 && refs.every((code) => timeRuleOf(code) === 'sum');
  return { kind, statistic, combine: summed && kind === 'quantitative' ? 'sum' : 'mean', factor: 1 };
}

/**
 * The cells of a study, one per indicator × unit in the file's order (indicators outer), with the tests the
 * file chose. 404 for an indicator the scorecard (as it held at the follow-up's last month) does not have;
 * 400 for a chosen test that does not fit the indicator's kind.
 */
export async function readStudyData(
  db: Db,
  meta: MetadataSnapshot,
  file: StudyFile,
  timeline: StudyTimeline,
): Promise<StudyData> {
  const units = await resolveStudyUnits(db, meta, file.units);
  const scorecard = await meta.scorecard(file.scorecard);
  const method = scorecard.method(timeline.followUp.at(-1) ?? '', null);
  const compiled = new Map(method.scorecard.perspectives.flatMap((p) => p.indicators).map((i) => [i.id, i]));
  const pairs = new Map(pairsOfScorecard(method.scorecard, meta.elementsByCode).map((p) => [p.indicator, p]));
  const plans: IndicatorPlan[] = file.indicators.map((entry, i) => {
    const id = typeof entry === 'string' ? entry : entry.id;
    const indicator = compiled.get(id);
    if (!indicator) {
      throw notFound('study.unknown-indicator', { scorecard: file.scorecard, indicator: id });
    }
    const statistic = (typeof entry === 'string' ? undefined : entry.statistic) ?? indicator.statistic;
    const formula = indicator.kind === 'qualitative' ? null : indicator.formula;
    const shape = shapeOf(
      formula,
      indicator.kind,
      statistic,
      (code) => meta.elementsByCode.get(code)?.timeAggregation,
    );
    const test = typeof entry === 'string' ? undefined : entry.test;
    if (test !== undefined && !testFits(statisticOf(shape), test)) {
      throw badRequest('study.test-does-not-fit', { test, indicator: id, statistic: statisticOf(shape) }, [
        'indicators',
        i,
        'test',
      ]);
    }
    const codes = formula ? [...new Set(referencesOf(formula))] : [];
    const pair = pairs.get(id);
    return {
      id,
      name: indicator.name,
      kind: indicator.kind,
      formula,
      shape,
      codes,
      pair: pair ? pair.codes.map((code) => codes.indexOf(code)).filter((x) => x >= 0) : [],
      test,
    };
  });
  const rootId = units[0]?.members[0]?.rootId ?? 0;
  const revision = (await readRevisions(db.kysely, [rootScope(rootId)])).get(rootScope(rootId)) ?? 0;
  const cube = (await new CubeStore(db).get(rootId, revision, meta)).cubes.month;
  const base = meta.tree(rootId).tree;
  const rules = meta.rules();
  const ratings = plans.some((p) => p.kind === 'qualitative')
    ? await loadStudyRatings(db.kysely, {
        rootId,
        scorecardId: scorecard.id,
        orgUnitIds: units.flatMap((u) => u.members.map((m) => m.id)),
        periods: periodsWithin(timeline),
      })
    : [];
  const overrides = new Map((file.overrides ?? []).map((o) => [`${o.indicator}\u0000${o.unit}`, o.test]));
  const cells: StudyCell[] = [];
  for (const plan of plans) {
    for (const unit of units) {
      const { tree, index } = treeFor(base, unit);
      const read = (months: readonly string[]): Map<string, number | null> =>
        readElements(cube, tree, rules, index, plan, months);
      const figures = (months: readonly string[]): WindowFigures => {
        if (plan.kind === 'qualitative') return ratingFigures(ratings, plan.id, unit, months);
        return figuresOf(plan.formula, read(months));
      };
      const override = overrides.get(`${plan.id}\u0000${unit.code}`);
      const test =
        override !== undefined && testFits(statisticOf(plan.shape), override) ? override : plan.test;
      cells.push({
        indicator: plan.id,
        unit: unit.code,
        unitKind: unit.kind,
        shape: plan.shape,
        baseline: figures(timeline.baseline),
        followUp: figures(timeline.followUp),
        months: timeline.months.map((month): ValueParts => {
          const f = figures([month]);
          return { numerator: f.numerator, denominator: f.denominator };
        }),
        ...(plan.kind === 'qualitative'
          ? {
              samples: {
                baseline: scoresIn(ratings, plan.id, unit, timeline.baseline),
                followUp: scoresIn(ratings, plan.id, unit, timeline.followUp),
              },
            }
          : {}),
        ...(test === undefined ? {} : { test }),
      });
    }
  }
  return {
    cells,
    units,
    indicatorNames: Object.fromEntries(plans.map((p) => [p.id, p.name])),
  };
}

function treeFor(base: OrgTree, unit: ResolvedStudyUnit): { tree: OrgTree; index: number } {
  if (unit.kind === 'group') {
    const pooled = withPooledUnit(
      base,
      unit.code,
      unit.members.map((m) => m.code),
    );
    return { tree: pooled.tree, index: pooled.unit };
  }
  return { tree: base, index: base.codes.indexOf(unit.code) };
}

/** The indicator's elements for the unit over `months`, its pair rolled up pairwise. */
function readElements(
  cube: ValueCube | null,
  tree: OrgTree,
  rules: ReturnType<MetadataSnapshot['rules']>,
  unit: number,
  plan: IndicatorPlan,
  months: readonly string[],
): Map<string, number | null> {
  const data = new Map<string, number | null>(plan.codes.map((code) => [code, null]));
  if (!cube || unit < 0) return data;
  const present = plan.codes.filter((code) => cube.elementIndex(code) >= 0);
  const monthIndices = months.map((m) => cube.monthIndex(m)).filter((m) => m >= 0);
  if (present.length === 0 || monthIndices.length === 0) return data;
  const pairMembers = plan.pair.map((x) => present.indexOf(plan.codes[x] ?? '')).filter((x) => x >= 0);
  const pairs: PairRequest[] = pairMembers.length >= 2 ? [{ members: pairMembers, weight: -1 }] : [];
  const values = aggregateUnitValues(cube, tree, rules, {
    unit,
    elements: present.map((code) => cube.elementIndex(code)),
    months: monthIndices,
    pairs,
  });
  present.forEach((code, i) => {
    data.set(code, values[i] ?? null);
  });
  return data;
}

function figuresOf(
  formula: CompiledIndicatorFormula | null,
  data: Map<string, number | null>,
): WindowFigures {
  if (formula === null) return { value: null, numerator: null, denominator: null };
  const value = computeIndicatorValue(formula, data);
  const parts = computeIndicatorParts(formula, data);
  return formula.type === 'ratio'
    ? { value, numerator: parts.numerator, denominator: parts.denominator }
    : { value, numerator: value, denominator: null };
}

/** Every period (years, quarters, months) whose months all lie in one of the windows. */
function periodsWithin(timeline: StudyTimeline): string[] {
  const periods = new Set<string>();
  for (const window of [timeline.baseline, timeline.followUp]) {
    const months = new Set(window);
    const years = new Set(window.map((m) => m.slice(0, 4)));
    for (const year of years) {
      const candidates = [
        year,
        ...[1, 2, 3, 4].map((q) => `${year}Q${q}`),
        ...periodRange(`${year}-01`, `${year}-12`),
      ];
      for (const period of candidates) if (monthsOf(period).every((m) => months.has(m))) periods.add(period);
    }
  }
  return [...periods];
}

type RatingRow = Awaited<ReturnType<typeof loadStudyRatings>>[number];

function scoresIn(
  ratings: readonly RatingRow[],
  indicator: string,
  unit: ResolvedStudyUnit,
  months: readonly string[],
): number[] {
  const ids = new Set(unit.members.map((m) => m.id));
  const inWindow = new Set(months);
  return ratings
    .filter(
      (r) =>
        r.indicator === indicator &&
        ids.has(r.orgUnitId) &&
        monthsOf(r.periodId).every((m) => inWindow.has(m)),
    )
    .map((r) => r.score);
}

/** A qualitative indicator's figures over some months: the mean of the raters' scores of periods inside them. */
function ratingFigures(
  ratings: readonly RatingRow[],
  indicator: string,
  unit: ResolvedStudyUnit,
  months: readonly string[],
): WindowFigures {
  const scores = scoresIn(ratings, indicator, unit, months);
  const value = scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length;
  return { value, numerator: value, denominator: null };
}
