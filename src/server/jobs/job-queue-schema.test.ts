/**
 * The job queue's tables come from our migration, and they are what the installed pg-boss expects: an upgrade
 * of pg-boss that changes its schema fails here until a new migration is written (./README.md).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { MIGRATIONS_FOLDER } from '../../db/migrate.ts';
import { JOB_QUEUE_SCHEMA } from '../../db/repositories/job-run.repository.ts';
import { jobQueueDatabase } from './job-queue-db.ts';
import {
  JOB_QUEUE_MIGRATION,
  jobQueueMigrationText,
  jobQueueSchemaSql,
  PG_BOSS_SCHEMA_VERSION,
} from './job-queue-schema.ts';

describe('the job queue migration', () => {
  it("is the installed pg-boss's construction plan, as `node src/server/jobs/job-queue-schema.ts` prints it", async () => {
    const committed = await readFile(join(MIGRATIONS_FOLDER, `${JOB_QUEUE_MIGRATION}.sql`), 'utf8');
    expect(committed).toBe(jobQueueMigrationText());
  });

  it('installs the schema version the installed pg-boss expects', () => {
    expect(jobQueueSchemaSql()).toContain(
      `INSERT INTO ${JOB_QUEUE_SCHEMA}.version(version) VALUES ('${PG_BOSS_SCHEMA_VERSION}');`,
    );
  });

  it("leaves out pg-boss's own transaction, which would end the migrator's", () => {
    expect(jobQueueSchemaSql()).not.toMatch(/^\s*(BEGIN|COMMIT);/m);
  });
});

describeEachEngine('the migrated job queue tables', (getDb) => {
  let boss: PgBoss;

  beforeAll(async () => {
    boss = new PgBoss({
      db: jobQueueDatabase(getDb()),
      schema: JOB_QUEUE_SCHEMA,
      migrate: false,
      schedule: false,
      supervise: false,
      registerInstance: false,
      openTelemetry: { enabled: false },
    });
    boss.on('error', () => {});
    await boss.start();
  });

  afterAll(() => boss.stop({ graceful: false, close: false }));

  it("are at pg-boss's schema version, so it starts without migrating", async () => {
    expect(await boss.schemaVersion()).toBe(PG_BOSS_SCHEMA_VERSION);
  });

  it('match what pg-boss would have created, index for index and function for function', async () => {
    const drift = await boss.detectSchemaDrift();
    expect({
      ok: drift.ok,
      missingTables: drift.missingTables,
      missing: drift.missing.map((index) => index.name),
      mismatched: drift.mismatched.map((index) => index.name),
      missingFunctions: drift.missingFunctions.map((fn) => fn.name),
      mismatchedFunctions: drift.mismatchedFunctions.map((fn) => fn.name),
      columnDrift: drift.columnDrift,
      constraintDrift: drift.constraintDrift,
      enumDrift: drift.enumDrift,
    }).toEqual({
      ok: true,
      missingTables: [],
      missing: [],
      mismatched: [],
      missingFunctions: [],
      mismatchedFunctions: [],
      columnDrift: [],
      constraintDrift: [],
      enumDrift: null,
    });
  });
});
