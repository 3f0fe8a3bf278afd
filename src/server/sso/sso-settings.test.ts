import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { NO_SSO, readSsoSettings, signInMethodsOf } from './sso-settings.ts';

const OIDC = {
  HEALTHBSC_PUBLIC_URL: 'https://bsc.hospital.example/',
  HEALTHBSC_OIDC_ISSUER: 'https://id.hospital.example/realms/staff',
  HEALTHBSC_OIDC_CLIENT_ID: 'healthbsc',
  HEALTHBSC_OIDC_CLIENT_SECRET: 'secret',
};

describe('sign-in settings (HEALTHBSC_OIDC_*, HEALTHBSC_LDAP_*)', () => {
  it('offers local accounts only when nothing is set', () => {
    expect(readSsoSettings({})).toEqual({ settings: NO_SSO, issues: [] });
    expect(signInMethodsOf(NO_SSO)).toEqual({ oidc: null, ldap: null });
  });

  it('reads an OIDC client and sends the provider back to the public address', () => {
    const { settings, issues } = readSsoSettings({ ...OIDC, HEALTHBSC_OIDC_NAME: '统一身份认证' });
    expect(issues).toEqual([]);
    expect(settings.oidc).toEqual({
      issuer: 'https://id.hospital.example/realms/staff',
      clientId: 'healthbsc',
      clientSecret: 'secret',
      name: '统一身份认证',
      groupsClaim: 'groups',
      redirectUri: 'https://bsc.hospital.example/api/auth/oidc/callback',
    });
    expect(signInMethodsOf(settings)).toEqual({ oidc: { name: '统一身份认证' }, ldap: null });
  });

  it('reads a directory with Active Directory login attributes and a group base', () => {
    const { settings } = readSsoSettings({
      HEALTHBSC_LDAP_URL: 'ldaps://dc1.hospital.example',
      HEALTHBSC_LDAP_SEARCH_BASE: 'ou=staff,dc=hospital,dc=example',
      HEALTHBSC_LDAP_LOGIN_ATTRIBUTES: 'sAMAccountName, userPrincipalName,mail',
      HEALTHBSC_LDAP_BIND_DN: 'cn=bsc,ou=service,dc=hospital,dc=example',
      HEALTHBSC_LDAP_BIND_PASSWORD: 'bind-secret',
    });
    expect(settings.ldap).toMatchObject({
      url: 'ldaps://dc1.hospital.example',
      loginAttributes: ['sAMAccountName', 'userPrincipalName', 'mail'],
      bindPassword: 'bind-secret',
      groupBase: null,
    });
  });

  it('names each bad or missing variable, and loadConfig refuses to start with them', () => {
    const env = {
      HEALTHBSC_OIDC_ISSUER: 'not a url',
      HEALTHBSC_LDAP_URL: 'http://dc1',
      HEALTHBSC_LDAP_LOGIN_ATTRIBUTES: 'uid,(mail)',
    };
    expect(readSsoSettings(env).issues.map((issue) => [issue.key, issue.code])).toEqual([
      ['HEALTHBSC_OIDC_ISSUER', 'sso.url'],
      ['HEALTHBSC_OIDC_CLIENT_ID', 'sso.oidc-client-required'],
      ['HEALTHBSC_PUBLIC_URL', 'sso.public-url-required'],
      ['HEALTHBSC_LDAP_URL', 'sso.url'],
      ['HEALTHBSC_LDAP_SEARCH_BASE', 'sso.ldap-search-base-required'],
      ['HEALTHBSC_LDAP_LOGIN_ATTRIBUTES', 'sso.ldap-attributes'],
    ]);
    expect(() => loadConfig(env)).toThrow(ConfigError);
  });

  it('refuses a public address with a path', () => {
    const { issues } = readSsoSettings({ ...OIDC, HEALTHBSC_PUBLIC_URL: 'https://intranet.example/bsc' });
    expect(issues.map((issue) => issue.code)).toEqual(['sso.public-url']);
  });
});
