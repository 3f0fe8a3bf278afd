/**
 * `/api/import-profiles`: saved, versioned mapping profiles (list, one version, save, a new version, the
 * profile file out and in); `/api/profile-imports`: the import wizard's steps on an uploaded file (its columns,
 * a preview of a profile on its first rows) and the import itself (dry run or commit, ndjson progress on
 * request). Uploads are `multipart/form-data` (a `file` part; fields `profile` = a profile's JSON, or `code` [+
 * `version`] of a saved one, `dryRun`, `fileName`) or the raw bytes with the same settings as query parameters.
 */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { codeParamsSchema, queryBooleanSchema } from '../../core/contracts/common.ts';
import type { ImportProgress } from '../../core/contracts/import.ts';
import {
  type ImportProfile,
  profileImportReportSchema,
  profileInspectionSchema,
  profilePreviewSchema,
  profileVersionQuerySchema,
  savedProfileListSchema,
  savedProfileSchema,
  saveProfileBodySchema,
} from '../../core/contracts/import-profiles.ts';
import { badRequest } from '../../core/errors/problem.ts';
import type { Actor, ServerContext } from '../context.ts';
import {
  DEFAULT_IMPORT_FILE_LIMIT,
  RAW_TYPES,
  readUpload,
  sendFile,
  sendStream,
  type Upload,
} from '../imports/import.routes.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import { parseProfileFile } from './profile-file.ts';
import { importWithProfile } from './profile-import.service.ts';
import { inspectFile, previewProfile } from './profile-preview.service.ts';
import {
  exportProfileFile,
  getSavedProfile,
  importProfileFile,
  listSavedProfiles,
  saveProfile,
} from './saved-profiles.service.ts';

const tags = ['mapping profiles'];
const NDJSON = 'application/x-ndjson';

/** The settings of an upload, as query parameters or form fields (a field wins). */
const uploadSettingsSchema = z.strictObject({
  code: z.string().min(1).max(64).optional(),
  version: z.coerce.number().int().min(1).optional(),
  dryRun: queryBooleanSchema.default(true),
  fileName: z.string().max(255).optional(),
});
type UploadSettings = z.infer<typeof uploadSettingsSchema>;

function settingsOf(
  query: UploadSettings,
  upload: Upload,
): UploadSettings & { readonly profileText?: string } {
  const { profile, ...fields } = upload.fields;
  const parsed = uploadSettingsSchema.partial().safeParse(fields);
  const given = parsed.success
    ? Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined))
    : {};
  return { ...query, ...given, ...(profile === undefined ? {} : { profileText: profile }) };
}

/** The profile an upload names: its own JSON (`profile`), or a saved one (`code`, `version`). */
async function profileOf(
  ctx: ServerContext,
  actor: Actor,
  settings: UploadSettings & { readonly profileText?: string },
): Promise<ImportProfile> {
  if (settings.profileText !== undefined) return parseProfileFile(settings.profileText);
  if (settings.code === undefined) throw badRequest('import-profile.no-profile', {}, ['profile']);
  return (await getSavedProfile(ctx, actor, settings.code, settings.version)).profile;
}

export const importProfileRoutes: FastifyPluginAsync = async (fastify) => {
  await fastify.register(fastifyMultipart, {
    limits: { fileSize: DEFAULT_IMPORT_FILE_LIMIT, files: 1, fields: 10, parts: 11 },
  });
  fastify.addContentTypeParser(
    RAW_TYPES,
    { parseAs: 'buffer', bodyLimit: DEFAULT_IMPORT_FILE_LIMIT },
    (_request, body, done) => {
      done(null, body);
    },
  );
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/import-profiles',
    {
      schema: {
        tags,
        summary: 'Saved mapping profiles with their latest version',
        response: { 200: savedProfileListSchema, ...problemResponses() },
      },
    },
    async (request) => listSavedProfiles(app.ctx, getActor(request)),
  );

  app.post(
    '/import-profiles',
    {
      schema: {
        tags,
        summary: 'Save a profile under its code: the first version, or a new one (200 when unchanged)',
        body: saveProfileBodySchema,
        response: { 200: savedProfileSchema, 201: savedProfileSchema, ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      const { saved, created } = await saveProfile(app.ctx, getActor(request), request.body);
      return reply.code(created ? 201 : 200).send(saved);
    },
  );

  app.post(
    '/import-profiles/files',
    {
      schema: {
        tags,
        summary: 'Import a profile file (healthbsc/profile@1) as a saved profile or its new version',
        body: z.strictObject({ file: z.string().max(1_000_000), reason: z.string().max(500).optional() }),
        response: { 200: savedProfileSchema, 201: savedProfileSchema, ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const { saved, created } = await importProfileFile(app.ctx, getActor(request), body.file, body.reason);
      return reply.code(created ? 201 : 200).send(saved);
    },
  );

  app.get(
    '/import-profiles/:code',
    {
      schema: {
        tags,
        summary: 'A saved profile: its latest version, or ?version=n, with the list of its versions',
        params: codeParamsSchema,
        querystring: profileVersionQuerySchema,
        response: { 200: savedProfileSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) =>
      getSavedProfile(app.ctx, getActor(request), request.params.code, request.query.version),
  );

  app.post(
    '/import-profiles/:code/versions',
    {
      schema: {
        tags,
        summary: 'Save a new version of a saved profile (its code must be the profile’s; 200 when unchanged)',
        params: codeParamsSchema,
        body: saveProfileBodySchema,
        response: { 200: savedProfileSchema, 201: savedProfileSchema, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { saved, created } = await saveProfile(app.ctx, getActor(request), request.body, {
        code: request.params.code,
        mustExist: true,
      });
      return reply.code(created ? 201 : 200).send(saved);
    },
  );

  app.get(
    '/import-profiles/:code/file',
    {
      schema: {
        tags,
        summary: 'The profile file of a saved profile (latest, or ?version=n)',
        params: codeParamsSchema,
        querystring: profileVersionQuerySchema,
        response: { 200: z.any().describe('the profile file (JSON)'), ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      const file = await exportProfileFile(
        app.ctx,
        getActor(request),
        request.params.code,
        request.query.version,
      );
      return sendFile(reply, {
        bytes: new TextEncoder().encode(file.text),
        fileName: file.fileName,
        contentType: 'application/json; charset=utf-8',
      });
    },
  );

  app.post(
    '/profile-imports/inspect',
    {
      schema: {
        tags,
        summary: "An uploaded table's columns: samples, guessed types, the period format (nothing stored)",
        response: { 200: profileInspectionSchema, ...problemResponses(400) },
      },
    },
    async (request) => {
      const upload = await readUpload(request);
      return inspectFile(app.ctx, getActor(request), { bytes: upload.bytes });
    },
  );

  app.post(
    '/profile-imports/preview',
    {
      schema: {
        tags,
        summary: 'A profile applied to the first rows of an uploaded table: mapped values and row errors',
        querystring: uploadSettingsSchema,
        response: { 200: profilePreviewSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const actor = getActor(request);
      const upload = await readUpload(request);
      const profile = await profileOf(app.ctx, actor, settingsOf(request.query, upload));
      return previewProfile(app.ctx, actor, { bytes: upload.bytes, profile });
    },
  );

  app.post(
    '/profile-imports',
    {
      schema: {
        tags,
        summary:
          'Import a table with a profile: check the whole file (dryRun=true, the default) or write it in one transaction',
        querystring: uploadSettingsSchema,
        response: { 200: profileImportReportSchema, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const actor = getActor(request);
      const upload = await readUpload(request);
      const settings = settingsOf(request.query, upload);
      const profile = await profileOf(app.ctx, actor, settings);
      const run = (onProgress?: (p: ImportProgress) => void) =>
        importWithProfile(app.ctx, actor, {
          bytes: upload.bytes,
          fileName: settings.fileName ?? upload.fileName ?? 'upload',
          profile,
          dryRun: settings.dryRun,
          ...(onProgress === undefined ? {} : { onProgress }),
        });
      if ((request.headers.accept ?? '').includes(NDJSON)) return sendStream(request, reply, run);
      return reply.send(await run());
    },
  );
};
