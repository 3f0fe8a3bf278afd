/**
 * The input of `healthbsc stats FILE` (docs/statistics.md): one statistical test, named by `test`, with its
 * data. Unknown keys are rejected so that a misspelt option is not silently ignored.
 */
import { z } from 'zod';

const count = z.number().int().nonnegative();
const countPair = z.tuple([count, count]);
const values = z.array(z.number()).min(1);
const level = z.number().gt(0).lt(1).optional();

export const statsInputSchema = z.discriminatedUnion('test', [
  z
    .object({
      test: z.literal('two-proportion'),
      x: countPair,
      n: z.tuple([z.number().int().positive(), z.number().int().positive()]),
      correct: z.boolean().optional(),
      level,
    })
    .strict(),
  z
    .object({
      test: z.literal('chi-square'),
      table: z.array(z.array(z.number().nonnegative())),
      correct: z.boolean().optional(),
    })
    .strict(),
  z.object({ test: z.literal('fisher'), table: z.tuple([countPair, countPair]), level }).strict(),
  z
    .object({
      test: z.literal('poisson-rate'),
      x: countPair,
      t: z.tuple([z.number().positive(), z.number().positive()]),
      level,
    })
    .strict(),
  z.object({ test: z.literal('welch'), a: values, b: values, level }).strict(),
  z
    .object({
      test: z.literal('mann-whitney'),
      a: values,
      b: values,
      correct: z.boolean().optional(),
      exact: z.boolean().optional(),
    })
    .strict(),
  z.object({ test: z.literal('mann-kendall'), y: values }).strict(),
  z
    .object({
      test: z.literal('its'),
      y: values,
      intervention: z.number().int(),
      lag: z.number().int().nonnegative().optional(),
      seasonPeriod: z.number().int().positive().optional(),
      level,
    })
    .strict(),
  z.object({ test: z.literal('bh'), p: z.array(z.number().min(0).max(1)) }).strict(),
]);

export type StatsInput = z.infer<typeof statsInputSchema>;
export type StatsTestName = StatsInput['test'];
