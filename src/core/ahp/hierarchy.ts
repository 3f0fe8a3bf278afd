import { formatPath, invalid, issue, type ProblemIssue } from '../errors/problem.ts';
import type { HierarchyNode } from './types.ts';

type Path = readonly (string | number)[];

/**
 * Global weights of a hierarchy's leaves: the product of the local weights along the path from the top, e.g.
 * perspective weight × indicator weight (Saaty 1980 §3, hierarchic composition; seed 002 Table 4.7, where the
 * 31 indicators' global weights are the dimension weight times the local weight). Node ids must be unique and
 * weights finite and ≥ 0; every problem is reported at once. A node with no (or empty) children is a leaf.
 *
 * @example
 * computeGlobalWeights([{ id: 'F', weight: 0.3764, children: [{ id: 'F1', weight: 0.3413 }] }]).get('F1')
 * // 0.12846532 (seed 002 Tables 4.1 and 4.2)
 */
export function computeGlobalWeights(
  nodes: readonly HierarchyNode[],
  path: Path = ['nodes'],
): ReadonlyMap<string, number> {
  const issues: ProblemIssue[] = [];
  const seen = new Map<string, string>();
  const leaves = new Map<string, number>();

  const visit = (list: readonly HierarchyNode[], listPath: Path, parentWeight: number) => {
    list.forEach((node, k) => {
      const nodePath = [...listPath, k];
      const where = formatPath(nodePath);
      if (typeof node.id !== 'string' || node.id === '') {
        issues.push(issue('ahp.node-id-missing', { where }, [...nodePath, 'id']));
      } else if (seen.has(node.id)) {
        const other = seen.get(node.id) ?? '';
        issues.push(issue('ahp.node-id-duplicate', { where, id: node.id, other }, [...nodePath, 'id']));
      } else {
        seen.set(node.id, where);
      }
      if (!Number.isFinite(node.weight) || node.weight < 0) {
        issues.push(
          issue('ahp.node-weight-invalid', { where, weight: String(node.weight) }, [...nodePath, 'weight']),
        );
      }
      const weight = parentWeight * node.weight;
      if (node.children !== undefined && node.children.length > 0) {
        visit(node.children, [...nodePath, 'children'], weight);
      } else {
        leaves.set(node.id, weight);
      }
    });
  };
  visit(nodes, path, 1);
  if (issues.length > 0) throw invalid('ahp.hierarchy-invalid', { count: issues.length }, issues);
  return leaves;
}
