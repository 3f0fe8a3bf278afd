/**
 * `healthbsc export data|targets|assessments|reported|scorecard …`: the stored data in the import formats,
 * so an export edited and imported again round-trips; a scorecard as its scorecard file.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  type DownloadFile,
  exportDataValues,
  exportScorecardFile,
  exportScorecardTable,
} from '../../server/imports/export.service.ts';
import { type Env, withDbSession } from '../db-session.ts';
import { UsageError } from '../errors.ts';
import type { Io } from '../io.ts';

export const EXPORT_USAGE = `Usage: healthbsc export data [--org-unit CODE [--include-descendants]] [--data-element CODE,…]
                                    [--period P,…] [--from PERIOD] [--to PERIOD] [--format csv|xlsx] [--out FILE]
       healthbsc export targets|assessments|reported --scorecard CODE [--format csv|xlsx] [--out FILE]
       healthbsc export scorecard CODE [--format yaml|json] [--out FILE]
Writes to FILE, or prints to stdout (CSV, YAML and JSON only: an XLSX file needs --out). CSV is UTF-8 with a
byte-order mark, as the import reads it and Excel opens it.`;

const WHAT = ['data', 'targets', 'assessments', 'reported', 'scorecard'] as const;

function list(text: string | undefined): string[] | undefined {
  return text
    ?.split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function tableFormat(value: string | undefined): 'csv' | 'xlsx' {
  if (value === undefined || value === 'csv' || value === 'xlsx') return value ?? 'csv';
  throw new UsageError(`--format must be csv or xlsx for this export (got '${value}')`, EXPORT_USAGE);
}

async function deliver(io: Io, file: DownloadFile, out: string | undefined): Promise<void> {
  if (out !== undefined) {
    await writeFile(out, file.bytes);
    io.err(`wrote ${out} (${file.bytes.length} bytes)`);
    return;
  }
  if (file.fileName.endsWith('.xlsx')) throw new UsageError('an XLSX export needs --out FILE', EXPORT_USAGE);
  const text = new TextDecoder('utf-8').decode(file.bytes).replace(/^\uFEFF/, '');
  for (const line of text.replace(/\r?\n$/, '').split(/\r?\n/)) io.out(line);
}

export async function runExport(args: readonly string[], io: Io, env?: Env): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      scorecard: { type: 'string' },
      'org-unit': { type: 'string' },
      'include-descendants': { type: 'boolean', default: false },
      'data-element': { type: 'string' },
      period: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const [what, code, ...rest] = positionals;
  const kind = WHAT.find((w) => w === what);
  if (kind === undefined) throw new UsageError(`say what to export: ${WHAT.join(', ')}`, EXPORT_USAGE);
  if (rest.length > 0 || (code !== undefined && kind !== 'scorecard')) {
    throw new UsageError(`unexpected argument '${rest[0] ?? code}'`, EXPORT_USAGE);
  }
  if (values.format === 'xlsx' && values.out === undefined) {
    throw new UsageError('an XLSX export needs --out FILE', EXPORT_USAGE);
  }
  const sessionOptions = { owner: 'healthbsc export', ...(env === undefined ? {} : { env }) };
  const file = await withDbSession(sessionOptions, async (s) => {
    if (kind === 'scorecard') {
      const name = code ?? values.scorecard;
      if (name === undefined) throw new UsageError('export scorecard needs the scorecard CODE', EXPORT_USAGE);
      const format = values.format ?? 'yaml';
      if (format !== 'yaml' && format !== 'json')
        throw new UsageError(`--format must be yaml or json (got '${format}')`, EXPORT_USAGE);
      return exportScorecardFile(s.ctx, s.actor, name, format);
    }
    if (kind === 'data') {
      const dataElement = list(values['data-element']);
      const period = list(values.period);
      return exportDataValues(s.ctx, s.actor, {
        format: tableFormat(values.format),
        includeDescendants: values['include-descendants'],
        ...(values['org-unit'] === undefined ? {} : { orgUnit: values['org-unit'] }),
        ...(dataElement === undefined ? {} : { dataElement }),
        ...(period === undefined ? {} : { period }),
        ...(values.from === undefined ? {} : { from: values.from }),
        ...(values.to === undefined ? {} : { to: values.to }),
      });
    }
    if (values.scorecard === undefined)
      throw new UsageError(`export ${kind} needs --scorecard CODE`, EXPORT_USAGE);
    return exportScorecardTable(s.ctx, s.actor, kind, values.scorecard, tableFormat(values.format));
  });
  await deliver(io, file, values.out);
  return 0;
}
