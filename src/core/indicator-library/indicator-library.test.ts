import { describe, expect, test } from 'vitest';
import { compileScorecard } from '../scorecard/compile-scorecard.ts';
import type { ScorecardFileInput } from '../scorecard/index.ts';
import { BUILT_IN_LIBRARY, libraryEntrySchema, planLibraryAddition, searchLibrary } from './index.ts';

const count = (source: string) => BUILT_IN_LIBRARY.filter((e) => e.source === source).length;
const entry38 = BUILT_IN_LIBRARY.find((e) => e.id === 'cn-tertiary-38');

describe('the built-in indicator library', () => {
  test('holds China’s 56 appraisal indicators', () => {
    expect(count('cn-tertiary')).toBe(56);
  });

  test('holds seed 002’s 31 indicators', () => {
    expect(count('seed-002')).toBe(31);
  });

  test('holds the 81 AHRQ indicators and the 23 eCQM measures of the shared standards', () => {
    expect([count('ahrq-qi'), count('cms-ecqm')]).toEqual([81, 23]);
  });

  test('every entry passes the schema, so names, definition, numerator and denominator are non-empty in both languages', () => {
    const failing = BUILT_IN_LIBRARY.filter((e) => !libraryEntrySchema.safeParse(e).success).map((e) => e.id);
    expect(failing).toEqual([]);
  });

  test('every Chinese name is written in Chinese and every English name is not', () => {
    const han = /\p{Script=Han}/u;
    const wrong = BUILT_IN_LIBRARY.filter((e) => !han.test(e.name.zh) || han.test(e.name.en)).map(
      (e) => e.id,
    );
    expect(wrong).toEqual([]);
  });

  test('gives ids once each', () => {
    expect(new Set(BUILT_IN_LIBRARY.map((e) => e.id)).size).toBe(BUILT_IN_LIBRARY.length);
  });

  test('every formula compiles over the entry’s own data elements', () => {
    const broken = BUILT_IN_LIBRARY.filter((entry) => entry.formula !== null).filter((entry) => {
      const plan = planLibraryAddition(entry, [], []);
      const file: ScorecardFileInput = {
        format: 'healthbsc/scorecard@2',
        code: 'LIB',
        name: { en: 'Library' },
        dataElements: entry.dataElements.map((d) => ({ code: d.code, name: d.name, valueType: d.valueType })),
        // A monitored (unscored) entry takes no weight: a scored sibling carries the perspective's.
        perspectives: [
          {
            id: 'P',
            name: { en: 'P' },
            indicators: [plan.indicator, { id: 'ANCHOR', name: { en: 'Anchor' }, formula: '1' }],
          },
        ],
        weights: {
          perspectives: { manual: { P: 1 } },
          indicators: {
            P: {
              manual:
                plan.indicator.scored === false ? { ANCHOR: 1 } : { [plan.indicator.id]: 0.5, ANCHOR: 0.5 },
            },
          },
        },
      };
      try {
        compileScorecard(file);
        return false;
      } catch {
        return true;
      }
    });
    expect(broken.map((e) => e.id)).toEqual([]);
  });

  test('words 门诊次均费用增幅 in English and reads the previous year with periodOffset(-1)', () => {
    expect([
      entry38?.name.en,
      typeof entry38?.formula === 'string' && entry38.formula.includes('.periodOffset(-1)'),
    ]).toEqual(['Growth of average cost per outpatient visit', true]);
  });

  test('scores the growth indicators linearly, never as a ratio, since a growth can be zero or negative', () => {
    const growth = BUILT_IN_LIBRARY.filter(
      (e) => typeof e.formula === 'string' && e.formula.includes('periodOffset'),
    );
    expect(growth.map((e) => [e.id, e.scoring?.method])).toEqual([
      ['cn-tertiary-37', 'linear'],
      ['cn-tertiary-38', 'linear'],
      ['cn-tertiary-39', 'linear'],
      ['cn-tertiary-40', 'linear'],
      ['cn-tertiary-41', 'linear'],
    ]);
  });

  test('marks China’s 监测比较 indicators as monitored, not scored', () => {
    expect(BUILT_IN_LIBRARY.find((e) => e.id === 'cn-tertiary-1')?.direction).toBe('monitor');
  });
});

describe('searchLibrary', () => {
  test('finds entries by Chinese words', () => {
    expect(searchLibrary(BUILT_IN_LIBRARY, { q: '门诊次均' }).map((e) => e.id)).toEqual([
      'cn-tertiary-38',
      'cn-tertiary-39',
      'seed-002-C5',
    ]);
  });

  test('finds entries by English words in any case, every word required', () => {
    expect(searchLibrary(BUILT_IN_LIBRARY, { q: 'GROWTH outpatient drug' }).map((e) => e.id)).toEqual([
      'cn-tertiary-39',
    ]);
  });

  test('filters by source and perspective', () => {
    expect(
      searchLibrary(BUILT_IN_LIBRARY, { source: 'cn-tertiary', perspective: 'customer' }).map((e) => e.id),
    ).toEqual(['cn-tertiary-53', 'cn-tertiary-54', 'cn-tertiary-55']);
  });
});

describe('planLibraryAddition', () => {
  const demoCatalog = [
    { code: 'outpatient_visits', name: { en: 'Outpatient and emergency visits', zh: '门急诊人次' } },
    { code: 'op_income', name: { en: 'Outpatient income', zh: '门诊收入' } },
  ];

  test('maps an element by code, another by its Chinese name, and creates none', () => {
    if (!entry38) throw new Error('missing entry');
    const plan = planLibraryAddition(entry38, demoCatalog, []);
    expect(plan.elements.map((m) => [m.entryCode, m.code, m.match])).toEqual([
      ['outpatient_revenue', 'op_income', 'name'],
      ['outpatient_visits', 'outpatient_visits', 'code'],
    ]);
  });

  test('renames a code matched by name in the formula, offsets kept', () => {
    if (!entry38) throw new Error('missing entry');
    const plan = planLibraryAddition(entry38, demoCatalog, []);
    expect(plan.indicator.formula).toBe(
      '({op_income} / {outpatient_visits} - {op_income}.periodOffset(-1) / {outpatient_visits}.periodOffset(-1)) / ({op_income}.periodOffset(-1) / {outpatient_visits}.periodOffset(-1)) * 100',
    );
  });

  test('scores a lower-is-better growth linearly from a floor of 20 %', () => {
    if (!entry38) throw new Error('missing entry');
    expect(planLibraryAddition(entry38, [], []).indicator.scoring).toEqual({ method: 'linear', floor: 20 });
  });

  test('gives the indicator a new id when the scorecard has the entry’s id already', () => {
    if (!entry38) throw new Error('missing entry');
    expect(planLibraryAddition(entry38, [], ['cn-tertiary-38']).indicator.id).toBe('cn-tertiary-38_2');
  });

  test('adds a monitored indicator unscored', () => {
    const entry = BUILT_IN_LIBRARY.find((e) => e.id === 'cn-tertiary-1');
    if (!entry) throw new Error('missing entry');
    expect(planLibraryAddition(entry, [], []).unscored).toBe(true);
  });

  test('adds a monitored indicator with scored: false', () => {
    const entry = BUILT_IN_LIBRARY.find((e) => e.id === 'cn-tertiary-1');
    if (!entry) throw new Error('missing entry');
    expect(planLibraryAddition(entry, [], []).indicator.scored).toBe(false);
  });
});
