/**
 * The number rules of imports (README.md "Numbers"). Plain decimals follow the ECMAScript StrDecimalLiteral
 * grammar (ECMA-262 §7.1.4.1); thousands separators are accepted only in the form that cannot be a decimal
 * comma (ISO 80000-1 §7.3.1 allows both comma and point as the decimal sign, hence the ambiguity).
 */
import { describe, expect, test } from 'vitest';
import { parseNumber } from './parse-number.ts';

describe('parseNumber', () => {
  test.each([
    ['1234.5', 1234.5],
    ['-3', -3],
    ['+7', 7],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['2.5E-2', 0.025],
    ['  42  ', 42],
    ['-0', 0],
    ['1,234,567.89', 1234567.89],
    ['1,234.5', 1234.5],
    ['1,234,567', 1234567],
    ['-1,234.5', -1234.5],
    ['１２３．５', 123.5],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text)).toEqual({ kind: 'number', value });
  });

  test.each([
    ['85%', 85],
    ['85 %', 85],
    ['12.5%', 12.5],
    ['８５％', 85],
    ['-3%', -3],
  ])('reads %j as %d for a percentage element (percent units kept)', (text, value) => {
    expect(parseNumber(text, { allowPercent: true })).toEqual({ kind: 'number', value });
  });

  test.each(['', '   ', '\u3000'])('reads %j as no value', (text) => {
    expect(parseNumber(text)).toEqual({ kind: 'empty' });
  });

  test.each([
    ['85%', 'a % sign is allowed only for percentage data elements'],
    ['1,5', 'not a number'],
    ['1,234', '"1,234" is ambiguous (thousands or decimal comma?); write 1234 or 1.234'],
    ['12,34,567.8', 'not a number'],
    ['12 345', 'not a number'],
    ['1.234,5', 'not a number'],
    ['abc', 'not a number'],
    ['N/A', 'not a number'],
    ['NaN', 'not a number'],
    ['Infinity', 'not a number'],
    ['0x10', 'not a number'],
    ['--1', 'not a number'],
    ['1e999', 'too large to be a number'],
  ])('refuses %j', (text, reason) => {
    expect(parseNumber(text)).toEqual({ kind: 'invalid', reason });
  });
});
