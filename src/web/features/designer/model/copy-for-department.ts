/**
 * "Copy for a department": a department's own scorecard starts as a copy of the group's, under a new code and
 * name, and is then assigned to the department (PUT /api/scorecards/:code/org-units) and tailored in the
 * designer. The copy keeps structure, data elements and weights, so it evaluates like the original until changed.
 */
import type { ScorecardFile } from '../../../../core/scorecard/scorecard-schema.ts';

export interface DepartmentCopy {
  readonly code: string;
  readonly nameEn: string;
  readonly nameZh?: string;
  /** The org unit the copy is for (recorded in the description). */
  readonly orgUnit: string;
}

/**
 * @example copyForDepartment(umg, { code: 'UMG-B1-INTM-BSC', nameEn: 'Internal medicine BSC', orgUnit: 'UMG-B1-INTM' }).code
 * // 'UMG-B1-INTM-BSC'
 */
export function copyForDepartment(file: ScorecardFile, copy: DepartmentCopy): ScorecardFile {
  const nameZh = copy.nameZh?.trim();
  return {
    ...structuredClone(file),
    code: copy.code.trim(),
    name: { en: copy.nameEn.trim(), ...(nameZh ? { zh: nameZh } : {}) },
    description: `Copied from ${file.code} for ${copy.orgUnit}.`,
  };
}

/** The body of PUT /api/scorecards/:code/org-units that assigns the copy to its department and the units below. */
export function departmentAssignment(orgUnit: string): {
  orgUnits: { orgUnit: string; includeDescendants: boolean }[];
} {
  return { orgUnits: [{ orgUnit, includeDescendants: true }] };
}
