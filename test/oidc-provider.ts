/**
 * A throwaway OpenID Connect provider for tests (`oidc-provider`, the certified implementation) on 127.0.0.1
 * at a free port, with one confidential client and its development sign-in pages, where any login is
 * accepted: the login names one of `people` (its e-mail, name and groups become the claims). `stop()` ends it.
 *
 * Its development pages @import a Google font: the tests answer that request themselves (nothing may reach
 * out), see `offlineProviderPages`.
 */
import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import type { Page } from 'playwright-core';
import { freePort } from './free-port.ts';

export interface ProviderPerson {
  readonly email: string;
  readonly name: string;
  readonly groups: readonly string[];
}

export interface OidcTestProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  stop(): Promise<void>;
}

export const OIDC_TEST_CLIENT = {
  clientId: 'healthbsc',
  clientSecret: 'healthbsc-oidc-test-secret',
} as const;

export async function startOidcProvider(
  redirectUri: string,
  people: Readonly<Record<string, ProviderPerson>>,
): Promise<OidcTestProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_TEST_CLIENT.clientId,
        client_secret: OIDC_TEST_CLIENT.clientSecret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    cookies: { keys: ['healthbsc-oidc-test-cookie-key'] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const person = people[id];
      return {
        accountId: id,
        async claims() {
          return person === undefined
            ? { sub: id }
            : {
                sub: id,
                email: person.email,
                email_verified: true,
                name: person.name,
                groups: [...person.groups],
              };
        },
      };
    },
  });
  const server: Server = provider.listen(port, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    issuer,
    ...OIDC_TEST_CLIENT,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Answers the development pages' font request with an empty style sheet, so nothing leaves the machine. */
export async function offlineProviderPages(page: Page): Promise<void> {
  await page.route('https://fonts.googleapis.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/css', body: '' }),
  );
}
