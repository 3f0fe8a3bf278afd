/**
 * `/api/imports`, `/api/templates`, `/api/exports`: uploading a file (dry run or commit), the history, undo,
 * the data-entry template and the exports. Thin: parse with the contracts, call the services, send.
 *
 * An upload is `multipart/form-data` (a `file` part and the fields `kind`, `encoding`, `scorecard`, `dryRun`,
 * `format`), or the raw bytes (`application/octet-stream`, `text/csv` or the XLSX media type) with the same
 * settings as query parameters. With `Accept: application/x-ndjson` the answer is a stream of JSON lines:
 * progress `{"phase":"checking","done":50000,"total":100000}` …, then `{"report":…}` or `{"problem":…}`
 * (a stream's status is sent before the outcome is known, so it is always 200).
 */
import { PassThrough } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { codeParamsSchema, paginationQuerySchema } from '../../core/contracts/common.ts';
import {
  exportDataValuesQuerySchema,
  exportScorecardQuerySchema,
  type ImportProgress,
  type ImportQuery,
  importBatchDetailSchema,
  importBatchPageSchema,
  importIdParamsSchema,
  importQuerySchema,
  importRejectedProblemSchema,
  importReportSchema,
  listImportsQuerySchema,
  templateQuerySchema,
  undoImportBodySchema,
  undoImportResultSchema,
} from '../../core/contracts/import.ts';
import { badRequest, invalid, isProblemError, makeProblem } from '../../core/errors/problem.ts';
import { toProblemIssues } from '../../core/errors/zod-issues.ts';
import { getActor } from '../plugins/actor.ts';
import { PROBLEM_CONTENT_TYPE } from '../plugins/problem-errors.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import { ExtendedProblemError } from '../problem-extensions.ts';
import { buildTemplate, type DownloadFile } from './export.service.ts';
import {
  commitImport,
  dryRunImport,
  getImportBatch,
  type ImportInput,
  importHistory,
  undoImport,
} from './import.service.ts';
import { exportDataValues } from './kinds/data.ts';
import { kindOfFile } from './kinds/index.ts';
import { exportScorecardFile } from './kinds/scorecard-file.ts';

/** 100 MiB: a 2-million-row CSV export of a hospital information system. */
export const DEFAULT_IMPORT_FILE_LIMIT = 100 * 1024 * 1024;

export interface ImportRoutesOptions {
  /** The largest file accepted, in bytes. Default 100 MiB. */
  readonly maxFileBytes?: number;
}

const tags = ['imports and exports'];
const NDJSON = 'application/x-ndjson';
export const RAW_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/yaml',
  'application/x-yaml',
];

export interface Upload {
  readonly bytes: Uint8Array;
  readonly fileName: string | undefined;
  readonly fields: Record<string, string>;
}

/** The file and the form fields of a multipart upload, or the raw body. */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) {
    const body: unknown = request.body;
    if (!(body instanceof Uint8Array)) {
      throw badRequest('import.no-file-sent', {}, ['file']);
    }
    return { bytes: body, fileName: undefined, fields: {} };
  }
  const fields: Record<string, string> = {};
  let file: { bytes: Uint8Array; name: string } | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      if (part.fieldname === 'file' && file === null) file = { bytes, name: part.filename };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  if (file === null) throw badRequest('import.no-file-part', {}, ['file']);
  return { bytes: file.bytes, fileName: file.name, fields };
}

/** The form fields of a multipart upload: the query's settings, none required, no defaults. */
const formFieldsSchema = z
  .object({
    dryRun: importQuerySchema.shape.dryRun.unwrap(),
    kind: importQuerySchema.shape.kind.unwrap(),
    format: importQuerySchema.shape.format.unwrap(),
    encoding: importQuerySchema.shape.encoding.unwrap(),
    scorecard: importQuerySchema.shape.scorecard.unwrap(),
    fileName: importQuerySchema.shape.fileName.unwrap(),
    sheet: importQuerySchema.shape.sheet.unwrap(),
    overrideReason: importQuerySchema.shape.overrideReason.unwrap(),
    definition: importQuerySchema.shape.definition.unwrap(),
  })
  .partial()
  .strict();

/** The query's settings with the form's fields over them (a form field wins). */
function importSettings(query: ImportQuery, fields: Record<string, string>): ImportQuery {
  const parsed = formFieldsSchema.safeParse(fields);
  if (!parsed.success) throw invalid('import.invalid-form-fields', {}, toProblemIssues(parsed.error.issues));
  const given = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
  return { ...query, ...given };
}

function inputOf(
  upload: Upload,
  settings: ImportQuery,
  onProgress?: (p: ImportProgress) => void,
): ImportInput {
  const fileName = settings.fileName ?? upload.fileName ?? 'upload';
  const kind = settings.kind ?? kindOfFile(fileName);
  return {
    bytes: upload.bytes,
    fileName,
    kind,
    encoding: settings.encoding,
    ...(settings.format === undefined ? {} : { format: settings.format }),
    ...(settings.scorecard === undefined ? {} : { scorecard: settings.scorecard }),
    ...(settings.sheet === undefined ? {} : { sheet: settings.sheet }),
    ...(settings.overrideReason === undefined ? {} : { overrideReason: settings.overrideReason }),
    ...(settings.definition === undefined ? {} : { definition: settings.definition }),
    ...(onProgress === undefined ? {} : { onProgress }),
  };
}

/** A problem as one stream line, with its extension members (the rejected report). */
function problemLine(error: unknown, request: FastifyRequest): string {
  if (isProblemError(error)) {
    const extensions = error instanceof ExtendedProblemError ? error.extensions : {};
    return JSON.stringify({ problem: { ...extensions, ...error.problem } });
  }
  request.log.error({ err: error }, 'import failed');
  const problem = makeProblem('internal', 'request.internal', { requestId: request.id });
  return JSON.stringify({ problem });
}

export function sendStream(
  request: FastifyRequest,
  reply: FastifyReply,
  run: (onProgress: (p: ImportProgress) => void) => Promise<unknown>,
) {
  const stream = new PassThrough();
  const write = (line: string): void => {
    stream.write(`${line}\n`);
  };
  run((progress) => write(JSON.stringify(progress)))
    .then((report) => write(JSON.stringify({ report })))
    .catch((error: unknown) => write(problemLine(error, request)))
    .finally(() => stream.end());
  return reply.type(NDJSON).header('cache-control', 'no-store').send(stream);
}

/** RFC 6266 `attachment` with an ASCII fallback and the UTF-8 name (`filename*`, RFC 8187). */
export function sendFile(reply: FastifyReply, file: DownloadFile): FastifyReply {
  const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .type(file.contentType)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}

const fileResponse = { 200: z.any().describe('the file (CSV, XLSX, YAML or JSON)') };

/** The routes of imports, templates and exports, with an upload limit. */
export function createImportRoutes(options: ImportRoutesOptions = {}): FastifyPluginAsync {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_IMPORT_FILE_LIMIT;
  return async (fastify) => {
    await fastify.register(fastifyMultipart, {
      limits: { fileSize: maxFileBytes, files: 1, fields: 20, parts: 21 },
    });
    fastify.addContentTypeParser(
      RAW_TYPES,
      { parseAs: 'buffer', bodyLimit: maxFileBytes },
      (_request, body, done) => {
        done(null, body);
      },
    );
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/imports',
      {
        bodyLimit: maxFileBytes,
        schema: {
          tags,
          summary:
            'Check a file (dryRun=true, the default) or import it (dryRun=false); ndjson progress on request',
          querystring: importQuerySchema,
          response: {
            200: importReportSchema,
            ...problemResponses(400, 404),
            400: {
              description:
                'The request or the file is not valid; a refused commit carries the whole `report`.',
              content: { [PROBLEM_CONTENT_TYPE]: { schema: importRejectedProblemSchema } },
            },
          },
        },
      },
      async (request, reply) => {
        const actor = getActor(request);
        const upload = await readUpload(request);
        const settings = importSettings(request.query, upload.fields);
        const run = (onProgress?: (p: ImportProgress) => void) =>
          settings.dryRun
            ? dryRunImport(app.ctx, actor, inputOf(upload, settings, onProgress))
            : commitImport(app.ctx, actor, inputOf(upload, settings, onProgress));
        if ((request.headers.accept ?? '').includes(NDJSON)) return sendStream(request, reply, run);
        return reply.send(await run());
      },
    );

    app.get(
      '/imports',
      {
        schema: {
          tags,
          summary: 'Committed imports, newest first',
          querystring: listImportsQuerySchema,
          response: { 200: importBatchPageSchema, ...problemResponses(400) },
        },
      },
      async (request) => importHistory(app.ctx, getActor(request), request.query),
    );

    app.get(
      '/imports/:id',
      {
        schema: {
          tags,
          summary: 'One import with a page of the rows it changed (old → new)',
          params: importIdParamsSchema,
          querystring: paginationQuerySchema.strict(),
          response: { 200: importBatchDetailSchema, ...problemResponses(400, 404) },
        },
      },
      async (request) => getImportBatch(app.ctx, getActor(request), request.params.id, request.query),
    );

    app.post(
      '/imports/:id/undo',
      {
        schema: {
          tags,
          summary: 'Undo an import: old values back, created rows deleted (409 if a row changed since)',
          params: importIdParamsSchema,
          body: undoImportBodySchema.nullish(),
          response: { 200: undoImportResultSchema, ...problemResponses(404, 409) },
        },
      },
      async (request) => undoImport(app.ctx, getActor(request), request.params.id, request.body?.reason),
    );

    app.get(
      '/templates/:code',
      {
        schema: {
          tags,
          summary: "The wide data-entry template of a scorecard's data elements",
          params: codeParamsSchema,
          querystring: templateQuerySchema,
          response: { ...fileResponse, ...problemResponses(400, 404) },
        },
      },
      async (request, reply) =>
        sendFile(reply, await buildTemplate(app.ctx, getActor(request), request.params.code, request.query)),
    );

    app.get(
      '/exports/data-values',
      {
        schema: {
          tags,
          summary: 'Data values in the long import format (filters as the data-values list)',
          querystring: exportDataValuesQuerySchema,
          response: { ...fileResponse, ...problemResponses(400, 404) },
        },
      },
      async (request, reply) =>
        sendFile(reply, await exportDataValues(app.ctx, getActor(request), request.query)),
    );

    app.get(
      '/exports/scorecards/:code',
      {
        schema: {
          tags,
          summary: 'The scorecard file (YAML or JSON) of the current version',
          params: codeParamsSchema,
          querystring: exportScorecardQuerySchema,
          response: { ...fileResponse, ...problemResponses(404) },
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await exportScorecardFile(app.ctx, getActor(request), request.params.code, request.query.format),
        ),
    );
  };
}

/** The import routes with the default upload limit, for `buildApp(ctx, { routes: [importRoutes] })`. */
export const importRoutes: FastifyPluginAsync = createImportRoutes();
