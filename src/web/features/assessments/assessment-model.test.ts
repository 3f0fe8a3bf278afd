import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../core/contracts/assessments.ts';
import { SEED002_RATING_BANDS } from '../../../core/scoring/index.ts';
import {
  applyAssessmentConflicts,
  bandRanges,
  buildAssessmentBatch,
  checkScore,
  draftOf,
  keepMyAssessment,
  qualitativeIndicators,
  takeStoredAssessment,
} from './assessment-model.ts';

const KEY = { scorecard: 'AZ-HOSPITAL', orgUnit: 'AZ', period: '2016' };

function stored(indicator: string, score: number, evidence: string | null, version: number): Assessment {
  return {
    ...KEY,
    indicator,
    rater: 'admin@demo.healthbsc',
    score,
    evidence,
    version,
    updatedBy: 'admin@demo.healthbsc',
    updatedAt: '2026-11-23T07:00:00.000Z',
  };
}

describe('qualitativeIndicators', () => {
  it('keeps only the qualitative indicators, with their perspective', () => {
    const base = { decimals: 0, direction: 'higher' as const };
    const found = qualitativeIndicators({
      perspectives: [
        {
          id: 'C',
          name: { en: 'Customer' },
          objectives: [],
          indicators: [
            { ...base, id: 'C1', name: { en: 'Satisfaction' }, kind: 'qualitative' },
            { ...base, id: 'C2', name: { en: 'Growth' }, kind: 'quantitative', formula: 'a' },
          ],
        },
        {
          id: 'R',
          name: { en: 'Social' },
          objectives: [],
          indicators: [{ ...base, id: 'R1', name: { en: 'Campaigns' }, kind: 'qualitative' }],
        },
      ],
    });
    expect(found.map((item) => [item.perspective.en, item.indicator.id])).toEqual([
      ['Customer', 'C1'],
      ['Social', 'R1'],
    ]);
  });
});

describe('bandRanges', () => {
  it('turns seed 002 Table 4.10 into ranges, highest first', () => {
    expect(bandRanges(undefined).map((range) => [range.band.code, range.from, range.to, range.top])).toEqual([
      ['very-good', 90, 100, true],
      ['good', 80, 90, false],
      ['fairly-good', 70, 80, false],
      ['average', 60, 70, false],
      ['below-average', 50, 60, false],
      ['poor', 0, 50, false],
    ]);
  });

  it('sorts a file’s own bands and starts the lowest at 0', () => {
    const bands = [
      { code: 'low', min: -10, label: { en: 'Low' } },
      { code: 'high', min: 75, label: { en: 'High' } },
    ];
    expect(bandRanges(bands).map((range) => [range.band.code, range.from, range.to])).toEqual([
      ['high', 75, 100],
      ['low', 0, 75],
    ]);
    expect(bandRanges(SEED002_RATING_BANDS)).toEqual(bandRanges(undefined));
  });
});

describe('checkScore', () => {
  it.each([
    ['85', { ok: true, value: 85 }],
    ['0', { ok: true, value: 0 }],
    ['100', { ok: true, value: 100 }],
    ['92.5', { ok: true, value: 92.5 }],
    ['', { ok: true, value: null }],
    ['abc', { ok: false, error: 'notNumber' }],
    ['100.5', { ok: false, error: 'outOfRange' }],
    ['-1', { ok: false, error: 'outOfRange' }],
  ])('%j → %o', (text, check) => {
    expect(checkScore(text)).toEqual(check);
  });
});

describe('buildAssessmentBatch', () => {
  const mine = new Map([['C1', stored('C1', 95, 'survey', 2)]]);

  it('sends changed drafts with their versions, skips unchanged and empty new ones, lists invalid ones', () => {
    const drafts = new Map([
      ['C1', { ...draftOf(mine.get('C1')), scoreText: '90' }],
      ['R1', { scoreText: '83', evidence: 'Three campaigns', version: undefined }],
      ['R2', { scoreText: '', evidence: '', version: undefined }],
      ['R3', { scoreText: '101', evidence: '', version: undefined }],
      ['R4', draftOf(undefined)],
    ]);
    const batch = buildAssessmentBatch(KEY, drafts, mine);
    expect(batch.assessments).toEqual([
      { ...KEY, indicator: 'C1', score: 90, evidence: 'survey', version: 2 },
      { ...KEY, indicator: 'R1', score: 83, evidence: 'Three campaigns' },
    ]);
    expect(batch.indicators).toEqual(['C1', 'R1']);
    expect(batch.invalid).toEqual(['R3']);
  });

  it('sends nothing for a draft equal to what is stored', () => {
    const batch = buildAssessmentBatch(KEY, new Map([['C1', draftOf(mine.get('C1'))]]), mine);
    expect(batch.assessments).toEqual([]);
  });

  it('maps a 409 to its indicator; keeping mine takes the stored version, taking theirs the stored score', () => {
    const drafts = new Map([['C1', { ...draftOf(mine.get('C1')), scoreText: '70' }]]);
    const batch = buildAssessmentBatch(KEY, drafts, mine);
    const current = {
      index: 0,
      value: 88,
      note: 'new survey',
      version: 3,
      updatedBy: 'steward@demo.healthbsc',
      updatedAt: '2026-11-23T07:05:00.000Z',
    };
    const conflict = applyAssessmentConflicts(batch, [current]).get('C1');
    expect(conflict?.mine).toBe(70);
    expect(conflict?.stored.updatedBy).toBe('steward@demo.healthbsc');
    if (conflict === undefined) throw new Error('no conflict');
    const kept = keepMyAssessment(drafts.get('C1') ?? draftOf(undefined), conflict);
    expect(buildAssessmentBatch(KEY, new Map([['C1', kept]]), mine).assessments).toEqual([
      { ...KEY, indicator: 'C1', score: 70, evidence: 'survey', version: 3 },
    ]);
    expect(takeStoredAssessment(conflict)).toEqual({ scoreText: '88', evidence: 'new survey', version: 3 });
  });
});
