/**
 * Credentials of a pull's connection, encrypted at rest with AES-256-GCM (NIST SP 800-38D) under a key from the
 * environment (`HEALTHBSC_PULL_KEY`: 32 bytes, base64). The stored text is `v1.<iv>.<tag>.<ciphertext>`
 * (base64url); a wrong key or a changed byte fails the tag check instead of giving wrong text.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * The key from its base64 text; throws when it is not 32 bytes.
 *
 * @example pullKeyFrom(randomBytes(32).toString('base64')).length // 32
 */
export function pullKeyFrom(text: string | undefined): Buffer {
  const key = Buffer.from(text ?? '', 'base64');
  if (key.length !== 32) throw new RangeError('HEALTHBSC_PULL_KEY must be 32 bytes in base64');
  return key;
}

/**
 * Encrypts a secret (a password) for storage.
 *
 * @example decryptSecret(key, encryptSecret(key, 's3cret')) // 's3cret'
 */
export function encryptSecret(key: Buffer, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [
    VERSION,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    body.toString('base64url'),
  ].join('.');
}

/** Decrypts what encryptSecret stored; throws on a wrong key or changed text. */
export function decryptSecret(key: Buffer, stored: string): string {
  const [version, iv, tag, body] = stored.split('.');
  if (version !== VERSION || iv === undefined || tag === undefined || body === undefined) {
    throw new RangeError('not an encrypted secret of this version');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
