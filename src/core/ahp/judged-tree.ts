import type { HierarchyInputNode } from './hierarchy-input.ts';
import { analysePanel, type PanelOptions } from './panel.ts';
import { derivePriorities } from './priority-vector.ts';
import type { Matrix, PriorityMethod } from './types.ts';

/**
 * A hierarchy reduced to what a sensitivity analysis perturbs: each judged node's matrix (a panel's AIJ
 * aggregate) and, for a panel, the geometric SD of each comparison. Built only from input that
 * `computeHierarchy` has already accepted.
 */
export interface JudgedTree {
  readonly matrix?: Matrix;
  readonly spread?: readonly (readonly number[])[];
  readonly children: readonly JudgedTree[];
}

export function judgedTree(node: HierarchyInputNode, options: PanelOptions): JudgedTree {
  const children = (node.children ?? []).map((child) => judgedTree(child, options));
  if (node.experts !== undefined) {
    const panel = analysePanel(node.experts, options);
    return { matrix: panel.group.aggregatedMatrix, spread: panel.spread, children };
  }
  return node.matrix !== undefined ? { matrix: node.matrix, children } : { children };
}

/** Every judged node's matrix, depth-first (pre-order): the order in which a draw perturbs them. */
export function matricesOf(tree: JudgedTree): JudgedTree[] {
  const out: JudgedTree[] = [];
  const visit = (t: JudgedTree) => {
    if (t.matrix !== undefined) out.push(t);
    t.children.forEach(visit);
  };
  visit(tree);
  return out;
}

/**
 * The leaves' global weights, depth-first, with each judged node's matrix taken from `matrixOf` (the node's
 * own or a perturbed copy); the same composition as `computeHierarchy`.
 */
export function leafWeights(
  tree: JudgedTree,
  method: PriorityMethod,
  matrixOf: (node: JudgedTree) => Matrix | undefined = (node) => node.matrix,
): number[] {
  const out: number[] = [];
  const visit = (t: JudgedTree, weight: number) => {
    const matrix = matrixOf(t);
    if (matrix === undefined) {
      if (t.children.length === 0) out.push(weight);
      else if (t.children[0]) visit(t.children[0], weight);
      return;
    }
    const { weights } = derivePriorities(matrix, method);
    if (t.children.length === 0) {
      for (const w of weights) out.push(weight * w);
    } else {
      t.children.forEach((child, i) => {
        visit(child, weight * (weights[i] ?? 0));
      });
    }
  };
  visit(tree, 1);
  return out;
}
