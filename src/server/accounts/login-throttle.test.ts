/**
 * The sign-in throttle (./login-throttle.ts): progressive delays per account and per address (OWASP
 * Authentication Cheat Sheet, "Login Throttling"), stored in the database so a restart or a second server sees
 * them, and one aggregated audit row per key per window.
 */
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { uniqueCode } from '../../../test/fixtures/codes.ts';
import type { Db } from '../../db/connect.ts';
import { ChangeBus } from '../change-bus.ts';
import type { ServerContext } from '../context.ts';
import { LoginThrottle, progressiveDelaySeconds, throttleKey } from './login-throttle.ts';

const MINUTE = 60_000;

describe('progressiveDelaySeconds', () => {
  it.each([
    [1, 0],
    [2, 0],
    [3, 1],
    [4, 2],
    [5, 4],
    [9, 60],
    [1000, 60],
  ])('waits after %i failures (3 free, at most 60 s): %i s', (failures, seconds) => {
    expect(progressiveDelaySeconds(failures, 3, 60)).toBe(seconds);
  });
});

describe('throttleKey', () => {
  it('lowercases, trims and drops control characters', () => {
    expect(throttleKey('  Ann@Example.ORG\u0000\u001f ')).toBe('ann@example.org');
  });

  it('keeps at most 254 characters', () => {
    expect(throttleKey('a'.repeat(10_000))?.length).toBe(254);
  });

  it('gives null for nothing but control characters', () => {
    expect(throttleKey('\u0000\u0001')).toBeNull();
  });
});

describeEachEngine('sign-in throttle in the database', (getDb) => {
  /** A throttle over the test database with a clock the test moves. */
  function world(db: Db = getDb()) {
    let now = Date.parse('2026-03-01T08:00:00Z');
    const ctx: ServerContext = { db, now: () => new Date(now), changes: new ChangeBus() };
    const settings = { maxPerAccount: 3, maxPerAddress: 5, windowMs: 15 * MINUTE };
    return {
      ctx,
      throttle: new LoginThrottle(ctx, settings),
      /** Another server (or this one after a restart) on the same database. */
      other: () => new LoginThrottle(ctx, settings),
      advance: (ms: number) => {
        now += ms;
      },
    };
  }
  const email = () => `${uniqueCode('t').toLowerCase()}@test.healthbsc`;
  const address = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.7`;

  async function auditRows(key: string) {
    return getDb()
      .kysely.selectFrom('audit_log')
      .select(['action', 'entity', 'entity_key', 'new_value', 'address'])
      .where('entity_key', '=', key)
      .execute();
  }

  it('lets the first failures through, then waits 1 s, 2 s, 4 s', async () => {
    const { throttle } = world();
    const who = email();
    const waits: (number | null)[] = [];
    for (let i = 0; i < 5; i++) {
      await throttle.fail(who, null);
      waits.push(await throttle.retryAfter(who, null));
    }
    expect(waits).toEqual([null, null, 1, 2, 4]);
  });

  it('never makes an account wait more than a minute, however many failures', async () => {
    const { throttle } = world();
    const who = email();
    for (let i = 0; i < 40; i++) await throttle.fail(who, null);
    expect(await throttle.retryAfter(who, null)).toBe(60);
  });

  it('lets an account try again once its wait has passed', async () => {
    const { throttle, advance } = world();
    const who = email();
    for (let i = 0; i < 4; i++) await throttle.fail(who, null);
    advance(2_001);
    expect(await throttle.retryAfter(who, null)).toBeNull();
  });

  it('makes an address that tries many accounts wait, up to 15 minutes, and not another address', async () => {
    const { throttle } = world();
    const from = address();
    for (let i = 0; i < 30; i++) await throttle.fail(email(), from);
    expect([
      await throttle.retryAfter(email(), from),
      await throttle.retryAfter(email(), '10.255.255.1'),
    ]).toEqual([900, null]);
  });

  it('holds across a restart and between two servers on the same database', async () => {
    const { throttle, other } = world();
    const who = email();
    for (let i = 0; i < 5; i++) await throttle.fail(who, null);
    expect(await other().retryAfter(who, null)).toBe(4);
  });

  it('writes no audit row per failed attempt, and one row with the counts when the window ends', async () => {
    const { throttle, advance } = world();
    const who = email();
    for (let i = 0; i < 7; i++) {
      await throttle.fail(who, null);
      advance(MINUTE);
    }
    const during = await auditRows(who);
    advance(15 * MINUTE);
    await throttle.fail(who, null);
    expect([during, await auditRows(who)]).toEqual([
      [],
      [
        {
          action: 'login-failed',
          entity: 'session',
          entity_key: who,
          address: null,
          new_value: {
            failures: 7,
            refused: 0,
            first: '2026-03-01T08:00:00.000Z',
            last: '2026-03-01T08:06:00.000Z',
          },
        },
      ],
    ]);
  });

  it('counts attempts refused while waiting in the window row, without lengthening the wait', async () => {
    const { throttle, ctx } = world();
    const who = email();
    for (let i = 0; i < 3; i++) await throttle.fail(who, null);
    const waits = [await throttle.retryAfter(who, null), await throttle.retryAfter(who, null)];
    await throttle.succeed(who);
    const [row] = await auditRows(who);
    const stored = await ctx.db.kysely
      .selectFrom('sign_in_failure')
      .selectAll()
      .where('key', '=', who)
      .execute();
    expect([waits, row?.new_value, stored]).toEqual([
      [1, 1],
      expect.objectContaining({ failures: 3, refused: 2 }),
      [],
    ]);
  });

  it('stores and audits a flood of long, odd names as bounded, sanitised keys', async () => {
    const { throttle, ctx, advance } = world();
    const long = `${uniqueCode('x')}\u0000${'z'.repeat(5000)}`;
    await throttle.fail(long, null);
    advance(16 * MINUTE);
    const closed = await throttle.closeEndedWindows();
    const key = throttleKey(long) ?? '';
    const rows = await auditRows(key);
    const left = await ctx.db.kysely
      .selectFrom('sign_in_failure')
      .select('key')
      .where('key', '=', key)
      .execute();
    expect([closed >= 1, key.length, key.includes('\u0000'), rows.length, left]).toEqual([
      true,
      254,
      false,
      1,
      [],
    ]);
  });
});
