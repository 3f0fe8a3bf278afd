/**
 * POST /api/ahp/sensitivity: how stable a hierarchy's weights and the ranking of units they give are. A pure
 * computation on the posted judgments and scores (nothing is read or written), for any signed-in user.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readHierarchy, sensitivity } from '../../core/ahp/index.ts';
import { hierarchyNodeSchema } from '../../core/contracts/ahp-input.ts';
import { sensitivityRequestSchema, sensitivityResultSchema } from '../../core/contracts/sensitivity.ts';
import { invalid } from '../../core/errors/problem.ts';
import { toProblemIssues } from '../../core/errors/zod-issues.ts';
import { problemResponses } from '../plugins/route-schemas.ts';

export const ahpRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/ahp/sensitivity',
    {
      schema: {
        tags: ['ahp'],
        summary:
          'Monte Carlo weight intervals, rank probabilities and critical top-level weights of a hierarchy',
        description:
          'Each draw moves every judgment on the log scale by a share of one scale step (or by a panel’s spread); the same seed gives the same numbers. `scores` is units × leaves, leaves depth-first.',
        body: sensitivityRequestSchema,
        response: { 200: sensitivityResultSchema, ...problemResponses(400) },
      },
    },
    async (request) => {
      const input = request.body;
      const hierarchy = hierarchyNodeSchema.safeParse(input.hierarchy);
      if (!hierarchy.success) {
        const issues = toProblemIssues(hierarchy.error.issues, ['hierarchy']);
        throw invalid('ahp.hierarchy-invalid', { count: issues.length }, issues);
      }
      const result = sensitivity(readHierarchy(hierarchy.data), input.scores, {
        aggregation: input.aggregation,
        inconsistent: input.inconsistent,
        ...(input.perturbation ? { perturbation: input.perturbation } : {}),
        ...(input.draws !== undefined ? { draws: input.draws } : {}),
        ...(input.seed !== undefined ? { seed: input.seed } : {}),
      });
      return {
        weights: [...result.weights],
        rankProbability: result.rankProbability.map((row) => [...row]),
        critical: [...result.critical],
        sweep: result.sweep.map((s) => ({ ...s, at: [...s.at], totals: s.totals.map((row) => [...row]) })),
        draws: result.draws,
        seed: result.seed,
      };
    },
  );
};
