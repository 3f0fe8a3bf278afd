/**
 * The password policy checked when an account is created or its password changed, after NIST SP 800-63B
 * §5.1.1.2 ("Memorized Secret Verifiers"): a minimum length, a generous maximum, no composition rules (they make
 * passwords weaker in practice), and a refusal of passwords that are commonly used or derived from the account's
 * own name. Our minimum is 12 characters, above NIST's 8, since one account here can read a whole hospital's
 * figures; the maximum of 1024 bounds the work of hashing (argon2id hashes the whole input).
 */

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
 * Why a password may not be used, one reason each; empty when it may.
 *
 * @example checkPassword('correct horse battery staple', 'ann@example.org') // []
 * @example checkPassword('short', 'ann@example.org') // ['use at least 12 characters']
 * @example checkPassword('password1234', 'ann@example.org') // ['this password is among the most commonly used; choose another']
 */
export function checkPassword(password: string, email: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) problems.push(`use at least ${MIN_PASSWORD_LENGTH} characters`);
  if (length > MAX_PASSWORD_LENGTH) problems.push(`use at most ${MAX_PASSWORD_LENGTH} characters`);
  const folded = password.toLowerCase();
  if (COMMON.has(folded)) problems.push('this password is among the most commonly used; choose another');
  const address = email.trim().toLowerCase();
  const local = address.split('@')[0] ?? '';
  if (folded === address || (local !== '' && folded === local)) {
    problems.push('the password may not be the email address or its name part');
  }
  if (length > 0 && new Set(password).size === 1) problems.push('the password may not repeat one character');
  return problems;
}
