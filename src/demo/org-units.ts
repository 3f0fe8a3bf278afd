/**
 * The demo medical group's org-unit tree: one urban medical group (seed 000's "UMG, one head hospital with
 * branch hospitals", Zhejiang) → one head hospital and four branch hospitals → clinical departments.
 */
import type { DepartmentKind } from './departments.ts';
import { DEPARTMENT_PROFILES } from './departments.ts';
import { GROUP_CODE, GROUP_NAME, HOSPITALS } from './model.ts';
import type { DemoOrgUnit } from './types.ts';

/**
 * The code of a department: its hospital's code and its kind.
 *
 * @example
 * departmentCode('UMG-HEAD', 'CARD'); // 'UMG-HEAD-CARD'
 */
export function departmentCode(hospital: string, kind: DepartmentKind): string {
  return `${hospital}-${kind}`;
}

/**
 * The whole tree in display order: the group, then each hospital followed by its departments.
 *
 * @example
 * buildOrgUnits()[0]; // { code: 'UMG', type: 'group', parent: null, … }
 * buildOrgUnits().length; // 1 group + 5 hospitals + 21 departments = 27
 */
export function buildOrgUnits(): DemoOrgUnit[] {
  const units: DemoOrgUnit[] = [{ code: GROUP_CODE, name: GROUP_NAME, type: 'group', parent: null }];
  for (const hospital of HOSPITALS) {
    units.push({
      code: hospital.code,
      name: hospital.name,
      type: 'hospital',
      role: hospital.role,
      parent: GROUP_CODE,
    });
    for (const department of hospital.departments) {
      units.push({
        code: departmentCode(hospital.code, department.kind),
        name: DEPARTMENT_PROFILES[department.kind].name,
        type: 'department',
        parent: hospital.code,
      });
    }
  }
  return units;
}
