import { invalid, isProblemError, type ProblemIssue } from '../errors/problem.ts';
import type { HierarchyInputNode } from './hierarchy-input.ts';
import { parseJudgmentMatrix } from './judgment-matrix.ts';

type Path = readonly (string | number)[];

/** A hierarchy node as a file or a request writes it: matrix entries may be fractions as text ("1/3"). */
export interface HierarchyNodeInput {
  readonly label?: string | undefined;
  readonly matrix?: readonly (readonly (number | string)[])[] | undefined;
  readonly experts?:
    | readonly {
        readonly matrix: readonly (readonly (number | string)[])[];
        readonly weight?: number | undefined;
      }[]
    | undefined;
  readonly children?: readonly HierarchyNodeInput[] | undefined;
}

/**
 * Turns a hierarchy as written in a file or a request (fractions as text) into `computeHierarchy`'s input,
 * parsing every matrix and reporting every bad entry of every node at once.
 *
 * @example
 * readHierarchy({ matrix: [[1, 3], ['1/3', 1]] }).matrix; // [[1, 3], [0.3333…, 1]]
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
