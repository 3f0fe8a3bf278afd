/**
 * An organisation's reported indicator values and qualitative ratings, per scorecard and period, kept for the
 * organisation's revision: reported values and assessments are written with a `root-inputs` change, which moves
 * the organisation's counter, so what was read under one revision holds until the counter moves (the key names
 * the revision; entries of older revisions age out). Read for the whole organisation at once, and for many
 * periods in one pair of statements (`prefetch`): a 12-month series reads them twice in all rather than three
 * statements a month for its evaluations and again for its control charts (issue 11: a series in ≤ 5 statements).
 */
import type { Kysely } from 'kysely';
import { MONTHS_PER_PERIOD, parsePeriod, periodContaining } from '../../core/periods/index.ts';
import { loadRootInputs, type PeriodInputRow } from '../../db/repositories/evaluation.repository.ts';
import type { Database } from '../../db/schema.ts';
import { LruCache } from './lru-cache.ts';

/** One period's reported values and ratings of every unit of an organisation. */
export interface PeriodInputs {
  readonly reported: readonly PeriodInputRow[];
  /** One row per rater, in rater order. */
  readonly ratings: readonly PeriodInputRow[];
  /** Reported values of the quarter and the year around the period (a month of an indicator reported yearly). */
  readonly longer: readonly PeriodInputRow[];
}

/** At most this many (organisation, revision, scorecard, period) entries are kept. */
const MAX_ENTRIES = 5_000;

/** The quarter and year around `period` that are longer than it. */
export function longerPeriodsOf(period: string): string[] {
  const type = parsePeriod(period).type;
  return (['quarter', 'year'] as const)
    .filter((t) => MONTHS_PER_PERIOD[t] > MONTHS_PER_PERIOD[type])
    .map((t) => periodContaining(period, t));
}

export class RootInputs {
  readonly #db: Kysely<Database>;
  readonly #entries = new LruCache<string, Promise<PeriodInputs>>(MAX_ENTRIES);

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** The inputs of one period (read with `prefetch` unless kept). */
  async of(rootId: number, revision: number, scorecardId: number, period: string): Promise<PeriodInputs> {
    const key = keyOf(rootId, revision, scorecardId, period);
    const kept = this.#entries.get(key);
    if (kept !== undefined) return kept;
    await this.prefetch(rootId, revision, scorecardId, [period]);
    return this.#entries.get(key) ?? this.of(rootId, revision, scorecardId, period);
  }

  /** Reads, in one pair of statements, the inputs of every period of `periods` not kept yet. */
  async prefetch(
    rootId: number,
    revision: number,
    scorecardId: number,
    periods: readonly string[],
  ): Promise<void> {
    const missing = [...new Set(periods)].filter(
      (period) => this.#entries.get(keyOf(rootId, revision, scorecardId, period)) === undefined,
    );
    if (missing.length === 0) return;
    const longer = new Map(missing.map((period) => [period, longerPeriodsOf(period)]));
    const loading = loadRootInputs(this.#db, rootId, scorecardId, {
      reported: [...new Set([...missing, ...[...longer.values()].flat()])],
      rated: missing,
    });
    for (const period of missing) {
      const around = new Set(longer.get(period));
      this.#entries.set(
        keyOf(rootId, revision, scorecardId, period),
        loading.then(({ reported, ratings }) => ({
          reported: reported.filter((row) => row.periodId === period),
          ratings: ratings.filter((row) => row.periodId === period),
          longer: reported.filter((row) => around.has(row.periodId)),
        })),
      );
    }
    try {
      await loading;
    } catch (error) {
      // A failed read is not kept: the next request reads again.
      for (const period of missing) this.#entries.delete(keyOf(rootId, revision, scorecardId, period));
      throw error;
    }
  }
}

function keyOf(rootId: number, revision: number, scorecardId: number, period: string): string {
  return `${rootId}:${revision}:${scorecardId}:${period}`;
}
