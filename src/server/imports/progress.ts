/**
 * Progress of a long import, throttled: a 100,000-row file would otherwise send a progress line per row.
 * The listener hears the first report of each phase, then at most one every `intervalMs`, and always the last
 * one of a phase (`done === total`).
 */
import type { ImportProgress } from '../../core/contracts/import.ts';

export type ImportPhase = ImportProgress['phase'];
export type ProgressListener = (progress: ImportProgress) => void;

export interface ProgressReporter {
  report(phase: ImportPhase, done: number, total: number | null): void;
}

/** Reports nothing: for callers that did not ask for progress. */
export const SILENT_PROGRESS: ProgressReporter = { report: () => {} };

/**
 * Wraps a listener in a throttle. `now` is injected so tests can pin the clock.
 *
 * @example
 * const progress = createProgressReporter((p) => console.log(p), { intervalMs: 250 });
 * progress.report('checking', 10_000, 100_000); // heard (first of the phase)
 */
export function createProgressReporter(
  listener: ProgressListener | undefined,
  options: { readonly intervalMs?: number; readonly now?: () => number } = {},
): ProgressReporter {
  if (listener === undefined) return SILENT_PROGRESS;
  const interval = options.intervalMs ?? 100;
  const now = options.now ?? (() => performance.now());
  let lastPhase: ImportPhase | null = null;
  let lastAt = Number.NEGATIVE_INFINITY;
  return {
    report(phase, done, total) {
      const at = now();
      const final = total !== null && done >= total;
      if (phase === lastPhase && !final && at - lastAt < interval) return;
      lastPhase = phase;
      lastAt = at;
      listener({ phase, done, total });
    },
  };
}
