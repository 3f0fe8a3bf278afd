/**
 * `healthbsc export WHAT …`: the stored data in the import formats, so an export edited and imported again
 * round-trips; a scorecard as its scorecard file. WHAT is a kind's export as the registry of import kinds
 * names it (src/server/imports/kinds: `data`, the kinds of one scorecard, `scorecard`). While a server runs
 * (`--server`/`--token`, or the server holds the data directory) the export is fetched from its export routes.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { DownloadFile } from '../../server/imports/export.service.ts';
import { exportCommands, type KindExport } from '../../server/imports/kinds/index.ts';
import type { ExportRequest } from '../../server/imports/kinds/kind.ts';
import { type Env, withDbSession } from '../db-session.ts';
import { UsageError, usageError } from '../errors.ts';
import type { Io } from '../io.ts';
import { askServer, SERVER_OPTIONS, type ServerTarget, serverTarget } from '../server-client.ts';

const COMMANDS = exportCommands();

/** One usage line per export the kinds declare: its filters, or the scorecard it needs. */
function usageLine(command: string, kindExport: KindExport): string {
  const tail = `[--format ${kindExport.formats.join('|')}] [--out FILE] [--server URL] [--token TOKEN]`;
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
byte-order mark, as the import reads it and Excel opens it. With --server URL or --token TOKEN, or when the
server holds the data directory, the running server's export routes are asked instead (data and scorecard;
an API token from 'healthbsc token create', or HEALTHBSC_TOKEN; the URL defaults to
http://HEALTHBSC_HOST:HEALTHBSC_PORT).`;

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

/** The query string of a request: its parameters in order, lists comma-joined, absent ones left out. */
function query(
  parameters: Readonly<Record<string, string | readonly string[] | boolean | undefined>>,
): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined) search.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  return search.toString();
}

/**
 * The server's route for each export it serves (src/server/imports/import.routes.ts), by the word after
 * `healthbsc export`; an export missing here is refused with `remote.export-not-served`.
 */
const SERVER_ROUTES: Readonly<Record<string, ((request: ExportRequest) => string) | undefined>> = {
  data: ({ format, filters }) =>
    `/api/exports/data-values?${query({
      format,
      orgUnit: filters?.orgUnit,
      includeDescendants: filters?.includeDescendants,
      dataElement: filters?.dataElement,
      period: filters?.period,
      from: filters?.from,
      to: filters?.to,
    })}`,
  scorecard: ({ format, scorecard }) =>
    `/api/exports/scorecards/${encodeURIComponent(scorecard ?? '')}?${query({ format })}`,
};

/** The file name the server sends (`filename*` of content-disposition), else the export's word. */
function fileNameOf(response: Response, what: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  return encoded === undefined ? what : decodeURIComponent(encoded);
}

/** The export fetched from a running server: the very bytes its export route sends. */
async function exportFromServer(
  target: ServerTarget,
  what: string,
  request: ExportRequest,
): Promise<DownloadFile> {
  const route = SERVER_ROUTES[what];
  if (route === undefined) throw usageError(EXPORT_USAGE, 'remote.export-not-served', { what });
  const response = await askServer(target, route(request));
  return {
    bytes: new Uint8Array(await response.arrayBuffer()),
    fileName: fileNameOf(response, what),
    contentType: response.headers.get('content-type') ?? 'application/octet-stream',
  };
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
      ...SERVER_OPTIONS,
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
  const request: ExportRequest = {
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
  };
  const target = await serverTarget(values, env ?? process.env, EXPORT_USAGE);
  const file =
    target === null
      ? await withDbSession({ owner: 'healthbsc export', ...(env === undefined ? {} : { env }) }, (s) =>
          kindExport.run(s.ctx, s.actor, request),
        )
      : await exportFromServer(target, what ?? '', request);
  await deliver(io, file, values.out);
  return 0;
}
