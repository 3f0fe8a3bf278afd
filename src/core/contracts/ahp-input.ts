/**
 * The input of `healthbsc ahp` (and, later, of the AHP API): one judgment matrix, or several experts' matrices
 * to aggregate. Entries may be numbers or fractions as text ("1/3") so reciprocals stay exact.
 */
import { z } from 'zod';

const matrixSchema = z.array(z.array(z.union([z.number(), z.string()])));

export const ahpInputSchema = z.union([
  z
    .object({
      labels: z.array(z.string()).optional(),
      matrix: matrixSchema,
    })
    .strict(),
  z
    .object({
      labels: z.array(z.string()).optional(),
      experts: z
        .array(
          z
            .object({
              name: z.string().optional(),
              matrix: matrixSchema,
              weight: z.number().positive().optional(),
            })
            .strict(),
        )
        .min(1),
      aggregation: z.enum(['aij', 'aip']).default('aij'),
    })
    .strict(),
]);

export type AhpInput = z.infer<typeof ahpInputSchema>;
