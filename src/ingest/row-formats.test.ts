/** The row formats of README.md "Formats": header aliases, long vs wide, the #names row, header errors. */
import { describe, expect, test } from 'vitest';
import { type Problem, ProblemError } from '../core/errors/problem.ts';
import { columnNameOf } from './column-names.ts';
import { collect, tableOf } from './fixtures.ts';
import { readAssessmentRows, readDataValueRows, readTargetRows } from './row-formats.ts';

/** The problem a call throws (failing the test when it throws nothing or something else). */
function catchProblem(call: () => unknown): Problem {
  try {
    call();
  } catch (error) {
    if (error instanceof ProblemError) return error.problem;
    throw error;
  }
  throw new Error('expected a ProblemError');
}

describe('columnNameOf', () => {
  test.each([
    ['org_unit', 'org_unit'],
    [' ORG_UNIT ', 'org_unit'],
    ['Org Unit', 'org_unit'],
    ['data-element', 'data_element'],
    ['机构', 'org_unit'],
    ['机构编码', 'org_unit'],
    ['期间', 'period'],
    ['统计期', 'period'],
    ['数据元', 'data_element'],
    ['指标数据项', 'data_element'],
    ['值', 'value'],
    ['数值', 'value'],
    ['备注', 'comment'],
    ['\uFEFForg_unit', 'org_unit'],
    ['beds_open', null],
  ] as const)('%j names %s', (header, name) => {
    expect(columnNameOf(header)).toBe(name);
  });
});

describe('readDataValueRows', () => {
  test('reads the long format with Chinese headers and a comment', async () => {
    const parsed = readDataValueRows(
      tableOf(['机构,统计期,指标数据项,数值,备注,来自HIS', 'PUMCH,2024-03,beds_open,1520,月末,x']),
    );
    expect(parsed.layout).toBe('long');
    expect(parsed.ignoredColumns).toEqual(['来自HIS']);
    const [row] = await collect(parsed.rows);
    expect(row).toEqual({
      line: 2,
      orgUnit: { line: 2, column: '机构', text: 'PUMCH' },
      period: { line: 2, column: '统计期', text: '2024-03' },
      values: [
        {
          dataElement: { line: 2, column: '指标数据项', text: 'beds_open' },
          value: { line: 2, column: '数值', text: '1520' },
          comment: { line: 2, column: '备注', text: '月末' },
        },
      ],
      problems: [],
    });
  });

  test('reads the wide format, skipping the #names row, one value per code column', async () => {
    const parsed = readDataValueRows(
      tableOf([
        'org_unit,period,beds_open,discharges',
        '#名称,,Beds open / 开放床位,Discharges / 出院人数',
        'ICU,2024Q1,12,',
      ]),
    );
    expect(parsed.layout).toBe('wide');
    const rows = await collect(parsed.rows);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.values.map((v) => [v.dataElement.text, v.dataElement.line, v.value.text])).toEqual([
      ['beds_open', 1, '12'],
      ['discharges', 1, ''],
    ]);
  });

  test('flags a value in a column without a header', async () => {
    const [row] = await collect(
      readDataValueRows(tableOf(['org_unit,period,beds_open', 'ICU,2024,1,9'])).rows,
    );
    expect(row?.problems).toEqual([
      {
        column: '#4',
        value: '9',
        code: 'extra-cell',
        params: {},
        reason: 'a value in a column that has no header',
      },
    ]);
  });

  test.each([
    ['no period column', 'org_unit,data_element,value', 'import.missing-column', { column: 'period' }],
    ['no org unit column', 'period,beds_open', 'import.missing-column', { column: 'org_unit' }],
    [
      'org_unit twice',
      'org_unit,机构,period,data_element,value',
      'import.repeated-column',
      { header: '机构', column: 'org_unit' },
    ],
  ])('refuses a header with %s', (_name, header, code, params) => {
    const thrown = catchProblem(() => readDataValueRows(tableOf([header])));
    expect([thrown.code, thrown.issues.map((i) => [i.code, i.params])]).toEqual([
      'import.header-mismatch',
      [[code, params]],
    ]);
  });
});

describe('readTargetRows and readAssessmentRows', () => {
  test('read every optional target column', async () => {
    const [row] = await collect(
      readTargetRows(
        tableOf([
          'org_unit,period,indicator,target,reference,lower,upper,source',
          ',2024,avg_los,8,9.1,,,plan',
        ]),
      ).rows,
    );
    expect([
      row?.orgUnit.text,
      row?.target.text,
      row?.reference?.text,
      row?.lower?.text,
      row?.source?.text,
    ]).toEqual(['', '8', '9.1', '', 'plan']);
  });

  test('leave absent optional target columns as null', async () => {
    const [row] = await collect(
      readTargetRows(tableOf(['org_unit,period,indicator,target', 'ICU,2024,avg_los,8'])).rows,
    );
    expect([row?.reference, row?.lower, row?.upper, row?.source]).toEqual([null, null, null, null]);
  });

  test('read assessments with Chinese headers', async () => {
    const [row] = await collect(
      readAssessmentRows(tableOf(['机构,期间,指标,评价人,评分,依据', 'ICU,2024,culture,王医生,85,现场检查']))
        .rows,
    );
    expect([row?.rater.text, row?.score.text, row?.evidence?.text]).toEqual(['王医生', '85', '现场检查']);
  });

  test('refuse an assessment header without a score', () => {
    const thrown = catchProblem(() => readAssessmentRows(tableOf(['org_unit,period,indicator,rater'])));
    expect(thrown.issues.map((i) => i.message)).toEqual(['no score column']);
  });
});
