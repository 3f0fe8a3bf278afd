/**
 * Ranks with ties sharing their average rank (the "mid-rank" convention of RSR, Tian 1988, and of R's
 * `rank(ties.method = "average")`).
 */

/**
 * Ascending ranks: the smallest value gets 1, the largest n; equal values share the mean of their positions.
 *
 * @example
 * averageRanks([10, 30, 20, 20]); // [1, 4, 2.5, 2.5]
 */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length).fill(0);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.value === order[start]?.value) end++;
    const mean = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      const entry = order[k];
      if (entry) ranks[entry.index] = mean;
    }
    start = end + 1;
  }
  return ranks;
}

/**
 * Ranking by a score where larger is better: `ranking[i]` is unit i's place, 1 = best; ties share the average.
 *
 * @example
 * rankDescending([0.4, 0.9, 0.4]); // [2.5, 1, 2.5]
 */
export function rankDescending(scores: readonly number[]): number[] {
  return averageRanks(scores.map((s) => -s));
}
