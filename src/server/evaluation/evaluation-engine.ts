/**
 * Evaluates stored scorecards: the scorecard of any org unit for any period, rankings of units, and time
 * series. Inputs come from the metadata snapshot, the organisation's value cube (months aggregated up the tree
 * and over time, src/core/analytics) and a few per-request reads; the method is the core's
 * (`evaluateScorecard`). Results are cached and invalidated by the change counters.
 */
import { aggregateAllUnits, aggregateUnitValues } from '../../core/analytics/index.ts';
import { type EvaluationJson, toEvaluationJson } from '../../core/contracts/evaluation.ts';
import { badRequest, notFound } from '../../core/errors/problem.ts';
import { monthsOf, parsePeriod } from '../../core/periods/index.ts';
import {
  type EvaluationInputs,
  evaluateScorecard,
  explainIndicator,
  type IndicatorExplanation,
} from '../../core/scorecard/index.ts';
import type { TargetUnit } from '../../core/targets/index.ts';
import type { Db } from '../../db/connect.ts';
import { META_SCOPE, readRevisions, rootScope } from '../../db/repositories/change-counter.repository.ts';
import {
  type IndicatorInputRow,
  loadAssessments,
  loadReportedValues,
  type OrgUnitRow,
} from '../../db/repositories/evaluation.repository.ts';
import type { ChangeBus } from '../change-bus.ts';
import { CubeStore, type RootCube } from './cube-store.ts';
import { LruCache } from './lru-cache.ts';
import { MetadataSnapshot, type ScorecardSnapshot } from './metadata-snapshot.ts';

export interface EvaluateQuery {
  readonly scorecard: string;
  readonly orgUnit: string;
  readonly period: string;
}

export interface RankingQuery {
  readonly scorecard: string;
  readonly period: string;
  /** Rank the children of this unit, or all its descendants. */
  readonly parent: string;
  readonly depth: 'children' | 'descendants';
}

export interface RankedUnit {
  readonly rank: number | null;
  readonly orgUnit: string;
  readonly name: { readonly en: string; readonly zh?: string };
  readonly type: string;
  readonly role: string | null;
  readonly evaluation: EvaluationJson;
}

interface State {
  readonly meta: MetadataSnapshot;
  readonly rootRevision: number;
  readonly cube: RootCube;
}

export class EvaluationEngine {
  readonly #db: Db;
  readonly #cubes: CubeStore;
  readonly #results = new LruCache<
    string,
    { readonly meta: number; readonly root: number; readonly json: EvaluationJson }
  >(5_000);
  #meta: Promise<MetadataSnapshot> | null = null;
  #metaRevision = -1;

  constructor(db: Db, changes: ChangeBus) {
    this.#db = db;
    this.#cubes = new CubeStore(db);
    changes.subscribe((event) => {
      void this.#currentMeta().then(
        (meta) => this.#cubes.apply(event, meta),
        () => {},
      );
    });
  }

  /** The scorecard of one org unit for one period, in the JSON shape of `healthbsc evaluate --json`. */
  async evaluate(query: EvaluateQuery): Promise<EvaluationJson> {
    const period = parsePeriod(query.period, ['period']).id;
    const revisions = await this.#revisionsFor(query.orgUnit);
    const key = `${query.scorecard}\u0000${query.orgUnit}\u0000${period}`;
    const cached = this.#results.get(key);
    if (cached && cached.meta === revisions.meta && cached.root === revisions.root) return cached.json;
    const state = await this.#state(revisions.meta, query.orgUnit, revisions.root);
    const unit = state.meta.unit(query.orgUnit);
    const scorecard = await state.meta.scorecard(query.scorecard);
    const [json] = await this.#evaluateUnits(state, scorecard, [unit], period, false);
    if (!json) throw badRequest('evaluation.nothing-to-evaluate', {});
    this.#results.set(key, { meta: revisions.meta, root: revisions.root, json });
    return json;
  }

  /**
   * Units ranked by total score (1 = best; units without a score last, unranked); ties share a rank. With
   * `visible`, only the units it accepts are evaluated and ranked (a reader sees the units of their scope).
   */
  async rank(
    query: RankingQuery,
    options: { readonly visible?: (orgUnitCode: string) => boolean } = {},
  ): Promise<RankedUnit[]> {
    const period = parsePeriod(query.period, ['period']).id;
    const revisions = await this.#revisionsFor(query.parent);
    const state = await this.#state(revisions.meta, query.parent, revisions.root);
    const parent = state.meta.unit(query.parent);
    const scorecard = await state.meta.scorecard(query.scorecard);
    const tree = state.meta.tree(parent.rootId);
    const visible = options.visible ?? (() => true);
    const units = tree.units.filter(
      (u) =>
        visible(u.code) &&
        (query.depth === 'children'
          ? u.parentId === parent.id
          : u.id !== parent.id && isDescendant(u, parent, state.meta)),
    );
    const evaluations = await this.#evaluateUnits(state, scorecard, units, period, true);
    const ranked = evaluations.map((evaluation, i) => ({ unit: units[i] ?? parent, evaluation }));
    ranked.sort(
      (a, b) =>
        (b.evaluation.total ?? Number.NEGATIVE_INFINITY) - (a.evaluation.total ?? Number.NEGATIVE_INFINITY),
    );
    let rank = 0;
    let previous: number | null = null;
    return ranked.map(({ unit, evaluation }, index) => {
      if (evaluation.total !== null && evaluation.total !== previous) rank = index + 1;
      previous = evaluation.total;
      return {
        rank: evaluation.total === null ? null : rank,
        orgUnit: unit.code,
        name: unit.nameZh ? { en: unit.nameEn, zh: unit.nameZh } : { en: unit.nameEn },
        type: unit.type,
        role: unit.role,
        evaluation,
      };
    });
  }

  /** The evaluation of every period from `from` to `to` (same period type), oldest first. */
  async series(query: {
    readonly scorecard: string;
    readonly orgUnit: string;
    readonly periods: readonly string[];
  }) {
    const results: EvaluationJson[] = [];
    for (const period of query.periods) {
      results.push(await this.evaluate({ scorecard: query.scorecard, orgUnit: query.orgUnit, period }));
    }
    return results;
  }

  async #revisionsFor(orgUnitCode: string): Promise<{ meta: number; root: number }> {
    const metaRevision = (await readRevisions(this.#db.kysely, [META_SCOPE])).get(META_SCOPE) ?? 0;
    const meta = await this.#snapshot(metaRevision);
    const unit = meta.unit(orgUnitCode);
    const scope = rootScope(unit.rootId);
    const root = (await readRevisions(this.#db.kysely, [scope])).get(scope) ?? 0;
    return { meta: metaRevision, root };
  }

  #snapshot(revision: number): Promise<MetadataSnapshot> {
    if (!this.#meta || this.#metaRevision !== revision) {
      this.#metaRevision = revision;
      const loading = MetadataSnapshot.load(this.#db, revision);
      loading.catch(() => {
        if (this.#meta === loading) this.#meta = null;
      });
      this.#meta = loading;
    }
    return this.#meta;
  }

  #currentMeta(): Promise<MetadataSnapshot | null> {
    return this.#meta ?? Promise.resolve(null);
  }

  async #state(metaRevision: number, orgUnitCode: string, rootRevision: number): Promise<State> {
    const meta = await this.#snapshot(metaRevision);
    const unit = meta.unit(orgUnitCode);
    const cube = await this.#cubes.get(unit.rootId, rootRevision, meta);
    return { meta, rootRevision, cube };
  }

  async #evaluateUnits(
    state: State,
    scorecard: ScorecardSnapshot,
    units: readonly OrgUnitRow[],
    period: string,
    many: boolean,
  ): Promise<EvaluationJson[]> {
    const inputs = await this.#inputsOf(state, scorecard, units, period, many);
    return units.map((unit, i) =>
      toEvaluationJson(evaluateScorecard(scorecard.compiled, inputs[i] ?? EMPTY_INPUTS), {
        orgUnit: unit.code,
        period,
      }),
    );
  }

  /**
   * Explains one indicator of a unit's evaluation (issue 5): the same inputs `evaluate` uses, run through the
   * core's `explainIndicator`, with the target row's trail and the scorecard's weight version. 404 when the
   * scorecard has no such indicator.
   */
  async explain(query: EvaluateQuery & { readonly indicator: string }): Promise<EngineExplanation> {
    const period = parsePeriod(query.period, ['period']).id;
    const revisions = await this.#revisionsFor(query.orgUnit);
    const state = await this.#state(revisions.meta, query.orgUnit, revisions.root);
    const unit = state.meta.unit(query.orgUnit);
    const scorecard = await state.meta.scorecard(query.scorecard);
    const [inputs = EMPTY_INPUTS] = await this.#inputsOf(state, scorecard, [unit], period, false);
    const target = scorecard.targets.trace(query.indicator, targetUnitOf(unit, state.meta), period);
    const explanation = explainIndicator({
      scorecard: scorecard.compiled,
      evaluation: evaluateScorecard(scorecard.compiled, inputs),
      inputs,
      indicatorId: query.indicator,
      target,
      period,
    });
    if (!explanation) {
      throw notFound('evaluation.no-indicator', { scorecard: scorecard.code, indicator: query.indicator });
    }
    const row = target.row;
    const scopeUnit = row?.orgUnitId == null ? undefined : state.meta.unitsById.get(row.orgUnitId);
    return {
      period,
      explanation,
      scorecardId: scorecard.id,
      weightVersion: scorecard.weightVersion,
      scopeUnit: scopeUnit?.code ?? null,
      scopeGroupId: row?.groupId ?? null,
      scopeLevel: row?.level ?? null,
    };
  }

  /** The inputs of `evaluateScorecard` for each unit: aggregated data, reported values, ratings, targets. */
  async #inputsOf(
    state: State,
    scorecard: ScorecardSnapshot,
    units: readonly OrgUnitRow[],
    period: string,
    many: boolean,
  ): Promise<EvaluationInputs[]> {
    const first = units[0];
    if (!first) return [];
    const rootId = first.rootId;
    const data = await this.#aggregatedData(state, scorecard, units, period, many);
    const ids = units.map((u) => u.id);
    const [reported, ratings] = await Promise.all([
      loadReportedValues(this.#db.kysely, rootId, scorecard.id, many ? null : ids, period),
      loadAssessments(this.#db.kysely, rootId, scorecard.id, many ? null : ids, period),
    ]);
    const reportedBy = groupByUnit(reported);
    const ratingsBy = groupByUnit(ratings);
    return units.map((unit, i) => {
      const targetUnit = targetUnitOf(unit, state.meta);
      const targets = new Map<string, number | null>();
      const references = new Map<string, number | null>();
      const bands = new Map<string, { lower: number; upper: number }>();
      for (const indicator of scorecard.compiled.perspectives.flatMap((p) => p.indicators)) {
        const row = scorecard.targets.resolve(indicator.id, targetUnit, period);
        if (!row) continue;
        targets.set(indicator.id, row.target);
        references.set(indicator.id, row.reference);
        if (row.lower !== null && row.upper !== null)
          bands.set(indicator.id, { lower: row.lower, upper: row.upper });
      }
      const unitRatings = new Map<string, number[]>();
      for (const r of ratingsBy.get(unit.id) ?? []) {
        const list = unitRatings.get(r.indicator) ?? [];
        list.push(r.value);
        unitRatings.set(r.indicator, list);
      }
      return {
        data: data[i] ?? new Map(),
        actuals: new Map((reportedBy.get(unit.id) ?? []).map((r) => [r.indicator, r.value])),
        targets,
        references,
        ratings: unitRatings,
        bands,
      };
    });
  }

  /**
   * Each unit's data-element values for the period, from the cube over its months (data values are stored per
   * month; a quarter or year is computed from them).
   */
  async #aggregatedData(
    state: State,
    scorecard: ScorecardSnapshot,
    units: readonly OrgUnitRow[],
    period: string,
    many: boolean,
  ): Promise<Map<string, number | null>[]> {
    const codes = scorecard.elementCodes;
    const result = units.map(() => new Map<string, number | null>());
    const { cube } = state.cube;
    const rootId = units[0]?.rootId ?? 0;
    const tree = state.meta.tree(rootId);
    if (cube) {
      const elements = codes.map((code) => cube.elementIndex(code));
      const present = elements.map((e) => e >= 0);
      const elementIdx = elements.filter((e) => e >= 0);
      const months = monthsOf(period)
        .map((m) => cube.monthIndex(m))
        .filter((m) => m >= 0);
      const rules = state.meta.rules();
      const presentCodes = codes.filter((_, i) => present[i]);
      if (months.length > 0 && elementIdx.length > 0) {
        if (many) {
          const all = aggregateAllUnits(cube, tree.tree, rules, { elements: elementIdx, months });
          units.forEach((unit, i) => {
            const index = tree.indexOf.get(unit.id) ?? -1;
            const map = result[i];
            if (index < 0 || !map) return;
            presentCodes.forEach((code, k) => {
              const value = all[index * elementIdx.length + k] ?? Number.NaN;
              map.set(code, Number.isNaN(value) ? null : value);
            });
          });
        } else {
          units.forEach((unit, i) => {
            const index = tree.indexOf.get(unit.id) ?? -1;
            const map = result[i];
            if (index < 0 || !map) return;
            const values = aggregateUnitValues(cube, tree.tree, rules, {
              unit: index,
              elements: elementIdx,
              months,
            });
            presentCodes.forEach((code, k) => {
              map.set(code, values[k] ?? null);
            });
          });
        }
      }
    }
    return result;
  }
}

/** What `explain` knows: the core's explanation, with the ids the service turns into names and versions. */
export interface EngineExplanation {
  readonly period: string;
  readonly explanation: IndicatorExplanation;
  readonly scorecardId: number;
  readonly weightVersion: number;
  /** The applying target row's scope: the org unit's code, the group's id, or the level. */
  readonly scopeUnit: string | null;
  readonly scopeGroupId: number | null;
  readonly scopeLevel: number | null;
}

const EMPTY_INPUTS: EvaluationInputs = {
  data: new Map(),
  actuals: new Map(),
  targets: new Map(),
  references: new Map(),
  ratings: new Map(),
};

function targetUnitOf(unit: OrgUnitRow, meta: MetadataSnapshot): TargetUnit {
  return { id: unit.id, level: unit.level, groupIds: meta.groupsOf.get(unit.id) ?? new Set<number>() };
}

function groupByUnit(rows: readonly IndicatorInputRow[]): Map<number, IndicatorInputRow[]> {
  const result = new Map<number, IndicatorInputRow[]>();
  for (const row of rows) {
    const list = result.get(row.orgUnitId) ?? [];
    list.push(row);
    result.set(row.orgUnitId, list);
  }
  return result;
}

function isDescendant(unit: OrgUnitRow, ancestor: OrgUnitRow, meta: MetadataSnapshot): boolean {
  let current = unit.parentId === null ? undefined : meta.unitsById.get(unit.parentId);
  while (current) {
    if (current.id === ancestor.id) return true;
    current = current.parentId === null ? undefined : meta.unitsById.get(current.parentId);
  }
  return false;
}
