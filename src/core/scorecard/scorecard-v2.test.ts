/**
 * What format @2 adds: status thresholds, owners, units, validation rules, objectives and links, objective
 * weights, dated versions (checked and compiled; applied by method-for-period.ts).
 */
import { describe, expect, it, test } from 'vitest';
import { isProblemError, type ProblemIssue } from '../errors/problem.ts';
import { compileScorecard } from './compile-scorecard.ts';
import { compileValues } from './compile-values.ts';
import { evaluateScorecard } from './evaluate-scorecard.ts';
import type { ScorecardFileInput } from './scorecard-schema.ts';

type Patch = (file: ScorecardFileInput) => void;

/** A ward scheme in @2: two objectives in the internal perspective, a qualitative customer perspective. */
function makeFile(patch: Patch = () => {}): ScorecardFileInput {
  const file: ScorecardFileInput = {
    format: 'healthbsc/scorecard@2',
    code: 'WARD2',
    name: { en: 'Ward', zh: '病区' },
    periodType: 'month',
    dataElements: [
      { code: 'occupied', name: { en: 'Occupied bed days' }, unit: { en: 'bed days', zh: '床日' } },
      { code: 'available', name: { en: 'Available bed days' }, unit: { en: 'bed days', zh: '床日' } },
      { code: 'deaths', name: { en: 'Deaths' }, unit: { en: 'persons', zh: '人' } },
      { code: 'patients', name: { en: 'Patients' }, unit: { en: 'persons', zh: '人' } },
    ],
    perspectives: [
      {
        id: 'I',
        name: { en: 'Internal process' },
        objectives: [
          {
            id: 'USE-BEDS',
            name: { en: 'Use beds well' },
            statement: {
              en: 'Keep occupancy at 90 % by the end of 2026',
              zh: '2026 年底前床位使用率保持 90%',
            },
            owner: 'head@ward.example',
            baseline: 82,
            target: 90,
            targetDate: '2026-12-31',
            indicators: ['OCC'],
            role: 'leading',
          },
          { id: 'SAFE', name: { en: 'Keep patients safe' }, role: 'lagging' },
        ],
        indicators: [
          {
            id: 'OCC',
            name: { en: 'Bed occupancy' },
            objective: 'USE-BEDS',
            statistic: 'proportion',
            formula: { numerator: 'occupied', denominator: 'available', factor: 100 },
            unit: { en: '%', zh: '%' },
            owner: 'head@ward.example',
          },
          {
            id: 'MORT',
            name: { en: 'Mortality' },
            objective: 'SAFE',
            statistic: 'rate',
            formula: 'deaths / patients * 1000',
            unit: { en: '‰', zh: '‰' },
            direction: 'lower',
            ownerName: 'Medical affairs department',
          },
        ],
      },
      {
        id: 'C',
        name: { en: 'Customer' },
        indicators: [{ id: 'SAT', name: { en: 'Satisfaction' }, kind: 'qualitative' }],
      },
    ],
    links: [{ from: 'USE-BEDS', to: 'SAFE', note: 'beds free for the sick' }],
    weights: {
      perspectives: { manual: { I: 0.6, C: 0.4 } },
      indicators: { I: { manual: { OCC: 0.5, MORT: 0.5 } }, C: { manual: { SAT: 1 } } },
    },
  };
  patch(file);
  return file;
}

function issuesOf(patch: Patch): ProblemIssue[] {
  try {
    compileScorecard(makeFile(patch));
  } catch (error) {
    if (isProblemError(error)) return [...error.problem.issues];
    throw error;
  }
  throw new Error('expected a ProblemError');
}

/** The code and path of each issue, the shape most tests compare. */
function codesOf(patch: Patch): [string, readonly (string | number)[]][] {
  return issuesOf(patch).map((i) => [i.code, i.path]);
}

const indicators = (file: ScorecardFileInput) => file.perspectives.flatMap((p) => p.indicators);
const occ = (file: ScorecardFileInput) => {
  const found = indicators(file).find((i) => i.id === 'OCC');
  if (!found) throw new Error('fixture');
  return found;
};

describe('a valid @2 file', () => {
  it('compiles with its units, owners, statistics and no warnings', () => {
    const compiled = compileScorecard(makeFile());
    const [o, m] = compiled.perspectives[0]?.indicators ?? [];
    expect({
      format: compiled.format,
      occ: [o?.unit, o?.owner, o?.statistic],
      mort: [m?.unit, m?.ownerName, m?.statistic],
      warnings: compiled.warnings,
      conversion: compiled.conversion,
    }).toEqual({
      format: 'healthbsc/scorecard@2',
      occ: [{ en: '%', zh: '%' }, 'head@ward.example', 'proportion'],
      mort: [{ en: '‰', zh: '‰' }, 'Medical affairs department', 'rate'],
      warnings: [],
      conversion: [],
    });
  });
});

describe('status thresholds', () => {
  // OCC = 85 % against a target of 90: quantified 85/90 ≈ 0.944.
  function statusOfOcc(patch: Patch): string | undefined {
    const scorecard = compileScorecard(makeFile(patch));
    const values = compileValues(
      { format: 'healthbsc/values@1', data: { occupied: 85, available: 100 }, targets: { OCC: 90 } },
      scorecard,
    );
    const evaluation = evaluateScorecard(scorecard, values.inputs);
    return evaluation.perspectives[0]?.indicators.find((i) => i.id === 'OCC')?.status;
  }

  it('default to met at 1 and watch from 0.9', () => {
    expect(statusOfOcc(() => {})).toBe('watch');
  });

  it("follow the scheme's own (scoring.status)", () => {
    expect(
      statusOfOcc((f) => {
        f.scoring = { status: { met: 0.94, watch: 0.8 } };
      }),
    ).toBe('met');
  });

  it("follow an indicator's override before the scheme's", () => {
    expect(
      statusOfOcc((f) => {
        f.scoring = { status: { met: 0.94, watch: 0.8 } };
        occ(f).status = { met: 1, watch: 0.95 };
      }),
    ).toBe('off-track');
  });

  test.each<[string, Patch, (string | number)[]]>([
    [
      "the scheme's",
      (f) => {
        f.scoring = { status: { met: 0.8, watch: 0.9 } };
      },
      ['scoring', 'status'],
    ],
    [
      "an indicator's",
      (f) => {
        occ(f).status = { met: 1, watch: 1.2 };
      },
      ['perspectives', 0, 'indicators', 0, 'status'],
    ],
  ])('refuse %s with watch above met', (_name, patch, path) => {
    expect(codesOf(patch)).toEqual([['scoring.status-thresholds', path]]);
  });
});

describe('owners', () => {
  test.each<[string, Patch, (string | number)[]]>([
    [
      'an indicator owner',
      (f) => {
        occ(f).owner = 'Medical affairs';
      },
      ['perspectives', 0, 'indicators', 0, 'owner'],
    ],
    [
      'an objective owner',
      (f) => {
        const objective = f.perspectives[0]?.objectives?.[0];
        if (objective) objective.owner = 'head of ward';
      },
      ['perspectives', 0, 'objectives', 0, 'owner'],
    ],
  ])('refuse %s that is not an e-mail address', (_name, patch, path) => {
    expect(issuesOf(patch)).toEqual([
      {
        path,
        code: 'scorecard.owner-email',
        params: {},
        message: "must be a user's e-mail address (write a department or a name in ownerName)",
      },
    ]);
  });
});

describe('validation rules', () => {
  const rule = {
    id: 'occupied-within-available',
    left: 'occupied',
    operator: '<=' as const,
    right: 'available',
    importance: 'high' as const,
    message: { en: 'More bed days occupied than available', zh: '实际占用床日数大于开放床日数' },
  };

  it('are compiled against the data elements, and applied without a warning', () => {
    const compiled = compileScorecard(
      makeFile((f) => {
        f.validationRules = [rule];
      }),
    );
    expect([
      compiled.validationRules.map((r) => [r.id, r.left.references, r.operator, r.right.references]),
      compiled.warnings.map((w) => [w.code, w.params, w.path]),
    ]).toEqual([[['occupied-within-available', ['occupied'], '<=', ['available']]], []]);
  });

  it('name an unknown element that a data element divides its values by for peers', () => {
    expect(
      issuesOf((f) => {
        const first = f.dataElements?.[0];
        if (first !== undefined) first.outliers = { threshold: 3, per: 'population' };
      }).map((i) => [i.code, i.params, i.path]),
    ).toEqual([
      [
        'scorecard.unknown-outlier-per',
        { code: 'occupied', per: 'population' },
        ['dataElements', 0, 'outliers', 'per'],
      ],
    ]);
  });

  it('name an unknown data element with its position, and a repeated id', () => {
    expect(
      issuesOf((f) => {
        f.validationRules = [rule, { ...rule, right: 'available + beds' }];
      }).map((i) => [i.code, i.path, i.position]),
    ).toEqual([
      ['scorecard.duplicate-validation-rule', ['validationRules', 1, 'id'], undefined],
      ['formula.unknown-data-element', ['validationRules', 1, 'right'], 12],
    ]);
  });

  it('refuse an operator they do not know', () => {
    expect(
      codesOf((f) => {
        f.validationRules = [{ ...rule, operator: '=<' as '<=' }];
      }),
    ).toEqual([['zod.invalid-value', ['validationRules', 0, 'operator']]]);
  });
});

describe('objectives and links', () => {
  test.each<[string, Patch, [string, (string | number)[]][]]>([
    [
      'a link to an unknown objective',
      (f) => {
        f.links = [{ from: 'USE-BEDS', to: 'GROW' }];
      },
      [['scorecard.unknown-link-end', ['links', 0, 'to']]],
    ],
    [
      'a link from a thing to itself',
      (f) => {
        f.links = [{ from: 'SAFE', to: 'SAFE' }];
      },
      [['scorecard.link-to-itself', ['links', 0]]],
    ],
    [
      'a link end that names both an objective and an indicator',
      (f) => {
        const objective = f.perspectives[0]?.objectives?.[1];
        if (objective) objective.id = 'MORT';
        const mort = indicators(f).find((i) => i.id === 'MORT');
        if (mort) mort.objective = 'MORT';
        f.links = [{ from: 'USE-BEDS', to: 'MORT' }];
      },
      [['scorecard.ambiguous-link-end', ['links', 0, 'to']]],
    ],
    [
      'an objective measured by an unknown indicator',
      (f) => {
        const objective = f.perspectives[0]?.objectives?.[0];
        if (objective) objective.indicators = ['OCC', 'LOS'];
      },
      [['scorecard.unknown-indicator', ['perspectives', 0, 'objectives', 0, 'indicators', 1]]],
    ],
    [
      'an objective id used twice in the scorecard',
      (f) => {
        if (f.perspectives[1]) f.perspectives[1].objectives = [{ id: 'SAFE', name: { en: 'Safe again' } }];
      },
      [['scorecard.duplicate-objective', ['perspectives', 1, 'objectives', 0, 'id']]],
    ],
    [
      'a target date that is not a date',
      (f) => {
        const objective = f.perspectives[0]?.objectives?.[0];
        if (objective) objective.targetDate = '2026-13-01';
      },
      [['zod.invalid-format', ['perspectives', 0, 'objectives', 0, 'targetDate']]],
    ],
  ])('refuse %s', (_name, patch, expected) => {
    expect(codesOf(patch)).toEqual(expected);
  });
});

describe('objective weights', () => {
  const byObjectives: Patch = (f) => {
    f.weights.objectives = { I: { manual: { 'USE-BEDS': 0.7, SAFE: 0.3 } } };
    f.weights.indicators = {
      'USE-BEDS': { manual: { OCC: 1 } },
      SAFE: { manual: { MORT: 1 } },
      C: { manual: { SAT: 1 } },
    };
  };

  it("weigh each indicator by its objective's weight × its weight within the objective", () => {
    const compiled = compileScorecard(makeFile(byObjectives));
    const internal = compiled.perspectives[0];
    expect([
      internal?.indicators.map((i) => [i.id, i.weight, i.globalWeight]),
      internal?.objectiveWeights?.map((o) => [o.id, o.weight]),
      compiled.perspectives[1]?.objectiveWeights,
    ]).toEqual([
      [
        ['OCC', 0.7, 0.42],
        ['MORT', 0.3, 0.18],
      ],
      [
        ['USE-BEDS', 0.7],
        ['SAFE', 0.3],
      ],
      null,
    ]);
  });

  test.each<[string, Patch, [string, (string | number)[]][]]>([
    [
      'an indicator without an objective',
      (f) => {
        byObjectives(f);
        delete occ(f).objective;
      },
      [
        ['scorecard.indicator-without-objective', ['perspectives', 0, 'indicators', 0, 'objective']],
        ['scorecard.objective-without-indicators', ['weights', 'objectives', 'I']],
      ],
    ],
    [
      "an objective's indicators without weights",
      (f) => {
        byObjectives(f);
        delete f.weights.indicators.SAFE;
      },
      [['scorecard.no-objective-weights', ['weights', 'indicators']]],
    ],
    [
      'weights for the perspective as well as per objective',
      (f) => {
        byObjectives(f);
        f.weights.indicators.I = { manual: { OCC: 0.5, MORT: 0.5 } };
      },
      [['scorecard.weighed-by-objectives', ['weights', 'indicators', 'I']]],
    ],
    [
      'objective weights for something that is not a perspective',
      (f) => {
        byObjectives(f);
        if (f.weights.objectives) f.weights.objectives.X = { manual: { A: 1 } };
      },
      [['scorecard.not-a-perspective', ['weights', 'objectives', 'X']]],
    ],
    [
      'indicator weights for neither a perspective nor an objective',
      (f) => {
        byObjectives(f);
        f.weights.indicators.NOPE = { manual: { OCC: 1 } };
      },
      [['scorecard.not-a-weight-group', ['weights', 'indicators', 'NOPE']]],
    ],
  ])('refuse %s', (_name, patch, expected) => {
    expect(codesOf(patch)).toEqual(expected);
  });
});

describe('dated versions', () => {
  const dated: Patch = (f) => {
    Object.assign(occ(f), {
      effectiveFrom: '2024',
      versions: [
        {
          effectiveFrom: '2025-07',
          direction: { band: [85, 92] },
          scoring: { method: 'band', tolerance: 8 },
        },
        {
          effectiveFrom: 2026,
          formula: 'occupied',
          status: { met: 0.95, watch: 0.85 },
          note: 'new guideline',
        },
      ],
    });
  };

  it('are kept in the definition, normalised, and compiled without warnings', () => {
    const compiled = compileScorecard(makeFile(dated));
    const kept = compiled.definition.perspectives[0]?.indicators[0];
    const occCompiled = compiled.perspectives[0]?.indicators[0];
    expect([
      kept?.effectiveFrom,
      kept?.versions?.map((v) => v.effectiveFrom),
      compiled.warnings,
      occCompiled?.versions.map((v) => [v.effectiveFrom, v.direction?.kind ?? null, v.note ?? null]),
      compiled.datedMonths,
    ]).toEqual([
      '2024',
      ['2025-07', '2026'],
      [],
      [
        ['2025-07', 'band', null],
        ['2026', null, 'new guideline'],
      ],
      ['2024-01', '2025-07', '2026-01'],
    ]);
  });

  it('compile dated weights and dated scoring without warnings', () => {
    const compiled = compileScorecard(
      makeFile((f) => {
        f.weights.effectiveFrom = '2025Q3';
        f.scoring = { versions: [{ effectiveFrom: '2025', status: { met: 0.95, watch: 0.8 } }] };
      }),
    );
    expect([compiled.warnings, compiled.scoringVersions]).toEqual([
      [],
      [{ effectiveFrom: '2025', statusThresholds: { met: 0.95, watch: 0.8 } }],
    ]);
  });

  test.each<[string, Patch, [string, (string | number)[]][]]>([
    [
      'a version not after the one before',
      (f) => {
        dated(f);
        const v = occ(f).versions?.[1];
        if (v) v.effectiveFrom = '2025-06';
      },
      [
        [
          'scorecard.version-out-of-order',
          ['perspectives', 0, 'indicators', 0, 'versions', 1, 'effectiveFrom'],
        ],
      ],
    ],
    [
      'a version not after the definition it changes',
      (f) => {
        dated(f);
        occ(f).effectiveFrom = '2025-07';
      },
      [
        [
          'scorecard.version-out-of-order',
          ['perspectives', 0, 'indicators', 0, 'versions', 0, 'effectiveFrom'],
        ],
      ],
    ],
    [
      'a period shorter than the scorecard’s period type',
      (f) => {
        dated(f);
        f.periodType = 'quarter';
      },
      [['scorecard.period-too-short', ['perspectives', 0, 'indicators', 0, 'versions', 0, 'effectiveFrom']]],
    ],
    [
      'a version whose formula names an unknown data element',
      (f) => {
        dated(f);
        const v = occ(f).versions?.[1];
        if (v) v.formula = 'occupied / beds';
      },
      [['formula.unknown-data-element', ['perspectives', 0, 'indicators', 0, 'versions', 1, 'formula']]],
    ],
    [
      'an effective-from that is not a period',
      (f) => {
        dated(f);
        occ(f).effectiveFrom = '2024-13';
      },
      [['scorecard.not-a-period', ['perspectives', 0, 'indicators', 0, 'effectiveFrom']]],
    ],
  ])('refuse %s', (_name, patch, expected) => {
    expect(codesOf(patch)).toEqual(expected);
  });

  it("check a version's method against its own direction (core/scoring's rules, at the version's path)", () => {
    const issues = issuesOf((f) => {
      dated(f);
      const v = occ(f).versions?.[0];
      if (v) delete v.direction;
    });
    expect(issues.map((i) => i.path)).toEqual([
      ['perspectives', 0, 'indicators', 0, 'versions', 0, 'scoring'],
    ]);
  });
});

describe('data elements', () => {
  it('apply a period type other than month and a missing-value roll-up without a warning', () => {
    const compiled = compileScorecard(
      makeFile((f) => {
        const [occupied, available] = f.dataElements ?? [];
        if (occupied) occupied.periodType = 'quarter';
        if (available) Object.assign(available, { missingValues: 'zero', timeAggregation: 'max' });
      }),
    );
    expect(compiled.warnings.map((w) => [w.code, w.params])).toEqual([]);
  });

  it('refuse a unit with one word only', () => {
    expect(
      codesOf((f) => {
        const element = f.dataElements?.[0];
        if (element) Object.assign(element, { unit: { en: 'bed days' } });
      }),
    ).toEqual([['zod.required', ['dataElements', 0, 'unit', 'zh']]]);
  });
});

describe('units', () => {
  const unitsOf = (units: readonly (string | { en: string; zh: string })[]) => {
    const compiled = compileScorecard(
      makeFile((f) => {
        (f.dataElements ?? []).forEach((element, i) => {
          const unit = units[i];
          if (unit !== undefined) element.unit = unit;
        });
      }),
    );
    return compiled.definition.dataElements.map((e) => e.unit);
  };

  it('read a unit code as the catalog words in both languages', () => {
    expect(unitsOf(['bed-days', 'person-times', '10k-yuan', 'per-1000'])).toEqual([
      { en: 'bed days', zh: '床日' },
      { en: 'person-times', zh: '人次' },
      { en: '10,000 yuan', zh: '万元' },
      { en: 'per 1,000', zh: '每千' },
    ]);
  });

  it('keep any other text as entered, the same in both languages', () => {
    expect(unitsOf(['mmHg', ' g/L '])[0]).toEqual({ en: 'mmHg', zh: 'mmHg' });
  });

  it('trim a text kept as entered', () => {
    expect(unitsOf(['mmHg', ' g/L '])[1]).toEqual({ en: 'g/L', zh: 'g/L' });
  });

  it('keep both words as given', () => {
    expect(unitsOf([{ en: 'bed-days used', zh: '占用床日' }])[0]).toEqual({
      en: 'bed-days used',
      zh: '占用床日',
    });
  });

  it('refuse an empty unit', () => {
    expect(
      codesOf((f) => {
        const element = f.dataElements?.[0];
        if (element) element.unit = '  ';
      }),
    ).toEqual([['zod.too-short', ['dataElements', 0, 'unit']]]);
  });
});
