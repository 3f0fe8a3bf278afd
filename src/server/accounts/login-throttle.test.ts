/**
 * The sign-in throttle's arithmetic with a pinned clock: a sliding window of failures per account and per
 * address (OWASP Authentication Cheat Sheet, "Login Throttling"), cleared per account by a success.
 */
import { expect, test } from 'vitest';
import { LoginThrottle } from './login-throttle.ts';

const MINUTE = 60_000;

function throttle() {
  let now = Date.parse('2026-01-01T08:00:00Z');
  const t = new LoginThrottle(() => new Date(now), {
    maxPerAccount: 3,
    maxPerAddress: 5,
    windowMs: 15 * MINUTE,
  });
  return { t, advance: (ms: number) => (now += ms) };
}

test('blocks an account after three failures until the oldest leaves the 15-minute window', () => {
  const { t, advance } = throttle();
  const waits: (number | null)[] = [];
  for (let i = 0; i < 3; i++) {
    waits.push(t.retryAfter('ann', `10.0.0.${i}`));
    t.fail('ann', `10.0.0.${i}`);
    advance(MINUTE);
  }
  waits.push(t.retryAfter('ann', '10.0.0.9'));
  advance(12 * MINUTE);
  waits.push(t.retryAfter('ann', '10.0.0.9'));
  expect(waits).toEqual([null, null, null, 12 * 60, null]);
});

test('blocks an address after five failures over any accounts, and not other addresses', () => {
  const { t } = throttle();
  for (let i = 0; i < 5; i++) t.fail(`user${i}`, '10.1.1.1');
  expect([t.retryAfter('new', '10.1.1.1'), t.retryAfter('new', '10.2.2.2')]).toEqual([900, null]);
});

test('clears an account after a success, but not its address', () => {
  const { t } = throttle();
  for (let i = 0; i < 5; i++) t.fail('ann', '10.1.1.1');
  t.succeed('ann');
  expect([t.retryAfter('ann', '10.3.3.3'), t.retryAfter('ann', '10.1.1.1')]).toEqual([null, 900]);
});
