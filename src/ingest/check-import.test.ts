/**
 * The whole-file checks: every error of a file reported with row, column and reason; valid rows classified
 * create / update / unchanged. Scores are on seed 002's 100-point scale (Tables 4.10–4.11).
 */
import { describe, expect, test } from 'vitest';
import { checkAssessments, checkDataValues, checkTargets } from './check-import.ts';
import { makeAssessmentContext, makeDataValueContext, makeTargetContext, tableOf } from './fixtures.ts';
import { readAssessmentRows, readDataValueRows, readTargetRows } from './row-formats.ts';

const LONG = 'org_unit,period,data_element,value,comment';

async function checkLong(lines: readonly string[], ctx = makeDataValueContext()) {
  return checkDataValues(readDataValueRows(tableOf([LONG, ...lines])).rows, ctx);
}

describe('checkDataValues', () => {
  test('reports every bad row of a file with row, column and code, and records only the valid rows', async () => {
    const report = await checkLong([
      'PUMCH,2024-03,beds_open,1520,', // 2: valid
      'NOPE,2024-03,beds_open,10,', // 3
      'PUMCH,2024-13,beds_open,10,', // 4
      'PUMCH,2024-03,nothing,10,', // 5
      'PUMCH,2024-04,beds_open,12.5,', // 6
      'PUMCH,2024-04,los_days,400,', // 7
      'PUMCH,2024-04,discharges,-1,', // 8
      'PUMCH,2024-04,revenue,abc,', // 9
      'PUMCH,2024-03,beds_open,1521,', // 10
      'RUIJIN,2024-03,bed_occupancy,85%,', // 11: valid
      'RUIJIN,2024-03,revenue,85%,', // 12
    ]);
    expect(report.errors.map((e) => [e.row, e.column, e.value, e.code])).toEqual([
      [3, 'org_unit', 'NOPE', 'unknown-org-unit'],
      [4, 'period', '2024-13', 'unknown-period'],
      [5, 'data_element', 'nothing', 'unknown-data-element'],
      [6, 'value', '12.5', 'not-integer'],
      [7, 'value', '400', 'out-of-range'],
      [8, 'value', '-1', 'out-of-range'],
      [9, 'value', 'abc', 'non-numeric'],
      [10, 'value', '1521', 'duplicate-key'],
      [12, 'value', '85%', 'non-numeric'],
    ]);
    expect(report.errors.find((e) => e.row === 10)?.params).toEqual({
      firstRow: 2,
      key: 'PUMCH, 2024-03, beds_open',
    });
    expect(report.errors.find((e) => e.row === 7)?.reason).toBe(
      'out of range: los_days lies between 0 and 365',
    );
    expect(report.errors.find((e) => e.row === 8)?.params).toEqual({ of: 'discharges', min: 0, max: '+∞' });
    expect(report.records.map((r) => [r.row, r.orgUnit, r.dataElement, r.value])).toEqual([
      [2, 'PUMCH', 'beds_open', 1520],
      [11, 'RUIJIN', 'bed_occupancy', 85],
    ]);
    expect(report).toMatchObject({ rowsRead: 11, toCreate: 2, errorCount: 9, errorsNotListed: 0 });
  });

  test('reports several errors of one row', async () => {
    const report = await checkLong(['NOPE,20240,beds_open,x,']);
    expect(report.errors.map((e) => e.code)).toEqual(['unknown-org-unit', 'unknown-period', 'non-numeric']);
  });

  test.each([
    ['no stored value', undefined, 'create'],
    ['the same stored value', 1520, 'unchanged'],
    ['a different stored value', 1500, 'update'],
    ['a stored "no value"', null, 'update'],
  ] as const)('classifies a value against %s', async (_name, stored, action) => {
    const ctx = makeDataValueContext({
      stored: stored === undefined ? {} : { 'PUMCH|2024-03|beds_open': stored },
    });
    const report = await checkLong(['PUMCH,2024-03,beds_open,1520,'], ctx);
    expect(report.records[0]?.action).toBe(action);
    expect([report.toCreate, report.toUpdate, report.unchanged]).toEqual([
      action === 'create' ? 1 : 0,
      action === 'update' ? 1 : 0,
      action === 'unchanged' ? 1 : 0,
    ]);
  });

  test('counts create, update and unchanged over a file', async () => {
    const ctx = makeDataValueContext({
      stored: { 'PUMCH|2024-03|beds_open': 1520, 'PUMCH|2024-03|discharges': 100 },
    });
    const report = await checkLong(
      ['PUMCH,2024-03,beds_open,1520,', 'PUMCH,2024-03,discharges,120,', 'PUMCH,2024-03,revenue,9.5,'],
      ctx,
    );
    expect(report.records.map((r) => r.action)).toEqual(['unchanged', 'update', 'create']);
    expect([report.toCreate, report.toUpdate, report.unchanged]).toEqual([1, 1, 1]);
  });

  test('normalises codes and periods: case-insensitive codes, 2024q1 → 2024Q1', async () => {
    const report = await checkLong(['pumch,2024q1,BEDS_OPEN,3,备注']);
    expect(report.records).toEqual([
      {
        orgUnit: 'PUMCH',
        period: '2024Q1',
        dataElement: 'beds_open',
        row: 2,
        column: 'value',
        value: 3,
        comment: '备注',
        action: 'create',
      },
    ]);
  });

  test('takes a yearly element at a year', async () => {
    const report = await checkLong(['PUMCH,2023,deaths_year,12,']);
    expect([report.errorCount, report.records.map((r) => [r.period, r.value])]).toEqual([0, [['2023', 12]]]);
  });

  test('refuses a year for a monthly element, naming the element and the period, and records nothing', async () => {
    const report = await checkLong(['PUMCH,2023,visits_month,1200,']);
    expect([report.records, report.errors.map((e) => [e.row, e.column, e.code, e.params])]).toEqual([
      [],
      [[2, 'period', 'period-not-month', { dataElement: 'visits_month', period: '2023' }]],
    ]);
  });

  test('refuses a month for a yearly element', async () => {
    const report = await checkLong(['PUMCH,2023-05,deaths_year,1,']);
    expect(report.errors.map((e) => e.code)).toEqual(['period-not-year']);
  });

  test('an empty value is no value: neither a record nor an error', async () => {
    const report = await checkLong(['PUMCH,2024-03,beds_open,,']);
    expect(report).toMatchObject({ rowsRead: 1, records: [], errors: [], errorCount: 0 });
  });

  test('a cell that could not be decoded is an error', async () => {
    const report = await checkLong(['PUMCH,2024-03,beds_open,5,\uFFFD\uFFFD', '\uFFFD,2024-03,beds_open,5,']);
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'comment', 'undecodable'],
      [3, 'org_unit', 'undecodable'],
    ]);
    expect(report.records).toEqual([]);
  });

  test('lists at most maxErrors errors and counts the rest', async () => {
    const report = await checkLong(['A,2024,beds_open,1,', 'B,2024,beds_open,1,', 'C,2024,beds_open,1,'], {
      ...makeDataValueContext(),
      maxErrors: 2,
    });
    expect(report.errors.map((e) => e.value)).toEqual(['A', 'B']);
    expect([report.errorCount, report.errorsNotListed]).toEqual([3, 1]);
  });

  test('in the wide format reports an unknown column once and duplicates per cell', async () => {
    const table = tableOf([
      'org_unit,period,beds_open,mystery,discharges',
      'ICU,2024-03,10,,4',
      'ICU,2024-03,11,1,',
      'RUIJIN,2024-03,,,7',
    ]);
    const report = await checkDataValues(readDataValueRows(table).rows, makeDataValueContext());
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, 'mystery', 'unknown-data-element'],
      [3, 'beds_open', 'duplicate-key'],
    ]);
    expect(report.records.map((r) => [r.orgUnit, r.dataElement, r.value])).toEqual([
      ['ICU', 'beds_open', 10],
      ['ICU', 'discharges', 4],
      ['RUIJIN', 'discharges', 7],
    ]);
    expect(report.rowsRead).toBe(3);
  });

  test('a row with a value outside the header is checked but not recorded', async () => {
    const report = await checkLong(['PUMCH,2024-03,beds_open,5,,surplus']);
    expect(report.errors.map((e) => [e.column, e.code])).toEqual([['#6', 'extra-cell']]);
    expect(report.records).toEqual([]);
  });
});

const TARGETS = 'org_unit,period,indicator,target,reference,lower,upper,source';

async function checkTargetLines(lines: readonly string[], ctx = makeTargetContext()) {
  return checkTargets(readTargetRows(tableOf([TARGETS, ...lines])).rows, ctx);
}

describe('checkTargets', () => {
  test('reads targets for all units, a group and a unit, with % for a % indicator and a band', async () => {
    const report = await checkTargetLines([
      ',2024,avg_los,8,9.1,,,plan',
      'TERTIARY,2024,avg_los,7.5,,,,',
      'ICU,2024,occupancy_rate,85%,,,,',
      'ICU,2024Q1,occupancy_rate,,,85,95,',
    ]);
    expect(report.errors).toEqual([]);
    expect(
      report.records.map((r) => [
        r.scope,
        r.orgUnit,
        r.period,
        r.target,
        r.reference,
        r.lower,
        r.upper,
        r.source,
      ]),
    ).toEqual([
      ['all', null, '2024', 8, 9.1, null, null, 'plan'],
      ['group', 'TERTIARY', '2024', 7.5, null, null, null, null],
      ['unit', 'ICU', '2024', 85, null, null, null, null],
      ['unit', 'ICU', '2024Q1', null, null, 85, 95, null],
    ]);
  });

  test.each([
    ['an unknown org unit or group', 'NOPE,2024,avg_los,8,,,,', 'org_unit', 'unknown-org-unit'],
    ['an unknown indicator', 'ICU,2024,nope,8,,,,', 'indicator', 'unknown-indicator'],
    ['a qualitative indicator', 'ICU,2024,culture,80,,,,', 'indicator', 'wrong-indicator-kind'],
    ['% on an indicator not in %', 'ICU,2024,avg_los,8%,,,,', 'target', 'non-numeric'],
    ['lower without upper', 'ICU,2024,avg_los,,,5,,', 'lower', 'invalid-band'],
    ['lower above upper', 'ICU,2024,avg_los,,,9,5,', 'lower', 'invalid-band'],
    ['neither target nor band', 'ICU,2024,avg_los,,9,,,', 'target', 'missing-value'],
    ['a bad period', 'ICU,2024-00,avg_los,8,,,,', 'period', 'unknown-period'],
  ])('refuses %s', async (_name, line, column, code) => {
    const report = await checkTargetLines([line]);
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([[2, column, code]]);
    expect(report.records).toEqual([]);
  });

  test('refuses a second target for the same scope, period and indicator', async () => {
    const report = await checkTargetLines([',2024,avg_los,8,,,,', ',2024,AVG_LOS,9,,,,']);
    expect(report.errors.map((e) => [e.row, e.code, e.reason])).toEqual([
      [3, 'duplicate-key', 'duplicate of row 2 (*, 2024, avg_los)'],
    ]);
  });

  test('classifies against the stored target, reference and band', async () => {
    const ctx = makeTargetContext({
      stored: {
        'unit|ICU|2024|avg_los': { target: 8, reference: null, lower: null, upper: null },
        'unit|ICU|2025|avg_los': { target: 8, reference: 9, lower: null, upper: null },
      },
    });
    const report = await checkTargetLines(
      ['ICU,2024,avg_los,8,,,,', 'ICU,2025,avg_los,8,,,,', 'ICU,2026,avg_los,8,,,,'],
      ctx,
    );
    expect(report.records.map((r) => r.action)).toEqual(['unchanged', 'update', 'create']);
  });
});

const ASSESSMENTS = 'org_unit,period,indicator,rater,score,evidence';

async function checkAssessmentLines(lines: readonly string[], ctx = makeAssessmentContext()) {
  return checkAssessments(readAssessmentRows(tableOf([ASSESSMENTS, ...lines])).rows, ctx);
}

describe('checkAssessments', () => {
  test('records valid ratings, one per rater', async () => {
    const report = await checkAssessmentLines([
      'ICU,2024,culture,王医生,85,现场检查',
      'ICU,2024,culture,李护士,70.5,',
    ]);
    expect(report.errors).toEqual([]);
    expect(report.records.map((r) => [r.rater, r.score, r.evidence])).toEqual([
      ['王医生', 85, '现场检查'],
      ['李护士', 70.5, null],
    ]);
  });

  test.each([
    ['a score above 100', 'ICU,2024,culture,A,101,', 'score', 'out-of-range'],
    ['a negative score', 'ICU,2024,culture,A,-1,', 'score', 'out-of-range'],
    ['an empty score', 'ICU,2024,culture,A,,', 'score', 'missing-value'],
    ['a score in words', 'ICU,2024,culture,A,good,', 'score', 'non-numeric'],
    ['no rater', 'ICU,2024,culture,,80,', 'rater', 'missing-value'],
    ['no org unit', ',2024,culture,A,80,', 'org_unit', 'missing-value'],
    ['a quantitative indicator', 'ICU,2024,avg_los,A,80,', 'indicator', 'wrong-indicator-kind'],
  ])('refuses %s', async (_name, line, column, code) => {
    const report = await checkAssessmentLines([line]);
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([[2, column, code]]);
    expect(report.records).toEqual([]);
  });

  test('refuses a second score by the same rater', async () => {
    const report = await checkAssessmentLines(['ICU,2024,culture,A,80,', 'ICU,2024,culture,A,90,']);
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, 'rater', 'duplicate-key']]);
  });

  test('classifies by score and evidence', async () => {
    const ctx = makeAssessmentContext({
      stored: {
        'ICU|2024|culture|A': { score: 80, evidence: null },
        'ICU|2024|culture|B': { score: 80, evidence: 'x' },
      },
    });
    const report = await checkAssessmentLines(
      ['ICU,2024,culture,A,80,', 'ICU,2024,culture,B,80,y', 'ICU,2024,culture,C,80,'],
      ctx,
    );
    expect(report.records.map((r) => r.action)).toEqual(['unchanged', 'update', 'create']);
  });
});
