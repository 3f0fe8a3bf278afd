/**
 * Alert evaluation after data changes: the change bus's events, debounced per organisation, so that an import
 * of ten thousand values or a burst of entries evaluates the rules once after it settles rather than once per
 * write. Metadata changes (targets, scorecards) re-evaluate every organisation.
 */
import type { ChangeBus, ChangeEvent } from '../change-bus.ts';

export interface AlertTrigger {
  /** Evaluations waiting for their quiet period, as organisations (null: all). */
  pending(): (number | null)[];
  /** Runs whatever is waiting now (tests; shutdown). */
  flush(): Promise<void>;
  stop(): void;
}

/**
 * Subscribes to the bus and calls `run(rootId | null)` `delayMs` after the last change of an organisation.
 * Runs never overlap: a change during a run schedules one more after it.
 */
export function triggerAlertsOnChange(
  bus: ChangeBus,
  run: (rootId: number | null) => Promise<void>,
  options: { readonly delayMs?: number; readonly onError?: (error: unknown) => void } = {},
): AlertTrigger {
  const delay = options.delayMs ?? 5_000;
  const timers = new Map<number | null, ReturnType<typeof setTimeout>>();
  let running: Promise<void> = Promise.resolve();
  const fire = (root: number | null) => {
    timers.delete(root);
    running = running.then(() => run(root)).catch((error: unknown) => options.onError?.(error));
    return running;
  };
  const schedule = (root: number | null) => {
    const existing = timers.get(root);
    if (existing !== undefined) clearTimeout(existing);
    timers.set(
      root,
      setTimeout(() => void fire(root), delay),
    );
  };
  const unsubscribe = bus.subscribe((event: ChangeEvent) => {
    if (event.kind === 'metadata') schedule(null);
    else schedule(event.rootId);
  });
  return {
    pending: () => [...timers.keys()],
    flush: async () => {
      for (const [root, timer] of [...timers]) {
        clearTimeout(timer);
        await fire(root);
      }
      await running;
    },
    stop: () => {
      unsubscribe();
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
