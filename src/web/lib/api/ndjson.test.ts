import { describe, expect, it } from 'vitest';
import { createNdjsonParser, NdjsonSyntaxError } from './ndjson.ts';

describe('createNdjsonParser', () => {
  it('hands out whole lines only, keeping a line split across chunks until it is complete', () => {
    const parser = createNdjsonParser();
    expect(parser.push('{"phase":"reading","done":1,"total":2}\n{"phase":"chec')).toEqual([
      { phase: 'reading', done: 1, total: 2 },
    ]);
    expect(parser.push('king","done":2')).toEqual([]);
    expect(parser.push(',"total":2}\n{"report":{"rowsRead":2}}\n')).toEqual([
      { phase: 'checking', done: 2, total: 2 },
      { report: { rowsRead: 2 } },
    ]);
    expect(parser.end()).toEqual([]);
  });

  it('returns the last line at the end of the stream when it had no newline', () => {
    const parser = createNdjsonParser();
    expect(parser.push('{"a":1}\n{"b":2}')).toEqual([{ a: 1 }]);
    expect(parser.end()).toEqual([{ b: 2 }]);
  });

  it('skips blank lines and accepts CRLF line ends', () => {
    const parser = createNdjsonParser();
    expect(parser.push('\n{"a":1}\r\n\r\n  \n{"a":2}\r\n')).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('reads a line delivered one character at a time, Chinese text included', () => {
    const parser = createNdjsonParser();
    const text = '{"fileName":"门诊数据.csv"}\n';
    const values = [...text].flatMap((char) => parser.push(char));
    expect(values).toEqual([{ fileName: '门诊数据.csv' }]);
  });

  it('throws an NdjsonSyntaxError naming the line that is not JSON', () => {
    const parser = createNdjsonParser();
    expect(() => parser.push('{"a":1}\n<html>\n')).toThrowError(NdjsonSyntaxError);
    const again = createNdjsonParser();
    try {
      again.push('oops\n');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NdjsonSyntaxError);
      expect((error as NdjsonSyntaxError).line).toBe('oops');
    }
  });
});
