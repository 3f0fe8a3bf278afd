/**
 * The demo medical group's scorecard (a `healthbsc/scorecard@2` document) and its targets, built from the
 * generated data so the demo can be evaluated like any hospital's scheme.
 *
 * Seed 000 names the indicators of its four dimensions but gives no weights and no targets, so the demo makes
 * the choices a performance office commonly makes, stated here:
 * - equal weights for the four perspectives and for the indicators inside each (change them in the designer
 *   or by an AHP survey);
 * - rates (county visit, chronic-disease management): one target for every unit and year, the provincial
 *   aims of Zhejiang's county medical community reform (county visit rate 90 %, standardised management 70 %);
 * - costs per visit and per discharge: held at each unit's 2021 level for the same period of the year
 *   (cost control: lower is better);
 * - volumes (revenue, cases, referrals, technologies, training): 5 % above the same period of the previous
 *   year; 2021, the baseline, is its own target.
 */
import { aggregateUnitValues, buildOrgTree, type ElementRule, ValueCube } from '../core/analytics/index.ts';
import { monthsOf, periodRange, samePeriodLastYear } from '../core/periods/index.ts';
import type { ScorecardFileInput, ValidationRuleFile } from '../core/scorecard/index.ts';
import { DEMO_LINKS, DEMO_OBJECTIVES } from './strategy.ts';
import type { DemoDataElement, DemoIndicatorDefinition, MedicalGroupDemo } from './types.ts';

export const DEMO_SCORECARD_CODE = 'UMG-BSC';

const PERSPECTIVES = [
  { id: 'F', kind: 'financial', name: { en: 'Financial', zh: '财务维度' } },
  { id: 'C', kind: 'customer', name: { en: 'Customer', zh: '客户维度' } },
  { id: 'I', kind: 'internal', name: { en: 'Internal process', zh: '内部流程维度' } },
  { id: 'L', kind: 'learning', name: { en: 'Learning and growth', zh: '学习与成长维度' } },
] as const;

/** Provincial aims used as the demo's rate targets (percent). */
const RATE_TARGETS: Readonly<Record<string, number>> = {
  county_visit_rate: 90,
  diabetes_management_rate: 70,
  hypertension_management_rate: 70,
};

const VOLUME_GROWTH = 1.05;

function elementRule(element: DemoDataElement): {
  aggregation: 'sum';
  timeAggregation: 'sum' | 'average' | 'last';
} {
  // Every demo element sums across org units; `aggregation` in the generator is how months combine.
  return { aggregation: 'sum', timeAggregation: element.aggregation };
}

/**
 * The least share of the weight with data for a total (docs/scorecard-format.md, "Minimum coverage"). A
 * department scored on the group's scheme has data for 37.5 % of it (its revenue, costs and cases), so it is
 * "insufficient data" there; departments are scored on their own scheme (./department-scorecard.ts). A head
 * hospital without branch-only figures still has 75 %.
 */
export const DEMO_MINIMUM_COVERAGE = 0.6;

/** A demo element as the scorecard file declares it. */
export function dataElementFile(e: DemoDataElement) {
  return {
    code: e.code,
    name: e.name,
    valueType: e.valueType,
    ...(e.unit ? { unit: e.unit } : {}),
    ...elementRule(e),
    ...(e.min === undefined ? {} : { min: e.min }),
  };
}

/** A demo indicator as the scorecard file declares it. */
export function indicatorFile(i: DemoIndicatorDefinition, source: string) {
  return {
    id: i.code,
    name: i.name,
    formula:
      i.denominator === null
        ? i.numerator
        : { numerator: i.numerator, denominator: i.denominator, factor: i.factor },
    // Unit codes, worded in both languages by the catalog (core/scorecard/unit-codes.ts).
    unit: i.unit,
    decimals: i.unit === 'percent' ? 1 : 0,
    direction: i.direction,
    role:
      i.perspective === 'financial' || i.perspective === 'customer'
        ? ('lagging' as const)
        : ('leading' as const),
    source,
  };
}

/**
 * The scorecard document for the demo group.
 *
 * @example compileScorecard(buildDemoScorecard(generateMedicalGroupDemo())).perspectives.length // 4
 */
export function buildDemoScorecard(demo: MedicalGroupDemo): ScorecardFileInput {
  const perspectives = PERSPECTIVES.map((p) => ({
    id: p.id,
    kind: p.kind,
    name: p.name,
    objectives: (DEMO_OBJECTIVES[p.id] ?? []).map((o) => ({ ...o, indicators: [...o.indicators] })),
    indicators: demo.indicators
      .filter((i) => i.perspective === p.kind)
      .map((i) => indicatorFile(i, 'seed 000 (000_f2cc7fd4e5e58b48.txt)')),
  }));
  const equal = (ids: readonly string[]) => Object.fromEntries(ids.map((id) => [id, 1 / ids.length]));
  return {
    format: 'healthbsc/scorecard@2',
    code: DEMO_SCORECARD_CODE,
    name: { en: 'Yunhu Urban Medical Group balanced scorecard', zh: '云湖市城市医疗集团平衡计分卡' },
    description:
      "The four dimensions of seed 000's urban medical group. Weights are equal: seed 000 gives none; adjust them in the designer or by AHP.",
    source: 'seed 000 (000_f2cc7fd4e5e58b48.txt)',
    scoring: {
      method: { method: 'ratio', cap: 1 },
      missingData: 'renormalize',
      minimumCoverage: DEMO_MINIMUM_COVERAGE,
    },
    dataElements: demo.dataElements.map(dataElementFile),
    perspectives,
    links: DEMO_LINKS.map((link) => ({ ...link })),
    validationRules: [...DEMO_VALIDATION_RULES],
    weights: {
      perspectives: { manual: equal(perspectives.map((p) => p.id)) },
      indicators: Object.fromEntries(
        perspectives.map((p) => [p.id, { manual: equal(p.indicators.map((i) => i.id)) }]),
      ),
    },
  };
}

/**
 * The demo's validation rules: a part never exceeds its whole. Seed 000's chronic-disease indicators are
 * "standard-managed out of registered" rates; 900,000 diabetics managed out of 4,129 registered (21,797 %) is a
 * typing slip the data-quality gate must catch before it becomes a score.
 */
export const DEMO_VALIDATION_RULES: readonly ValidationRuleFile[] = [
  {
    id: 'diabetics-managed-within-registered',
    left: 'diabetics_standard_managed',
    operator: '<=',
    right: 'diabetics_registered',
    importance: 'high',
    message: {
      en: 'More diabetics under standard management than registered',
      zh: '规范管理的糖尿病患者数多于登记的糖尿病患者数',
    },
  },
  {
    id: 'hypertensives-managed-within-registered',
    left: 'hypertensives_standard_managed',
    operator: '<=',
    right: 'hypertensives_registered',
    importance: 'high',
    message: {
      en: 'More hypertensives under standard management than registered',
      zh: '规范管理的高血压患者数多于登记的高血压患者数',
    },
  },
  {
    id: 'county-visits-within-total',
    left: 'county_resident_visits_in_county',
    operator: '<=',
    right: 'county_resident_visits_total',
    importance: 'high',
    message: {
      en: "More county residents' visits inside the county than in total",
      zh: '县域内就诊的县域居民人次多于县域居民就诊总人次',
    },
  },
];

/** One target row of the demo: `orgUnit: null` applies to every unit. */
export interface DemoTarget {
  readonly indicator: string;
  readonly orgUnit: string | null;
  readonly period: string;
  readonly target: number;
  readonly source: string;
}

/**
 * The demo's targets for every year, quarter and month of its data, following the rules in this file's header:
 * of the group's indicators for every unit, or of `indicators` for the units `orgUnits` accepts.
 *
 * @example buildDemoTargets(demo).find((t) => t.indicator === 'county_visit_rate')?.target // 90
 */
export function buildDemoTargets(
  demo: MedicalGroupDemo,
  options: {
    readonly indicators?: readonly DemoIndicatorDefinition[];
    readonly orgUnits?: (unit: MedicalGroupDemo['orgUnits'][number]) => boolean;
  } = {},
): DemoTarget[] {
  const indicators = options.indicators ?? demo.indicators;
  const accepts = options.orgUnits ?? (() => true);
  const months = [...new Set(demo.values.map((v) => v.period))].sort();
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return [];
  const years = periodRange(first.slice(0, 4), last.slice(0, 4));
  const quarters = periodRange(`${first.slice(0, 4)}Q1`, `${last.slice(0, 4)}Q4`);
  const periods = [...years, ...quarters, ...months];
  const baselineYear = years[0] ?? '';

  const cube = new ValueCube({
    units: demo.orgUnits.map((u) => u.code),
    elements: demo.dataElements.map((e) => e.code),
    months,
  });
  for (const v of demo.values) cube.setByCode(v.orgUnit, v.dataElement, v.period, v.value);
  const tree = buildOrgTree(demo.orgUnits.map((u) => ({ code: u.code, parent: u.parent })));
  const rules = new Map<string, ElementRule>(
    demo.dataElements.map((e) => [e.code, { units: 'sum', time: elementRule(e).timeAggregation }]),
  );

  /** An indicator's value for a unit and period: its formula's parts aggregated, then divided. */
  const indicatorValue = (
    indicator: DemoIndicatorDefinition,
    unit: number,
    period: string,
  ): number | null => {
    const monthIdx = monthsOf(period)
      .map((m) => cube.monthIndex(m))
      .filter((m) => m >= 0);
    if (monthIdx.length === 0) return null;
    const sumOf = (expression: string): number | null => {
      // Demo formulas are a code or a sum of codes ("a + b").
      let total = 0;
      for (const code of expression.split('+').map((c) => c.trim())) {
        const [value] = aggregateUnitValues(cube, tree, rules, {
          unit,
          elements: [cube.elementIndex(code)],
          months: monthIdx,
        });
        if (value === null || value === undefined) return null;
        total += value;
      }
      return total;
    };
    const numerator = sumOf(indicator.numerator);
    if (numerator === null) return null;
    if (indicator.denominator === null) return numerator * indicator.factor;
    const denominator = sumOf(indicator.denominator);
    return denominator ? (numerator / denominator) * indicator.factor : null;
  };

  const targets: DemoTarget[] = [];
  for (const indicator of indicators) {
    const rate = RATE_TARGETS[indicator.code];
    if (rate !== undefined) {
      for (const year of years) {
        targets.push({
          indicator: indicator.code,
          orgUnit: null,
          period: year,
          target: rate,
          source: 'provincial aim',
        });
      }
      continue;
    }
    demo.orgUnits.forEach((unit, u) => {
      if (!accepts(unit)) return;
      for (const period of periods) {
        let target: number | null;
        let source: string;
        if (indicator.direction === 'lower') {
          const baseline = `${baselineYear}${period.slice(4)}`;
          target = indicatorValue(indicator, u, baseline);
          source = `held at the ${baseline} level`;
        } else {
          const previous = samePeriodLastYear(period);
          const prior = previous.startsWith(String(Number(baselineYear) - 1))
            ? null
            : indicatorValue(indicator, u, previous);
          target = prior === null ? indicatorValue(indicator, u, period) : prior * VOLUME_GROWTH;
          source = prior === null ? 'baseline year' : `${previous} + 5 %`;
        }
        if (target !== null && target > 0) {
          targets.push({
            indicator: indicator.code,
            orgUnit: unit.code,
            period,
            target: round(target),
            source,
          });
        }
      }
    });
  }
  return targets;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
