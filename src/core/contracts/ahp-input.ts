/**
 * The input of `healthbsc ahp` (and, later, of the AHP API): one judgment matrix, several experts' matrices
 * to aggregate, or a whole hierarchy; and of `healthbsc sensitivity`. Entries may be numbers or fractions as
 * text ("1/3") so reciprocals stay exact.
 */
import { z } from 'zod';

const matrixSchema = z.array(z.array(z.union([z.number(), z.string()])));

const expertSchema = z
  .object({
    name: z.string().optional(),
    matrix: matrixSchema,
    weight: z.number().positive().optional(),
  })
  .strict();

/** One node of a hierarchy: a `matrix` or `experts` comparing its `children` (or its rows, with no children). */
export interface HierarchyNodeInput {
  label?: string | undefined;
  matrix?: (number | string)[][] | undefined;
  experts?:
    | { name?: string | undefined; matrix: (number | string)[][]; weight?: number | undefined }[]
    | undefined;
  children?: HierarchyNodeInput[] | undefined;
}

export const hierarchyNodeSchema: z.ZodType<HierarchyNodeInput> = z.lazy(() =>
  z
    .object({
      label: z.string().optional(),
      matrix: matrixSchema.optional(),
      experts: z.array(expertSchema).min(1).optional(),
      children: z.array(hierarchyNodeSchema).optional(),
    })
    .strict(),
);

const aggregationSchema = z.enum(['aij', 'aip']).default('aij');
const inconsistentSchema = z.enum(['keep', 'exclude']).default('keep');

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
      experts: z.array(expertSchema).min(1),
      aggregation: aggregationSchema,
      inconsistent: inconsistentSchema,
    })
    .strict(),
  z
    .object({
      hierarchy: hierarchyNodeSchema,
      aggregation: aggregationSchema,
      inconsistent: inconsistentSchema,
    })
    .strict(),
]);

/** `healthbsc sensitivity FILE`: a hierarchy and the units' scores on its leaves (units × leaves). */
export const sensitivityInputSchema = z
  .object({
    hierarchy: hierarchyNodeSchema,
    scores: z.array(z.array(z.number())).default([]),
    units: z.array(z.string()).optional(),
    aggregation: aggregationSchema,
    inconsistent: inconsistentSchema,
    perturbation: z
      .union([
        z.object({ kind: z.literal('step'), share: z.number().optional() }).strict(),
        z.object({ kind: z.literal('spread') }).strict(),
      ])
      .optional(),
    draws: z.number().int().optional(),
    seed: z.number().int().optional(),
  })
  .strict();

export type SensitivityInput = z.infer<typeof sensitivityInputSchema>;

export type AhpInput = z.infer<typeof ahpInputSchema>;
