/**
 * Mid-ranks (R `rank(x)`, ties.method = "average") and the sizes of the tie groups (R `table(rank(x))`).
 *
 * @example
 * midRanks([10, 20, 20, 5]); // { ranks: [2, 3.5, 3.5, 1], tieSizes: [1, 1, 2] }
 */
export function midRanks(values: readonly number[]): { ranks: number[]; tieSizes: number[] } {
  const order = values.map((v, i) => [v, i] as const).sort((p, q) => p[0] - q[0]);
  const ranks = new Array<number>(values.length).fill(0);
  const tieSizes: number[] = [];
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.[0] === order[start]?.[0]) end++;
    const rank = (start + end + 2) / 2;
    for (let i = start; i <= end; i++) ranks[order[i]?.[1] ?? 0] = rank;
    tieSizes.push(end - start + 1);
    start = end + 1;
  }
  return { ranks, tieSizes };
}
