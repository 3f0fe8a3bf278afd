import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { describe, expect, test } from 'vitest';
import {
  expectedAggregates,
  IDENTIFYING_VALUES,
  type SmallExtractVariant,
  smallExtractBytes,
  smallExtractCsvText,
  smallExtractDefinition,
} from '../../../test/fixtures/extracts/small-extract.ts';
import { isProblemError } from '../../core/errors/problem.ts';
import { runExtract } from './run-extract.ts';

const UNITS = { cardiology: 'CARD', orthopaedics: 'ORTH' };
const ELEMENTS = {
  discharges: 'DIS',
  readmissions: 'READM30',
  patients: 'PAT',
  cost: 'COST',
  avgCost: 'AVGCOST',
};
const definition = smallExtractDefinition(UNITS, ELEMENTS);

async function stagedDirectories(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((name) => name.startsWith('healthbsc-extract-'));
}

describe('runExtract', () => {
  test.each<[SmallExtractVariant, string, boolean, string | null]>([
    ['utf-8', 'csv', false, 'utf-8'],
    ['gb18030', 'csv', false, 'gb18030'],
    ['utf-8-gzip', 'csv', true, 'utf-8'],
    ['gb18030-gzip', 'csv', false, 'gb18030'],
    ['parquet', 'parquet', false, null],
  ])(
    'aggregates the %s extract to the values worked out by hand, 30-day readmissions included',
    async (variant, format, gzip, encoding) => {
      const result = await runExtract({ definition, file: { bytes: await smallExtractBytes(variant) } });
      expect({ format: result.format, gzip: result.gzip, encoding: result.encoding }).toEqual({
        format,
        gzip,
        encoding,
      });
      expect(result.values).toEqual(expectedAggregates(UNITS, ELEMENTS));
    },
  );

  test('deletes its staged files once it has aggregated', async () => {
    const before = await stagedDirectories();
    await runExtract({ definition, file: { bytes: await smallExtractBytes('gb18030') } });
    expect(await stagedDirectories()).toEqual(before);
  });

  test('reports the engine’s failure without any record value, and deletes its staged files', async () => {
    const before = await stagedDirectories();
    // A row with two cells too many: DuckDB's CSV error quotes the whole line below its first line.
    const broken = `${smallExtractCsvText()}P-90001,张三丰,心内科,2024-05-01,2024-05-02,9,extra,more\r\n`;
    const error: unknown = await runExtract({
      definition,
      file: { bytes: new TextEncoder().encode(broken) },
    }).catch((e: unknown) => e);
    if (!isProblemError(error)) throw new Error('expected a problem');
    expect(error.problem.code).toBe('extract.engine-failed');
    const said = JSON.stringify(error.problem);
    expect(IDENTIFYING_VALUES.filter((value) => said.includes(value))).toEqual([]);
    expect(await stagedDirectories()).toEqual(before);
  });

  test('reports progress between 0 and 100', async () => {
    const seen: number[] = [];
    await runExtract({
      definition,
      file: { bytes: await smallExtractBytes('utf-8') },
      onProgress: (p) => seen.push(p),
    });
    expect(seen.every((p) => p >= 0 && p <= 100)).toBe(true);
  });
});
