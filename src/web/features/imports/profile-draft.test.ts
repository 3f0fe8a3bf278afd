import { describe, expect, it } from 'vitest';
import { type ImportProfileInput, importProfileSchema } from '../../../core/contracts/import-profiles.ts';
import type { ProfileInspection } from '../../lib/api/import-profiles.ts';
import { draftFromProfile, draftOf, profileOf, toLong } from './profile-draft.ts';
import { codeTableOf, suggestElement, suggestUnit, withElementSuggestions } from './profile-suggest.ts';

// Columns as the server inspects NHS England's A&E file (core/import-profiles inspectColumns).
const INSPECTION: ProfileInspection = {
  columns: [
    {
      name: 'nhs_trust22_code',
      samples: ['RC9'],
      distinct: ['RC9', 'RGT'],
      type: 'text',
      periodFormat: null,
      suggestedElement: 'nhs_trust22_code',
    },
    {
      name: 'total_attendances',
      samples: ['17570'],
      distinct: ['17570'],
      type: 'number',
      periodFormat: null,
      suggestedElement: 'total_attendances',
    },
    {
      name: 'date',
      samples: ['April 2021'],
      distinct: ['April 2021'],
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

/** A profile read as the server reads it (defaults filled in), for comparing two that mean the same. */
const parsed = (p: ImportProfileInput) => importProfileSchema.parse(p);

/** A profile through the wizard and back: what the wizard would save after opening it unchanged. */
const roundTrip = (p: ImportProfileInput) => profileOf(draftFromProfile(p));

const BASE = {
  format: 'healthbsc/profile@1',
  code: 'ae',
  name: { en: 'A&E' },
  unit: { column: 'nhs_trust22_code' },
  period: { column: 'date', format: 'month-name', type: 'month' },
  values: [{ column: 'total_attendances', dataElement: 'ae_attendances', scale: 1 }],
} as const satisfies ImportProfileInput;

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

  it('switches to a long layout: the first value column feeds the element the row names, the next its own', () => {
    const draft = {
      ...draftOf(INSPECTION, 'ca.csv'),
      values: [
        { column: '# of Adverse Events', include: true, dataElement: 'of_adverse_events', scale: 1 },
        { column: '# of Cases', include: true, dataElement: 'of_cases', scale: 1 },
      ],
    };
    expect(toLong(draft, 'Performance Measure').values.map((v) => v.dataElement)).toEqual([
      '{element}',
      '{element}_of_cases',
    ]);
  });
});

describe('a saved profile through the wizard and back', () => {
  it.each<[string, ImportProfileInput]>([
    ['a wide layout with a scale factor', { ...BASE, values: [{ ...BASE.values[0], scale: 100 }] }],
    [
      'a long layout with its element codes',
      {
        ...BASE,
        element: { column: 'Performance Measure', translate: { 'Acute Stroke': 'stroke', AMI: 'ami' } },
        values: [{ column: '# of Cases', dataElement: '{element}_cases', scale: 1 }],
      },
    ],
    [
      'filters (=, ≠, one of, starts with)',
      {
        ...BASE,
        filters: [
          { column: 'type', in: ['1'] },
          { column: 'org_code', notIn: ['AAAA'] },
          { column: 'region', in: ['North', 'South'] },
          { column: 'PROVIDER_ID', startsWith: '21' },
        ],
      },
    ],
    [
      'a derived value (numerator = rate × denominator, per cent)',
      { ...BASE, derived: [{ dataElement: 'readm', product: ['READM', 'READM_DEN'], scale: 0.01 }] },
    ],
    [
      'a unit code table refusing codes it does not list, a prefix and an identifier system',
      {
        ...BASE,
        unit: {
          column: 'nhs_trust22_code',
          translate: { RC9: 'LUTON' },
          translateOnly: true,
          prefix: 'NHS-',
          identifierSystem: 'https://digital.nhs.uk/ods',
        },
      },
    ],
    [
      'the org tree with a parent level and names from a column',
      {
        ...BASE,
        orgTree: {
          root: { code: 'CA', name: { en: 'California', zh: '加利福尼亚州' } },
          parent: { column: 'County', prefix: 'CA-' },
          type: 'hospital',
          nameColumn: 'Hospital',
        },
      },
    ],
    [
      'what the wizard does not edit: encoding, missing markers, Chinese name, description',
      {
        ...BASE,
        name: { en: 'A&E', zh: '急诊' },
        description: 'as published',
        source: { encoding: 'windows-1252' },
        missing: ['', '*'],
      },
    ],
  ])('%s', (_, profile) => {
    expect(parsed(roundTrip(profile))).toEqual(parsed(profile));
  });

  it('keeps the example profiles as they are (NHS A&E, California sepsis, CMS readmission)', async () => {
    const files = [
      '../../../../examples/nhs-ae/ae.profile.json',
      '../../../../examples/ca-hcai-sepsis/sepsis.profile.json',
      '../../../../examples/care-compare-readmission/readmission.profile.json',
    ];
    for (const file of files) {
      const { default: profile } = (await import(file, { with: { type: 'json' } })) as {
        default: ImportProfileInput;
      };
      expect(parsed(roundTrip(profile)), file).toEqual(parsed(profile));
    }
  });

  it('splits a filter with two conditions into two rows, which keep the same rows', () => {
    const profile = { ...BASE, filters: [{ column: 'type', in: ['1', '2'], notIn: ['2'] }] };
    expect(roundTrip(profile).filters).toEqual([
      { column: 'type', in: ['1', '2'] },
      { column: 'type', notIn: ['2'] },
    ]);
  });

  it("lists the file's other columns, not included, so they can be added", () => {
    const draft = draftFromProfile(BASE, ['nhs_trust22_code', 'total_attendances', 'date', 'admissions']);
    expect(draft.values).toEqual([
      { column: 'total_attendances', include: true, dataElement: 'ae_attendances', scale: 1 },
      { column: 'admissions', include: false, dataElement: '', scale: 1 },
    ]);
  });

  it('drops the org tree when the root is cleared', () => {
    const draft = draftFromProfile({ ...BASE, orgTree: { root: { code: 'ENG', name: { en: 'England' } } } });
    expect(profileOf({ ...draft, rootCode: '' }).orgTree).toBeUndefined();
  });

  it('leaves blank code table rows out of the translation', () => {
    const draft = {
      ...draftFromProfile(BASE),
      unitCodes: [
        { source: 'RC9', target: 'LUTON' },
        { source: 'RGT', target: '' },
      ],
    };
    expect(profileOf(draft).unit.translate).toEqual({ RC9: 'LUTON' });
  });
});

const ELEMENTS = [
  { code: 'ae_attendances', name: { en: 'Total attendances', zh: '急诊就诊总数' } },
  { code: 'stroke_deaths', name: { en: 'Stroke deaths', zh: '卒中死亡' } },
];
const UNITS = [
  { code: 'H-ALA', name: { en: 'Alameda Hospital', zh: '阿拉米达医院' } },
  { code: 'H-SF', name: { en: 'San Francisco General', zh: '旧金山总医院' } },
  { code: 'H-SF2', name: { en: 'San Francisco Children', zh: '旧金山儿童医院' } },
];

describe('suggestions', () => {
  it.each([
    ['the code', 'AE_ATTENDANCES', 'ae_attendances'],
    ['the English name, ignoring case and punctuation', 'total_attendances', 'ae_attendances'],
    ['the Chinese name', '卒中死亡', 'stroke_deaths'],
    ['no match: a code made from the cell', 'Acute Stroke', 'acute_stroke'],
  ])('a data element by %s', (_, cell, code) => {
    expect(suggestElement(cell, ELEMENTS)).toBe(code);
  });

  it.each([
    ['its code', 'h-ala', 'H-ALA'],
    ['its name', 'ALAMEDA HOSPITAL', 'H-ALA'],
    ['the one name containing the cell', 'Alameda', 'H-ALA'],
    ['nothing when two names contain it', 'San Francisco', ''],
    ['nothing for an unknown code', '106010735', ''],
  ])('a unit by %s', (_, cell, code) => {
    expect(suggestUnit(cell, UNITS)).toBe(code);
  });

  it('fills a code table: mapped rows kept, new cells suggested, each cell once', () => {
    const table = codeTableOf(['Alameda Hospital', 'RC9', 'RC9'], [{ source: 'RC9', target: 'LUTON' }], (c) =>
      suggestUnit(c, UNITS),
    );
    expect(table).toEqual([
      { source: 'RC9', target: 'LUTON' },
      { source: 'Alameda Hospital', target: 'H-ALA' },
    ]);
  });

  it('maps value columns to the data elements their names name', () => {
    expect(withElementSuggestions(draftOf(INSPECTION, 'ae.csv'), ELEMENTS).values[0]?.dataElement).toBe(
      'ae_attendances',
    );
  });
});
