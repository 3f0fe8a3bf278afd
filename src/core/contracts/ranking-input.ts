/**
 * The inputs of objective weights and rankings of units (`healthbsc weights`, `healthbsc rank`, and the
 * product's API over a scorecard's units): a units × criteria `matrix` with each criterion's direction.
 */
import { z } from 'zod';

export const directionSchema = z.enum(['higher', 'lower']);

const criteriaSchema = z.array(z.object({ direction: directionSchema }).strict()).min(1);
const matrixSchema = z.array(z.array(z.number()));

const base = {
  matrix: matrixSchema,
  criteria: criteriaSchema,
  /** Optional names of the units (rows) and of the criteria (columns), for the tables. */
  units: z.array(z.string()).optional(),
  labels: z.array(z.string()).optional(),
};

/** `healthbsc weights entropy|critic FILE`. */
export const objectiveWeightsInputSchema = z.object(base).strict();

/** `healthbsc rank topsis FILE`. */
export const topsisInputSchema = z
  .object({
    ...base,
    weights: z.array(z.number()),
    normalization: z.enum(['vector', 'minmax']).default('vector'),
  })
  .strict();

/** `healthbsc rank rsr FILE`; `weights` makes it a weighted RSR. */
export const rsrInputSchema = z
  .object({
    ...base,
    weights: z.array(z.number()).optional(),
    cutpoints: z.array(z.number()).optional(),
  })
  .strict();

export type ObjectiveWeightsInput = z.infer<typeof objectiveWeightsInputSchema>;
export type TopsisInput = z.infer<typeof topsisInputSchema>;
export type RsrInput = z.infer<typeof rsrInputSchema>;
