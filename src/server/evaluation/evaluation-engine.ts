/**
 * Evaluates stored scorecards: the scorecard of any org unit for any period, rankings of units, time series,
 * explanations and the rows a publication freezes. Period P is evaluated with the method that held for P
 * (dated-scorecard.ts), as recorded at `asOf` when asked; inputs come from the metadata snapshot, the
 * organisation's value cube and a few per-request reads (evaluation-inputs.ts); the method is the core's
 * (`evaluateScorecard`). Results are cached and invalidated by the change counters, which the change bus keeps
 * current in memory where it hears every write (known-metadata.ts, known-revisions.ts); the approvals and the
 * latest publications beside an evaluation are kept alike (heard-approvals.ts, heard-publications.ts). Its
 * queries and answers: evaluation-engine-types.ts; one indicator's explanation: evaluation-explanation.ts.
 */
import { type EvaluationJson, toEvaluationJson } from '../../core/contracts/evaluation.ts';
import { badRequest } from '../../core/errors/problem.ts';
import { parsePeriod } from '../../core/periods/index.ts';
import { type CompiledScorecard, evaluateScorecard } from '../../core/scorecard/index.ts';
import { rankUnits } from '../../core/scoring/index.ts';
import type { Db } from '../../db/connect.ts';
import type { ApprovalRecord } from '../../db/repositories/approval.repository.ts';
import type { OrgUnitRow } from '../../db/repositories/evaluation.repository.ts';
import type { ChangeBus } from '../change-bus.ts';
import { CubeStore, type CubeStoreOptions, type RootCube } from './cube-store.ts';
import type { DatedScorecard, ScorecardMethod } from './dated-scorecard.ts';
import type {
  EngineExplanation,
  Evaluated,
  EvaluateQuery,
  RankedUnit,
  RankingQuery,
  SubtreeRows,
} from './evaluation-engine-types.ts';
import { explanationOf } from './evaluation-explanation.ts';
import { EMPTY_INPUTS, inputsOfUnits } from './evaluation-inputs.ts';
import { publicationInputsOf, versionsOf } from './evaluation-versions.ts';
import { HeardApprovals } from './heard-approvals.ts';
import { HeardPublications, type PublishedKey, type PublishedResult } from './heard-publications.ts';
import { type IndicatorFigure, indicatorFigures } from './indicator-figures.ts';
import { KnownMetadata } from './known-metadata.ts';
import { type HearingEpoch, NEVER_HEARD } from './known-revisions.ts';
import { LruCache } from './lru-cache.ts';
import type { MetadataSnapshot } from './metadata-snapshot.ts';
import { RootInputs } from './root-inputs.ts';

interface State {
  readonly meta: MetadataSnapshot;
  readonly rootRevision: number;
  readonly cube: RootCube;
}

export class EvaluationEngine {
  readonly #cubes: CubeStore;
  readonly #known: KnownMetadata;
  readonly #approvals: HeardApprovals;
  readonly #publications: HeardPublications;
  /** Reported values and ratings per organisation revision, scorecard and period. */
  readonly #rootInputs: RootInputs;
  readonly #results = new LruCache<
    string,
    { readonly meta: number; readonly root: number; readonly json: EvaluationJson }
  >(5_000);
  /**
   * Whole rankings, so that the second page of a ranking (or its matrix) is a slice rather than a recompute. Few
   * entries: a ranking of 2,000 units holds 2,000 evaluations. An entry is used only while the metadata and the
   * organisation's revisions are those it was computed at (a write bumps them; the change bus relays them).
   */
  readonly #rankings = new LruCache<
    string,
    { readonly meta: number; readonly root: number; readonly items: RankedUnit[] }
  >(8);
  /** How many rankings were computed rather than taken from the cache (tests and the bench read it). */
  rankingsComputed = 0;

  /**
   * `cubes`: where the value cubes' snapshots are kept (the server's configured directory), and logged.
   * `hearing`: while `changes` hears every write to the database (known-revisions.ts: `ALWAYS_HEARD` on the
   * server's PGlite, the relay's epoch on PostgreSQL), the change counters, the approvals and the latest
   * publications are kept in memory (a cached evaluation reads none of them); by default they are read from the
   * database on every request.
   */
  constructor(
    db: Db,
    changes: ChangeBus,
    options: { readonly cubes?: CubeStoreOptions; readonly hearing?: HearingEpoch } = {},
  ) {
    this.#cubes = new CubeStore(db, options.cubes);
    const hearing = options.hearing ?? NEVER_HEARD;
    this.#known = new KnownMetadata(db, changes, hearing);
    this.#approvals = new HeardApprovals(db.kysely, changes, hearing);
    this.#publications = new HeardPublications(db.kysely, changes, hearing);
    this.#rootInputs = new RootInputs(db.kysely);
    changes.subscribe((event) => {
      void this.#known.held().then(
        (meta) => this.#cubes.apply(event, meta),
        () => {},
      );
    });
  }

  /**
   * The scorecard of one org unit for one period, in the JSON shape of `healthbsc evaluate --json`, with the
   * versions it used.
   */
  async evaluate(query: EvaluateQuery): Promise<EvaluationJson> {
    const period = parsePeriod(query.period, ['period']).id;
    const asOf = query.asOf ?? null;
    const revisions = await this.#revisionsFor(query.orgUnit);
    const key = `${query.scorecard}\u0000${query.orgUnit}\u0000${period}\u0000${asOf?.toISOString() ?? ''}`;
    const cached = this.#results.get(key);
    if (cached && cached.meta === revisions.meta && cached.root === revisions.root) return cached.json;
    const state = await this.#state(revisions.meta, query.orgUnit, revisions.root);
    const unit = state.meta.unit(query.orgUnit);
    const scorecard = await state.meta.scorecard(query.scorecard);
    const [result] = await this.#evaluateUnits(state, scorecard, [unit], period, { many: false, asOf });
    if (!result) throw badRequest('evaluation.nothing-to-evaluate', {});
    this.#results.set(key, { meta: revisions.meta, root: revisions.root, json: result.json });
    return result.json;
  }

  /**
   * Loads the metadata and the value cube of every organisation, so that the first request of each does not
   * wait for its cube (server start-up, before it reports ready), one organisation after another, telling
   * `onProgress` how many are loaded of how many. A request meanwhile loads (or waits for) only its own
   * organisation's cube. Returns how many organisations it loaded, and how many of them from a snapshot.
   */
  async warmUp(
    onProgress: (done: number, total: number) => void = () => {},
  ): Promise<{ readonly organisations: number; readonly fromSnapshots: number }> {
    const meta = await this.#known.current();
    const roots = [...meta.unitsById.values()].filter((unit) => unit.parentId === null);
    const revisions = await this.#known.rootRevisions(roots.map((root) => root.id));
    onProgress(0, roots.length);
    let fromSnapshots = 0;
    for (const [i, root] of roots.entries()) {
      const loaded = await this.#cubes.get(root.id, revisions.get(root.id) ?? 0, meta);
      if (loaded.source === 'snapshot') fromSnapshots += 1;
      onProgress(i + 1, roots.length);
    }
    return { organisations: roots.length, fromSnapshots };
  }

  /** Writes the snapshots of cubes changed since their last one and waits for writes under way (at close). */
  flushCubes(): Promise<void> {
    return this.#cubes.flush();
  }

  /**
   * Units ranked by total score among units of the same type and level unless `mix` (core/scoring/rank-units.ts:
   * 1 = best; units without a total, "insufficient data" among them, last, unranked); ties share a rank. With
   * `visible`, only the units it accepts are evaluated and ranked (a reader sees the units of their scope). Only
   * `parent`'s subtree is rolled up. The result is cached by revision: treat it as read-only.
   */
  async rank(
    query: RankingQuery,
    options: {
      readonly visible?: (orgUnitCode: string) => boolean;
      /** Names the set `visible` accepts (rankings are cached per set); required with `visible`. */
      readonly visibleKey?: string;
    } = {},
  ): Promise<RankedUnit[]> {
    const period = parsePeriod(query.period, ['period']).id;
    const revisions = await this.#revisionsFor(query.parent);
    const key = [
      query.scorecard,
      period,
      query.parent,
      query.depth,
      query.mix ? 'mix' : '',
      options.visible === undefined ? '' : `v:${options.visibleKey ?? ''}`,
    ].join('\u0000');
    // A `visible` the caller did not name cannot be told apart from another: not cached.
    const cacheable = options.visible === undefined || options.visibleKey !== undefined;
    const cached = cacheable ? this.#rankings.get(key) : undefined;
    if (cached && cached.meta === revisions.meta && cached.root === revisions.root) return cached.items;
    const state = await this.#state(revisions.meta, query.parent, revisions.root);
    const parent = state.meta.unit(query.parent);
    const scorecard = await state.meta.scorecard(query.scorecard);
    const visible = options.visible ?? (() => true);
    const units = state.meta.below(parent, query.depth).filter((u) => visible(u.code));
    this.rankingsComputed++;
    const evaluations = await this.#evaluateUnits(state, scorecard, units, period, {
      many: true,
      asOf: null,
      top: parent,
    });
    const candidates = evaluations.map(({ json }, i) => {
      const unit = units[i] ?? parent;
      return { unit, evaluation: json, type: unit.type, level: unit.level, total: json.total };
    });
    const items = rankUnits(candidates, query.mix ?? false).map(
      ({ item: { unit, evaluation }, rank, cohort }): RankedUnit => ({
        rank,
        orgUnit: unit.code,
        name: unit.nameZh ? { en: unit.nameEn, zh: unit.nameZh } : { en: unit.nameEn },
        type: unit.type,
        level: unit.level,
        cohort,
        role: unit.role,
        evaluation,
      }),
    );
    if (cacheable) this.#rankings.set(key, { meta: revisions.meta, root: revisions.root, items });
    return items;
  }

  /** The evaluation of every period from `from` to `to` (same period type), oldest first. */
  async series(query: {
    readonly scorecard: string;
    readonly orgUnit: string;
    readonly periods: readonly string[];
  }) {
    // The reported values and ratings of every period at once (two statements), unless each is kept already.
    const revisions = await this.#revisionsFor(query.orgUnit);
    const meta = await this.#known.snapshot(revisions.meta);
    const unit = meta.unit(query.orgUnit);
    const scorecard = await meta.scorecard(query.scorecard);
    const periods = query.periods.map((period, i) => parsePeriod(period, ['periods', i]).id);
    await this.#rootInputs.prefetch(unit.rootId, revisions.root, scorecard.id, periods);
    const results: EvaluationJson[] = [];
    for (const period of periods) {
      results.push(await this.evaluate({ scorecard: query.scorecard, orgUnit: query.orgUnit, period }));
    }
    return results;
  }

  /**
   * Each indicator's figure with its ratio's parts, for a unit itself, its children, or its peers (the units of
   * its type and level in its tree), in one period, as today's data gives them (server/monitoring reads them).
   */
  async figures(
    query: { readonly scorecard: string; readonly orgUnit: string; readonly period: string },
    among: 'self' | 'children' | 'peers',
    visible: (orgUnitCode: string) => boolean = () => true,
  ): Promise<{ readonly unit: OrgUnitRow; readonly figures: IndicatorFigure[] }[]> {
    const period = parsePeriod(query.period, ['period']).id;
    const revisions = await this.#revisionsFor(query.orgUnit);
    const state = await this.#state(revisions.meta, query.orgUnit, revisions.root);
    const unit = state.meta.unit(query.orgUnit);
    const scorecard = await state.meta.scorecard(query.scorecard);
    let units = [unit];
    if (among === 'children') units = state.meta.below(unit, 'children');
    if (among === 'peers') {
      units = state.meta
        .tree(unit.rootId)
        .units.filter((u) => u.type === unit.type && u.level === unit.level);
    }
    units = units.filter((u) => visible(u.code));
    const method = scorecard.method(period, null);
    const evaluated = await this.#evaluateUnits(state, scorecard, units, period, {
      many: units.length > 1,
      asOf: null,
      top: among === 'children' ? unit : null,
    });
    return evaluated.map((result, i) => ({
      unit: units[i] ?? unit,
      figures: indicatorFigures(
        method.scorecard,
        result.evaluation,
        result.inputs.inputs,
        state.meta.elementsByCode,
      ),
    }));
  }

  /**
   * What a publication of `orgUnit`'s subtree freezes: the evaluation of the unit and of every unit under it, and
   * each indicator's aggregated inputs, computed now with the method that holds for the period.
   */
  async subtreeRows(query: {
    readonly scorecard: string;
    readonly orgUnit: string;
    readonly period: string;
    /** Only the unit itself (a restatement), not its subtree. */
    readonly unitOnly?: boolean;
  }): Promise<SubtreeRows> {
    const period = parsePeriod(query.period, ['period']).id;
    const revisions = await this.#revisionsFor(query.orgUnit);
    const state = await this.#state(revisions.meta, query.orgUnit, revisions.root);
    const top = state.meta.unit(query.orgUnit);
    const scorecard = await state.meta.scorecard(query.scorecard);
    const units = query.unitOnly ? [top] : [top, ...state.meta.below(top, 'descendants')];
    const method = scorecard.method(period, null);
    const evaluated = await this.#evaluateUnits(state, scorecard, units, period, {
      many: units.length > 1,
      asOf: null,
      top,
    });
    return {
      rootId: top.rootId,
      scorecardId: scorecard.id,
      structure: method.structure,
      weights: method.weights,
      assignment: scorecard.assignment(period, null),
      units: evaluated.map((result, i) => ({
        unit: units[i] ?? top,
        evaluation: result.json,
        inputs: publicationInputsOf(method, result.evaluation, result.inputs),
      })),
    };
  }

  /**
   * Explains one indicator of a unit's evaluation (issue 5): the same inputs `evaluate` uses, run through the
   * core's `explainIndicator`, with the target row's trail and the versions used. 404 when the scorecard has no
   * such indicator.
   */
  async explain(query: EvaluateQuery & { readonly indicator: string }): Promise<EngineExplanation> {
    const period = parsePeriod(query.period, ['period']).id;
    const asOf = query.asOf ?? null;
    const revisions = await this.#revisionsFor(query.orgUnit);
    const state = await this.#state(revisions.meta, query.orgUnit, revisions.root);
    const unit = state.meta.unit(query.orgUnit);
    const scorecard = await state.meta.scorecard(query.scorecard);
    const [result] = await this.#evaluateUnits(state, scorecard, [unit], period, { many: false, asOf });
    return explanationOf({
      meta: state.meta,
      scorecard,
      unit,
      period,
      asOf,
      indicator: query.indicator,
      result,
    });
  }

  /**
   * The compiled scorecard that holds for the period (as recorded now), whose weights carry their provenance (the
   * AHP results a report prints with the weights).
   */
  async compiledFor(query: {
    readonly scorecard: string;
    readonly orgUnit: string;
    readonly period: string;
  }): Promise<CompiledScorecard> {
    const period = parsePeriod(query.period, ['period']).id;
    const revisions = await this.#revisionsFor(query.orgUnit);
    const state = await this.#state(revisions.meta, query.orgUnit, revisions.root);
    const scorecard = await state.meta.scorecard(query.scorecard);
    return scorecard.method(period, null).scorecard;
  }

  /** Every approval of a scorecard in one organisation, from memory while every write is heard (heard-approvals.ts). */
  approvalsOf(scorecardId: number, rootId: number): Promise<readonly ApprovalRecord[]> {
    return this.#approvals.of(scorecardId, rootId);
  }

  /**
   * A unit's latest publication of a scorecard and period, from memory while every write is heard
   * (heard-publications.ts); `undefined` when there is none.
   */
  latestPublication(key: PublishedKey): Promise<PublishedResult | undefined> {
    return this.#publications.latest(key);
  }

  /**
   * The metadata as of now (units by code, scorecards by code): what the services look a unit or a scorecard up
   * in, with the same 404s as the database lookups, without SQL while every write is heard.
   */
  metadata(): Promise<MetadataSnapshot> {
    return this.#known.current();
  }

  /** The metadata revision and the revision of the organisation of `orgUnitCode` (404 for an unknown code). */
  revisions(orgUnitCode: string): Promise<{ meta: number; root: number }> {
    return this.#revisionsFor(orgUnitCode);
  }

  #revisionsFor(orgUnitCode: string): Promise<{ meta: number; root: number }> {
    return this.#known.revisionsFor(orgUnitCode);
  }

  async #state(metaRevision: number, orgUnitCode: string, rootRevision: number): Promise<State> {
    const meta = await this.#known.snapshot(metaRevision);
    const unit = meta.unit(orgUnitCode);
    const cube = await this.#cubes.get(unit.rootId, rootRevision, meta);
    return { meta, rootRevision, cube };
  }

  async #evaluateUnits(
    state: State,
    scorecard: DatedScorecard,
    units: readonly OrgUnitRow[],
    period: string,
    options: {
      readonly many: boolean;
      readonly asOf: Date | null;
      /** With `many`: every unit is in this unit's subtree, so only that subtree is rolled up. */
      readonly top?: OrgUnitRow | null;
    },
  ): Promise<Evaluated[]> {
    const method: ScorecardMethod = scorecard.method(period, options.asOf);
    const targets = await scorecard.targetsAt(options.asOf);
    const assignment = scorecard.assignment(period, options.asOf);
    const unitInputs = await inputsOfUnits(
      {
        rootInputs: (rootId, p) => this.#rootInputs.of(rootId, state.rootRevision, scorecard.id, p),
        meta: state.meta,
        cube: state.cube,
        scorecardId: scorecard.id,
        method,
        targets,
      },
      units,
      period,
      options.many,
      options.top ?? null,
    );
    return units.map((unit, i) => {
      const inputs = unitInputs[i] ?? { inputs: EMPTY_INPUTS, targetRows: new Map() };
      const evaluation = evaluateScorecard(method.scorecard, inputs.inputs);
      const json: EvaluationJson = {
        ...toEvaluationJson(evaluation, { orgUnit: unit.code, period }),
        versions: versionsOf({ method, assignment, unit, meta: state.meta, inputs, asOf: options.asOf }),
      };
      return { json, evaluation, inputs };
    });
  }
}
