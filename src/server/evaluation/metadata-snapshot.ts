/**
 * An immutable snapshot of the metadata evaluations read on every request (org units, groups, data elements,
 * scorecards with their dated versions, targets), rebuilt when the metadata change counter moves. Compiling a
 * scorecard (AHP, formulas) happens once per snapshot and version pair, not per request.
 */
import { buildOrgTree, type ElementRule, type OrgTree } from '../../core/analytics/index.ts';
import { notFound } from '../../core/errors/problem.ts';
import type { Db } from '../../db/connect.ts';
import {
  type DataElementRuleRow,
  loadDataElementRules,
  loadGroupMemberships,
  loadOrgUnits,
  type OrgUnitRow,
} from '../../db/repositories/evaluation.repository.ts';
import { DatedScorecard } from './dated-scorecard.ts';

/** One organisation's tree: its units in tree order, with the tree the analytics kernel walks. */
export interface RootTree {
  readonly rootId: number;
  readonly units: readonly OrgUnitRow[];
  readonly tree: OrgTree;
  /** Unit id → index in `units` and `tree.codes`. */
  readonly indexOf: ReadonlyMap<number, number>;
}

export class MetadataSnapshot {
  readonly revision: number;
  readonly unitsByCode: ReadonlyMap<string, OrgUnitRow>;
  readonly unitsById: ReadonlyMap<number, OrgUnitRow>;
  readonly groupsOf: ReadonlyMap<number, ReadonlySet<number>>;
  readonly elementsById: ReadonlyMap<number, DataElementRuleRow>;
  readonly elementsByCode: ReadonlyMap<string, DataElementRuleRow>;
  readonly #db: Db;
  readonly #units: readonly OrgUnitRow[];
  readonly #trees = new Map<number, RootTree>();
  readonly #scorecards = new Map<string, Promise<DatedScorecard>>();

  private constructor(
    db: Db,
    revision: number,
    units: readonly OrgUnitRow[],
    groups: Map<number, Set<number>>,
    elements: readonly DataElementRuleRow[],
  ) {
    this.#db = db;
    this.revision = revision;
    this.#units = units;
    this.unitsByCode = new Map(units.map((u) => [u.code, u]));
    this.unitsById = new Map(units.map((u) => [u.id, u]));
    this.groupsOf = groups;
    this.elementsById = new Map(elements.map((e) => [e.id, e]));
    this.elementsByCode = new Map(elements.map((e) => [e.code, e]));
  }

  static async load(db: Db, revision: number): Promise<MetadataSnapshot> {
    const [units, groups, elements] = await Promise.all([
      loadOrgUnits(db.kysely),
      loadGroupMemberships(db.kysely),
      loadDataElementRules(db.kysely),
    ]);
    return new MetadataSnapshot(db, revision, units, groups, elements);
  }

  unit(code: string): OrgUnitRow {
    const unit = this.unitsByCode.get(code);
    if (!unit) throw notFound('org-unit.not-found', { code });
    return unit;
  }

  /** The tree of the organisation whose top-level unit is `rootId`. */
  tree(rootId: number): RootTree {
    let tree = this.#trees.get(rootId);
    if (!tree) {
      const units = this.#units.filter((u) => u.rootId === rootId);
      const codeOf = new Map(units.map((u) => [u.id, u.code]));
      tree = {
        rootId,
        units,
        tree: buildOrgTree(
          units.map((u) => ({
            code: u.code,
            parent: u.parentId === null ? null : (codeOf.get(u.parentId) ?? null),
          })),
        ),
        indexOf: new Map(units.map((u, i) => [u.id, i])),
      };
      this.#trees.set(rootId, tree);
    }
    return tree;
  }

  /** The children of `parent`, or all its descendants, in tree order. */
  below(parent: OrgUnitRow, depth: 'children' | 'descendants'): OrgUnitRow[] {
    return this.tree(parent.rootId).units.filter((u) =>
      depth === 'children' ? u.parentId === parent.id : u.id !== parent.id && this.#isBelow(u, parent),
    );
  }

  #isBelow(unit: OrgUnitRow, ancestor: OrgUnitRow): boolean {
    let current = unit.parentId === null ? undefined : this.unitsById.get(unit.parentId);
    while (current) {
      if (current.id === ancestor.id) return true;
      current = current.parentId === null ? undefined : this.unitsById.get(current.parentId);
    }
    return false;
  }

  /**
   * The analytics rule of each data element, by code: its aggregations and its declared missing-value rule
   * (`pairwise` acts in the pairs the evaluation names; undeclared: skipped).
   */
  rules(): Map<string, ElementRule> {
    return new Map(
      [...this.elementsByCode].map(([code, e]) => [
        code,
        { units: e.aggregation, time: e.timeAggregation, missing: e.missingValues ?? 'skip' },
      ]),
    );
  }

  /**
   * The scorecard with every version it recorded and its targets; cached for this snapshot, so each method
   * compiles once per snapshot (dated-scorecard.ts).
   */
  scorecard(code: string): Promise<DatedScorecard> {
    let pending = this.#scorecards.get(code);
    if (!pending) {
      pending = DatedScorecard.load(this.#db, code);
      // A failed load is not cached: the next request tries again and reports the error again.
      pending.catch(() => this.#scorecards.delete(code));
      this.#scorecards.set(code, pending);
    }
    return pending;
  }
}
