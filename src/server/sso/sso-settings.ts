/**
 * Sign-in with the hospital's accounts (issue 17 §4), configured by environment variables only (the client
 * secret and the bind password never go on a command line, where `ps` shows them):
 *
 * | variable | meaning | default |
 * |---|---|---|
 * | `HEALTHBSC_PUBLIC_URL` | the address users open HealthBSC at (OIDC sends them back to `…/api/auth/oidc/callback`) | |
 * | `HEALTHBSC_OIDC_ISSUER` | the OpenID Connect provider's issuer URL (its discovery document is read from it) | (OIDC off) |
 * | `HEALTHBSC_OIDC_CLIENT_ID`, `HEALTHBSC_OIDC_CLIENT_SECRET` | the client registered at the provider | |
 * | `HEALTHBSC_OIDC_NAME` | the sign-in button's label (the provider's name) | "hospital account" in the user's language |
 * | `HEALTHBSC_OIDC_GROUPS_CLAIM` | the claim that lists the user's groups | `groups` |
 * | `HEALTHBSC_LDAP_URL` | `ldap://` or `ldaps://` directory server | (LDAP off) |
 * | `HEALTHBSC_LDAP_BIND_DN`, `HEALTHBSC_LDAP_BIND_PASSWORD` | the service account that searches for users | anonymous search |
 * | `HEALTHBSC_LDAP_SEARCH_BASE` | where users are | |
 * | `HEALTHBSC_LDAP_LOGIN_ATTRIBUTES` | what a user may type to sign in (Active Directory: `sAMAccountName,userPrincipalName,mail`) | `uid,mail` |
 * | `HEALTHBSC_LDAP_GROUP_BASE` | where `groupOfNames` groups are (besides `memberOf` on the user) | |
 * | `HEALTHBSC_LDAP_NAME` | the directory's name on the sign-in page | "hospital directory" in the user's language |
 * | `HEALTHBSC_SSO_GROUP_MAP` | a YAML or JSON file: groups → roles over org units (./group-map.ts) | no roles: an administrator gives them |
 */
import type { MessageParams, ProblemCode } from '../../core/errors/messages/index.ts';
import type { SignInMethods } from '../accounts/accounts.plugin.ts';

export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly name: string | null;
  readonly groupsClaim: string;
  /** `${publicUrl}/api/auth/oidc/callback`. */
  readonly redirectUri: string;
}

export interface LdapSettings {
  readonly url: string;
  readonly bindDn: string | null;
  readonly bindPassword: string | null;
  readonly searchBase: string;
  readonly loginAttributes: readonly string[];
  readonly groupBase: string | null;
  readonly name: string | null;
}

export interface SsoSettings {
  readonly publicUrl: string | null;
  readonly oidc: OidcSettings | null;
  readonly ldap: LdapSettings | null;
  /** The group mapping file's path, read when the server starts (./group-map.ts). */
  readonly groupMapFile: string | null;
}

export const NO_SSO: SsoSettings = Object.freeze({
  publicUrl: null,
  oidc: null,
  ldap: null,
  groupMapFile: null,
});

export interface SsoSettingIssue {
  readonly key: string;
  readonly code: ProblemCode;
  readonly params: MessageParams;
}

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

function text(env: Readonly<Record<string, string | undefined>>, name: string): string | null {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? null : value;
}

function isUrl(value: string, schemes: readonly string[]): boolean {
  try {
    const url = new URL(value);
    return schemes.includes(url.protocol.replace(/:$/, '')) && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * The sign-in settings in `env`, or the issues with them (each naming its variable).
 *
 * @example readSsoSettings({}).settings // NO_SSO: local accounts only
 * @example readSsoSettings({ HEALTHBSC_LDAP_URL: 'ldap://dc1:389', HEALTHBSC_LDAP_SEARCH_BASE: 'dc=h' }).settings.ldap?.loginAttributes // ['uid', 'mail']
 */
export function readSsoSettings(env: Readonly<Record<string, string | undefined>>): {
  readonly settings: SsoSettings;
  readonly issues: readonly SsoSettingIssue[];
} {
  const issues: SsoSettingIssue[] = [];
  const publicUrlText = text(env, 'HEALTHBSC_PUBLIC_URL');
  let publicUrl: string | null = null;
  if (publicUrlText !== null) {
    if (
      isUrl(publicUrlText, ['http', 'https']) &&
      new URL(publicUrlText).pathname.replace(/\/$/, '') === ''
    ) {
      publicUrl = new URL(publicUrlText).origin;
    } else issues.push({ key: 'HEALTHBSC_PUBLIC_URL', code: 'sso.public-url', params: {} });
  }

  let oidc: OidcSettings | null = null;
  const issuer = text(env, 'HEALTHBSC_OIDC_ISSUER');
  if (issuer !== null) {
    const clientId = text(env, 'HEALTHBSC_OIDC_CLIENT_ID');
    const clientSecret = text(env, 'HEALTHBSC_OIDC_CLIENT_SECRET');
    if (!isUrl(issuer, ['http', 'https'])) {
      issues.push({ key: 'HEALTHBSC_OIDC_ISSUER', code: 'sso.url', params: { schemes: 'http, https' } });
    }
    if (clientId === null || clientSecret === null) {
      issues.push({ key: 'HEALTHBSC_OIDC_CLIENT_ID', code: 'sso.oidc-client-required', params: {} });
    }
    if (publicUrlText === null) {
      issues.push({ key: 'HEALTHBSC_PUBLIC_URL', code: 'sso.public-url-required', params: {} });
    }
    if (publicUrl !== null && clientId !== null && clientSecret !== null) {
      oidc = Object.freeze({
        issuer,
        clientId,
        clientSecret,
        name: text(env, 'HEALTHBSC_OIDC_NAME'),
        groupsClaim: text(env, 'HEALTHBSC_OIDC_GROUPS_CLAIM') ?? 'groups',
        redirectUri: `${publicUrl}${OIDC_CALLBACK_PATH}`,
      });
    }
  }

  let ldap: LdapSettings | null = null;
  const ldapUrl = text(env, 'HEALTHBSC_LDAP_URL');
  if (ldapUrl !== null) {
    const searchBase = text(env, 'HEALTHBSC_LDAP_SEARCH_BASE');
    const attributesText = text(env, 'HEALTHBSC_LDAP_LOGIN_ATTRIBUTES') ?? 'uid,mail';
    const loginAttributes = attributesText.split(',').map((name) => name.trim());
    if (!isUrl(ldapUrl, ['ldap', 'ldaps'])) {
      issues.push({ key: 'HEALTHBSC_LDAP_URL', code: 'sso.url', params: { schemes: 'ldap, ldaps' } });
    }
    if (searchBase === null) {
      issues.push({ key: 'HEALTHBSC_LDAP_SEARCH_BASE', code: 'sso.ldap-search-base-required', params: {} });
    }
    if (loginAttributes.some((name) => !/^[A-Za-z][A-Za-z0-9-]*$/.test(name))) {
      issues.push({ key: 'HEALTHBSC_LDAP_LOGIN_ATTRIBUTES', code: 'sso.ldap-attributes', params: {} });
    }
    if (searchBase !== null && issues.every((issue) => !issue.key.startsWith('HEALTHBSC_LDAP'))) {
      ldap = Object.freeze({
        url: ldapUrl,
        bindDn: text(env, 'HEALTHBSC_LDAP_BIND_DN'),
        bindPassword: env.HEALTHBSC_LDAP_BIND_PASSWORD ?? null,
        searchBase,
        loginAttributes: Object.freeze(loginAttributes),
        groupBase: text(env, 'HEALTHBSC_LDAP_GROUP_BASE'),
        name: text(env, 'HEALTHBSC_LDAP_NAME'),
      });
    }
  }
  const settings: SsoSettings = Object.freeze({
    publicUrl,
    oidc,
    ldap,
    groupMapFile: text(env, 'HEALTHBSC_SSO_GROUP_MAP'),
  });
  return { settings, issues };
}

/** What the sign-in page offers besides local accounts (`/api/meta`). */
export function signInMethodsOf(settings: SsoSettings): SignInMethods {
  return {
    oidc: settings.oidc === null ? null : { name: settings.oidc.name },
    ldap: settings.ldap === null ? null : { name: settings.ldap.name },
  };
}
