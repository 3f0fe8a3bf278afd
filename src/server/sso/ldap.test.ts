import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DIRECTORY_ROOT_DN,
  DIRECTORY_ROOT_PASSWORD,
  type SlapdServer,
  startSlapd,
} from '../../../test/slapd-server.ts';
import { authenticateWithDirectory, DirectoryUnavailableError } from './ldap.ts';
import type { LdapSettings } from './sso-settings.ts';

let slapd: SlapdServer;
let settings: LdapSettings;

beforeAll(async () => {
  slapd = await startSlapd(
    [
      { uid: 'li.na', name: '李娜', mail: 'Li.Na@hospital.test', password: 'nurse-pass-1' },
      { uid: 'wang.wei', name: 'Wang Wei', password: 'clerk-pass-2' },
    ],
    [
      { cn: 'Surgery Nurses', members: ['li.na'] },
      { cn: 'Everyone', members: ['li.na', 'wang.wei'] },
    ],
  );
  settings = {
    url: slapd.url,
    bindDn: DIRECTORY_ROOT_DN,
    bindPassword: DIRECTORY_ROOT_PASSWORD,
    searchBase: slapd.peopleBase,
    loginAttributes: ['uid', 'mail'],
    groupBase: slapd.groupBase,
    name: null,
  };
}, 60_000);

afterAll(() => slapd?.stop());

describe('authenticateWithDirectory against a local slapd', () => {
  it('signs in by uid with the right password: DN, lower-cased e-mail, name and groups', async () => {
    const person = await authenticateWithDirectory(settings, 'li.na', 'nurse-pass-1');
    expect(person).toEqual({
      subject: 'uid=li.na,ou=people,dc=hospital,dc=test',
      email: 'li.na@hospital.test',
      name: '李娜',
      groups: expect.arrayContaining([
        'cn=Surgery Nurses,ou=groups,dc=hospital,dc=test',
        'cn=Everyone,ou=groups,dc=hospital,dc=test',
      ]),
    });
    expect(person?.groups).toHaveLength(2);
  });

  it('signs in by e-mail address as well (the login attributes are uid and mail)', async () => {
    const person = await authenticateWithDirectory(settings, 'li.na@hospital.test', 'nurse-pass-1');
    expect(person?.subject).toBe('uid=li.na,ou=people,dc=hospital,dc=test');
  });

  it('answers null for a wrong password, an unknown login and an empty password', async () => {
    expect(await authenticateWithDirectory(settings, 'li.na', 'wrong')).toBeNull();
    expect(await authenticateWithDirectory(settings, 'nobody', 'nurse-pass-1')).toBeNull();
    expect(await authenticateWithDirectory(settings, 'li.na', '')).toBeNull();
  });

  it('escapes the login in the filter: an injected wildcard matches nobody', async () => {
    expect(await authenticateWithDirectory(settings, '*)(uid=*', 'nurse-pass-1')).toBeNull();
    expect(await authenticateWithDirectory(settings, '*', 'nurse-pass-1')).toBeNull();
  });

  it('gives a person without an e-mail address null, for the caller to refuse', async () => {
    const person = await authenticateWithDirectory(settings, 'wang.wei', 'clerk-pass-2');
    expect(person).toMatchObject({ email: null, name: 'Wang Wei' });
    expect(person?.groups).toEqual(['cn=Everyone,ou=groups,dc=hospital,dc=test']);
  });

  it('throws DirectoryUnavailableError when the service account is refused', async () => {
    await expect(
      authenticateWithDirectory({ ...settings, bindPassword: 'not-it' }, 'li.na', 'nurse-pass-1'),
    ).rejects.toBeInstanceOf(DirectoryUnavailableError);
  });

  it('throws DirectoryUnavailableError when nothing listens at the address', async () => {
    await expect(
      authenticateWithDirectory({ ...settings, url: 'ldap://127.0.0.1:1' }, 'li.na', 'nurse-pass-1'),
    ).rejects.toBeInstanceOf(DirectoryUnavailableError);
  });
});
