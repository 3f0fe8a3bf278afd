/**
 * `healthbsc serve [--port N] [--host H] [--database-url URL] [--data-dir DIR] [--no-demo] [--production]`
 * (npm start): serves the API and the web app until Ctrl-C. PGlite in ./data by default; PostgreSQL when
 * HEALTHBSC_DATABASE_URL is set. In demo mode (the default) the first start loads the demo and its users;
 * `--production` (or HEALTHBSC_MODE=production) loads nothing and serves no data until an administrator exists.
 */
import { parseArgs } from 'node:util';
import { wordProblem } from '../../core/errors/messages/index.ts';
import { DataDirLockedError } from '../../db/data-dir-lock.ts';
import { MigrationError } from '../../db/migrate.ts';
import { DEMO_USERS } from '../../server/accounts/demo-users.ts';
import { CONFIG_FLAG_OPTIONS, ConfigError, loadConfig } from '../../server/config.ts';
import { DEMO_CODES } from '../../server/demo/load-demo.ts';
import { startServer } from '../../server/start-server.ts';
import { configUsageError } from '../db-session.ts';
import { UsageError } from '../errors.ts';
import type { Io } from '../io.ts';

export const SERVE_USAGE = `Usage: healthbsc serve [--port 3000] [--host 127.0.0.1] [--database-url postgres://…] [--data-dir ./data]
                       [--log-level info] [--no-demo] [--production] [--trust-proxy true|N|ADDRESSES]
                       [--timezone Asia/Shanghai] [--jobs on|off]
Environment: HEALTHBSC_PORT, HEALTHBSC_HOST, HEALTHBSC_DATABASE_URL, HEALTHBSC_DATA_DIR, HEALTHBSC_LOG_LEVEL,
             HEALTHBSC_MODE (demo|production), HEALTHBSC_TRUST_PROXY, HEALTHBSC_TIMEZONE, HEALTHBSC_JOBS (on|off).`;

export async function runServe(args: readonly string[], io: Io, signal?: AbortSignal): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      ...CONFIG_FLAG_OPTIONS,
      'no-demo': { type: 'boolean', default: false },
      production: { type: 'boolean', default: false },
    },
  });
  const { 'no-demo': noDemo, production, ...given } = values;
  const flags = production ? { ...given, mode: 'production' } : given;
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env, flags);
  } catch (error) {
    if (error instanceof ConfigError) throw configUsageError(error, SERVE_USAGE);
    throw error;
  }
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(config, { demo: !noDemo, progress: (message) => io.err(message) });
  } catch (error) {
    if (error instanceof DataDirLockedError) throw new UsageError(error.message);
    if (error instanceof MigrationError) {
      io.err(
        `healthbsc serve: the database could not be migrated, so the server did not start.\n${error.message}`,
      );
      return 1;
    }
    throw error;
  }
  const { az, group } = DEMO_CODES;
  io.out(`HealthBSC is serving ${server.url}  (API docs: ${server.url}/api/docs)`);
  if (server.setupRequired) {
    io.err(`healthbsc serve: ${wordProblem('access.setup-required', {}, io.lang)}`);
  } else if (server.mode === 'demo') {
    if (server.demoLoaded) io.out('Loaded the demo data.');
    io.out(`Demo mode: sign in as ${DEMO_USERS.map((u) => u.email).join(', ')} (passwords in README.md).`);
    io.out(
      `Try: ${server.url}/api/evaluations?scorecard=${az.scorecard}&orgUnit=${az.orgUnit}&period=${az.period}`,
    );
    io.out(
      `     ${server.url}/api/rankings?scorecard=${group.scorecard}&parent=${group.orgUnit}&period=${group.period}`,
    );
  }
  io.out('Press Ctrl-C to stop.');
  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    signal?.addEventListener('abort', stop, { once: true });
  });
  io.err('Stopping …');
  await server.close();
  return 0;
}
