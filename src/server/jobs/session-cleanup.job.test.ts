import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { uniqueCode } from '../../../test/fixtures/codes.ts';
import { insertSession } from '../../db/repositories/session.repository.ts';
import { ChangeBus } from '../change-bus.ts';
import { type ServerContext, systemActor } from '../context.ts';
import { sessionCleanupJob } from './session-cleanup.job.ts';

const NOW = new Date('2024-06-30T19:15:00.000Z');
const HOUR = 3_600_000;

describeEachEngine('the session clean-up job', (getDb) => {
  let ctx: ServerContext;

  beforeAll(() => {
    ctx = { db: getDb(), now: () => NOW, changes: new ChangeBus() };
  });

  /** A user (no password anyone knows: only the hash's form is checked), disabled or not. */
  async function user(disabled: boolean): Promise<number> {
    const { id } = await getDb()
      .kysely.insertInto('app_user')
      .values({
        email: `${uniqueCode('cleanup').toLowerCase()}@test.healthbsc`,
        password_hash: '$argon2id$v=19$m=19456,t=2,p=1$not-a-real-hash',
        disabled,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  /** A session of the user ending at `expiresAt`; returns its token hash. */
  async function session(userId: number, expiresAt: Date): Promise<string> {
    const tokenHash = randomBytes(32).toString('hex');
    await insertSession(getDb().kysely, {
      tokenHash,
      userId,
      now: new Date(expiresAt.getTime() - 12 * HOUR),
      expiresAt,
      address: null,
      userAgent: null,
    });
    return tokenHash;
  }

  async function remaining(hashes: readonly string[]): Promise<string[]> {
    const rows = await getDb()
      .kysely.selectFrom('user_session')
      .select('token_hash')
      .where('token_hash', 'in', [...hashes])
      .execute();
    return rows.map((row) => row.token_hash);
  }

  function run() {
    return sessionCleanupJob().handler({
      id: 'run',
      name: 'session-cleanup',
      data: {},
      trigger: 'schedule',
      dueAt: NOW,
      attempt: 1,
      signal: new AbortController().signal,
      ctx,
      actor: systemActor('job:session-cleanup'),
    });
  }

  it('deletes the sessions that have ended and keeps the live ones', async () => {
    const active = await user(false);
    const ended = await session(active, new Date(NOW.getTime() - HOUR));
    const endsNow = await session(active, NOW);
    const live = await session(active, new Date(NOW.getTime() + HOUR));
    await run();
    expect(await remaining([ended, endsNow, live])).toEqual([live]);
  });

  it('deletes the sessions of a disabled account, even before they end', async () => {
    const disabled = await user(true);
    const unused = await session(disabled, new Date(NOW.getTime() + HOUR));
    await run();
    expect(await remaining([unused])).toEqual([]);
  });

  it('reports how many sessions it deleted', async () => {
    const active = await user(false);
    await session(active, new Date(NOW.getTime() - 2 * HOUR));
    await session(active, new Date(NOW.getTime() - 3 * HOUR));
    expect(await run()).toEqual({ deletedSessions: 2, closedSignInWindows: 0 });
  });

  it("runs daily at 03:15 in the server's time zone (it names none of its own)", () => {
    const job = sessionCleanupJob();
    expect([job.cron, 'timezone' in job]).toEqual(['15 3 * * *', false]);
  });
});
