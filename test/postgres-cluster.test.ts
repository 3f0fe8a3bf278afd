import { access } from 'node:fs/promises';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startPostgresCluster } from './postgres-cluster.ts';

describe('startPostgresCluster', () => {
  it('fails naming the missing binary and what to install, instead of skipping', async () => {
    await expect(startPostgresCluster({ binDir: '/nonexistent/postgresql/bin' })).rejects.toThrow(
      'initdb was not found in /nonexistent/postgresql/bin. The PostgreSQL integration tests need the ' +
        'PostgreSQL 15 server binaries (initdb, pg_ctl, postgres). On Debian: apt-get install postgresql-15, ' +
        'then put /usr/lib/postgresql/15/bin on PATH.',
    );
  });

  it('runs PostgreSQL 15 on 127.0.0.1, answers queries, and leaves nothing behind when stopped', async () => {
    const cluster = await startPostgresCluster();
    const client = new pg.Client({ connectionString: cluster.url });
    try {
      await client.connect();
      const { rows } = await client.query<{ version: string; address: string }>(
        "select current_setting('server_version_num') as version, inet_server_addr()::text as address",
      );
      // 15 is the oldest server the product supports (../shared/STACK.md): SQL newer than 15 must fail here.
      expect(Math.floor(Number(rows[0]?.version) / 10_000)).toBe(15);
      expect(rows[0]?.address).toBe('127.0.0.1/32');
    } finally {
      await client.end();
      await cluster.stop();
    }
    await expect(access(cluster.directory)).rejects.toThrow('ENOENT');
  });
});
