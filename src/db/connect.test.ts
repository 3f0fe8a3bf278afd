import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Db } from './connect.ts';
import { migrateToLatest } from './migrate.ts';

/** A local port with nothing listening on it. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(),
      );
    });
  });
}

describe('a PGlite data directory', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'healthbsc-pglite-'));
    // Written by the server's setup (a worker thread), reopened below by the CLI's (this thread).
    const writer = await connect({ engine: 'pglite', dataDir, worker: true });
    await migrateToLatest(writer);
    await writer.kysely
      .insertInto('audit_log')
      .values({ actor: 'system', action: 'install', entity: 'database' })
      .execute();
    await writer.close();
  });

  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  describe('reopened', () => {
    let reader: Db;
    beforeAll(async () => {
      reader = await connect({ engine: 'pglite', dataDir, worker: false });
    });
    afterAll(() => reader.close());

    it('keeps its data', async () => {
      const rows = await reader.kysely
        .selectFrom('audit_log')
        .select(['actor', 'action', 'entity'])
        .execute();
      expect(rows).toEqual([{ actor: 'system', action: 'install', entity: 'database' }]);
    });

    it('needs no migration', async () => {
      expect(await migrateToLatest(reader)).toEqual({ applied: [] });
    });

    it.each([
      // The tuning of ../shared/STACK.md, kept in the directory's postgresql.conf.
      ['max_wal_size', '64MB'],
      ['min_wal_size', '32MB'],
      ['work_mem', '64MB'],
    ])('keeps the setting %s = %s', async (setting, value) => {
      const { rows } = await sql<{ value: string }>`select current_setting(${setting}) as value`.execute(
        reader.kysely,
      );
      expect(rows).toEqual([{ value }]);
    });
  });
});

describe('connect to PostgreSQL', () => {
  it('fails at once naming the server, without the password, when nothing answers', async () => {
    const port = await closedPort();
    await expect(
      connect({ engine: 'postgres', url: `postgres://healthbsc:s3cret@127.0.0.1:${port}/healthbsc` }),
    ).rejects.toThrow(
      `Cannot connect to PostgreSQL at postgres://healthbsc:***@127.0.0.1:${port}/healthbsc: ` +
        `connect ECONNREFUSED 127.0.0.1:${port}`,
    );
  });
});
