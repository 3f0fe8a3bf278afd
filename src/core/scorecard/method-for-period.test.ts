/**
 * Evaluating period P with what held for P: an indicator's dated versions (formula, direction, method),
 * a definition that starts later, and the scheme's dated scoring (rating bands, status thresholds), each
 * shown by the numbers it gives before and after its effective-from period.
 */
import { describe, expect, it } from 'vitest';
import { compileScorecard } from './compile-scorecard.ts';
import { type EvaluationInputs, evaluateScorecard } from './evaluate-scorecard.ts';
import { methodForPeriod, methodRange } from './method-for-period.ts';
import type { ScorecardFileInput } from './scorecard-schema.ts';

type IndicatorFileInput = ScorecardFileInput['perspectives'][number]['indicators'][number];

type Patch = (file: ScorecardFileInput) => void;

function makeFile(patch: Patch = () => {}): ScorecardFileInput {
  const file: ScorecardFileInput = {
    format: 'healthbsc/scorecard@2',
    code: 'DATED',
    name: { en: 'Dated ward', zh: '分期病区' },
    dataElements: [
      { code: 'occupied', name: { en: 'Occupied bed days' } },
      { code: 'available', name: { en: 'Available bed days' } },
      { code: 'deaths', name: { en: 'Deaths' } },
      { code: 'patients', name: { en: 'Patients' } },
    ],
    perspectives: [
      {
        id: 'I',
        name: { en: 'Internal process' },
        indicators: [
          {
            id: 'OCC',
            name: { en: 'Bed occupancy' },
            formula: { numerator: 'occupied', denominator: 'available', factor: 100 },
          },
          { id: 'MORT', name: { en: 'Mortality' }, formula: 'deaths / patients * 1000', direction: 'lower' },
        ],
      },
      {
        id: 'C',
        name: { en: 'Customer' },
        indicators: [{ id: 'SAT', name: { en: 'Satisfaction' }, kind: 'qualitative' }],
      },
    ],
    weights: {
      perspectives: { manual: { I: 0.6, C: 0.4 } },
      indicators: { I: { manual: { OCC: 0.5, MORT: 0.5 } }, C: { manual: { SAT: 1 } } },
    },
  };
  patch(file);
  return file;
}

function indicator(file: ScorecardFileInput, id: string): IndicatorFileInput {
  const found = file.perspectives.flatMap((p) => p.indicators).find((i) => i.id === id);
  if (!found) throw new Error('fixture');
  return found;
}

// OCC 90 % against 100 (q 0.9); MORT 2 ‰ against 1 (lower: q 0.5); SAT rated 80 (q 0.8).
// I = 100 × (0.5 × 0.9 + 0.5 × 0.5) = 70; total = 0.6 × 70 + 0.4 × 80 = 74.
const INPUTS: EvaluationInputs = {
  data: new Map([
    ['occupied', 90],
    ['available', 100],
    ['deaths', 2],
    ['patients', 1000],
  ]),
  actuals: new Map(),
  targets: new Map([
    ['OCC', 100],
    ['MORT', 1],
  ]),
  references: new Map(),
  ratings: new Map([['SAT', [80]]]),
};

function evaluateFor(file: ScorecardFileInput, period: string) {
  const evaluation = evaluateScorecard(methodForPeriod(compileScorecard(file), period).scorecard, INPUTS);
  const indicators = new Map(evaluation.perspectives.flatMap((p) => p.indicators).map((i) => [i.id, i]));
  return { evaluation, indicators };
}

describe("an indicator's dated versions", () => {
  const newFormula: Patch = (f) => {
    indicator(f, 'OCC').versions = [{ effectiveFrom: '2026', formula: 'occupied / available * 50' }];
  };

  it('keep the formula of the definition for a period before the version', () => {
    expect(evaluateFor(makeFile(newFormula), '2025-12').indicators.get('OCC')?.actual).toBe(90);
  });

  it('use the formula of the version from its period on', () => {
    const { evaluation, indicators } = evaluateFor(makeFile(newFormula), '2026-01');
    // OCC 45 against 100: q 0.45; I = 100 × (0.225 + 0.25) = 47.5; total = 0.6 × 47.5 + 32 = 60.5.
    expect([indicators.get('OCC')?.actual, evaluation.total]).toEqual([45, 60.5]);
  });

  it('replace the direction and method from the version’s month, not before', () => {
    const band: Patch = (f) => {
      indicator(f, 'OCC').versions = [
        {
          effectiveFrom: '2025-07',
          direction: { band: [85, 92] },
          scoring: { method: 'band', tolerance: 8 },
        },
      ];
    };
    const before = evaluateFor(makeFile(band), '2025-06').indicators.get('OCC');
    const after = evaluateFor(makeFile(band), '2025-07').indicators.get('OCC');
    expect([before?.direction, before?.quantified, after?.direction, after?.quantified]).toEqual([
      { kind: 'higher' },
      0.9,
      { kind: 'band', lower: 85, upper: 92 },
      1,
    ]);
  });

  it('say which version each indicator took', () => {
    const method = methodForPeriod(compileScorecard(makeFile(newFormula)), '2026');
    expect(method.indicators).toEqual([
      { id: 'OCC', version: 1, effectiveFrom: '2026', inEffect: true },
      { id: 'MORT', version: 0, effectiveFrom: null, inEffect: true },
      { id: 'SAT', version: 0, effectiveFrom: null, inEffect: true },
    ]);
  });
});

describe('an indicator whose definition holds from a later period', () => {
  const later: Patch = (f) => {
    indicator(f, 'MORT').effectiveFrom = '2025';
  };

  it('is left out of an earlier period: its perspective is the other indicators’ score', () => {
    const { evaluation, indicators } = evaluateFor(makeFile(later), '2024-12');
    // I = OCC alone = 90; total = 0.6 × 90 + 0.4 × 80 = 86, with full coverage.
    expect([
      indicators.get('MORT')?.reason,
      indicators.get('MORT')?.status,
      evaluation.perspectives[0]?.score,
      evaluation.total,
      evaluation.coverage,
    ]).toEqual(['not-in-effect', 'no-data', 90, 86, 1]);
  });

  it('is not counted as zero under missingData: zero', () => {
    const { evaluation } = evaluateFor(
      makeFile((f) => {
        later(f);
        f.scoring = { missingData: 'zero' };
      }),
      '2024',
    );
    expect(evaluation.total).toBe(86);
  });

  it('counts from its period on', () => {
    expect(evaluateFor(makeFile(later), '2025').evaluation.total).toBe(74);
  });

  it('leaves a perspective without any indicator in effect out of the total', () => {
    const { evaluation } = evaluateFor(
      makeFile((f) => {
        indicator(f, 'SAT').effectiveFrom = '2025';
      }),
      '2024',
    );
    expect([evaluation.total, evaluation.coverage, evaluation.perspectives[1]?.coverage]).toEqual([70, 1, 0]);
  });
});

describe("the scheme's dated scoring", () => {
  const strict: Patch = (f) => {
    f.scoring = {
      versions: [
        {
          effectiveFrom: '2025',
          ratingBands: [
            { code: 'pass', min: 72, label: { en: 'Pass', zh: '合格' } },
            { code: 'fail', min: 0, label: { en: 'Fail', zh: '不合格' } },
          ],
          status: { met: 0.85, watch: 0.5 },
        },
      ],
    };
  };

  it('keeps the scheme’s own rating bands and status thresholds before the version', () => {
    const { evaluation, indicators } = evaluateFor(makeFile(strict), '2024');
    expect([evaluation.total, evaluation.ratingCode, indicators.get('OCC')?.status]).toEqual([
      74,
      'fairly-good',
      'watch',
    ]);
  });

  it('rates and flags by the version from its period on', () => {
    const { evaluation, indicators } = evaluateFor(makeFile(strict), '2025Q1');
    expect([evaluation.total, evaluation.ratingCode, indicators.get('OCC')?.status]).toEqual([
      74,
      'pass',
      'met',
    ]);
  });

  it('leaves an indicator’s own status thresholds alone', () => {
    const { indicators } = evaluateFor(
      makeFile((f) => {
        strict(f);
        indicator(f, 'OCC').status = { met: 0.95, watch: 0.92 };
      }),
      '2025',
    );
    expect(indicators.get('OCC')?.status).toBe('off-track');
  });
});

describe("the scheme's dated minimum coverage", () => {
  // Without SAT's rating only I (0.6 of the weight) has data: I = 70, the total renormalised to 70.
  const unrated: EvaluationInputs = { ...INPUTS, ratings: new Map() };
  const raised: Patch = (f) => {
    f.scoring = { minimumCoverage: 0.5, versions: [{ effectiveFrom: '2025', minimumCoverage: 0.8 }] };
  };
  const evaluateUnrated = (period: string) =>
    evaluateScorecard(methodForPeriod(compileScorecard(makeFile(raised)), period).scorecard, unrated);

  it('gives the total before the version raises the minimum', () => {
    const evaluation = evaluateUnrated('2024');
    expect([evaluation.total, evaluation.coverage, evaluation.insufficientData]).toEqual([70, 0.6, false]);
  });

  it('withholds it from the version’s period on: 60 % of the weight is below 80 %', () => {
    const evaluation = evaluateUnrated('2025-03');
    expect([evaluation.total, evaluation.minimumCoverage, evaluation.insufficientData]).toEqual([
      null,
      0.8,
      true,
    ]);
  });
});

describe('methodRange', () => {
  it('numbers the periods between two dated changes alike, so a method is compiled once per range', () => {
    const compiled = compileScorecard(
      makeFile((f) => {
        indicator(f, 'OCC').versions = [
          { effectiveFrom: '2025-07', direction: 'lower' },
          { effectiveFrom: '2026', formula: 'occupied' },
        ];
      }),
    );
    expect(['2025-06', '2025-07', '2025Q4', '2026', '2030-05'].map((p) => methodRange(compiled, p))).toEqual([
      0, 1, 1, 2, 2,
    ]);
  });
});
