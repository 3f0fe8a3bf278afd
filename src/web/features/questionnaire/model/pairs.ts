/** The key of the pair (i, j), i < j, of a node: how the questionnaire finds an answer or a repair. */
export function pairKey(i: number, j: number): string {
  return `${i}-${j}`;
}
