/**
 * A synthetic medical group for benchmarks (the platform issue's figures): one group → 20 hospitals → 100
 * departments each (2,021 org units), 60 data elements, a scorecard of 40 indicators in 5 perspectives, and
 * 60 months of values at every department (2,000 × 60 × 60 = 7.2 million values). Seeded, so every run loads
 * the same data.
 */

import { periodRange } from '../src/core/periods/index.ts';
import type { ScorecardFileV1Input } from '../src/core/scorecard/index.ts';
import { createMulberry32 } from '../src/demo/index.ts';

export interface SyntheticGroupOptions {
  readonly hospitals?: number;
  readonly departmentsPerHospital?: number;
  readonly elements?: number;
  readonly indicators?: number;
  readonly firstMonth?: string;
  readonly months?: number;
  readonly seed?: number;
}

export interface SyntheticUnit {
  readonly code: string;
  readonly parent: string | null;
  readonly type: 'group' | 'hospital' | 'department';
}

export interface SyntheticGroup {
  readonly units: readonly SyntheticUnit[];
  readonly departments: readonly string[];
  readonly elementCodes: readonly string[];
  readonly months: readonly string[];
  readonly scorecard: ScorecardFileV1Input;
  readonly valueCount: number;
  /** Calls `onChunk` with the values of one department at a time: parallel arrays, ready for a bulk insert. */
  forEachDepartmentValues(
    onChunk: (chunk: { unit: string; elements: string[]; periods: string[]; values: number[] }) => void,
  ): void;
}

export function makeSyntheticGroup(options: SyntheticGroupOptions = {}): SyntheticGroup {
  const hospitals = options.hospitals ?? 20;
  const perHospital = options.departmentsPerHospital ?? 100;
  const elementCount = options.elements ?? 60;
  const indicatorCount = options.indicators ?? 40;
  const first = options.firstMonth ?? '2020-01';
  const seed = options.seed ?? 42;
  const [year, month] = first.split('-').map(Number);
  const lastOrdinal = (year ?? 2020) * 12 + (month ?? 1) - 1 + (options.months ?? 60) - 1;
  const last = `${Math.floor(lastOrdinal / 12)}-${String((lastOrdinal % 12) + 1).padStart(2, '0')}`;
  const months = periodRange(first, last);

  const units: SyntheticUnit[] = [{ code: 'SYN', parent: null, type: 'group' }];
  const departments: string[] = [];
  for (let h = 1; h <= hospitals; h++) {
    const hospital = `SYN-H${String(h).padStart(2, '0')}`;
    units.push({ code: hospital, parent: 'SYN', type: 'hospital' });
    for (let d = 1; d <= perHospital; d++) {
      const code = `${hospital}-D${String(d).padStart(3, '0')}`;
      units.push({ code, parent: hospital, type: 'department' });
      departments.push(code);
    }
  }
  const elementCodes = Array.from({ length: elementCount }, (_, i) => `e${String(i + 1).padStart(2, '0')}`);
  // Even elements are numerators ("events"), odd ones denominators ("cases"); indicator k divides a pair.
  const perspectives = ['F', 'C', 'I', 'S', 'R'];
  const perPerspective = Math.ceil(indicatorCount / perspectives.length);
  const scorecard: ScorecardFileV1Input = {
    format: 'healthbsc/scorecard@1',
    code: 'SYN-BSC',
    name: { en: 'Synthetic group scorecard', zh: '合成集团计分卡' },
    dataElements: elementCodes.map((code) => ({
      code,
      name: { en: `Element ${code}` },
      valueType: 'integer',
      min: 0,
    })),
    perspectives: perspectives.map((p, pi) => ({
      id: p,
      name: { en: `Perspective ${p}` },
      indicators: Array.from({ length: perPerspective }, (_, k) => {
        const index = pi * perPerspective + k;
        const numerator = elementCodes[(2 * index) % elementCount] ?? 'e01';
        const denominator = elementCodes[(2 * index + 1) % elementCount] ?? 'e02';
        return {
          id: `${p}${k + 1}`,
          name: { en: `Indicator ${p}${k + 1}` },
          formula: { numerator, denominator, factor: 100 },
          unit: '%',
          direction: index % 3 === 0 ? ('lower' as const) : ('higher' as const),
        };
      }),
    })),
    weights: {
      perspectives: { manual: Object.fromEntries(perspectives.map((p) => [p, 1 / perspectives.length])) },
      indicators: Object.fromEntries(
        perspectives.map((p) => [
          p,
          {
            manual: Object.fromEntries(
              Array.from({ length: perPerspective }, (_, k) => [`${p}${k + 1}`, 1 / perPerspective]),
            ),
          },
        ]),
      ),
    },
  };

  return {
    units,
    departments,
    elementCodes,
    months,
    scorecard,
    valueCount: departments.length * elementCount * months.length,
    forEachDepartmentValues(onChunk) {
      const random = createMulberry32(seed);
      for (const unit of departments) {
        const elements: string[] = [];
        const periods: string[] = [];
        const values: number[] = [];
        for (let e = 0; e < elementCount; e++) {
          const base = e % 2 === 1 ? 1000 : 700; // denominators larger than numerators
          for (const period of months) {
            elements.push(elementCodes[e] ?? '');
            periods.push(period);
            values.push(Math.round(base * (0.8 + 0.4 * random())));
          }
        }
        onChunk({ unit, elements, periods, values });
      }
    },
  };
}
