/**
 * Signing in through the hospital's OpenID Connect provider (issue 17 §4) with `openid-client`: the
 * authorization code flow with PKCE, state and nonce. `begin` keeps the verifier and nonce in `oidc_login`
 * under the state's hash (any server of several can take the callback) and gives the state to the browser in
 * a cookie; `complete` takes the row once (within ten minutes), checks the browser's state against the
 * provider's redirect, exchanges the code, validates the ID token and reads the user info.
 *
 * A provider on plain HTTP is accepted only on a loopback address (a test's or a developer's); anywhere else
 * `openid-client` refuses it, as it should.
 */
import { timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import { unauthorized } from '../../core/errors/problem.ts';
import { sha256Hex } from '../accounts/secrets.ts';
import type { ServerContext } from '../context.ts';
import type { ExternalPerson } from './external-sign-in.ts';
import type { OidcSettings } from './sso-settings.ts';

/** How long a sign-in may take at the provider before its state is forgotten. */
export const OIDC_LOGIN_TTL_MS = 10 * 60 * 1000;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function claimText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function claimList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export class OidcSignIn {
  readonly #settings: OidcSettings;
  #config: Promise<client.Configuration> | null = null;

  constructor(settings: OidcSettings) {
    this.#settings = settings;
  }

  /** The provider's configuration, discovered once (again after a failure). */
  #configuration(): Promise<client.Configuration> {
    if (this.#config === null) {
      const issuer = new URL(this.#settings.issuer);
      const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
      this.#config = client
        .discovery(
          issuer,
          this.#settings.clientId,
          this.#settings.clientSecret,
          undefined,
          insecure ? { execute: [client.allowInsecureRequests] } : undefined,
        )
        .catch((error: unknown) => {
          this.#config = null;
          throw error;
        });
    }
    return this.#config;
  }

  /** The provider's authorization URL to send the browser to, and the state for the browser's cookie. */
  async begin(ctx: ServerContext, next: string): Promise<{ readonly url: string; readonly state: string }> {
    let config: client.Configuration;
    try {
      config = await this.#configuration();
    } catch (error) {
      throw unauthorized('sso.oidc-failed', {
        reason: error instanceof Error ? error.message : String(error),
      });
    }
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const now = ctx.now();
    await ctx.db.kysely.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('oidc_login')
        .where('created_at', '<', new Date(now.getTime() - OIDC_LOGIN_TTL_MS))
        .execute();
      await trx
        .insertInto('oidc_login')
        .values({ state_hash: sha256Hex(state), code_verifier: verifier, nonce, next, created_at: now })
        .execute();
    });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.#settings.redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /**
   * The person the provider vouches for, and where the user was going, from the callback URL (as the public
   * address names it) and the state cookie. 401 `sso.oidc-state` when the state is missing, expired or not
   * this browser's; 401 `sso.oidc-failed` when the provider refused or the tokens do not validate.
   */
  async complete(
    ctx: ServerContext,
    callbackUrl: URL,
    cookieState: string | undefined,
  ): Promise<{ readonly person: ExternalPerson; readonly next: string }> {
    const state = callbackUrl.searchParams.get('state') ?? '';
    if (cookieState === undefined || state === '' || !sameText(state, cookieState)) {
      throw unauthorized('sso.oidc-state');
    }
    const row = await ctx.db.kysely
      .deleteFrom('oidc_login')
      .where('state_hash', '=', sha256Hex(state))
      .returning(['code_verifier', 'nonce', 'next', 'created_at'])
      .executeTakeFirst();
    if (row === undefined || ctx.now().getTime() - row.created_at.getTime() > OIDC_LOGIN_TTL_MS) {
      throw unauthorized('sso.oidc-state');
    }
    try {
      const config = await this.#configuration();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: row.code_verifier,
        expectedState: state,
        expectedNonce: row.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (idClaims === undefined) throw new Error('no ID token');
      // Providers put e-mail and groups in the ID token or only in the user info (oidc-provider does the
      // latter when an access token is issued): read both, the user info winning.
      const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      const claims: Record<string, unknown> = { ...idClaims, ...info };
      return {
        person: {
          provider: 'oidc',
          subject: `${idClaims.iss} ${idClaims.sub}`,
          email: claimText(claims.email)?.toLowerCase() ?? null,
          // A provider that does not say (ADFS, many Entra ID set-ups) is the hospital's own and trusted;
          // only an explicit "not verified" is refused.
          emailVerified: claims.email_verified !== false,
          name: claimText(claims.name) ?? claimText(claims.preferred_username),
          groups: claimList(claims[this.#settings.groupsClaim]),
        },
        next: row.next,
      };
    } catch (error) {
      throw unauthorized('sso.oidc-failed', {
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
