/**
 * SQL Server through `tedious` (pure JS). NOT TESTED here: no SQL Server is available to the test suite
 * (docs/database-pulls.md says so). SQL Server has no read-only transaction: the query runs inside a
 * transaction that is always rolled back, with `readOnlyIntent` (a read-only replica where one is routed), and
 * the connection's user should hold only SELECT. `:period_start`/`:period_end` are bound as `@p1`, `@p2`… dates.
 */
import { Connection, Request, TYPES } from 'tedious';
import { type PullDriver, type PullRows, plainCell } from './driver.ts';

function exec(connection: Connection, sql: string, values: readonly string[]): Promise<PullRows> {
  return new Promise((resolve, reject) => {
    const columns: string[] = [];
    const rows: Record<string, unknown>[] = [];
    const request = new Request(sql, (error) => (error ? reject(error) : resolve({ columns, rows })));
    values.forEach((value, i) => {
      request.addParameter(`p${i + 1}`, TYPES.Date, new Date(`${value}T00:00:00Z`));
    });
    request.on('columnMetadata', (meta) => {
      columns.length = 0;
      for (const column of Array.isArray(meta) ? meta : Object.values(meta)) columns.push(column.colName);
    });
    request.on('row', (cells) => {
      const row: Record<string, unknown> = {};
      for (const cell of Array.isArray(cells) ? cells : Object.values(cells)) {
        row[cell.metadata.colName] = plainCell(cell.value);
      }
      rows.push(row);
    });
    connection.execSql(request);
  });
}

function batch(connection: Connection, sql: string): Promise<void> {
  return new Promise((resolve, reject) => {
    connection.execSqlBatch(new Request(sql, (error) => (error ? reject(error) : resolve())));
  });
}

export const sqlServerDriver: PullDriver = async (connection, timeoutMs) => {
  const options = connection.options ?? {};
  const client = new Connection({
    server: connection.host,
    authentication: {
      type: 'default',
      options: { userName: connection.user, password: connection.password },
    },
    options: {
      port: connection.port,
      database: connection.database,
      encrypt: options.encrypt !== false,
      trustServerCertificate: options.trustServerCertificate === true,
      readOnlyIntent: true,
      connectTimeout: timeoutMs,
      requestTimeout: timeoutMs,
    },
  });
  await new Promise<void>((resolve, reject) => {
    client.connect((error) => (error ? reject(error) : resolve()));
  });
  return {
    async query(sql, values) {
      await batch(client, 'BEGIN TRANSACTION');
      try {
        return await exec(client, sql, values);
      } finally {
        await batch(client, 'ROLLBACK TRANSACTION').catch(() => undefined);
      }
    },
    close: async () => {
      client.close();
    },
  };
};
