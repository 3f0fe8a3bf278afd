/** The CSV tokenizer against RFC 4180 §2 examples, line ends of every kind, and chunk boundaries. */
import { describe, expect, test } from 'vitest';
import { type CsvDelimiter, type CsvRecord, createCsvTokenizer, detectDelimiter } from './csv-tokenizer.ts';

function tokenize(text: string, delimiter: CsvDelimiter = ',', chunk = text.length || 1): CsvRecord[] {
  const tokenizer = createCsvTokenizer(delimiter);
  const out: CsvRecord[] = [];
  for (let at = 0; at < text.length; at += chunk) out.push(...tokenizer.push(text.slice(at, at + chunk)));
  out.push(...tokenizer.end());
  return out;
}

describe('createCsvTokenizer', () => {
  test.each([
    [
      'RFC 4180 §2.1: CRLF records',
      'aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n',
      [
        { line: 1, cells: ['aaa', 'bbb', 'ccc'] },
        { line: 2, cells: ['zzz', 'yyy', 'xxx'] },
      ],
    ],
    [
      'RFC 4180 §2.2: no line break after the last record',
      'aaa,bbb\r\nzzz,yyy',
      [
        { line: 1, cells: ['aaa', 'bbb'] },
        { line: 2, cells: ['zzz', 'yyy'] },
      ],
    ],
    [
      'RFC 4180 §2.6: a quoted field holds a line break; the next record starts two lines down',
      '"aaa","b\r\nbb","ccc"\r\nzzz,yyy,xxx\r\n',
      [
        { line: 1, cells: ['aaa', 'b\r\nbb', 'ccc'] },
        { line: 3, cells: ['zzz', 'yyy', 'xxx'] },
      ],
    ],
    [
      'RFC 4180 §2.7: a doubled quote inside quotes is one quote',
      '"aaa","b""bb","ccc"\r\n',
      [{ line: 1, cells: ['aaa', 'b"bb', 'ccc'] }],
    ],
    [
      'LF line ends',
      'a,b\n1,2\n',
      [
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['1', '2'] },
      ],
    ],
    [
      'CR line ends (classic Mac)',
      'a,b\r1,2\r',
      [
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['1', '2'] },
      ],
    ],
    [
      'mixed line ends',
      'a\r\nb\nc\rd',
      [
        { line: 1, cells: ['a'] },
        { line: 2, cells: ['b'] },
        { line: 3, cells: ['c'] },
        { line: 4, cells: ['d'] },
      ],
    ],
    [
      'empty lines give no record but count as lines',
      'a\r\n\r\n\nb\r\n',
      [
        { line: 1, cells: ['a'] },
        { line: 4, cells: ['b'] },
      ],
    ],
    [
      'empty fields, at the end too',
      'a,,\r\n,b,\r\n',
      [
        { line: 1, cells: ['a', '', ''] },
        { line: 2, cells: ['', 'b', ''] },
      ],
    ],
    ['a quote inside an unquoted field is text', 'ab"c,d\r\n', [{ line: 1, cells: ['ab"c', 'd'] }]],
    ['text after a closing quote is kept', '"ab"c,d\r\n', [{ line: 1, cells: ['abc', 'd'] }]],
    ['a quoted delimiter', '"1,234.5",x\r\n', [{ line: 1, cells: ['1,234.5', 'x'] }]],
  ] as const)('%s', (_name, text, expected) => {
    expect(tokenize(text)).toEqual(expected);
  });

  test('splitting the input at any point gives the same records', () => {
    const text = 'h1,"h,2"\r\n"multi\r\nline",""""\r\r\nx,y\ry,z\n"a""b",c';
    const whole = tokenize(text);
    for (const size of [1, 2, 3, 4, 7]) expect(tokenize(text, ',', size)).toEqual(whole);
  });

  test('a quote never closed is reported on the record it starts', () => {
    expect(tokenize('a,b\r\n1,"never closed\r\n2,3\r\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'never closed\r\n2,3\r\n'], unterminatedQuote: true },
    ]);
  });

  test.each([
    [';', 'a;b\r\n1,5;2\r\n', ['1,5', '2']],
    ['\t', 'a\tb\r\n1\t"x\ty"\r\n', ['1', 'x\ty']],
  ] as const)('splits on %j', (delimiter, text, second) => {
    expect(tokenize(text, delimiter)[1]?.cells).toEqual(second);
  });
});

describe('detectDelimiter', () => {
  test.each([
    ['commas', 'org_unit,period,value\r\nA,2024,1\r\n', ','],
    [
      'semicolons with decimal commas (European Excel)',
      'org_unit;period;value\r\nA;2024;1,5\r\nB;2024;2,25\r\n',
      ';',
    ],
    ['tabs (Excel "Unicode text")', 'org_unit\tperiod\tvalue\r\nA\t2024\t1,234.5\r\n', '\t'],
    ['commas inside quotes do not count', '"a,b,c";d\r\n"e,f,g";h\r\n', ';'],
    ['a single column', 'value\r\n1\r\n', ','],
  ] as const)('finds %s', (_name, text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});
