/**
 * POST /api/ahp/sensitivity: the Monte Carlo weight intervals of a hierarchy, the probability of each rank for
 * each unit, and the one-at-a-time sweep of the top-level weights (src/core/ahp/README.md, "Sensitivity").
 * The body is `healthbsc sensitivity`'s file; the response adds the sweep lines for charts.
 */
import { z } from 'zod';
import { sensitivityInputSchema } from './ahp-input.ts';

/**
 * At most 5000 draws per request: a request must stay short on a shared server. The hierarchy is recursive, which
 * an OpenAPI document cannot show without references: it is declared as an object here and checked with
 * `hierarchyNodeSchema` by the route.
 */
export const sensitivityRequestSchema = sensitivityInputSchema.extend({
  hierarchy: z
    .record(z.string(), z.unknown())
    .describe(
      'A hierarchy node: {label?, matrix? | experts?, children?: [nodes]}, as `healthbsc sensitivity` reads it',
    ),
  draws: z.number().int().min(1).max(5000).optional(),
});

export const sensitivityResultSchema = z.object({
  weights: z.array(z.object({ mean: z.number(), p05: z.number(), p95: z.number() })),
  rankProbability: z.array(z.array(z.number())),
  critical: z.array(
    z.object({
      criterion: z.number().int(),
      weight: z.number(),
      critical: z.number().nullable(),
      change: z.number().nullable(),
      overtakenBy: z.number().int().nullable(),
    }),
  ),
  sweep: z.array(
    z.object({
      criterion: z.number().int(),
      at: z.array(z.number()),
      totals: z.array(z.array(z.number())),
    }),
  ),
  draws: z.number().int(),
  seed: z.number().int(),
});

export type SensitivityRequest = z.infer<typeof sensitivityRequestSchema>;
export type SensitivityResultJson = z.infer<typeof sensitivityResultSchema>;
