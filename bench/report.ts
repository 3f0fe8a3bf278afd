/** Printing benchmark figures: one table per benchmark, a row per figure, with its target when an issue names one. */

export interface Row {
  readonly engine: string;
  readonly figure: string;
  readonly value: string;
  readonly detail: string;
  readonly target: string;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

export function formatRate(perSecond: number): string {
  return Math.round(perSecond).toLocaleString('en');
}

export function printTable(title: string, rows: readonly Row[]): void {
  const header = ['engine', 'figure', 'value', 'target', 'detail'];
  const cells = rows.map((r) => [r.engine, r.figure, r.value, r.target, r.detail]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]) =>
    c
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  process.stdout.write(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const c of cells) process.stdout.write(`${line(c)}\n`);
}
