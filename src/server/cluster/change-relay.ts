/**
 * Relays the change bus between the server processes sharing one PostgreSQL database (docs/deployment.md
 * "Several servers"): each change this process publishes is sent with `pg_notify` on `healthbsc_changes`, and
 * each change another process sent is published on this process's bus, where the evaluation engine applies
 * it to its value cube in place (a write on one server, seen by the next evaluation on another, without a
 * reload). A change too large for a notification (PostgreSQL's limit is 8,000 bytes) goes as `stale` for its
 * organisation, and so does everything after the relay's connection was lost: the receiver reloads.
 *
 * The evaluation engine keeps the change counters in memory while this relay listens (../evaluation/
 * known-revisions.ts), and the accounts plugin its sessions and tokens (../accounts/principal-cache.ts): a lost
 * connection makes them read the database again until the connection is back, and the reconnection publishes
 * `stale` for everything. A notification is sent after its write commits,
 * so another server may answer from memory for the few milliseconds the notification takes to arrive.
 * PGlite has no relay (one process holds it, and its bus hears every write).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { ChangeBus, ChangeEvent } from '../change-bus.ts';

export const CHANGES_CHANNEL = 'healthbsc_changes';

/**
 * How often a relay notifies itself (an echo), and how long it may go without hearing one before it stops
 * vouching that it hears every change. A connection can lose its notifications without an error: PgBouncer in
 * transaction mode drops the `LISTEN`, a network can drop packets without closing the socket. Hearing its own
 * echo proves the channel works end to end; the other servers ignore it (it holds no event).
 */
export const ECHO_EVERY_MS = 2_000;
export const ECHO_TIMEOUT_MS = 5_000;

/** Below PostgreSQL's 8,000-byte limit on a notification's payload. */
const MAX_PAYLOAD_BYTES = 7_900;

interface Envelope {
  /** The sending process, so a process ignores its own notifications. */
  readonly from: string;
  readonly event: ChangeEvent;
}

function rootOf(event: ChangeEvent): number | null {
  return event.kind === 'metadata' || event.kind === 'accounts' ? null : event.rootId;
}

/** The payload of `event`, or of a `stale` event for its organisation when it does not fit. */
export function encodeChange(from: string, event: ChangeEvent): string {
  const text = JSON.stringify({ from, event } satisfies Envelope);
  if (Buffer.byteLength(text) <= MAX_PAYLOAD_BYTES) return text;
  return JSON.stringify({ from, event: { kind: 'stale', rootId: rootOf(event) } } satisfies Envelope);
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

/** A relayed change read back, or null for a payload this version does not understand (it is ignored). */
export function decodeChange(payload: string): Envelope | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const from: unknown = Reflect.get(parsed, 'from');
  const event: unknown = Reflect.get(parsed, 'event');
  if (typeof from !== 'string' || typeof event !== 'object' || event === null) return null;
  const kind: unknown = Reflect.get(event, 'kind');
  const rootId: unknown = Reflect.get(event, 'rootId');
  const revision: unknown = Reflect.get(event, 'revision');
  switch (kind) {
    case 'metadata':
      return isCount(revision) ? { from, event: { kind, revision } } : null;
    case 'approvals':
    case 'publications':
      return isCount(rootId) ? { from, event: { kind, rootId } } : null;
    case 'accounts':
      return { from, event: { kind } };
    case 'root-inputs':
      return isCount(rootId) && isCount(revision) ? { from, event: { kind, rootId, revision } } : null;
    case 'stale':
      return rootId === null || isCount(rootId) ? { from, event: { kind, rootId } } : null;
    case 'data-values': {
      const values: unknown = Reflect.get(event, 'values');
      if (!isCount(rootId) || !isCount(revision) || !Array.isArray(values)) return null;
      const valid = values.every(
        (v: unknown) =>
          typeof v === 'object' &&
          v !== null &&
          isCount(Reflect.get(v, 'orgUnitId')) &&
          isCount(Reflect.get(v, 'dataElementId')) &&
          typeof Reflect.get(v, 'periodId') === 'string' &&
          (Reflect.get(v, 'value') === null || typeof Reflect.get(v, 'value') === 'number'),
      );
      return valid ? { from, event: { kind, rootId, revision, values } } : null;
    }
    default:
      return null;
  }
}

/** Sends a process's changes to the other processes without listening for theirs (sendChanges). */
export interface ChangeSender {
  /** Waits for the notifications sent so far (a command calls it before it closes the database). */
  flush(): Promise<void>;
  /** Stops sending (what was sent still arrives). */
  stop(): void;
}

/**
 * Sends each change published on `bus` with `pg_notify`, marked as coming from `from`; a change this process
 * heard from another (`relayed`) is not sent back. The CLI uses it alone (a command that writes, say an import
 * or a revoked token, must reach the running servers, which keep counters, approvals and principals in memory);
 * relayChanges uses it beside its listening connection. Null on PGlite, which one process holds alone.
 *
 * @example const sender = sendChanges(db, ctx.changes, (error) => log.warn(error)); … await sender?.flush();
 */
export function sendChanges(
  db: Db,
  bus: ChangeBus,
  onError: (error: unknown) => void,
  from: string = randomUUID(),
  relayed: WeakSet<ChangeEvent> = new WeakSet(),
): ChangeSender | null {
  if (db.listen === undefined) return null;
  const pending = new Set<Promise<void>>();
  const unsubscribe = bus.subscribe((event) => {
    if (relayed.has(event)) return;
    const sent: Promise<void> = sql`select pg_notify(${CHANGES_CHANNEL}, ${encodeChange(from, event)})`
      .execute(db.kysely)
      .then(
        () => undefined,
        (error: unknown) => onError(error),
      )
      .finally(() => pending.delete(sent));
    pending.add(sent);
  });
  return {
    flush: async () => {
      await Promise.all([...pending]);
    },
    stop: unsubscribe,
  };
}

export interface ChangeRelay {
  /**
   * Which unbroken stretch of hearing every change this is: null while the listening connection is down or the
   * relay has not heard its own echo for `ECHO_TIMEOUT_MS`, a new number after each interruption. Memory that
   * the relayed changes keep current (the evaluation engine's change counters and approvals,
   * ../evaluation/known-revisions.ts) is trusted only while this stays the same.
   */
  epoch(): number | null;
  /** Stops relaying and closes the listening connection. */
  close(): Promise<void>;
}

/**
 * Starts relaying `bus` over the database's notifications; null on PGlite. `onError` hears a failed send (the
 * write has committed; the other processes will see it through the change counters).
 *
 * @example const relay = await relayChanges(db, ctx.changes, (error) => log.warn(error));
 */
export async function relayChanges(
  db: Db,
  bus: ChangeBus,
  onError: (error: unknown) => void,
): Promise<ChangeRelay | null> {
  if (db.listen === undefined) return null;
  const self = randomUUID();
  const echo = JSON.stringify({ from: self, echo: true });
  let lastEcho = Number.NEGATIVE_INFINITY;
  // Whether hearing was interrupted (no echo for too long, the connection reopened) since the epoch was last
  // vouched for: the next epoch is then a new one, so memory kept under the old one is dropped.
  let interrupted = true;
  let stretch = 0;
  let lastListening: number | null = null;
  // Events this relay published itself: not sent back out.
  const received = new WeakSet<ChangeEvent>();
  const publish = (event: ChangeEvent) => {
    received.add(event);
    bus.publish(event);
  };
  const listening = await db.listen(
    CHANGES_CHANNEL,
    (payload) => {
      if (payload === echo) {
        const now = Date.now();
        if (now - lastEcho > ECHO_TIMEOUT_MS) interrupted = true;
        lastEcho = now;
        return;
      }
      const envelope = decodeChange(payload);
      if (envelope !== null && envelope.from !== self) publish(envelope.event);
    },
    () => publish({ kind: 'stale', rootId: null }),
  );
  const sender = sendChanges(db, bus, onError, self, received);
  // A failed echo is not an error to report: not hearing it is what counts.
  const sendEcho = () => {
    sql`select pg_notify(${CHANGES_CHANNEL}, ${echo})`.execute(db.kysely).catch(() => {});
  };
  sendEcho();
  const echoes = setInterval(sendEcho, ECHO_EVERY_MS);
  echoes.unref();
  const epoch = (): number | null => {
    const listeningEpoch = listening.epoch();
    const hearing = listeningEpoch !== null && Date.now() - lastEcho <= ECHO_TIMEOUT_MS;
    if (!hearing || listeningEpoch !== lastListening) {
      interrupted = true;
      lastListening = listeningEpoch;
    }
    if (!hearing) return null;
    if (interrupted) {
      stretch += 1;
      interrupted = false;
    }
    return stretch;
  };
  return {
    epoch,
    close: async () => {
      clearInterval(echoes);
      sender?.stop();
      await listening.close();
    },
  };
}
