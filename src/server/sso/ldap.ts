/**
 * Signing in with a directory account (LDAP / Active Directory, issue 17 §4) through `ldapts`: the service
 * account (or an anonymous bind) searches for the one entry whose login attribute (`uid`, `mail`, AD's
 * `sAMAccountName`…) equals what the user typed, then a second connection binds as that entry with the
 * password. The filter is built from ldapts' filter objects, which escape the value (RFC 4515), so a login
 * such as `*)(uid=*` matches nothing. The entry's groups are its `memberOf` values (AD, OpenLDAP's memberof
 * overlay) and, when a group base is set, the `groupOfNames` / `groupOfUniqueNames` entries that list its DN.
 */
import { AndFilter, Client, EqualityFilter, InvalidCredentialsError, OrFilter } from 'ldapts';
import type { LdapSettings } from './sso-settings.ts';

/** Who signed in, as the directory says. */
export interface DirectoryPerson {
  /** The entry's DN: the subject HealthBSC remembers. */
  readonly subject: string;
  readonly email: string | null;
  readonly name: string | null;
  readonly groups: readonly string[];
}

/** The directory could not be asked (down, refused the service account, timed out). */
export class DirectoryUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the directory server could not be reached', { cause });
    this.name = 'DirectoryUnavailableError';
  }
}

const TIMEOUT_MS = 10_000;

function first(value: Buffer | Buffer[] | string[] | string | undefined): string | null {
  if (value === undefined) return null;
  const item = Array.isArray(value) ? value[0] : value;
  if (item === undefined) return null;
  const text = typeof item === 'string' ? item : item.toString('utf8');
  return text.trim() === '' ? null : text.trim();
}

function all(value: Buffer | Buffer[] | string[] | string | undefined): string[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => (typeof item === 'string' ? item : item.toString('utf8')));
}

function client(settings: LdapSettings): Client {
  return new Client({ url: settings.url, timeout: TIMEOUT_MS, connectTimeout: TIMEOUT_MS });
}

/**
 * The person for `login` and `password`, or null when the login matches no single entry or the password is
 * wrong (one answer for both, as for local accounts). Throws DirectoryUnavailableError when the directory
 * cannot be asked.
 */
export async function authenticateWithDirectory(
  settings: LdapSettings,
  login: string,
  password: string,
): Promise<DirectoryPerson | null> {
  // An empty password is an "unauthenticated bind" that many servers accept (RFC 4513 §5.1.2): never try it.
  if (login.trim() === '' || password === '') return null;
  const searcher = client(settings);
  let person: DirectoryPerson | null;
  try {
    try {
      if (settings.bindDn !== null) await searcher.bind(settings.bindDn, settings.bindPassword ?? '');
      const { searchEntries } = await searcher.search(settings.searchBase, {
        scope: 'sub',
        filter: new OrFilter({
          filters: settings.loginAttributes.map(
            (attribute) => new EqualityFilter({ attribute, value: login.trim() }),
          ),
        }),
        attributes: ['mail', 'cn', 'displayName', 'memberOf'],
        sizeLimit: 2,
      });
      const entry = searchEntries.length === 1 ? searchEntries[0] : undefined;
      if (entry === undefined) return null;
      const groups = all(entry.memberOf);
      if (settings.groupBase !== null) {
        const found = await searcher.search(settings.groupBase, {
          scope: 'sub',
          filter: new OrFilter({
            filters: [
              new AndFilter({
                filters: [
                  new EqualityFilter({ attribute: 'objectClass', value: 'groupOfNames' }),
                  new EqualityFilter({ attribute: 'member', value: entry.dn }),
                ],
              }),
              new AndFilter({
                filters: [
                  new EqualityFilter({ attribute: 'objectClass', value: 'groupOfUniqueNames' }),
                  new EqualityFilter({ attribute: 'uniqueMember', value: entry.dn }),
                ],
              }),
            ],
          }),
          attributes: ['cn'],
        });
        for (const group of found.searchEntries) groups.push(group.dn);
      }
      person = {
        subject: entry.dn,
        email: first(entry.mail)?.toLowerCase() ?? null,
        name: first(entry.displayName) ?? first(entry.cn),
        groups,
      };
    } finally {
      await searcher.unbind().catch(() => undefined);
    }
  } catch (error) {
    throw new DirectoryUnavailableError(error);
  }
  const binder = client(settings);
  try {
    await binder.bind(person.subject, password);
    return person;
  } catch (error) {
    if (error instanceof InvalidCredentialsError) return null;
    throw new DirectoryUnavailableError(error);
  } finally {
    await binder.unbind().catch(() => undefined);
  }
}
