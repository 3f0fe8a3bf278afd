/**
 * The questionnaire's small decisions: how a pair is keyed, and at which node a returning expert resumes.
 */

/** The key of the pair (i, j), i < j, of a node: how the page finds an answer or a repair. */
export function pairKey(i: number, j: number): string {
  return `${i}-${j}`;
}

/**
 * The index of the first node with a pair left unanswered (where a returning expert resumes); the first node
 * when every pair is answered.
 *
 * @example resumeAt([{ answered: 10, pairs: Array(10) }, { answered: 3, pairs: Array(15) }]) // 1
 */
export function resumeAt(
  nodes: readonly { readonly answered: number; readonly pairs: readonly unknown[] }[],
): number {
  const index = nodes.findIndex((node) => node.answered < node.pairs.length);
  return index === -1 ? 0 : index;
}
