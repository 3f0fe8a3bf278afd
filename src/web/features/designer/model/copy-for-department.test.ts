import { describe, expect, it } from 'vitest';
import { copyForDepartment, departmentAssignment } from './copy-for-department.ts';
import { validateFile } from './scorecard-edits.ts';
import { testFile } from './test-file.ts';

describe('copyForDepartment', () => {
  it('keeps structure and weights under the new code and name, and stays valid', () => {
    const original = testFile();
    const copy = copyForDepartment(original, {
      code: ' DEPT-BSC ',
      nameEn: 'Dept',
      nameZh: '科室',
      orgUnit: 'UMG-B1-INTM',
    });
    expect(copy.code).toBe('DEPT-BSC');
    expect(copy.name).toEqual({ en: 'Dept', zh: '科室' });
    expect(copy.description).toBe('Copied from TEST-BSC for UMG-B1-INTM.');
    expect(copy.perspectives).toEqual(original.perspectives);
    expect(copy.weights).toEqual(original.weights);
    expect(validateFile(copy).ok).toBe(true);
  });

  it('does not share objects with the original, so tailoring the copy leaves it alone', () => {
    const original = testFile();
    const copy = copyForDepartment(original, { code: 'D', nameEn: 'D', orgUnit: 'X' });
    copy.perspectives[0]?.indicators.pop();
    expect(original.perspectives[0]?.indicators).toHaveLength(2);
    expect(copy.name).toEqual({ en: 'D' });
  });

  it('assigns the copy to the department and the units below it', () => {
    expect(departmentAssignment('UMG-B1-INTM')).toEqual({
      orgUnits: [{ orgUnit: 'UMG-B1-INTM', includeDescendants: true }],
    });
  });
});
