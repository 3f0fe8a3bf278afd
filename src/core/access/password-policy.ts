/**
 * The password policy checked when an account is created or its password changed, after NIST SP 800-63B
 * §5.1.1.2 ("Memorized Secret Verifiers"): a minimum length, a generous maximum, no composition rules (they make
 * passwords weaker in practice), and a refusal of passwords that are commonly used or derived from the account's
 * own name. Our minimum is 12 characters, above NIST's 8, since one account here can read a whole hospital's
 * figures; the maximum of 1024 bounds the work of hashing (argon2id hashes the whole input).
 */

import { issue, type ProblemIssue } from '../errors/problem.ts';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

/**
 * Passwords every cracking list starts with (the top of the SecLists "10k most common" list, padded to our
 * minimum length the way people pad them), and the product's own name.
 */
const COMMON = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456123456',
  'qwertyuiopas',
  'qwerty123456',
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'iloveyou1234',
  'administrator',
  'administrator1',
  'letmein12345',
  'welcome12345',
  'changeme1234',
  'healthbsc123',
  'healthbsc1234',
  'healthbsc2026',
  'hospital1234',
]);

/**
 * Why a password may not be used, one issue each at `path`; empty when it may.
 *
 * @example checkPassword('correct horse battery staple', 'ann@example.org') // []
 * @example checkPassword('short', 'ann@example.org')[0].message // 'use at least 12 characters'
 * @example checkPassword('password1234', 'ann@example.org')[0].code // 'account.password-common'
 */
export function checkPassword(
  password: string,
  email: string,
  path: readonly (string | number)[] = ['password'],
): ProblemIssue[] {
  const problems: ProblemIssue[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    problems.push(issue('account.password-too-short', { minimum: MIN_PASSWORD_LENGTH }, path));
  }
  if (length > MAX_PASSWORD_LENGTH) {
    problems.push(issue('account.password-too-long', { maximum: MAX_PASSWORD_LENGTH }, path));
  }
  const folded = password.toLowerCase();
  if (COMMON.has(folded)) problems.push(issue('account.password-common', {}, path));
  const address = email.trim().toLowerCase();
  const local = address.split('@')[0] ?? '';
  if (folded === address || (local !== '' && folded === local)) {
    problems.push(issue('account.password-is-email', {}, path));
  }
  if (length > 0 && new Set(password).size === 1)
    problems.push(issue('account.password-one-character', {}, path));
  return problems;
}
