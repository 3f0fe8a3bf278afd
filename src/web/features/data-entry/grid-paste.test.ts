import { describe, expect, it } from 'vitest';
import { clipboardBlock, isBlock, pasteBlock } from './grid-paste.ts';

const MONTHS = ['2024-01', '2024-02', '2024-03'];
const ROWS = [
  { dataElement: 'visits', columns: MONTHS },
  { dataElement: 'beds', columns: MONTHS },
  { dataElement: 'staff', columns: ['2024'] },
];

describe('clipboardBlock', () => {
  it('reads Excel’s tab-separated lines, dropping the line break after the last row', () => {
    expect(clipboardBlock('1,234\t５６\r\n7\t8\r\n')).toEqual([
      ['1,234', '５６'],
      ['7', '8'],
    ]);
  });

  it('keeps empty cells inside the block', () => {
    expect(clipboardBlock('1\t\t3\n\t5\t')).toEqual([
      ['1', '', '3'],
      ['', '5', ''],
    ]);
  });
});

describe('isBlock', () => {
  it('tells one value (with or without a trailing line break) from a row or a column', () => {
    expect([isBlock('42'), isBlock('42\r\n'), isBlock('1\t2'), isBlock('1\n2')]).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });
});

describe('pasteBlock', () => {
  it('fills right across months and down across rows from the cell pasted into', () => {
    expect(
      pasteBlock(ROWS, 'visits', '2024-02', [
        ['10', '11'],
        ['20', '21'],
      ]),
    ).toEqual({
      cells: [
        { dataElement: 'visits', month: '2024-02', text: '10' },
        { dataElement: 'visits', month: '2024-03', text: '11' },
        { dataElement: 'beds', month: '2024-02', text: '20' },
        { dataElement: 'beds', month: '2024-03', text: '21' },
      ],
      outside: 0,
    });
  });

  it('counts what falls right of a row’s last column or below the last row, and writes the rest', () => {
    const pasted = pasteBlock(ROWS, 'beds', '2024-03', [['1', '2'], ['3', '4'], ['5']]);
    expect(pasted.cells).toEqual([{ dataElement: 'beds', month: '2024-03', text: '1' }]);
    // '2' is right of March; the year row has no March column ('3', '4'); '5' is below the grid.
    expect(pasted.outside).toBe(4);
  });

  it('lands a row reported per year in its own column', () => {
    expect(pasteBlock(ROWS, 'staff', '2024', [['250']]).cells).toEqual([
      { dataElement: 'staff', month: '2024', text: '250' },
    ]);
  });
});
