/** MySQL and MariaDB through `mysql2`: `START TRANSACTION READ ONLY`, the query's `timeout`, dates as text. */
import mysql from 'mysql2/promise';
import type { PullDriver } from './driver.ts';

export const mysqlDriver: PullDriver = async (connection, timeoutMs) => {
  const client = await mysql.createConnection({
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    password: connection.password,
    connectTimeout: timeoutMs,
    dateStrings: true,
  });
  return {
    async query(sql, values) {
      await client.query('START TRANSACTION READ ONLY');
      const [rows, fields] = await client.query({ sql, timeout: timeoutMs, values: [...values] });
      await client.query('ROLLBACK');
      const list = Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
      return { columns: (fields ?? []).map((f) => f.name), rows: list };
    },
    close: () => client.end(),
  };
};
