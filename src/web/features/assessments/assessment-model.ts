/**
 * The assessments page's pure model: the scorecard's qualitative indicators, its rating bands as score ranges
 * (seed 002 Table 4.10 unless the file names its own), and the rater's drafts: a 0–100 score and the evidence
 * per indicator, sent in one batch with the `version` each was typed over (core/contracts/assessments.ts), and
 * a 409's `current` turned into a conflict per indicator.
 */
import type { Assessment, AssessmentInput } from '../../../core/contracts/assessments.ts';
import type { CurrentValue } from '../../../core/contracts/value-rows.ts';
import type { ScorecardFile } from '../../../core/scorecard/scorecard-schema.ts';
import { type RatingBand, RUBRIC_MAX, SEED002_RATING_BANDS } from '../../../core/scoring/index.ts';

type IndicatorFile = ScorecardFile['perspectives'][number]['indicators'][number];

export interface QualitativeIndicator {
  readonly perspective: ScorecardFile['perspectives'][number]['name'];
  readonly indicator: IndicatorFile;
}

/** The qualitative indicators of a scorecard, perspective by perspective. */
export function qualitativeIndicators(file: Pick<ScorecardFile, 'perspectives'>): QualitativeIndicator[] {
  return file.perspectives.flatMap((perspective) =>
    perspective.indicators
      .filter((indicator) => indicator.kind === 'qualitative')
      .map((indicator) => ({ perspective: perspective.name, indicator })),
  );
}

export interface BandRange {
  readonly band: RatingBand;
  /** The lowest score of the band (inclusive). */
  readonly from: number;
  /** The score where the next band up starts (exclusive), or 100 (inclusive) for the top band. */
  readonly to: number;
  readonly top: boolean;
}

/**
 * The bands as ranges of the 0–100 scale, highest first: a score ≥ a band's min and below the next band's min
 * gets that band (core/scoring/rating-bands.ts `rate`); the lowest band starts at 0 at the earliest.
 *
 * @example bandRanges(SEED002_RATING_BANDS)[1] // { band: good, from: 80, to: 90, top: false }
 */
export function bandRanges(bands: readonly RatingBand[] | undefined): BandRange[] {
  const sorted = [...(bands ?? SEED002_RATING_BANDS)].sort((a, b) => b.min - a.min);
  return sorted.map((band, index) => {
    const above = sorted[index - 1];
    return {
      band,
      from: Math.max(0, band.min),
      to: above === undefined ? RUBRIC_MAX : above.min,
      top: above === undefined,
    };
  });
}

export type ScoreCheck =
  | { readonly ok: true; readonly value: number | null }
  | { readonly ok: false; readonly error: 'notNumber' | 'outOfRange' };

/**
 * A typed score: empty (no score: deletes a stored one), or a number from 0 to 100 (the rubric's scale).
 *
 * @example checkScore('85') // { ok: true, value: 85 }
 * @example checkScore('120') // { ok: false, error: 'outOfRange' }
 */
export function checkScore(text: string): ScoreCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const value = Number(trimmed);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed) || !Number.isFinite(value))
    return { ok: false, error: 'notNumber' };
  if (value < 0 || value > RUBRIC_MAX) return { ok: false, error: 'outOfRange' };
  return { ok: true, value };
}

/** The rater's draft of one indicator. */
export interface AssessmentDraft {
  readonly scoreText: string;
  readonly evidence: string;
  /** The version the draft replaces; undefined when the rater had none stored. */
  readonly version: number | undefined;
}

/** The draft of an indicator as stored (or empty). */
export function draftOf(stored: Assessment | undefined): AssessmentDraft {
  return {
    scoreText: stored === undefined ? '' : String(stored.score),
    evidence: stored?.evidence ?? '',
    version: stored?.version,
  };
}

export interface AssessmentBatch {
  readonly assessments: AssessmentInput[];
  /** The indicator of each assessment sent, in order (a 409's `index` points here). */
  readonly indicators: string[];
  /** Indicators whose score cannot be stored. */
  readonly invalid: string[];
}

/**
 * The batch Save sends: each indicator whose draft differs from the rater's stored assessment (score or
 * evidence, or a version taken over after a conflict), with that version; invalid scores are left out.
 */
export function buildAssessmentBatch(
  key: { readonly scorecard: string; readonly orgUnit: string; readonly period: string },
  drafts: ReadonlyMap<string, AssessmentDraft>,
  mine: ReadonlyMap<string, Assessment>,
): AssessmentBatch {
  const batch: AssessmentBatch = { assessments: [], indicators: [], invalid: [] };
  for (const [indicator, draft] of drafts) {
    const check = checkScore(draft.scoreText);
    if (!check.ok) {
      batch.invalid.push(indicator);
      continue;
    }
    const stored = mine.get(indicator);
    const evidence = draft.evidence.trim() === '' ? null : draft.evidence;
    const same =
      check.value === (stored?.score ?? null) &&
      evidence === (stored?.evidence ?? null) &&
      draft.version === stored?.version;
    if (same || (check.value === null && stored === undefined)) continue;
    batch.assessments.push({
      ...key,
      indicator,
      score: check.value,
      evidence,
      ...(draft.version === undefined ? {} : { version: draft.version }),
    });
    batch.indicators.push(indicator);
  }
  return batch;
}

export interface AssessmentConflict {
  readonly mine: number | null;
  readonly stored: Omit<CurrentValue, 'index'>;
}

/** The conflicts of a 409, by indicator. */
export function applyAssessmentConflicts(
  batch: AssessmentBatch,
  current: readonly CurrentValue[],
): Map<string, AssessmentConflict> {
  const conflicts = new Map<string, AssessmentConflict>();
  for (const { index, ...stored } of current) {
    const indicator = batch.indicators[index];
    const sent = batch.assessments[index];
    if (indicator !== undefined && sent !== undefined) conflicts.set(indicator, { mine: sent.score, stored });
  }
  return conflicts;
}

/** Keep mine: the draft now replaces the stored version, so the next Save overwrites it knowingly. */
export function keepMyAssessment(draft: AssessmentDraft, conflict: AssessmentConflict): AssessmentDraft {
  return { ...draft, version: conflict.stored.version ?? undefined };
}

/** Take the stored one: the draft becomes what is stored now. */
export function takeStoredAssessment(conflict: AssessmentConflict): AssessmentDraft {
  const { value, note, version } = conflict.stored;
  return {
    scoreText: value === null ? '' : String(value),
    evidence: note ?? '',
    version: version ?? undefined,
  };
}
