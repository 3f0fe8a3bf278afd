/**
 * What each database driver of a pull provides: connect (as the connection's user), run one read-only query with
 * its bound period values, close. The caller (../run-pull-query.ts) words failures by the step they happened in:
 * connecting (unreachable, refused login) or querying (wrong SQL, timeout).
 */
import type { PullKind } from '../../../core/contracts/pulls.ts';

export interface PullConnection {
  readonly dialect: PullKind;
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  /** Decrypted for this run only (../credentials.ts). */
  readonly password: string;
  /** Driver options (SQL Server `encrypt`, `trustServerCertificate`; Oracle `serviceName`). */
  readonly options?: Readonly<Record<string, string | number | boolean>>;
}

export interface PullRows {
  readonly columns: readonly string[];
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

/** An open session of one driver. */
export interface PullSession {
  /** Runs `sql` (placeholders already in the driver's notation) in a read-only transaction, rolled back after. */
  query(sql: string, values: readonly string[]): Promise<PullRows>;
  close(): Promise<void>;
}

export type PullDriver = (connection: PullConnection, timeoutMs: number) => Promise<PullSession>;

/** Why a step failed, as the driver tells it: its error code (SQLSTATE, errno, ORA-…) and first line. */
export interface DriverFailure {
  readonly code: string;
  readonly message: string;
}

/**
 * The code and first line of a driver's error (no row values: a failing query only read).
 *
 * @example failureOf(Object.assign(new Error('password authentication failed\nDETAIL'), { code: '28P01' }))
 * // { code: '28P01', message: 'password authentication failed' }
 */
export function failureOf(error: unknown): DriverFailure {
  const message = error instanceof Error ? error.message : String(error);
  const raw: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
  const errno: unknown =
    typeof error === 'object' && error !== null ? Reflect.get(error, 'errno') : undefined;
  const code =
    typeof raw === 'string'
      ? raw
      : typeof errno === 'number'
        ? String(errno)
        : (/ORA-\d+/.exec(message)?.[0] ?? '');
  return { code, message: (message.split(/\r?\n/, 1)[0] ?? '').slice(0, 300) };
}

/** A cell as the mapping profile reads it: dates as ISO text (a date alone when it has no time of day). */
export function plainCell(value: unknown): unknown {
  if (!(value instanceof Date)) return value;
  const iso = value.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
