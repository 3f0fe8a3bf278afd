/**
 * From when a change of a scorecard's method holds, for the writers of its stored versions (structure, weights,
 * org units): the period the author names, or by default the next period that has no published score, so
 * a published period is never re-scored by a change nobody dated (a publication stays frozen whatever happens,
 * core/contracts/publications.ts). With nothing published yet the default is "since the beginning" (null).
 *
 * A new version must also combine with the versions it will be paired with: for every period from which some
 * stored version holds, the structure and the weights that hold there must compile together (a structure that
 * adds an indicator needs weights for it from the same period on).
 */
import { invalid, isProblemError, type ProblemIssue } from '../../core/errors/problem.ts';
import { MIN_PERIOD_YEAR, type PeriodType, tryParsePeriod } from '../../core/periods/index.ts';
import { compileScorecard, periodAfter, selectEffectiveVersion } from '../../core/scorecard/index.ts';
import { latestPublishedPeriod } from '../../db/repositories/publication.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import {
  listDatedVersions,
  type StructureVersionRecord,
  type WeightVersionRecord,
} from '../../db/repositories/scorecard.repository.ts';
import { mergeScorecardFile } from './scorecard-files.ts';

/**
 * The next period with no published score of the scorecard, of its period type (or of the published period's
 * type when it declares none); null when nothing is published.
 *
 * @example await defaultEffectiveFrom(db, scorecardId, 'month') // '2024-01' after a publication of 2023
 */
export async function defaultEffectiveFrom(
  db: Executor,
  scorecardId: number,
  periodType: PeriodType | null | undefined,
): Promise<string | null> {
  const last = await latestPublishedPeriod(db, scorecardId);
  if (last === null) return null;
  const type = periodType ?? tryParsePeriod(last)?.type ?? 'month';
  return periodAfter(last, type);
}

/** The effective-from period of a change: as requested (null: since the beginning), or the default. */
export async function effectiveFromOf(
  db: Executor,
  scorecardId: number,
  periodType: PeriodType | null | undefined,
  requested: string | null | undefined,
): Promise<string | null> {
  return requested === undefined ? defaultEffectiveFrom(db, scorecardId, periodType) : requested;
}

/** A period earlier than any a method can start from: where "since the beginning" is checked. */
const BEGINNING = `${MIN_PERIOD_YEAR}-01`;

/**
 * Checks that the stored versions (read in the writer's transaction, so a version just inserted counts) combine:
 * at every period from which a structure or weight version holds, the pair that holds there compiles. 400
 * `scorecard.versions-do-not-combine` naming the first period and versions that do not, with the compiler's issues.
 */
export async function assertVersionsCombine(trx: Executor, scorecardId: number, code: string): Promise<void> {
  const { structure, weights } = await listDatedVersions(trx, scorecardId);
  const starts = new Set<string>([BEGINNING]);
  for (const version of [...structure, ...weights]) {
    if (version.effectiveFrom !== null) starts.add(version.effectiveFrom);
  }
  const checked = new Set<string>();
  for (const period of [...starts].sort()) {
    const s = selectEffectiveVersion(structure.map(dated), period)?.record;
    const w = selectEffectiveVersion(weights.map(dated), period)?.record;
    if (s === undefined || w === undefined) continue;
    const key = `${s.id}:${w.id}`;
    if (checked.has(key)) continue;
    checked.add(key);
    const issues = compileIssues(s, w);
    if (issues.length > 0) {
      throw invalid(
        'scorecard.versions-do-not-combine',
        { code, period: period === BEGINNING ? '—' : period, version: s.version, weightVersion: w.version },
        issues,
      );
    }
  }
}

function dated<T extends StructureVersionRecord | WeightVersionRecord>(record: T) {
  return {
    version: record.version,
    effectiveFrom: record.effectiveFrom,
    recordedAt: record.createdAt,
    record,
  };
}

function compileIssues(structure: StructureVersionRecord, weights: WeightVersionRecord): ProblemIssue[] {
  try {
    compileScorecard(mergeScorecardFile(structure, weights));
    return [];
  } catch (error) {
    if (!isProblemError(error)) throw error;
    return [...error.problem.issues];
  }
}
