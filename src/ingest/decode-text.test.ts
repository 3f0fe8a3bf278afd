/**
 * Decoding and encoding detection on real bytes: iconv-lite encodes the text the way a GBK HIS or a
 * Windows-1252 spreadsheet would, and the WHATWG Encoding Standard (§4.1 UTF-8 decoder: one U+FFFD per
 * maximal invalid subpart) fixes where replacement characters fall.
 */
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { decodeText, findUndecodable } from './decode-text.ts';
import { detectEncoding, scanGb18030 } from './detect-encoding.ts';
import { createStreamDecoder } from './stream-decoder.ts';

const CHINESE_CSV =
  '机构编码,机构名称,数值\r\nPUMCH,北京协和医院,1520\r\nRUIJIN,上海交通大学医学院附属瑞金医院,2036\r\n';
const LATIN_CSV = 'name,city,note\r\nCafé Müller,Zürich,Öffnung – 24 h\r\nRésumé,Genève,naïve “quotes”\r\n';
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const withBom = (bytes: Uint8Array): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);

describe('decodeText under auto', () => {
  test.each([
    ['GBK-encoded Chinese org-unit names', iconv.encode(CHINESE_CSV, 'gbk'), CHINESE_CSV, 'gb18030', false],
    [
      'GB18030 with a four-byte character (U+3400 㐀, CJK Extension A: 81 39 EE 39)',
      iconv.encode('机构,名称\r\nA,㐀医院\r\n', 'gb18030'),
      '机构,名称\r\nA,㐀医院\r\n',
      'gb18030',
      false,
    ],
    [
      'Windows-1252 with é, ü and an en dash',
      iconv.encode(LATIN_CSV, 'windows-1252'),
      LATIN_CSV,
      'windows-1252',
      false,
    ],
    [
      'Windows-1252 whose ü + l bytes (FC 6C) form a valid but rare GBK pair',
      iconv.encode('Müller\r\n', 'windows-1252'),
      'Müller\r\n',
      'windows-1252',
      false,
    ],
    ['UTF-8 without a BOM', utf8(CHINESE_CSV), CHINESE_CSV, 'utf-8', false],
    ['UTF-8 with a BOM', withBom(utf8(CHINESE_CSV)), CHINESE_CSV, 'utf-8', true],
    ['plain ASCII', utf8('a,b\r\n1,2\r\n'), 'a,b\r\n1,2\r\n', 'utf-8', false],
    [
      'UTF-16LE with a BOM (Excel "Unicode text")',
      iconv.encode('机构\t值\r\n', 'utf-16le', { addBOM: true }),
      '机构\t值\r\n',
      'utf-16le',
      true,
    ],
  ] as const)('%s', (_name, bytes, text, encoding, bom) => {
    const decoded = decodeText(bytes, 'auto');
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.bom).toBe(bom);
    expect(decoded.text).toBe(text);
    expect(decoded.undecodable).toEqual([]);
  });

  test('the reason names the counts that decided GB18030', () => {
    const decoded = decodeText(iconv.encode(CHINESE_CSV, 'gbk'), 'auto');
    // Each Chinese character is one GB 2312 pair.
    const hanzi = [...CHINESE_CSV].filter((c) => /\p{Script=Han}/u.test(c)).length;
    expect(decoded.reason).toMatchObject({
      code: 'encoding.read-as-gb18030',
      params: { invalid: 0, sequences: hanzi, commonShare: '100%' },
    });
    expect(decoded.reason.message).toContain(`0 of ${hanzi} high-byte sequences are invalid GB18030`);
  });

  test('the reason says where UTF-8 failed', () => {
    const decoded = decodeText(iconv.encode('code\r\nCafé\r\n', 'windows-1252'), 'auto');
    expect(decoded.reason.message).toMatch(/^not valid UTF-8 \(line 2, byte 4\)/);
  });
});

describe('line ends', () => {
  test.each([
    ['CRLF', 'a,b\r\n1,\uFFFD\r\n'],
    ['LF', 'a,b\n1,\uFFFD\n'],
    ['CR', 'a,b\r1,\uFFFD\r'],
  ])('%s lines are counted one per line end', (_name, text) => {
    expect(findUndecodable(text).positions).toEqual([{ line: 2, column: 3 }]);
  });

  test('CRLF text decodes unchanged', () => {
    expect(decodeText(utf8('a\r\nb\rc\nd'), 'utf-8').text).toBe('a\r\nb\rc\nd');
  });
});

describe('explicit encodings report undecodable bytes', () => {
  test('utf-8 asked for on GBK bytes lists every replacement character', () => {
    // 机 = BB FA and 构 = B9 B9 in GBK; in UTF-8 each of these four bytes is an invalid subpart.
    const decoded = decodeText(iconv.encode('code,name\r\nU1,机构\r\n', 'gbk'), 'utf-8');
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.undecodable).toEqual([
      { line: 2, column: 4 },
      { line: 2, column: 5 },
      { line: 2, column: 6 },
      { line: 2, column: 7 },
    ]);
    expect(decoded.undecodableCount).toBe(4);
  });

  test('windows-1252 asked for reports its five unassigned bytes (0x81 here)', () => {
    const decoded = decodeText(new Uint8Array([0x61, 0x81, 0x62]), 'windows-1252');
    expect(decoded.text).toBe('a\uFFFDb');
    expect(decoded.undecodable).toEqual([{ line: 1, column: 2 }]);
  });

  test('gbk asked for on GBK bytes decodes cleanly', () => {
    const decoded = decodeText(iconv.encode(CHINESE_CSV, 'gbk'), 'gbk');
    expect(decoded.text).toBe(CHINESE_CSV);
    expect(decoded.undecodableCount).toBe(0);
  });

  test('the number of listed positions is capped but all are counted', () => {
    const { positions, count } = findUndecodable('\uFFFD'.repeat(5), 2);
    expect(positions).toHaveLength(2);
    expect(count).toBe(5);
  });
});

describe('scanGb18030', () => {
  test.each([
    ['two GB 2312 hanzi', iconv.encode('北京', 'gbk'), { pairs: 2, commonPairs: 2, fourByte: 0, invalid: 0 }],
    [
      'a lead byte before a comma',
      new Uint8Array([0xe9, 0x2c]),
      { pairs: 0, commonPairs: 0, fourByte: 0, invalid: 1 },
    ],
    [
      'a four-byte sequence (U+3400)',
      iconv.encode('㐀', 'gb18030'),
      { pairs: 0, commonPairs: 0, fourByte: 1, invalid: 0 },
    ],
  ])('counts %s', (_name, bytes, expected) => {
    expect(scanGb18030(bytes)).toEqual(expected);
  });

  test('an incomplete pair at the end of a window is not counted as invalid', () => {
    expect(scanGb18030(new Uint8Array([0xb1]), false).invalid).toBe(0);
    expect(scanGb18030(new Uint8Array([0xb1]), true).invalid).toBe(1);
  });
});

describe('createStreamDecoder', () => {
  const cases = [
    ['GBK', iconv.encode(CHINESE_CSV, 'gbk'), 'gb18030'],
    ['Windows-1252', iconv.encode(LATIN_CSV, 'windows-1252'), 'windows-1252'],
    ['UTF-8 with BOM', withBom(utf8(CHINESE_CSV)), 'utf-8'],
  ] as const;

  test.each(cases)(
    '%s split into chunks of every size decodes as the whole buffer does',
    (_name, bytes, encoding) => {
      for (const size of [1, 2, 3, 5, 64]) {
        const decoder = createStreamDecoder('auto', 16);
        let text = '';
        for (let at = 0; at < bytes.length; at += size) text += decoder.write(bytes.subarray(at, at + size));
        text += decoder.end();
        expect(text).toBe(decodeText(bytes).text);
        expect(decoder.detection()?.encoding).toBe(encoding);
      }
    },
  );

  test('waits for the first non-ASCII byte and names its line', () => {
    const ascii = 'code,value\r\n'.repeat(1000);
    const bytes = iconv.encode(`${ascii}PUMCH,北京协和医院\r\n`, 'gbk');
    const decoder = createStreamDecoder('auto', 1024);
    const text = decoder.write(bytes.subarray(0, 4096)) + decoder.write(bytes.subarray(4096)) + decoder.end();
    expect(text.endsWith('PUMCH,北京协和医院\r\n')).toBe(true);
    expect(decoder.detection()?.encoding).toBe('gb18030');
    expect(detectEncoding(bytes).encoding).toBe('gb18030');
  });

  test('ASCII-only input is reported as such', () => {
    const decoder = createStreamDecoder('auto');
    expect(decoder.write(utf8('a,b\r\n')) + decoder.end()).toBe('a,b\r\n');
    expect(decoder.detection()?.reason.code).toBe('encoding.ascii-only');
  });
});
