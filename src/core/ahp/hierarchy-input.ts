import { formatPath, invalid, isProblemError, issue, type ProblemIssue } from '../errors/problem.ts';
import { computeAhp } from './compute-ahp.ts';
import { analysePanel, type PanelExpert, type PanelOptions } from './panel.ts';
import type { ExpertJudgment, Matrix } from './types.ts';

type Path = readonly (string | number)[];

/**
 * One node of a hierarchy as a user writes it: a judgment `matrix` (or the `experts`' matrices) comparing its
 * children. A node with a matrix and no children has one implicit leaf per row (the alternatives, as in
 * Saaty's examples); a node with neither is a leaf; a node with one child needs no matrix.
 */
export interface HierarchyInputNode {
  readonly label?: string;
  readonly matrix?: Matrix;
  readonly experts?: readonly ExpertJudgment[];
  readonly children?: readonly HierarchyInputNode[];
}

export interface HierarchyNodeResult {
  /** Child indexes from the root ([] for the root itself). */
  readonly path: readonly number[];
  readonly label?: string;
  /** Local weights of the node's children (or implicit leaves). */
  readonly weights: readonly number[];
  readonly lambdaMax: number;
  readonly cr: number;
  readonly consistent: boolean;
  /** The product of the local weights from the root down to this node (1 for the root). */
  readonly globalWeight: number;
  /** For a node judged by a panel: S* and each expert's CR. */
  readonly consensus?: number;
  readonly experts?: readonly PanelExpert[];
}

export interface HierarchyLeaf {
  readonly path: readonly number[];
  readonly label?: string;
}

export interface HierarchyResult {
  /** The leaves' global weights, depth-first, each the product of the local weights on its path. */
  readonly globalWeights: readonly number[];
  readonly leaves: readonly HierarchyLeaf[];
  /** Every node with a matrix or a panel, depth-first (pre-order). */
  readonly nodes: readonly HierarchyNodeResult[];
  /** The weighted mean of the panel nodes' S*, weighted by each node's global weight; null without panels. */
  readonly consensus: number | null;
}

interface Local {
  readonly weights: readonly number[];
  readonly lambdaMax: number;
  readonly cr: number;
  readonly consistent: boolean;
  readonly consensus?: number;
  readonly experts?: readonly PanelExpert[];
}

function judge(node: HierarchyInputNode, path: Path, options: PanelOptions): Local | undefined {
  if (node.experts !== undefined) {
    const panel = analysePanel(node.experts, { ...options, path: [...path, 'experts'] });
    return {
      weights: panel.group.weights,
      lambdaMax: panel.group.lambdaMax,
      cr: panel.group.cr,
      consistent: panel.group.consistent,
      ...(panel.group.experts.length > 1 ? { consensus: panel.consensus.sStar } : {}),
      experts: panel.experts,
    };
  }
  if (node.matrix !== undefined) {
    const { aggregation: _a, inconsistent: _i, ...ahpOptions } = options;
    const r = computeAhp(node.matrix, { ...ahpOptions, path: [...path, 'matrix'] });
    return { weights: r.weights, lambdaMax: r.lambdaMax, cr: r.cr, consistent: r.consistent };
  }
  return undefined;
}

/**
 * Weighs a whole hierarchy from its judgments (Saaty 1980 §3, hierarchic composition): each node's matrix, or
 * its experts' matrices aggregated as `analysePanel` does, gives local weights; a leaf's global weight is the
 * product of the local weights on its path. Leaves are listed depth-first, and a node with a matrix and no
 * children contributes one implicit leaf per row. Each judged node reports its own CR; a node judged by a
 * panel also reports S*, and the hierarchy's consensus is the mean of those S* weighted by the nodes' global
 * weights (as AHP-OS reports it). Every problem in every node is reported at once.
 *
 * @example
 * // seed 002: Table 4.1 over the five dimensions, each with its own table (4.2–4.6) over its indicators
 * computeHierarchy({ matrix: t41, children: [{ matrix: t42 }, { matrix: t43 }, …] }).globalWeights[0];
 * // F1 = 0.3764 × 0.3413 = 0.1285
 */
export function computeHierarchy(
  root: HierarchyInputNode,
  options: PanelOptions = {},
  rootPath: Path = ['hierarchy'],
): HierarchyResult {
  const issues: ProblemIssue[] = [];
  const nodes: HierarchyNodeResult[] = [];
  const leaves: HierarchyLeaf[] = [];
  const globalWeights: number[] = [];

  const visit = (node: HierarchyInputNode, path: Path, indexes: readonly number[], weight: number) => {
    const where = formatPath(path);
    const children = node.children ?? [];
    const label = node.label;
    if (node.matrix !== undefined && node.experts !== undefined) {
      issues.push(issue('ahp.node-matrix-and-experts', { where }, path));
      return;
    }
    let local: Local | undefined;
    try {
      local = judge(node, path, options);
    } catch (error) {
      if (!isProblemError(error)) throw error;
      issues.push(...error.problem.issues);
      return;
    }
    if (local === undefined) {
      if (children.length === 0) {
        leaves.push({ path: indexes, ...(label !== undefined ? { label } : {}) });
        globalWeights.push(weight);
      } else if (children.length === 1 && children[0]) {
        visit(children[0], [...path, 'children', 0], [...indexes, 0], weight);
      } else {
        issues.push(issue('ahp.node-matrix-missing', { where, children: children.length }, path));
      }
      return;
    }
    nodes.push({
      path: indexes,
      ...(label !== undefined ? { label } : {}),
      ...local,
      globalWeight: weight,
    });
    if (children.length === 0) {
      local.weights.forEach((w, i) => {
        leaves.push({
          path: [...indexes, i],
          ...(label !== undefined ? { label: `${label}.${i + 1}` } : {}),
        });
        globalWeights.push(weight * w);
      });
      return;
    }
    if (children.length !== local.weights.length) {
      issues.push(
        issue('ahp.node-size-mismatch', { where, n: local.weights.length, children: children.length }, path),
      );
      return;
    }
    children.forEach((child, i) => {
      visit(child, [...path, 'children', i], [...indexes, i], weight * (local.weights[i] ?? 0));
    });
  };

  visit(root, rootPath, [], 1);
  if (issues.length > 0) throw invalid('ahp.hierarchy-invalid', { count: issues.length }, issues);
  const panels = nodes.filter((n) => n.consensus !== undefined);
  const totalWeight = panels.reduce((s, n) => s + n.globalWeight, 0);
  const consensus =
    panels.length === 0 || totalWeight === 0
      ? null
      : panels.reduce((s, n) => s + n.globalWeight * (n.consensus ?? 0), 0) / totalWeight;
  return { globalWeights, leaves, nodes, consensus };
}
