import { describe, expect, it } from 'vitest';
import { safeFileName, toCellValue, toCsv } from './table-export.ts';

describe('toCellValue', () => {
  it.each([
    ['1,234.5', 1234.5],
    ['92.5%', 0.925],
    ['\u22123.2', -3.2],
    ['优秀', '优秀'],
    ['—', null],
    ['2016', 2016],
    ['2016Q1', '2016Q1'],
  ])('reads %s as %s', (text, value) => {
    expect(toCellValue(text)).toBe(value);
  });
});

describe('toCsv', () => {
  it('quotes fields with commas and quotes and starts with a byte-order mark', () => {
    expect(
      toCsv([
        ['a', 'b,c'],
        ['1', '"x"'],
      ]),
    ).toBe('\uFEFFa,"b,c"\r\n1,"""x"""\r\n');
  });
});

describe('safeFileName', () => {
  it('replaces what file systems refuse', () => {
    expect(safeFileName('AZ / 2016: 计分卡')).toBe('AZ_2016_计分卡');
  });
});
