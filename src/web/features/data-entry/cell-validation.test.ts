import { describe, expect, it } from 'vitest';
import { type CellRules, cellText, checkCell } from './cell-validation.ts';

const rules = (valueType: CellRules['valueType'], min: number | null = null, max: number | null = null) => ({
  valueType,
  min,
  max,
});

describe('checkCell', () => {
  it.each([
    ['42', rules('integer'), 42],
    [' 3.25 ', rules('number'), 3.25],
    ['-7', rules('number'), -7],
    ['1e3', rules('money'), 1000],
    ['100', rules('percentage'), 100],
    ['0', rules('percentage'), 0],
    ['', rules('integer'), null],
    ['   ', rules('money'), null],
    ['1,000', rules('money'), 1000],
    ['1,234,567.89', rules('number'), 1234567.89],
    ['-12,345', rules('number'), -12345],
    ['１２３', rules('integer'), 123],
    ['１，２３４．５', rules('number'), 1234.5],
    ['－８', rules('number'), -8],
    ['３。５', rules('number'), 3.5],
    ['\u3000４２\u3000', rules('integer'), 42],
  ])('accepts %j as a %o and reads %j', (text, cellRules, value) => {
    expect(checkCell(text, cellRules)).toEqual({ ok: true, value });
  });

  it.each([
    ['abc', rules('number'), { code: 'notNumber' }],
    ['1,00', rules('money'), { code: 'notNumber' }],
    ['1,0000', rules('money'), { code: 'notNumber' }],
    ['12,34.5', rules('number'), { code: 'notNumber' }],
    [',123', rules('number'), { code: 'notNumber' }],
    ['12abc', rules('integer'), { code: 'notNumber' }],
    ['Infinity', rules('number'), { code: 'notNumber' }],
    ['2.5', rules('integer'), { code: 'notInteger' }],
    ['100.1', rules('percentage'), { code: 'percentageRange' }],
    ['-1', rules('percentage'), { code: 'percentageRange' }],
    ['-0.01', rules('money'), { code: 'negativeMoney' }],
    ['4', rules('integer', 5), { code: 'belowMin', limit: 5 }],
    ['11', rules('number', null, 10), { code: 'aboveMax', limit: 10 }],
  ])('refuses %j as a %o', (text, cellRules, error) => {
    expect(checkCell(text, cellRules)).toEqual({ ok: false, error });
  });
});

describe('cellText', () => {
  it('writes a stored number plainly and nothing for no value', () => {
    expect([cellText(1234567.5), cellText(0), cellText(null), cellText(undefined)]).toEqual([
      '1234567.5',
      '0',
      '',
      '',
    ]);
  });
});
