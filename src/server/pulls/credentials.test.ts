import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { decryptSecret, encryptSecret, pullKeyFrom } from './credentials.ts';

const key = pullKeyFrom(randomBytes(32).toString('base64'));

describe('pull credentials', () => {
  test('a secret decrypts to itself and is not stored in the clear', () => {
    const stored = encryptSecret(key, 'pa55-数据库');
    expect(stored).not.toContain('pa55');
    expect(decryptSecret(key, stored)).toBe('pa55-数据库');
  });

  test('the same secret encrypts differently each time (a fresh IV)', () => {
    expect(encryptSecret(key, 'x')).not.toBe(encryptSecret(key, 'x'));
  });

  test('another key fails the tag check', () => {
    const other = pullKeyFrom(randomBytes(32).toString('base64'));
    expect(() => decryptSecret(other, encryptSecret(key, 'x'))).toThrow();
  });

  test('a key that is not 32 bytes is refused', () => {
    expect(() => pullKeyFrom('c2hvcnQ=')).toThrow('HEALTHBSC_PULL_KEY must be 32 bytes in base64');
  });
});
