import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine, openMigratedDb, prepareMigratedDb } from '../../../test/engines.ts';
import type { Db } from '../connect.ts';
import type { Database } from '../schema.ts';
import { BackupError, dumpDatabase, nonEmptyTables, restoreDatabase } from './backup.repository.ts';

/** Rows in every kind of column: identities, a tree, microsecond timestamps, jsonb, doubles, nulls, Chinese. */
async function fill(db: Kysely<Database>): Promise<void> {
  await sql`
    insert into org_unit (code, name_en, name_zh, type) values ('GROUP', 'Medical group', '医疗集团', 'group');
    insert into org_unit (parent_id, code, name_en, name_zh, type, role) values (1, 'H1', 'Head hospital', '总院', 'hospital', 'head');
    insert into org_unit (parent_id, code, name_en, type) values (2, 'ICU', 'Intensive care', 'department');
    insert into org_unit_group (code, name_en) values ('branches', 'Branch hospitals');
    insert into org_unit_group_member values (1, 2);
    insert into period values ('2024-03', 'month', '2024-03-01', '2024-03-31'), ('2024Q1', 'quarter', '2024-01-01', '2024-03-31');
    insert into data_element (code, name_en, value_type, min_value) values ('beds', 'Beds', 'integer', 0), ('occ', 'Occupied', 'number', null);
    insert into scorecard (code, name_en, name_zh) values ('BSC', 'Scorecard', '计分卡');
    insert into scorecard_version (scorecard_id, version, definition, created_by)
      values (1, 1, '{"perspectives":[{"id":"f","indicators":[{"id":"occupancy","unit":"%"}]}],"note":"引号 \\" and ü"}', 'admin');
    insert into weight_version (scorecard_id, version, weights, source, created_by) values (1, 1, '{"perspectives":{"manual":{"f":1}}}', 'manual', 'admin');
    insert into scorecard_org_unit values (1, 1, true);
    insert into target (root_id, scorecard_id, indicator_code, org_unit_id, period_id, target, lower, upper, set_by)
      values (0, 1, 'occupancy', null, '2024-03', 85, null, null, 'admin'), (1, 1, 'occupancy', 3, '2024-03', null, 80, 90, 'admin');
    update target set target = 86, set_at = '2024-05-01 00:00:00+00' where org_unit_id is null;
    insert into scorecard_org_unit_version (scorecard_id, version, effective_from, org_units, created_by)
      values (1, 1, '2024', '[{"orgUnitId": 1, "includeDescendants": true}]', 'admin');
    insert into publication (root_id, scorecard_id, org_unit_id, period_id, structure_version_id, weight_version_id,
        assignment_version_id, unapproved_periods, published_by, published_at)
      values (1, 1, 1, '2024-03', 1, 1, 1, '["2024-03"]', 'strategist', '2024-04-02 09:00:00.123456+00');
    insert into publication_result values (1, 1, 3, '{"total": 91.25, "rating": "优秀"}', 91.25, 'very-good', 0.75);
    insert into publication_input (root_id, publication_id, org_unit_id, indicator_code, numerator, denominator, actual,
        actual_source, target, reference, quantified, score, weight, global_weight, method_version, target_record_id)
      values (1, 1, 3, 'occupancy', 0.3, 1, 30, 'formula', 86, null, 0.3488372093023256, 34.883720930232556, 1, 1, 0, 3);
    insert into data_value (root_id, org_unit_id, data_element_id, period_id, value, comment, updated_by, updated_at)
      values (1, 3, 1, '2024-03', 20, null, 'u1', '2024-04-01 08:00:00.123456+00'),
             (1, 3, 2, '2024-03', 0.1 + 0.2, '加床', 'u1', '2024-04-01 08:00:00.654321+00'),
             (1, 2, 2, '2024Q1', 1e-300, null, 'u1', now());
    insert into reported_value (root_id, scorecard_id, indicator_code, org_unit_id, period_id, value, updated_by)
      values (1, 1, 'occupancy', 2, '2024-03', 93.6, 'importer');
    insert into assessment (root_id, scorecard_id, indicator_code, org_unit_id, period_id, rater, score, evidence, updated_by)
      values (1, 1, 'culture', 3, '2024-03', '王医生', 85, '现场检查', 'u2');
    insert into import_batch (kind, file_name, format, encoding, checksum, status, rows_read, created, updated, unchanged, created_by)
      values ('data', 'march.csv', 'csv', 'gb18030', 'abc', 'committed', 2, 2, 0, 0, 'u1');
    insert into import_change values (1, 1, 'data_value', '{"org_unit_id":3}', null, '{"value":20}');
    insert into audit_log (actor, action, entity, entity_key, new_value, org_unit_id) values ('u1', 'import', 'import_batch', '1', '{"rows":2}', 3);
    update change_counter set revision = 7 where scope = 'meta';
    insert into change_counter values ('root:1', 3);
  `.execute(db);
}

/** Every table's rows as PostgreSQL prints them, in key order, from a backup's lines: equal when the databases hold the same rows. */
function snapshotOf(lines: readonly string[]): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  let current: string[] = [];
  for (const line of lines.slice(1, -1)) {
    const table = line.startsWith('{"table":') ? (JSON.parse(line) as { table: string }).table : null;
    if (table !== null) {
      current = [];
      result[table] = current;
    } else current.push(line);
  }
  return result;
}

async function backupLines(db: Db): Promise<string[]> {
  const lines: string[] = [];
  await dumpDatabase(db, async (line) => {
    lines.push(line);
  });
  return lines;
}

async function* fromArray(lines: readonly string[]): AsyncGenerator<string> {
  yield* lines;
}

/** The number of runs in the job queue (pg-boss's schema). */
async function queuedJobs(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pgboss.job`.execute(db.kysely);
  return rows[0]?.n ?? -1;
}

interface Source {
  readonly db: Db;
  /** Its backup. */
  readonly lines: readonly string[];
}

let source: Promise<Source> | undefined;

/**
 * The PGlite database every restore below starts from, made once for the file (the tests only read it): `fill`'s
 * rows and one queued job-queue run, and its backup.
 */
function filledSource(): Promise<Source> {
  source ??= (async () => {
    const db = await openMigratedDb('pglite');
    await fill(db.kysely);
    await sql`select pgboss.create_queue('nightly-report', '{"policy": "standard"}')`.execute(db.kysely);
    await sql`insert into pgboss.job (name, data) values ('nightly-report', '{}')`.execute(db.kysely);
    return { db, lines: await backupLines(db) };
  })();
  return source;
}

// Made before the tests, so that no test's time limit includes it.
beforeAll(async () => {
  await filledSource();
});

afterAll(async () => {
  await (await source)?.db.close();
});

describeEachEngine(
  'backup and restore',
  (_getDb, engine) => {
    beforeAll(() => prepareMigratedDb(engine.name));

    it(`restores a PGlite backup into ${engine.name} and back with the same rows`, async () => {
      const { lines } = await filledSource();
      const middle = await openMigratedDb(engine.name);
      const back = await openMigratedDb('pglite');
      try {
        const expected = snapshotOf(lines);
        await restoreDatabase(middle, fromArray(lines));
        expect(snapshotOf(await backupLines(middle))).toEqual(expected);
        await restoreDatabase(back, fromArray(await backupLines(middle)));
        expect(snapshotOf(await backupLines(back))).toEqual(expected);
        expect(expected.data_value).toHaveLength(3);
        expect(expected.audit_log).toHaveLength(1);
        // Two targets set, one changed: three recorded states, copied as they were rather than recorded again.
        expect(expected.target_history).toHaveLength(3);
        expect([expected.publication, expected.publication_result, expected.publication_input]).toEqual([
          [expect.stringContaining('"unapproved_periods":["2024-03"]')],
          [expect.stringContaining('"rating_code":"very-good"')],
          [expect.stringContaining('"target_record_id":3')],
        ]);
      } finally {
        await Promise.all([middle.close(), back.close()]);
      }
    });

    it('resets identity sequences so the next row gets the next id', async () => {
      const { lines } = await filledSource();
      const target = await openMigratedDb(engine.name);
      try {
        await restoreDatabase(target, fromArray(lines));
        const unit = await target.kysely
          .insertInto('org_unit')
          .values({
            parent_id: 2,
            code: 'ER',
            name_en: 'Emergency',
            name_zh: null,
            type: 'department',
            role: null,
          })
          .returning(['id', 'root_id', 'level'])
          .executeTakeFirstOrThrow();
        expect(unit).toEqual({ id: 4, root_id: 1, level: 3 });
        const audit = await target.kysely
          .insertInto('audit_log')
          .values({ actor: 'u9', action: 'login', entity: 'session' })
          .returning('id')
          .executeTakeFirstOrThrow();
        expect(audit.id).toBe(2);
      } finally {
        await target.close();
      }
    });

    it('refuses to restore into a database that holds rows, and writes nothing', async () => {
      const { lines } = await filledSource();
      const target = await openMigratedDb(engine.name);
      try {
        await sql`insert into data_element (code, name_en) values ('x', 'X')`.execute(target.kysely);
        await expect(restoreDatabase(target, fromArray(lines))).rejects.toThrow(
          'the database is not empty (rows in data_element); restore into a new, empty database',
        );
        expect(await nonEmptyTables(target.kysely)).toEqual(['data_element']);
      } finally {
        await target.close();
      }
    });

    it('refuses a backup from a newer schema', async () => {
      const { lines } = await filledSource();
      const target = await openMigratedDb(engine.name);
      try {
        const header = JSON.parse(lines[0] ?? '{}');
        header.migrations.push('209901010000_from_the_future');
        const attempt = restoreDatabase(target, fromArray([JSON.stringify(header), ...lines.slice(1)]));
        await expect(attempt).rejects.toBeInstanceOf(BackupError);
        await expect(attempt).rejects.toMatchObject({
          code: 'backup.newer-schema',
          params: { migrations: '209901010000_from_the_future' },
        });
        await expect(attempt).rejects.toThrow(
          'the backup comes from a newer schema (migrations 209901010000_from_the_future are not in this database)',
        );
      } finally {
        await target.close();
      }
    });

    it("leaves the job queue's runs out (pg-boss's schema): a restored server starts with no stale run", async () => {
      const { db, lines } = await filledSource();
      const target = await openMigratedDb(engine.name);
      try {
        await restoreDatabase(target, fromArray(lines));
        expect(await queuedJobs(db)).toBe(1);
        expect(await queuedJobs(target)).toBe(0);
      } finally {
        await target.close();
      }
    });

    it('refuses a truncated backup and leaves the database empty', async () => {
      const { lines } = await filledSource();
      const target = await openMigratedDb(engine.name);
      try {
        await expect(restoreDatabase(target, fromArray(lines.slice(0, -5)))).rejects.toThrow(
          'the backup is truncated: its last line is missing',
        );
        expect(await nonEmptyTables(target.kysely)).toEqual([]);
      } finally {
        await target.close();
      }
    });
  },
  // Each test restores into a database of its own; the suite's is not used.
  { migrate: false },
);

describeEachEngine('backups and secrets', (getDb) => {
  const secrets = async (db: Db) => {
    await sql`
      insert into app_user (email, password_hash) values ('ann@secret.test', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA');
      insert into api_token (name, token_hash, created_by) values ('feed', 'ab12cd34', 'admin');
      insert into user_session (token_hash, user_id, expires_at)
        values ('feedface', (select id from app_user where email = 'ann@secret.test'), now() + interval '1 hour');
    `.execute(db.kysely);
  };
  const linesOf = async (db: Db, includeSecrets: boolean) => {
    const lines: string[] = [];
    await dumpDatabase(
      db,
      async (line) => {
        lines.push(line);
      },
      { includeSecrets },
    );
    return lines;
  };

  it('leaves password and token hashes and sessions out by default, and says so in its header', async () => {
    await secrets(getDb());
    const lines = await linesOf(getDb(), false);
    const text = lines.join('\n');
    expect([
      text.includes('c2FsdA$aGFzaA'),
      text.includes('ab12cd34'),
      text.includes('feedface'),
      text.includes('"password_hash":"$argon2id$redacted"'),
      JSON.parse(lines[0] ?? '{}').secretsIncluded,
    ]).toEqual([false, false, false, true, false]);
  });

  it('keeps them when asked to include secrets', async () => {
    const text = (await linesOf(getDb(), true)).join('\n');
    expect([text.includes('c2FsdA$aGFzaA'), text.includes('ab12cd34'), text.includes('feedface')]).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('restores a backup without secrets: the accounts are there and no password matches', async () => {
    const target = await openMigratedDb('pglite');
    try {
      await restoreDatabase(target, fromArray(await linesOf(getDb(), false)));
      const { rows } = await sql<{ hash: string }>`
        select password_hash as hash from app_user where email = 'ann@secret.test'`.execute(target.kysely);
      const sessions = await sql<{ n: number }>`select count(*)::int as n from user_session`.execute(
        target.kysely,
      );
      expect([rows[0]?.hash, sessions.rows[0]?.n]).toEqual(['$argon2id$redacted', 0]);
    } finally {
      await target.close();
    }
  });
});

describe('restoreDatabase input checks', () => {
  it('refuses a file that is not a backup', async () => {
    const db = await openMigratedDb('pglite');
    try {
      await expect(restoreDatabase(db, fromArray(['{"hello":1}']))).rejects.toThrow(
        'not a HealthBSC backup: the first line must name the format healthbsc/backup@1',
      );
    } finally {
      await db.close();
    }
  });
});
