/**
 * A throwaway OpenLDAP directory for tests (Debian's slapd): a slapd.conf and an mdb database in a temp
 * directory, loaded with `slapadd` from the LDIF given, then `slapd -d 0` (in the foreground, so it ends with
 * the test) on 127.0.0.1 at a free port. The root DN is the service account that searches for users; people's
 * `userPassword` values are plain text, which slapd compares as given. `stop()` ends it and deletes the directory.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'ldapts';
import { freePort } from './free-port.ts';

const exec = promisify(execFile);
const SLAPD = '/usr/sbin/slapd';
const SLAPADD = '/usr/sbin/slapadd';

export const DIRECTORY_SUFFIX = 'dc=hospital,dc=test';
export const DIRECTORY_ROOT_DN = `cn=admin,${DIRECTORY_SUFFIX}`;
export const DIRECTORY_ROOT_PASSWORD = 'directory-admin-secret';

export interface DirectoryPersonFixture {
  readonly uid: string;
  readonly name: string;
  readonly mail?: string;
  readonly password: string;
}

export interface DirectoryGroupFixture {
  readonly cn: string;
  readonly members: readonly string[];
}

export interface SlapdServer {
  readonly url: string;
  readonly peopleBase: string;
  readonly groupBase: string;
  stop(): Promise<void>;
}

function ldif(people: readonly DirectoryPersonFixture[], groups: readonly DirectoryGroupFixture[]): string {
  const entries = [
    `dn: ${DIRECTORY_SUFFIX}\nobjectClass: dcObject\nobjectClass: organization\ndc: hospital\no: Test Hospital`,
    `dn: ou=people,${DIRECTORY_SUFFIX}\nobjectClass: organizationalUnit\nou: people`,
    `dn: ou=groups,${DIRECTORY_SUFFIX}\nobjectClass: organizationalUnit\nou: groups`,
    ...people.map((person) =>
      [
        `dn: uid=${person.uid},ou=people,${DIRECTORY_SUFFIX}`,
        'objectClass: inetOrgPerson',
        `uid: ${person.uid}`,
        // LDIF takes UTF-8 values base64-encoded (`::`) when they are not plain ASCII (RFC 2849).
        `cn:: ${Buffer.from(person.name).toString('base64')}`,
        `displayName:: ${Buffer.from(person.name).toString('base64')}`,
        `sn: ${person.uid}`,
        ...(person.mail === undefined ? [] : [`mail: ${person.mail}`]),
        `userPassword: ${person.password}`,
      ].join('\n'),
    ),
    ...groups.map((group) =>
      [
        `dn: cn=${group.cn},ou=groups,${DIRECTORY_SUFFIX}`,
        'objectClass: groupOfNames',
        `cn: ${group.cn}`,
        ...group.members.map((uid) => `member: uid=${uid},ou=people,${DIRECTORY_SUFFIX}`),
      ].join('\n'),
    ),
  ];
  return `${entries.join('\n\n')}\n`;
}

/** Starts slapd with these people and groups; resolves once a bind as the root DN succeeds. */
export async function startSlapd(
  people: readonly DirectoryPersonFixture[],
  groups: readonly DirectoryGroupFixture[],
): Promise<SlapdServer> {
  const dir = await mkdtemp(join(tmpdir(), 'healthbsc-slapd-'));
  await mkdir(join(dir, 'db'));
  const conf = join(dir, 'slapd.conf');
  await writeFile(
    conf,
    [
      'include /etc/ldap/schema/core.schema',
      'include /etc/ldap/schema/cosine.schema',
      'include /etc/ldap/schema/inetorgperson.schema',
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      `pidfile ${join(dir, 'slapd.pid')}`,
      'database mdb',
      'maxsize 10485760',
      `suffix "${DIRECTORY_SUFFIX}"`,
      `rootdn "${DIRECTORY_ROOT_DN}"`,
      `rootpw ${DIRECTORY_ROOT_PASSWORD}`,
      `directory ${join(dir, 'db')}`,
      'access to attrs=userPassword by anonymous auth by self read by * none',
      'access to * by users read by * none',
      '',
    ].join('\n'),
  );
  const data = join(dir, 'data.ldif');
  await writeFile(data, ldif(people, groups));
  await exec(SLAPADD, ['-q', '-f', conf, '-l', data]);
  const port = await freePort();
  const url = `ldap://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(SLAPD, ['-f', conf, '-h', `${url}/`, '-d', '0'], { stdio: 'ignore' });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const probe = new Client({ url, connectTimeout: 1000 });
    try {
      await probe.bind(DIRECTORY_ROOT_DN, DIRECTORY_ROOT_PASSWORD);
      await probe.unbind();
      break;
    } catch (error) {
      if (Date.now() > deadline || child.exitCode !== null) {
        child.kill('SIGKILL');
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    url,
    peopleBase: `ou=people,${DIRECTORY_SUFFIX}`,
    groupBase: `ou=groups,${DIRECTORY_SUFFIX}`,
    async stop() {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) resolve();
        else {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }
      });
      await rm(dir, { recursive: true, force: true });
    },
  };
}
