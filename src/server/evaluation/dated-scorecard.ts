/**
 * One stored scorecard with every version it recorded: structure and weight versions, assignments to org units,
 * and its targets as recorded. Evaluating period P uses what held for P (core/scorecard/effective-periods.ts:
 * the latest recorded version whose effective-from period holds for P), as recorded at `asOf` when asked.
 *
 * Compiling a scorecard (AHP, formulas) is the costly step, so it happens once per pair of stored versions, and
 * applying the file's own dated versions once per range of periods they leave alike (`methodRange`), not once
 * per period: a series of sixty months on an undated scheme compiles once.
 */
import { invalid, isProblemError, notFound } from '../../core/errors/problem.ts';
import {
  type CompiledScorecard,
  compileScorecard,
  type DatedRecord,
  methodForPeriod,
  methodRange,
  type PeriodMethod,
  selectEffectiveVersion,
} from '../../core/scorecard/index.ts';
import { TargetIndex } from '../../core/targets/index.ts';
import type { Db } from '../../db/connect.ts';
import { loadTargets, type RecordedTargetRow } from '../../db/repositories/evaluation.repository.ts';
import {
  findScorecardByCode,
  listDatedVersions,
  type StructureVersionRecord,
  type WeightVersionRecord,
} from '../../db/repositories/scorecard.repository.ts';
import {
  type AssignmentVersionRecord,
  listAssignmentVersions,
} from '../../db/repositories/scorecard-org-unit.repository.ts';
import { mergeScorecardFile } from '../services/scorecard-files.ts';
import { LruCache } from './lru-cache.ts';

/** A stored version as evaluations name it. */
export interface VersionRef {
  readonly id: number;
  readonly version: number;
  readonly effectiveFrom: string | null;
  readonly recordedAt: Date;
}

/** The method a period was scored by: the stored versions chosen and the scorecard compiled from them. */
export interface ScorecardMethod {
  /** The compiled scorecard with the file's dated versions that hold for the period applied. */
  readonly scorecard: CompiledScorecard;
  /** Which of the file's dated versions that took (scheme scoring, each indicator). */
  readonly dated: Omit<PeriodMethod, 'scorecard'>;
  readonly structure: VersionRef;
  readonly weights: VersionRef & Omit<WeightVersionRecord, 'weights' | 'createdAt'>;
  /** Codes of the data elements its formulas read. */
  readonly elementCodes: readonly string[];
}

interface Dated<T> extends DatedRecord {
  readonly record: T;
}

function dated<T extends { version: number; effectiveFrom: string | null; createdAt: Date }>(
  record: T,
): Dated<T> {
  return {
    version: record.version,
    effectiveFrom: record.effectiveFrom,
    recordedAt: record.createdAt,
    record,
  };
}

function refOf(record: { id: number; version: number; effectiveFrom: string | null; createdAt: Date }) {
  return {
    id: record.id,
    version: record.version,
    effectiveFrom: record.effectiveFrom,
    recordedAt: record.createdAt,
  };
}

export class DatedScorecard {
  readonly id: number;
  readonly code: string;
  /** The targets as recorded now. */
  readonly targets: TargetIndex<RecordedTargetRow>;
  readonly #db: Db;
  readonly #structures: readonly Dated<StructureVersionRecord>[];
  readonly #weights: readonly Dated<WeightVersionRecord>[];
  readonly #assignments: readonly Dated<AssignmentVersionRecord>[];
  readonly #compiled = new Map<string, CompiledScorecard>();
  readonly #methods = new Map<string, ScorecardMethod>();
  readonly #byPeriod = new Map<string, ScorecardMethod>();
  readonly #targetsAsOf = new LruCache<string, Promise<TargetIndex<RecordedTargetRow>>>(16);

  private constructor(
    db: Db,
    scorecard: { id: number; code: string },
    versions: {
      structure: readonly StructureVersionRecord[];
      weights: readonly WeightVersionRecord[];
      assignments: readonly AssignmentVersionRecord[];
    },
    targets: readonly RecordedTargetRow[],
  ) {
    this.#db = db;
    this.id = scorecard.id;
    this.code = scorecard.code;
    this.#structures = versions.structure.map(dated);
    this.#weights = versions.weights.map(dated);
    this.#assignments = versions.assignments.map(dated);
    this.targets = new TargetIndex(targets);
  }

  /** Loads a scorecard's versions and current targets; 404 for an unknown code. */
  static async load(db: Db, code: string): Promise<DatedScorecard> {
    const scorecard = await findScorecardByCode(db.kysely, code);
    if (!scorecard) throw notFound('reference.scorecard-not-found', { code });
    const [versions, assignments, targets] = await Promise.all([
      listDatedVersions(db.kysely, scorecard.id),
      listAssignmentVersions(db.kysely, scorecard.id),
      loadTargets(db.kysely, scorecard.id),
    ]);
    if (versions.structure.length === 0 || versions.weights.length === 0) {
      throw notFound('reference.scorecard-not-found', { code });
    }
    return new DatedScorecard(db, scorecard, { ...versions, assignments }, targets);
  }

  /**
   * The method that held for `period` as recorded at `asOf` (null: now). 404 when no version held for it
   * (the scheme starts later, or nothing was recorded yet by `asOf`); 400 when the versions do not compile.
   */
  method(period: string, asOf: Date | null): ScorecardMethod {
    if (asOf === null) {
      const known = this.#byPeriod.get(period);
      if (known) return known;
    }
    const structure = selectEffectiveVersion(this.#structures, period, asOf)?.record;
    const weights = selectEffectiveVersion(this.#weights, period, asOf)?.record;
    if (structure === undefined || weights === undefined) {
      throw asOf === null
        ? notFound('evaluation.no-method-for-period', { scorecard: this.code, period })
        : notFound('evaluation.no-method-as-of', { scorecard: this.code, period, asOf: asOf.toISOString() });
    }
    const compiled = this.#compile(structure, weights);
    const key = `${structure.id}:${weights.id}:${methodRange(compiled, period)}`;
    let method = this.#methods.get(key);
    if (!method) {
      const { scorecard, ...choices } = methodForPeriod(compiled, period);
      const { weights: _document, createdAt: _createdAt, ...weightRecord } = weights;
      method = {
        scorecard,
        dated: choices,
        structure: refOf(structure),
        weights: { ...weightRecord, ...refOf(weights) },
        elementCodes: elementCodesOf(scorecard),
      };
      this.#methods.set(key, method);
    }
    if (asOf === null) this.#byPeriod.set(period, method);
    return method;
  }

  /** The assignment to org units that held for `period` as recorded at `asOf`, or null when none did. */
  assignment(
    period: string,
    asOf: Date | null,
  ): (VersionRef & Pick<AssignmentVersionRecord, 'orgUnits'>) | null {
    const found = selectEffectiveVersion(this.#assignments, period, asOf)?.record;
    return found === undefined ? null : { ...refOf(found), orgUnits: found.orgUnits };
  }

  /** The targets as recorded at `asOf` (null: now). */
  targetsAt(asOf: Date | null): Promise<TargetIndex<RecordedTargetRow>> {
    if (asOf === null) return Promise.resolve(this.targets);
    const key = asOf.toISOString();
    let pending = this.#targetsAsOf.get(key);
    if (!pending) {
      pending = loadTargets(this.#db.kysely, this.id, asOf).then((rows) => new TargetIndex(rows));
      this.#targetsAsOf.set(key, pending);
    }
    return pending;
  }

  #compile(structure: StructureVersionRecord, weights: WeightVersionRecord): CompiledScorecard {
    const key = `${structure.id}:${weights.id}`;
    const known = this.#compiled.get(key);
    if (known) return known;
    let compiled: CompiledScorecard;
    try {
      compiled = compileScorecard(mergeScorecardFile(structure, weights));
    } catch (error) {
      if (!isProblemError(error)) throw error;
      throw invalid(
        'evaluation.stored-scorecard-invalid',
        { code: this.code, version: structure.version, weightVersion: weights.version },
        error.problem.issues,
      );
    }
    this.#compiled.set(key, compiled);
    return compiled;
  }
}

function elementCodesOf(scorecard: CompiledScorecard): string[] {
  const codes = new Set<string>();
  for (const indicator of scorecard.perspectives.flatMap((p) => p.indicators)) {
    const formula = indicator.formula;
    if (!formula) continue;
    const formulas =
      formula.type === 'expression' ? [formula.expression] : [formula.numerator, formula.denominator];
    for (const f of formulas) for (const ref of f.references) codes.add(ref);
  }
  return [...codes];
}
