/**
 * One side of the extract benchmark in a process of its own, so its peak RSS is its own: `product` runs
 * runExtract (staging, worker thread, sandboxed DuckDB), `duckdb` runs the same compiled SQL directly in DuckDB
 * with the same memory limit and threads. Prints `{ ms, maxRssMb, values }` as JSON.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { extractDefinitionSchema } from '../src/core/contracts/extracts.ts';
import { compileExtract } from '../src/core/extracts/index.ts';
import { DEFAULT_DUCKDB_LIMITS } from '../src/server/extracts/run-duckdb.ts';
import { runExtract } from '../src/server/extracts/run-extract.ts';

const [mode, path, definitionPath] = process.argv.slice(2);
if (mode === undefined || path === undefined || definitionPath === undefined) {
  throw new Error('usage: extract-child.ts product|duckdb FILE DEFINITION');
}
const definition = extractDefinitionSchema.parse(JSON.parse(await readFile(definitionPath, 'utf8')));
const started = performance.now();
let values: number;
if (mode === 'product') {
  values = (await runExtract({ definition, file: { path }, encoding: 'utf-8' })).values.length;
} else {
  const format = path.endsWith('.parquet') ? 'parquet' : 'csv';
  const { sql } = compileExtract(definition, { format, path });
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: DEFAULT_DUCKDB_LIMITS.memoryLimit,
    threads: String(DEFAULT_DUCKDB_LIMITS.threads),
  });
  const connection = await instance.connect();
  // Spill beside the generated file (deleted with it), not into the working directory's .tmp.
  await connection.run(`SET temp_directory = '${join(dirname(path), 'duckdb-spill')}'`);
  values = (await connection.runAndReadAll(sql)).getRows().length;
  connection.closeSync();
  instance.closeSync();
}
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, values })}\n`);
