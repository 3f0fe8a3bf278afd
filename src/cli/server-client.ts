/**
 * A CLI command that reads the database asks a running HealthBSC server instead when `--server` or `--token`
 * is given, and by default when a live process holds the PGlite data directory (which the command could not
 * open): the shared pieces of `healthbsc study` and `healthbsc export` — the token (`--token`, else
 * `HEALTHBSC_TOKEN`), the URL (`--server`, else http://HEALTHBSC_HOST:HEALTHBSC_PORT), the lock check and
 * the coded problems (`remote.*`, core/errors/messages/remote.ts).
 */
import { resolve } from 'node:path';
import { liveDataDirLock } from '../db/data-dir-lock.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import { configUsageError, type Env } from './db-session.ts';
import { usageError } from './errors.ts';

/** The `parseArgs` options a command that may ask the server takes. */
export const SERVER_OPTIONS = {
  server: { type: 'string' },
  token: { type: 'string' },
} as const;

/** A running server to ask, and the API token to ask it with. */
export interface ServerTarget {
  readonly url: string;
  readonly token: string;
}

/**
 * The server to ask, or null when the command opens the database itself (no `--server`/`--token` and no live
 * holder of the data directory). Without a token: a usage error naming the lock holder or the URL.
 *
 * @example await serverTarget({ server: 'http://127.0.0.1:3000', token: 'hbsc_…' }, env, USAGE)
 *   // { url: 'http://127.0.0.1:3000', token: 'hbsc_…' }
 */
export async function serverTarget(
  options: { readonly server?: string | undefined; readonly token?: string | undefined },
  env: Env,
  usage: string,
): Promise<ServerTarget | null> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw configUsageError(error, usage);
    throw error;
  }
  const held =
    config.database.engine === 'pglite'
      ? await liveDataDirLock(resolve(config.database.dataDir ?? './data'))
      : null;
  if (options.server === undefined && options.token === undefined && held === null) return null;
  const url = options.server ?? `http://${config.host}:${config.port}`;
  const token = options.token ?? env.HEALTHBSC_TOKEN;
  if (token === undefined || token === '') {
    if (held !== null && options.server === undefined) {
      throw usageError(usage, 'remote.data-dir-held', { owner: held.owner, pid: held.pid });
    }
    throw usageError(usage, 'remote.needs-token', { url });
  }
  return { url, token };
}

/**
 * Sends one request to the server with the token; the answer when it is a success. An unreachable server and
 * an error answer (its problem's `detail`, else the status text) are usage errors with their codes.
 */
export async function askServer(
  target: ServerTarget,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const endpoint = new URL(path, target.url).toString();
  let response: Response;
  try {
    response = await fetch(endpoint, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${target.token}` },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw usageError(undefined, 'remote.unreachable', { url: target.url, message });
  }
  if (!response.ok) {
    const json: unknown = await response.json().catch(() => null);
    const detail = json !== null && typeof json === 'object' ? Reflect.get(json, 'detail') : undefined;
    throw usageError(undefined, 'remote.refused', {
      status: response.status,
      message: typeof detail === 'string' ? detail : response.statusText,
    });
  }
  return response;
}
