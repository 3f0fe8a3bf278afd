import type { HierarchyInputNode } from '../../core/ahp/index.ts';
import { parseJudgmentMatrix } from '../../core/ahp/index.ts';
import type { HierarchyNodeInput } from '../../core/contracts/ahp-input.ts';
import { invalid, isProblemError, type ProblemIssue } from '../../core/errors/problem.ts';

type Path = readonly (string | number)[];

/**
 * Turns a hierarchy as written in a file (fractions as text) into the core's input, parsing every matrix and
 * reporting every bad entry of every node at once.
 */
export function readHierarchy(node: HierarchyNodeInput, path: Path = ['hierarchy']): HierarchyInputNode {
  const issues: ProblemIssue[] = [];
  const parse = (input: unknown, at: Path) => {
    try {
      return parseJudgmentMatrix(input, at);
    } catch (error) {
      if (!isProblemError(error)) throw error;
      issues.push(...error.problem.issues);
      return [[1]];
    }
  };
  const visit = (n: HierarchyNodeInput, at: Path): HierarchyInputNode => ({
    ...(n.label !== undefined ? { label: n.label } : {}),
    ...(n.matrix !== undefined ? { matrix: parse(n.matrix, [...at, 'matrix']) } : {}),
    ...(n.experts !== undefined
      ? {
          experts: n.experts.map((e, k) => ({
            matrix: parse(e.matrix, [...at, 'experts', k, 'matrix']),
            ...(e.weight !== undefined ? { weight: e.weight } : {}),
          })),
        }
      : {}),
    ...(n.children !== undefined
      ? { children: n.children.map((c, i) => visit(c, [...at, 'children', i])) }
      : {}),
  });
  const result = visit(node, path);
  if (issues.length > 0) throw invalid('ahp.hierarchy-invalid', { count: issues.length }, issues);
  return result;
}
