/**
 * Alert evaluation after data changes: the change bus's events, debounced per organisation, so that an import
 * of ten thousand values or a burst of entries evaluates the rules once after it settles rather than once per
 * write. Each organisation's pending evaluation gathers what its events touched: the data elements and units of
 * changed values, so that only the scorecards reading them are evaluated (`scorecardsTouched`); reported values,
 * assessments and stale notices touch the whole organisation; metadata changes (targets, scorecards) every
 * organisation.
 *
 * It runs in the server's process and needs no job runner: a server with `HEALTHBSC_JOBS=off` evaluates after
 * its own writes, and those other servers relay to it, too. That is safe with several servers (the partial unique
 * index on open alerts lets one alert be raised once, and only the raising transaction writes its receipts and
 * e-mails), at the cost of repeated work: `HEALTHBSC_ALERT_TRIGGER=off` on all but one server, or on all to leave
 * evaluation to the 15-minute job.
 */
import type { ChangeBus, ChangeEvent } from '../change-bus.ts';

/** What the changes of a quiet period touched. */
export interface ChangeScope {
  /** The organisation; null: every organisation (metadata changed, or a stale notice of all). */
  readonly rootId: number | null;
  /** The data elements and units whose values changed; null: anything of the organisation may have. */
  readonly values: {
    readonly dataElementIds: ReadonlySet<number>;
    readonly orgUnitIds: ReadonlySet<number>;
  } | null;
}

export interface AlertTrigger {
  /** Evaluations waiting for their quiet period, as organisations (null: all). */
  pending(): (number | null)[];
  /** Runs whatever is waiting now (tests; shutdown). */
  flush(): Promise<void>;
  stop(): void;
}

/** The scope of one event. */
function scopeOf(
  event: Exclude<ChangeEvent, { kind: 'approvals' | 'publications' | 'accounts' }>,
): ChangeScope {
  if (event.kind === 'metadata') return { rootId: null, values: null };
  if (event.kind === 'data-values') {
    return {
      rootId: event.rootId,
      values: {
        dataElementIds: new Set(event.values.map((v) => v.dataElementId)),
        orgUnitIds: new Set(event.values.map((v) => v.orgUnitId)),
      },
    };
  }
  return { rootId: event.rootId, values: null };
}

/** Two scopes of one organisation as one. */
function mergeScopes(a: ChangeScope, b: ChangeScope): ChangeScope {
  if (a.values === null || b.values === null) return { rootId: a.rootId, values: null };
  return {
    rootId: a.rootId,
    values: {
      dataElementIds: new Set([...a.values.dataElementIds, ...b.values.dataElementIds]),
      orgUnitIds: new Set([...a.values.orgUnitIds, ...b.values.orgUnitIds]),
    },
  };
}

/**
 * Subscribes to the bus and calls `run(scope)` `delayMs` after the last change of an organisation, with what
 * its changes touched. Runs never overlap: a change during a run schedules one more after it.
 */
export function triggerAlertsOnChange(
  bus: ChangeBus,
  run: (scope: ChangeScope) => Promise<void>,
  options: { readonly delayMs?: number; readonly onError?: (error: unknown) => void } = {},
): AlertTrigger {
  const delay = options.delayMs ?? 5_000;
  const timers = new Map<number | null, ReturnType<typeof setTimeout>>();
  const scopes = new Map<number | null, ChangeScope>();
  let running: Promise<void> = Promise.resolve();
  const fire = (root: number | null) => {
    timers.delete(root);
    const scope = scopes.get(root) ?? { rootId: root, values: null };
    scopes.delete(root);
    running = running.then(() => run(scope)).catch((error: unknown) => options.onError?.(error));
    return running;
  };
  const schedule = (scope: ChangeScope) => {
    const root = scope.rootId;
    const existing = timers.get(root);
    if (existing !== undefined) clearTimeout(existing);
    const before = scopes.get(root);
    scopes.set(root, before === undefined ? scope : mergeScopes(before, scope));
    timers.set(
      root,
      setTimeout(() => void fire(root), delay),
    );
  };
  // A change of approvals alone is left to the 15-minute job, as before approvals were published.
  const unsubscribe = bus.subscribe((event: ChangeEvent) => {
    // Approvals, publications and accounts change no figure an alert reads.
    if (event.kind !== 'approvals' && event.kind !== 'publications' && event.kind !== 'accounts') {
      schedule(scopeOf(event));
    }
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
      scopes.clear();
    },
  };
}
