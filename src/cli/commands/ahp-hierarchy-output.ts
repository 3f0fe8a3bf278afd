import type { HierarchyResult } from '../../core/ahp/index.ts';
import type { Io } from '../io.ts';
import { fixed, renderTable } from '../text-table.ts';
import { methodWords } from './method-words.ts';

/** A node's or leaf's name: its label, else its path of 1-based child numbers ("root" for the root). */
function nameOf(item: { readonly path: readonly number[]; readonly label?: string }): string {
  if (item.label !== undefined) return item.label;
  return item.path.length === 0 ? 'root' : item.path.map((i) => i + 1).join('.');
}

/** The JSON of `healthbsc ahp` for a hierarchy: the leaves' global weights, then every judged node's CR. */
export function hierarchyJson(result: HierarchyResult) {
  return {
    globalWeights: result.globalWeights,
    leaves: result.leaves.map((leaf) => ({ path: leaf.path, ...(leaf.label ? { label: leaf.label } : {}) })),
    nodes: result.nodes.map((node) => ({
      path: node.path,
      ...(node.label ? { label: node.label } : {}),
      weights: node.weights,
      lambdaMax: node.lambdaMax,
      cr: node.cr,
      consistent: node.consistent,
      ...(node.consensus !== undefined ? { consensus: node.consensus } : {}),
      ...(node.experts
        ? { experts: node.experts.map((e) => ({ cr: e.cr, consistent: e.consistent, included: e.included })) }
        : {}),
    })),
    consensus: result.consensus,
  };
}

export function printHierarchy(result: HierarchyResult, io: Io): void {
  const w = methodWords(io.lang);
  io.out(
    renderTable(
      [w.node, 'λmax', 'CR', 'S*'],
      result.nodes.map((node) => [
        nameOf(node),
        fixed(node.lambdaMax, 4),
        `${fixed(node.cr, 4)}${node.consistent ? '' : ' !'}`,
        fixed(node.consensus, 4),
      ]),
      ['left', 'right', 'right', 'right'],
    ),
  );
  io.out('');
  io.out(
    renderTable(
      [w.leaf, w.globalWeight],
      result.leaves.map((leaf, l) => [nameOf(leaf), fixed(result.globalWeights[l], 4)]),
      ['left', 'right'],
    ),
  );
  if (result.consensus !== null) {
    io.out('');
    io.out(w.hierarchyConsensus(fixed(result.consensus, 4)));
  }
}
