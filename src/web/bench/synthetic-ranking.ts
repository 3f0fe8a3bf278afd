/**
 * A synthetic ranking for the heatmap benchmark: `units` hospitals (one head, the rest branches) under a
 * scorecard of `indicators` indicators in four perspectives, quantified values spread around the status
 * thresholds (about a tenth missing), from a seeded generator so every run draws the same picture.
 */
import { createMulberry32 } from '../../core/random/prng.ts';
import { statusOf } from '../../core/scoring/status.ts';
import type { RankedUnit } from '../lib/api/rankings.ts';

const PERSPECTIVES = ['F', 'C', 'I', 'L'] as const;

export function syntheticRanking(units: number, indicators: number, seed = 42): RankedUnit[] {
  const random = createMulberry32(seed);
  const items: RankedUnit[] = [];
  for (let u = 0; u < units; u++) {
    // Indicator k belongs to perspective k mod 4, so the perspectives hold 10 indicators each for 40.
    const perspectives = PERSPECTIVES.map((id, p) => ({
      id,
      name: { en: `Perspective ${id}` },
      weight: 0.25,
      score: 80 + random() * 20,
      coverage: 1,
      indicators: Array.from({ length: indicators }, (_, k) => k)
        .filter((k) => k % PERSPECTIVES.length === p)
        .map((k) => {
          const quantified = random() < 0.1 ? null : 0.7 + random() * 0.45;
          return {
            id: `K${k}`,
            name: { en: `Indicator ${k}` },
            kind: 'quantitative' as const,
            unit: null,
            decimals: 1,
            method: 'ratio',
            scored: true,
            weight: 0.1,
            globalWeight: 0.025,
            actual: quantified,
            actualSource: 'reported' as const,
            target: 1,
            reference: 1,
            quantified,
            score: quantified === null ? null : quantified * 10,
            // As the server sends it (by the default thresholds).
            status: statusOf(quantified),
          };
        }),
    }));
    const total = 80 + random() * 20;
    items.push({
      rank: u + 1,
      orgUnit: `H${u}`,
      name: { en: `Hospital ${u}` },
      type: 'hospital',
      level: 2,
      cohort: 'hospital@2',
      role: u === 0 ? 'head' : 'branch',
      evaluation: {
        scorecard: 'BENCH',
        orgUnit: `H${u}`,
        period: '2024',
        total,
        rating: null,
        ratingCode: null,
        ratingLabel: null,
        weightCoverage: 1,
        minimumCoverage: 0,
        insufficientData: false,
        missingData: 'renormalize',
        perspectives,
      },
    });
  }
  return items;
}
