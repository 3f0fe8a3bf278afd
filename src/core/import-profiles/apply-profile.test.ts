import { describe, expect, it } from 'vitest';
import { type ImportProfileInput, importProfileSchema } from '../contracts/import-profiles.ts';
import { isProblemError } from '../errors/problem.ts';
import { applyProfile, compileProfile, type ProfileRow } from './apply-profile.ts';

const profileOf = (p: Omit<ImportProfileInput, 'format' | 'code'>) =>
  importProfileSchema.parse({ format: 'healthbsc/profile@1', code: 'test', ...p });

const rowsOf = (lines: string[][]): ProfileRow[] => lines.map((cells, i) => ({ line: i + 2, cells }));

const CMS = profileOf({
  unit: { column: 'PROVIDER_ID' },
  period: { column: 'report_date', format: 'YYYY-MM-DD' },
  values: [
    { column: 'READM_30_HOSP_WIDE', dataElement: 'readm_rate', scale: 100 },
    { column: 'READM_30_HOSP_WIDE_DEN', dataElement: 'readm_den' },
  ],
  derived: [{ dataElement: 'readm_num', product: ['READM_30_HOSP_WIDE', 'READM_30_HOSP_WIDE_DEN'] }],
});
const CMS_HEADER = ['report_date', 'PROVIDER_ID', 'READM_30_HOSP_WIDE', 'READM_30_HOSP_WIDE_DEN'];

describe('applyProfile, wide', () => {
  it('maps each value column to its data element, scaled, and derives numerator = rate × denominator unrounded', () => {
    const result = applyProfile(
      compileProfile(CMS, CMS_HEADER),
      rowsOf([['2018-01-01', '010001', '0.156', '5411']]),
    );
    expect(result.values.map((v) => [v.orgUnit, v.period, v.dataElement, v.value])).toEqual([
      ['010001', '2018-01', 'readm_rate', 0.156 * 100],
      ['010001', '2018-01', 'readm_den', 5411],
      ['010001', '2018-01', 'readm_num', 0.156 * 5411],
    ]);
  });

  it('skips a missing-value marker and derives nothing from it', () => {
    const result = applyProfile(
      compileProfile(CMS, CMS_HEADER),
      rowsOf([['2018-01-01', '010005', '', '2545']]),
    );
    expect([result.values.map((v) => v.dataElement), result.cellsMissing, result.errors]).toEqual([
      ['readm_den'],
      1,
      [],
    ]);
  });

  it('reports a non-numeric cell once with its row and column, though the derived value reads it too', () => {
    const result = applyProfile(
      compileProfile(CMS, CMS_HEADER),
      rowsOf([['2018-01-01', '010005', 'high', '2545']]),
    );
    expect(result.errors).toEqual([
      { row: 2, column: 'READM_30_HOSP_WIDE', value: 'high', code: 'non-numeric', params: { value: 'high' } },
    ]);
  });

  it('reports a period cell not in the format', () => {
    const result = applyProfile(
      compileProfile(CMS, CMS_HEADER),
      rowsOf([['Jan 2018', '010001', '0.1', '10']]),
    );
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'report_date', 'invalid-value'],
    ]);
  });

  it('keeps only the rows its filters keep, counting the others', () => {
    const profile = profileOf({ ...CMS, filters: [{ column: 'PROVIDER_ID', startsWith: '21' }] });
    const result = applyProfile(
      compileProfile(profile, CMS_HEADER),
      rowsOf([
        ['2018-01-01', '010001', '0.1', '10'],
        ['2018-01-01', '210001', '0.2', '20'],
      ]),
    );
    expect([result.rowsFiltered, [...new Set(result.values.map((v) => v.orgUnit))]]).toEqual([1, ['210001']]);
  });
});

describe('applyProfile, long', () => {
  const HCAI = profileOf({
    unit: { column: 'OSHPDID' },
    period: { column: 'Year', type: 'year' },
    element: { column: 'Performance Measure', translate: { 'Acute Stroke': 'stroke', PCI: 'pci' } },
    values: [
      { column: '# of Adverse Events', dataElement: '{element}_deaths' },
      { column: '# of Cases', dataElement: '{element}_cases' },
    ],
    orgTree: {
      root: { code: 'CA', name: { en: 'California' } },
      parent: { column: 'County', prefix: 'CA-' },
      nameColumn: 'Hospital',
    },
  });
  const HEADER = [
    'Year',
    'County',
    'Hospital',
    'OSHPDID',
    'Performance Measure',
    '# of Adverse Events',
    '# of Cases',
  ];

  it('names the data element from the element column and builds the tree root → county → hospital', () => {
    const result = applyProfile(
      compileProfile(HCAI, HEADER),
      rowsOf([['2017', 'San Luis Obispo', 'Alameda Hospital', '106010735', 'Acute Stroke', '3', '102']]),
    );
    expect(result.values.map((v) => [v.orgUnit, v.period, v.dataElement, v.value])).toEqual([
      ['106010735', '2017', 'stroke_deaths', 3],
      ['106010735', '2017', 'stroke_cases', 102],
    ]);
    expect(result.orgUnits.map((u) => [u.code, u.parent, u.type, u.name.en])).toEqual([
      ['CA', null, 'group', 'California'],
      ['CA-San_Luis_Obispo', 'CA', 'group', 'San Luis Obispo'],
      ['106010735', 'CA-San_Luis_Obispo', 'hospital', 'Alameda Hospital'],
    ]);
  });

  it('refuses an element the translation does not list, naming the column and what it allows', () => {
    const result = applyProfile(
      compileProfile(HCAI, HEADER),
      rowsOf([['2017', 'Alameda', 'X', '1', 'CABG', '1', '2']]),
    );
    expect(result.errors).toEqual([
      {
        row: 2,
        column: 'Performance Measure',
        value: 'CABG',
        code: 'invalid-value',
        params: { value: 'CABG', column: 'Performance Measure', allowed: 'Acute Stroke, PCI' },
      },
    ]);
  });
});

describe('compileProfile', () => {
  it('refuses a file that lacks a column the profile reads, naming each', () => {
    try {
      compileProfile(CMS, ['report_date', 'PROVIDER_ID']);
      expect.unreachable();
    } catch (error) {
      if (!isProblemError(error)) throw error;
      expect([error.problem.code, error.problem.issues.map((i) => i.params)]).toEqual([
        'import-profile.does-not-fit',
        [{ column: 'readm_30_hosp_wide' }, { column: 'readm_30_hosp_wide_den' }],
      ]);
    }
  });

  it('matches columns ignoring case and surrounding spaces', () => {
    expect(
      compileProfile(CMS, [
        ' Report_Date ',
        'provider_id',
        'READM_30_HOSP_WIDE',
        'READM_30_HOSP_WIDE_DEN',
      ]).index('PROVIDER_ID'),
    ).toBe(1);
  });
});

describe('applyProfile, units by identifier', () => {
  const CCN = 'https://www.cms.gov/ccn';
  const byIdentifier = (orgTree?: ImportProfileInput['orgTree']) =>
    profileOf({
      unit: { column: 'PROVIDER_ID', identifierSystem: CCN, prefix: 'US-' },
      period: { column: 'report_date', format: 'YYYY-MM-DD' },
      values: [{ column: 'READM_30_HOSP_WIDE_DEN', dataElement: 'readm_den' }],
      ...(orgTree === undefined ? {} : { orgTree }),
    });
  const header = ['report_date', 'PROVIDER_ID', 'READM_30_HOSP_WIDE_DEN'];
  const identifiers = new Map([['010001', 'SOUTHEAST']]);

  it('names the unit an identifier of the system belongs to', () => {
    const result = applyProfile(
      compileProfile(byIdentifier(), header),
      rowsOf([['2018-01-01', '010001', '5411']]),
      { identifiers },
    );
    expect(result.values.map((v) => [v.orgUnit, v.value])).toEqual([['SOUTHEAST', 5411]]);
  });

  it('refuses an identifier no unit holds when the profile builds no tree', () => {
    const result = applyProfile(
      compileProfile(byIdentifier(), header),
      rowsOf([['2018-01-01', '999999', '7']]),
      { identifiers },
    );
    expect(result.errors).toEqual([
      {
        row: 2,
        column: 'PROVIDER_ID',
        value: '999999',
        code: 'unknown-org-unit',
        params: { value: '999999' },
      },
    ]);
  });

  it('builds a unit for an unknown identifier, keeping the cell as its source, and leaves a known one where it is', () => {
    const result = applyProfile(
      compileProfile(byIdentifier({ root: { code: 'US', name: { en: 'United States' } } }), header),
      rowsOf([
        ['2018-01-01', '010001', '5411'],
        ['2018-01-01', '999999', '7'],
      ]),
      { identifiers },
    );
    expect(result.orgUnits.map((u) => [u.code, u.parent, u.source])).toEqual([
      ['US', null, undefined],
      ['US-999999', 'US', '999999'],
    ]);
  });
});
