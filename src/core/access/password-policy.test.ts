/**
 * The password policy after NIST SP 800-63B §5.1.1.2: length (12 to 1024 here), no common passwords, nothing
 * derived from the account's own address, no composition rules.
 */
import { expect, test } from 'vitest';
import { checkPassword } from './password-policy.ts';

const EMAIL = 'wang.fang@hospital.example';

test.each([
  ['correct horse battery staple', []],
  ['Zhōngshān Hospital 2026', []],
  ['lowercaseonlybutlong', []],
  ['short', ['use at least 12 characters']],
  ['password1234', ['this password is among the most commonly used; choose another']],
  ['HealthBSC2026', ['this password is among the most commonly used; choose another']],
  ['wang.fang@hospital.example', ['the password may not be the email address or its name part']],
  ['aaaaaaaaaaaaaa', ['the password may not repeat one character']],
  ['x'.repeat(1025), ['use at most 1024 characters', 'the password may not repeat one character']],
] as const)('judges %j: %j', (password, problems) => {
  expect(checkPassword(password, EMAIL)).toEqual(problems);
});

test('counts characters, not UTF-16 units: twelve Chinese characters pass', () => {
  expect(checkPassword('医院绩效管理平衡计分卡系统', EMAIL)).toEqual([]);
});
