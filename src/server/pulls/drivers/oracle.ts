/**
 * Oracle through `oracledb` in thin mode (pure JS, no Instant Client). NOT TESTED here: no Oracle database is
 * available to the test suite (docs/database-pulls.md says so). `SET TRANSACTION READ ONLY`, `callTimeout`;
 * the connect string is `host:port/service` (the connection's database is the service name unless the option
 * `serviceName` says otherwise). `:period_start`/`:period_end` are bound as `:1`, `:2`… dates.
 */
import { type PullDriver, plainCell } from './driver.ts';

/** The part of oracledb's API used here (the package ships no type declarations). */
interface OracleConnection {
  callTimeout: number;
  execute(
    sql: string,
    binds: readonly unknown[],
    options?: { readonly outFormat?: number },
  ): Promise<{ rows?: Record<string, unknown>[]; metaData?: { name: string }[] }>;
  rollback(): Promise<void>;
  close(): Promise<void>;
}
interface OracleDb {
  readonly OUT_FORMAT_OBJECT: number;
  getConnection(config: {
    user: string;
    password: string;
    connectString: string;
    connectTimeout?: number;
  }): Promise<OracleConnection>;
}

function isOracleDb(value: unknown): value is OracleDb {
  return (
    typeof value === 'object' && value !== null && typeof Reflect.get(value, 'getConnection') === 'function'
  );
}

/** Loaded when first used: the driver is large and most installations never pull from Oracle. */
async function loadOracleDb(): Promise<OracleDb> {
  const name = 'oracledb';
  const loaded: unknown = await import(name);
  const driver: unknown = isOracleDb(loaded) ? loaded : Reflect.get(Object(loaded), 'default');
  if (!isOracleDb(driver)) throw new Error('the oracledb package could not be loaded');
  return driver;
}

export const oracleDriver: PullDriver = async (connection, timeoutMs) => {
  const oracledb = await loadOracleDb();
  const service = connection.options?.serviceName;
  const client = await oracledb.getConnection({
    user: connection.user,
    password: connection.password,
    connectString: `${connection.host}:${connection.port}/${typeof service === 'string' ? service : connection.database}`,
    connectTimeout: Math.ceil(timeoutMs / 1000),
  });
  client.callTimeout = timeoutMs;
  return {
    async query(sql, values) {
      await client.execute('SET TRANSACTION READ ONLY', []);
      try {
        const binds = values.map((v) => new Date(`${v}T00:00:00Z`));
        const result = await client.execute(sql, binds, { outFormat: oracledb.OUT_FORMAT_OBJECT });
        const rows = (result.rows ?? []).map((row) =>
          Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plainCell(v)])),
        );
        return { columns: (result.metaData ?? []).map((m) => m.name), rows };
      } finally {
        await client.rollback().catch(() => undefined);
      }
    },
    close: () => client.close(),
  };
};
