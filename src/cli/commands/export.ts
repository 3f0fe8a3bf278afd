/**
 * `healthbsc export WHAT …`: the stored data in the import formats, so an export edited and imported again
 * round-trips; a scorecard as its scorecard file. WHAT is a kind's export as the registry of import kinds
 * names it (src/server/imports/kinds: `data`, the kinds of one scorecard, `scorecard`).
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { DownloadFile } from '../../server/imports/export.service.ts';
import { exportCommands, type KindExport } from '../../server/imports/kinds/index.ts';
import { type Env, withDbSession } from '../db-session.ts';
import { UsageError } from '../errors.ts';
import type { Io } from '../io.ts';

const COMMANDS = exportCommands();

/** One usage line per export the kinds declare: its filters, or the scorecard it needs. */
function usageLine(command: string, kindExport: KindExport): string {
  const tail = `[--format ${kindExport.formats.join('|')}] [--out FILE]`;
  if (!kindExport.needsScorecard) {
    return (
      `healthbsc export ${command} [--org-unit CODE [--include-descendants]] [--data-element CODE,…]\n` +
      `                        [--period P,…] [--from PERIOD] [--to PERIOD] ${tail}`
    );
  }
  const scorecard = kindExport.command === undefined ? '--scorecard CODE' : 'CODE';
  return `healthbsc export ${command} ${scorecard} ${tail}`;
}

export const EXPORT_USAGE = `Usage: ${[...COMMANDS].map(([command, e]) => usageLine(command, e)).join('\n       ')}
Writes to FILE, or prints to stdout (CSV, YAML and JSON only: an XLSX file needs --out). CSV is UTF-8 with a
byte-order mark, as the import reads it and Excel opens it.`;

function list(text: string | undefined): string[] | undefined {
  return text
    ?.split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
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
  const kindExport = what === undefined ? undefined : COMMANDS.get(what);
  if (kindExport === undefined)
    throw new UsageError(`say what to export: ${[...COMMANDS.keys()].join(', ')}`, EXPORT_USAGE);
  // Only an export named by its own word (`scorecard CODE`) takes the scorecard as an argument.
  const takesCode = kindExport.needsScorecard && kindExport.command !== undefined;
  if (rest.length > 0 || (code !== undefined && !takesCode)) {
    throw new UsageError(`unexpected argument '${rest[0] ?? code}'`, EXPORT_USAGE);
  }
  const format = values.format ?? kindExport.formats[0];
  if (!kindExport.formats.includes(format)) {
    const formats = kindExport.formats.join(' or ');
    throw new UsageError(`--format must be ${formats} for this export (got '${format}')`, EXPORT_USAGE);
  }
  if (format === 'xlsx' && values.out === undefined) {
    throw new UsageError('an XLSX export needs --out FILE', EXPORT_USAGE);
  }
  const scorecard = (takesCode ? code : undefined) ?? values.scorecard;
  if (kindExport.needsScorecard && scorecard === undefined) {
    const needs = takesCode ? 'the scorecard CODE' : '--scorecard CODE';
    throw new UsageError(`export ${what} needs ${needs}`, EXPORT_USAGE);
  }
  const dataElement = list(values['data-element']);
  const period = list(values.period);
  const sessionOptions = { owner: 'healthbsc export', ...(env === undefined ? {} : { env }) };
  const file = await withDbSession(sessionOptions, (s) =>
    kindExport.run(s.ctx, s.actor, {
      format,
      ...(scorecard === undefined ? {} : { scorecard }),
      filters: {
        includeDescendants: values['include-descendants'],
        ...(values['org-unit'] === undefined ? {} : { orgUnit: values['org-unit'] }),
        ...(dataElement === undefined ? {} : { dataElement }),
        ...(period === undefined ? {} : { period }),
        ...(values.from === undefined ? {} : { from: values.from }),
        ...(values.to === undefined ? {} : { to: values.to }),
      },
    }),
  );
  await deliver(io, file, values.out);
  return 0;
}
