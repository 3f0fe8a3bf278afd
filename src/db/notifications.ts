/**
 * PostgreSQL's `LISTEN`/`NOTIFY` for the server processes sharing one database (docs/deployment.md
 * "Several servers"): each process listens on a connection of its own, outside the pool, and keeps it open.
 * That needs a session that stays on one server connection: a direct connection or PgBouncer in session mode;
 * in transaction mode PgBouncer hands the connection to others between transactions and the LISTEN is lost.
 *
 * A lost connection is reopened (after a second, then up to 30 s apart); `onGap` is told, because whatever was
 * notified meanwhile is lost: a listener then treats everything it holds as possibly stale.
 */
import pg from 'pg';

/** Channels are SQL identifiers: lowercase letters, digits and underscores here. */
const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

export interface Listening {
  /**
   * Which unbroken stretch of listening this is: a number that changes each time the connection is reopened,
   * and null while it is down (or after `close`). Whoever keeps state that notifications update may trust it
   * only while this is the number it held when the state was read.
   */
  epoch(): number | null;
  /** Stops listening and closes the connection. */
  close(): Promise<void>;
}

export type Listen = (
  channel: string,
  onMessage: (payload: string) => void,
  onGap: () => void,
) => Promise<Listening>;

/**
 * The `listen` of a PostgreSQL database at `url`.
 *
 * @example
 * const listening = await listenerOn(url)('healthbsc_changes', (payload) => …, () => …);
 */
export function listenerOn(url: string): Listen {
  return async (channel, onMessage, onGap) => {
    if (!CHANNEL.test(channel)) throw new Error(`Not a channel name: ${channel}`);
    let closed = false;
    let client: pg.Client | null = null;
    let retryMs = 1_000;
    let timer: NodeJS.Timeout | null = null;
    let opened = 0;
    let broken = false;

    const open = async (): Promise<void> => {
      // Keep-alive probes notice a connection that died silently (no FIN), which would otherwise look up.
      const next = new pg.Client({ connectionString: url, keepAlive: true });
      next.on('notification', (message) => {
        if (message.channel === channel && message.payload !== undefined) onMessage(message.payload);
      });
      // A dropped connection emits 'error' and then 'end'; reopen once, on 'end'. From the error on, whatever
      // is notified may be lost.
      next.on('error', () => {
        if (client === next) broken = true;
      });
      next.on('end', () => {
        if (closed || client !== next) return;
        client = null;
        schedule();
      });
      await next.connect();
      await next.query(`listen ${channel}`);
      client = next;
      broken = false;
      opened += 1;
      retryMs = 1_000;
    };

    const schedule = (): void => {
      timer = setTimeout(() => {
        timer = null;
        if (closed) return;
        open().then(onGap, () => {
          retryMs = Math.min(retryMs * 2, 30_000);
          schedule();
        });
      }, retryMs);
      timer.unref();
    };

    await open();
    return {
      epoch: () => (client === null || broken ? null : opened),
      close: async () => {
        closed = true;
        if (timer !== null) clearTimeout(timer);
        const last = client;
        client = null;
        await last?.end().catch(() => {});
      },
    };
  };
}
