/**
 * The binary COPY reader of the cube's bulk read, on bytes laid out as PostgreSQL's binary format says: the same
 * values whether the output comes whole or cut at any byte, and a clear error for output that is not this
 * format, has other columns, or stops before its trailer.
 */
import { describe, expect, it } from 'vitest';
import { BinaryValueRows, type CubePeriodType } from './cube.repository.ts';

type Value = [number, number, CubePeriodType, number, number];

/** `size` bytes written big-endian by `write`. */
function encoded(size: number, write: (buffer: Buffer) => void): Buffer {
  const buffer = Buffer.alloc(size);
  write(buffer);
  return buffer;
}
const int16 = (n: number) => encoded(2, (b) => b.writeInt16BE(n));
const int32 = (n: number) => encoded(4, (b) => b.writeInt32BE(n));
const int8 = (n: number) => encoded(8, (b) => b.writeBigInt64BE(BigInt(n)));
const float8 = (n: number) => encoded(8, (b) => b.writeDoubleBE(n));
function field(bytes: Buffer): Buffer {
  return Buffer.concat([int32(bytes.length), bytes]);
}

const HEADER = Buffer.concat([
  Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'),
  int32(0),
  int32(3),
  Buffer.from('ext'),
]);
const TRAILER = int16(-1);

function row(unit: number, element: number, period: string, value: number): Buffer {
  return Buffer.concat([
    int16(4),
    field(int8(unit)),
    field(int8(element)),
    field(Buffer.from(period)),
    field(float8(value)),
  ]);
}

const OUTPUT = Buffer.concat([
  HEADER,
  row(12, 3, '2024-01', 120),
  row(4294967296 + 7, 1, '2023Q4', -7.5),
  row(2, 2, '2020', 1.7976931348623157e308),
  row(2, 2, '2021-10', 0.30000000000000004),
  TRAILER,
]);

const EXPECTED: Value[] = [
  [12, 3, 'month', 2024 * 12, 120],
  [4294967303, 1, 'quarter', 2023 * 4 + 3, -7.5],
  [2, 2, 'year', 2020, 1.7976931348623157e308],
  [2, 2, 'month', 2021 * 12 + 9, 0.30000000000000004],
];

function readInChunks(bytes: Buffer, cuts: readonly number[], types?: readonly CubePeriodType[]): Value[] {
  const values: Value[] = [];
  const reader = new BinaryValueRows((...value) => values.push(value), types);
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    reader.read(bytes.subarray(start, cut));
    start = cut;
  }
  reader.end();
  return values;
}

describe('BinaryValueRows', () => {
  it('reads every value whole or cut at any one byte, or at every byte', () => {
    const cutAnywhere = Array.from({ length: OUTPUT.length - 1 }, (_, i) => readInChunks(OUTPUT, [i + 1]));
    const everyByte = readInChunks(
      OUTPUT,
      Array.from({ length: OUTPUT.length - 1 }, (_, i) => i + 1),
    );
    expect([
      readInChunks(OUTPUT, []),
      everyByte,
      new Set(cutAnywhere.map((v) => JSON.stringify(v))).size,
    ]).toEqual([EXPECTED, EXPECTED, 1]);
    expect(cutAnywhere[0]).toEqual(EXPECTED);
  });

  it('passes on only the values of the period types asked for', () => {
    expect([
      readInChunks(OUTPUT, [], ['month']),
      readInChunks(OUTPUT, [40], ['quarter', 'year']),
      readInChunks(OUTPUT, [], []),
    ]).toEqual([[EXPECTED[0], EXPECTED[3]], [EXPECTED[1], EXPECTED[2]], []]);
  });

  it('refuses other output: no signature, another column layout, no trailer', () => {
    const refusal = (bytes: Buffer) => {
      try {
        readInChunks(bytes, []);
        return null;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    };
    const threeFields = Buffer.concat([
      HEADER,
      int16(3),
      field(int8(1)),
      field(int8(1)),
      field(int8(1)),
      TRAILER,
    ]);
    const int4Ids = Buffer.concat([
      HEADER,
      int16(4),
      field(int32(1)),
      field(int32(1)),
      field(Buffer.from('2024')),
      field(float8(1)),
      TRAILER,
    ]);
    expect([
      refusal(Buffer.concat([Buffer.from('COPY 1\n'), Buffer.alloc(20)])),
      refusal(threeFields),
      refusal(int4Ids),
      refusal(OUTPUT.subarray(0, OUTPUT.length - 2)),
      refusal(OUTPUT.subarray(0, OUTPUT.length - 5)),
    ]).toEqual([
      'not PostgreSQL binary COPY output',
      'binary COPY row of 3 fields, expected 4',
      'binary COPY row: expected bigint, bigint, text, float8',
      'binary COPY output ended early',
      'binary COPY output ended early',
    ]);
  });
});
