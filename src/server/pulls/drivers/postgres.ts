/** PostgreSQL through `pg`: `BEGIN READ ONLY`, `statement_timeout`; dates and timestamps kept as their text. */
import pg from 'pg';
import type { PullDriver } from './driver.ts';

/** date, timestamp, timestamptz: their text, not a JavaScript Date in the server's zone. */
const TEXT_TYPES = new Set([1082, 1114, 1184]);

export const postgresDriver: PullDriver = async (connection, timeoutMs) => {
  const client = new pg.Client({
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    password: connection.password,
    statement_timeout: timeoutMs,
    connectionTimeoutMillis: timeoutMs,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        TEXT_TYPES.has(oid)
          ? (text: string) => text
          : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  await client.connect();
  return {
    async query(sql, values) {
      await client.query('BEGIN READ ONLY');
      const result = await client.query({ text: sql, values: [...values] });
      await client.query('ROLLBACK');
      return { columns: result.fields.map((f) => f.name), rows: result.rows };
    },
    close: () => client.end(),
  };
};
