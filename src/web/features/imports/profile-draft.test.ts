import { describe, expect, it } from 'vitest';
import type { ProfileInspection } from '../../lib/api/import-profiles.ts';
import { draftOf, profileOf } from './profile-draft.ts';

// Columns as the server inspects NHS England's A&E file (core/import-profiles inspectColumns).
const INSPECTION: ProfileInspection = {
  columns: [
    {
      name: 'nhs_trust22_code',
      samples: ['RC9'],
      type: 'text',
      periodFormat: null,
      suggestedElement: 'nhs_trust22_code',
    },
    {
      name: 'total_attendances',
      samples: ['17570'],
      type: 'number',
      periodFormat: null,
      suggestedElement: 'total_attendances',
    },
    {
      name: 'date',
      samples: ['April 2021'],
      type: 'period',
      periodFormat: 'month-name',
      suggestedElement: 'date',
    },
  ],
  rows: [['RC9', '17570', 'April 2021']],
  rowsSampled: 1,
  unitColumn: 'nhs_trust22_code',
  periodColumn: 'date',
};

describe('the profile draft', () => {
  it('starts from the suggested columns, the period format read from the cells and each number column', () => {
    const draft = draftOf(INSPECTION, 'ae_trust_monthly.csv');
    expect([draft.code, draft.unitColumn, draft.periodColumn, draft.periodFormat, draft.values]).toEqual([
      'ae_trust_monthly',
      'nhs_trust22_code',
      'date',
      'month-name',
      [{ column: 'total_attendances', include: true, dataElement: 'total_attendances', scale: 1 }],
    ]);
  });

  it('makes a profile of the mapped columns, building units under the root when one is named', () => {
    const draft = draftOf(INSPECTION, 'ae.csv');
    const profile = profileOf({
      ...draft,
      rootCode: 'ENG',
      values: [{ column: 'total_attendances', include: true, dataElement: 'ae_attendances', scale: 1 }],
    });
    expect([profile.values, profile.orgTree?.root?.code, profile.period]).toEqual([
      [{ column: 'total_attendances', dataElement: 'ae_attendances', scale: 1 }],
      'ENG',
      { column: 'date', format: 'month-name', type: 'month' },
    ]);
  });

  it('leaves out columns not included', () => {
    const draft = draftOf(INSPECTION, 'ae.csv');
    const profile = profileOf({ ...draft, values: draft.values.map((v) => ({ ...v, include: false })) });
    expect(profile.values).toEqual([]);
  });
});
