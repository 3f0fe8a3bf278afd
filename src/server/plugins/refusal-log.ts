/**
 * Refused requests (403) in the audit trail, bounded (issue 11, part 3): refusals are counted per principal ×
 * route (method and route pattern, never the raw URL) in memory, and each pair becomes ONE audit row per window
 * (`forbidden`, entity `route`, with count, first, last and the problem code), written when the window ends or
 * the server closes. At most `MAX_KEYS` pairs are held; past that, refusals are counted in one overflow row, so
 * a flood of distinct routes cannot grow memory or the audit without bound. Admins read them in the audit list.
 *
 * Per process: each server writes its own rows for what it refused (their sum is the whole).
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { writeAudit } from '../../db/repositories/audit.repository.ts';

export interface RefusalLogOptions {
  /** The window, in milliseconds. Default 10 minutes. */
  readonly windowMs?: number;
}

const MAX_KEYS = 10_000;
const OVERFLOW = 'overflow';

interface Tally {
  readonly principal: string;
  readonly route: string;
  readonly address: string | null;
  count: number;
  readonly first: Date;
  last: Date;
  code: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Writes the counted refusals to the audit now (the window's end, or the server's). */
    readonly refusals: { flush(): Promise<number> };
  }
}

const plugin: FastifyPluginAsync<RefusalLogOptions> = async (app: FastifyInstance, options) => {
  const windowMs = options.windowMs ?? 10 * 60_000;
  let tallies = new Map<string, Tally>();

  async function flush(): Promise<number> {
    const done = [...tallies.values()];
    tallies = new Map();
    if (done.length === 0) return 0;
    await app.ctx.db.kysely.transaction().execute(async (trx) => {
      for (const tally of done) {
        await writeAudit(trx, { id: tally.principal, address: tally.address }, [
          {
            action: 'forbidden',
            entity: 'route',
            entityKey: tally.route,
            newValue: {
              count: tally.count,
              first: tally.first.toISOString(),
              last: tally.last.toISOString(),
              code: tally.code,
            },
          },
        ]);
      }
    });
    return done.length;
  }

  app.decorate('refusals', { flush });
  const timer = setInterval(() => {
    flush().catch((error: unknown) =>
      app.log.error({ err: error }, 'writing refused requests to the audit failed'),
    );
  }, windowMs);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    // Closing must not fail because the database went first; the counts are then lost, and logged as such.
    await flush().catch((error: unknown) => app.log.error({ err: error }, 'refused requests not audited'));
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 403) return payload;
    const principal = request.auth?.principal.userId ?? 'anonymous';
    const route = `${request.method} ${request.routeOptions.url ?? '(no route)'}`;
    let key = `${principal}\u0000${route}`;
    if (!tallies.has(key) && tallies.size >= MAX_KEYS) key = OVERFLOW;
    const now = app.ctx.now();
    const code = typeof payload === 'string' ? (/"code":"([^"]{1,100})"/.exec(payload)?.[1] ?? '') : '';
    const tally = tallies.get(key);
    if (tally === undefined) {
      const overflow = key === OVERFLOW;
      tallies.set(key, {
        principal: overflow ? 'various' : principal,
        route: overflow ? 'various' : route,
        address: overflow ? null : request.ip,
        count: 1,
        first: now,
        last: now,
        code,
      });
    } else {
      tally.count += 1;
      tally.last = now;
      tally.code = code;
    }
    return payload;
  });
};

/** The plugin, sharing its hooks with the whole app (Fastify's `skip-override`). */
export const refusalLogPlugin: FastifyPluginAsync<RefusalLogOptions> = Object.assign(plugin, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: 'healthbsc-refusal-log',
});
