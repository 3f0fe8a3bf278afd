/** The type proposed for a new unit from its parent's type (the org-unit form's default). */
import type { OrgUnit } from '../../../core/contracts/org-units.ts';

export type OrgUnitType = OrgUnit['type'];

/**
 * The type a new child of a unit usually has (a group holds hospitals, a hospital departments, a department
 * wards or units); the form proposes it and the user may change it.
 *
 * @example childUnitType('hospital') // 'department'
 */
export function childUnitType(parentType: OrgUnitType | null): OrgUnitType {
  switch (parentType) {
    case null:
      return 'group';
    case 'group':
      return 'hospital';
    case 'hospital':
      return 'department';
    default:
      return 'unit';
  }
}
