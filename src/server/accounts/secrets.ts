/**
 * The secrets of accounts: argon2id password hashes, random session and API tokens kept as their SHA-256, and
 * the CSRF token derived from a session's token.
 *
 * Passwords are hashed with argon2id (RFC 9106) at the OWASP Password Storage Cheat Sheet's minimum
 * configuration, m = 19 MiB, t = 2, p = 1 (also @node-rs/argon2's defaults, named here so a library upgrade
 * cannot weaken them silently). Tokens are 256 random bits, so a fast hash suffices to keep them unusable from
 * a copy of the database.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** argon2id's id in @node-rs/argon2's `Algorithm` (a const enum, which isolated modules cannot import). */
const ARGON2ID = 2;

export const ARGON2_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** An argon2id PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) of the password, with a random salt. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/**
 * True when `password` matches the stored PHC string; false for a malformed one, and for an account with no
 * password (one that signs in through OIDC or LDAP), after spending the time of a check.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) return verifyNothing(password);
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Spends the time of a password check on an account that does not exist, so a sign-in's timing does not tell
 * whether an email has an account.
 */
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword('healthbsc-no-such-account');
  await verifyPassword(await dummy, password);
  return false;
}

/** 32 random bytes as base64url text, with an optional prefix (`hbsc_` for API tokens). */
export function randomToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The CSRF token of a session: derived from the session's secret token, so only someone who holds the session
 * cookie's value (the browser that signed in) can send it, and nothing needs storing.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`healthbsc-csrf\u0000${sessionToken}`, 'utf8').digest('base64url');
}

/** Compares two secrets in time independent of where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The prefix of API tokens, so a leaked one is recognisable (secret scanners match on it). */
export const API_TOKEN_PREFIX = 'hbsc_';
