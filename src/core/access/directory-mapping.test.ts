import { describe, expect, it } from 'vitest';
import { type GroupMapping, rolesForGroups } from './directory-mapping.ts';

const MAPPING: readonly GroupMapping[] = [
  { group: 'cn=Surgery Nurses,ou=groups,dc=hospital,dc=test', role: 'entry', unit: 'AZ-SURG' },
  { group: 'Quality Office', role: 'strategist', unit: null },
  { group: 'quality office', role: 'viewer', unit: 'UMG' },
  { group: 'Head Nurses', role: 'approver', unit: 'AZ-SURG' },
];

describe('rolesForGroups', () => {
  it('gives no role to a user in no mapped group', () => {
    expect(rolesForGroups(['cn=Visitors,ou=groups,dc=hospital,dc=test'], MAPPING)).toEqual([]);
    expect(rolesForGroups([], MAPPING)).toEqual([]);
  });

  it('matches a DN against a mapped DN regardless of case and spaces after commas', () => {
    expect(rolesForGroups(['CN=surgery nurses, OU=Groups, DC=hospital, DC=test'], MAPPING)).toEqual([
      { role: 'entry', unit: 'AZ-SURG' },
    ]);
  });

  it("matches a DN's first RDN value against a mapped name (memberOf DNs vs group names)", () => {
    expect(rolesForGroups(['cn=Head Nurses,ou=groups,dc=hospital,dc=test'], MAPPING)).toEqual([
      { role: 'approver', unit: 'AZ-SURG' },
    ]);
  });

  it('matches a group name from an OIDC claim against a mapped DN', () => {
    expect(rolesForGroups(['surgery nurses'], MAPPING)).toEqual([{ role: 'entry', unit: 'AZ-SURG' }]);
  });

  it('gives every role of every mapped group, each role × unit once', () => {
    expect(rolesForGroups(['Quality Office', 'QUALITY OFFICE', 'Head Nurses'], MAPPING)).toEqual([
      { role: 'strategist', unit: null },
      { role: 'viewer', unit: 'UMG' },
      { role: 'approver', unit: 'AZ-SURG' },
    ]);
  });

  it('reads an escaped comma inside an RDN value as part of the name', () => {
    const mapping: GroupMapping[] = [{ group: 'Nurses, Surgery', role: 'entry', unit: 'AZ-SURG' }];
    expect(rolesForGroups(['cn=Nurses\\, Surgery,ou=groups,dc=h'], mapping)).toEqual([
      { role: 'entry', unit: 'AZ-SURG' },
    ]);
  });
});
