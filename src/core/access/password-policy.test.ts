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
  ['short', [['account.password-too-short', 'use at least 12 characters']]],
  [
    'password1234',
    [['account.password-common', 'this password is among the most commonly used; choose another']],
  ],
  [
    'HealthBSC2026',
    [['account.password-common', 'this password is among the most commonly used; choose another']],
  ],
  [
    'wang.fang@hospital.example',
    [['account.password-is-email', 'the password may not be the email address or its name part']],
  ],
  ['aaaaaaaaaaaaaa', [['account.password-one-character', 'the password may not repeat one character']]],
  [
    'x'.repeat(1025),
    [
      ['account.password-too-long', 'use at most 1024 characters'],
      ['account.password-one-character', 'the password may not repeat one character'],
    ],
  ],
] as const)('judges %j: %j', (password, problems) => {
  const issues = checkPassword(password, EMAIL);
  expect(issues.map((found) => [found.code, found.message])).toEqual(problems);
  expect(issues.every((found) => found.path.join() === 'password')).toBe(true);
});

test('gives the length limits as parameters', () => {
  expect(checkPassword('short', EMAIL)).toEqual([
    {
      path: ['password'],
      code: 'account.password-too-short',
      params: { minimum: 12 },
      message: 'use at least 12 characters',
    },
  ]);
});

test('counts characters, not UTF-16 units: twelve Chinese characters pass', () => {
  expect(checkPassword('医院绩效管理平衡计分卡系统', EMAIL)).toEqual([]);
});
