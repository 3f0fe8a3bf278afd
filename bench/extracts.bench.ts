/**
 * Record-level extracts: a generated extract of `rows` encounters (default 20 M; CSV and Parquet, written by
 * DuckDB into a temporary directory, deleted after) aggregated to 40 data elements × 50 units × 24 months,
 * including a 30-day readmission window. The product (runExtract: staging, a worker thread, sandboxed DuckDB)
 * against the same SQL run directly in DuckDB on the same file, each in a child process of its own for its
 * peak RSS. Targets (issue 16): ≤ 1.5 × DuckDB's time, ≤ 1.5 GB RSS.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import type { ExtractDefinitionInput } from '../src/core/contracts/extracts.ts';
import { type Row, seconds } from './report.ts';

const run = promisify(execFile);

/** 40 elements: the four aggregates under five visit types, by admission or discharge month, one readmission. */
export function benchDefinition(): ExtractDefinitionInput {
  const aggregates = ['count', 'count-distinct', 'sum', 'avg'] as const;
  const elements: ExtractDefinitionInput['elements'] = [];
  for (let k = 0; k < 39; k += 1) {
    const aggregate = aggregates[k % 4] ?? 'count';
    elements.push({
      dataElement: `E${String(k).padStart(2, '0')}`,
      aggregate,
      ...(aggregate === 'count' ? {} : { column: aggregate === 'count-distinct' ? 'patient_id' : 'cost' }),
      date: k % 2 === 0 ? 'discharged' : 'admitted',
      where: [{ column: 'visit_type', op: 'eq', value: k % 5 }],
    });
  }
  elements.push({
    dataElement: 'READM30',
    aggregate: 'count',
    date: 'discharged',
    where: [{ construct: 'readmitted' }],
  });
  return {
    unit: { column: 'unit' },
    identifying: ['patient_id'],
    constructs: {
      readmitted: {
        type: 'next-admission-within',
        patient: 'patient_id',
        admission: 'admitted',
        discharge: 'discharged',
        days: 30,
      },
    },
    elements,
  };
}

async function generate(dir: string, rows: number): Promise<{ csv: string; parquet: string }> {
  const csv = join(dir, 'encounters.csv');
  const parquet = join(dir, 'encounters.parquet');
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: '1GB', threads: '2' });
  const connection = await instance.connect();
  const patients = Math.max(1, Math.floor(rows / 4));
  await connection.run(`CREATE TABLE e AS SELECT
      'P' || CAST(hash(i) % ${patients} AS VARCHAR) AS patient_id,
      'U' || CAST(i % 50 AS VARCHAR) AS unit,
      DATE '2023-01-01' + CAST(hash(i * 7) % 716 AS INTEGER) AS admitted,
      DATE '2023-01-01' + CAST(hash(i * 7) % 716 AS INTEGER) + CAST(hash(i * 13) % 14 AS INTEGER) AS discharged,
      CAST(hash(i * 17) % 100000 AS DOUBLE) / 100 AS cost,
      CAST(hash(i * 19) % 5 AS INTEGER) AS visit_type
    FROM range(${rows}) t(i)`);
  await connection.run(`COPY e TO '${csv}' (HEADER, DELIMITER ',')`);
  await connection.run(`COPY e TO '${parquet}' (FORMAT parquet)`);
  connection.closeSync();
  instance.closeSync();
  return { csv, parquet };
}

interface ChildResult {
  readonly ms: number;
  readonly maxRssMb: number;
  readonly values: number;
}

async function child(mode: 'product' | 'duckdb', file: string, definition: string): Promise<ChildResult> {
  const script = join(import.meta.dirname, 'extract-child.ts');
  const { stdout } = await run(process.execPath, [script, mode, file, definition], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
}

export async function runExtractsBench(options: { readonly rows: number }): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), 'healthbsc-bench-extract-'));
  try {
    const files = await generate(dir, options.rows);
    const definition = join(dir, 'definition.json');
    await writeFile(definition, JSON.stringify(benchDefinition()));
    const rows: Row[] = [];
    const label = `${(options.rows / 1e6).toLocaleString('en')} M rows`;
    for (const [format, file] of [
      ['CSV', files.csv],
      ['Parquet', files.parquet],
    ] as const) {
      const direct = await child('duckdb', file, definition);
      const product = await child('product', file, definition);
      rows.push(
        {
          engine: 'duckdb',
          figure: `${format}, ${label}: time`,
          value: seconds(direct.ms),
          detail: `${direct.values} values`,
          target: '',
        },
        {
          engine: 'product',
          figure: `${format}, ${label}: time`,
          value: seconds(product.ms),
          detail: `${(product.ms / direct.ms).toFixed(2)} × DuckDB; ${product.values} values`,
          target: '≤ 1.5 × DuckDB',
        },
        {
          engine: 'duckdb',
          figure: `${format}, ${label}: peak RSS`,
          value: `${Math.round(direct.maxRssMb)} MB`,
          detail: '',
          target: '',
        },
        {
          engine: 'product',
          figure: `${format}, ${label}: peak RSS`,
          value: `${Math.round(product.maxRssMb)} MB`,
          detail: '',
          target: '≤ 1.5 GB',
        },
      );
    }
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
