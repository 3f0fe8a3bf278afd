/**
 * Mapping profiles (`/api/import-profiles`) and the import wizard's uploads (`/api/profile-imports`): the saved
 * profiles, saving one (a new version when it changed), the columns of an uploaded table, a profile's preview on
 * its first rows, and the import itself, streamed so its progress shows.
 */
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportProfileInput, ProfileImportReport } from '../../../core/contracts/import-profiles.ts';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { importChanges } from './imports.ts';
import { useApiMutation } from './mutation.ts';
import { postNdjson } from './ndjson-request.ts';
import { requestFn } from './query.ts';
import { apiRequest, routeUrl, splitRoute } from './request.ts';
import type { ResponseOf, StreamRoutes } from './routes.ts';

export type SavedProfileSummary = ResponseOf<'GET /api/import-profiles'>['items'][number];
export type SavedProfile = ResponseOf<'GET /api/import-profiles/:code'>;
export type ProfileInspection = StreamRoutes['POST /api/profile-imports/inspect']['line'];
export type ProfilePreview = StreamRoutes['POST /api/profile-imports/preview']['line'];

const ROOT = ['import-profiles'] as const;

export const importProfileKeys = {
  all: ROOT,
  list: () => [...ROOT, 'list'] as const,
  one: (code: string) => [...ROOT, 'one', code] as const,
};

export function getSavedProfilesQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: importProfileKeys.list(),
    queryFn: requestFn(client, 'GET /api/import-profiles', {}),
  });
}

export function useSavedProfiles() {
  return useQuery(getSavedProfilesQueryOptions(useApiClient()));
}

export function getSavedProfileQueryOptions(client: ApiClient, code: string) {
  return queryOptions({
    queryKey: importProfileKeys.one(code),
    queryFn: requestFn(client, 'GET /api/import-profiles/:code', { params: { code }, query: {} }),
  });
}

/** Reads a saved profile's latest version on demand (the wizard fills its mapping with it), through the cache. */
export function useFetchSavedProfile(): (code: string) => Promise<SavedProfile> {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return (code) => queryClient.fetchQuery(getSavedProfileQueryOptions(client, code));
}

/** Saves a profile under its code (the first version, or a new one when it changed). */
export function useSaveProfile() {
  return useApiMutation(
    (client, input: { readonly profile: ImportProfileInput; readonly reason?: string }) =>
      apiRequest(client, 'POST /api/import-profiles', { body: input }),
    [importProfileKeys.all],
  );
}

/** The address of a saved profile's file. */
export function profileFileUrl(code: string): string {
  return routeUrl('GET /api/import-profiles/:code/file', { params: { code }, query: {} });
}

/** How an upload names its profile: its JSON (not saved yet), or a saved profile's code. */
export type ProfileChoice = { readonly profile: ImportProfileInput } | { readonly code: string };

function form(file: File, choice: ProfileChoice | null, fields: Record<string, string> = {}): FormData {
  const body = new FormData();
  if (choice !== null) {
    if ('code' in choice) body.append('code', choice.code);
    else body.append('profile', JSON.stringify(choice.profile));
  }
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  // The file last: the server reads the fields as they come.
  body.append('file', file, file.name);
  return body;
}

async function single<R extends keyof StreamRoutes>(
  route: R,
  body: FormData,
): Promise<StreamRoutes[R]['line']> {
  const [, path] = splitRoute(route);
  let answer: unknown = null;
  await postNdjson({ path, body, onLine: (line) => (answer = line) });
  // The server validated the answer against the route's schema before sending it.
  return answer as StreamRoutes[R]['line'];
}

/** The columns of an uploaded table (nothing is stored). */
export function inspectUpload(file: File): Promise<ProfileInspection> {
  return single('POST /api/profile-imports/inspect', form(file, null));
}

/** A profile applied to the first rows of an uploaded table. */
export function previewUpload(file: File, choice: ProfileChoice): Promise<ProfilePreview> {
  return single('POST /api/profile-imports/preview', form(file, choice));
}

/** Imports an uploaded table with a profile (a dry run unless `dryRun` is false); each line as it arrives. */
export function uploadProfileImport(input: {
  readonly file: File;
  readonly choice: ProfileChoice;
  readonly dryRun: boolean;
  readonly signal?: AbortSignal;
  readonly onLine: (line: unknown) => void;
}): Promise<void> {
  const [, path] = splitRoute('POST /api/profile-imports' satisfies keyof StreamRoutes);
  return postNdjson({
    path,
    body: form(input.file, input.choice, { dryRun: String(input.dryRun) }),
    onLine: input.onLine,
    ...(input.signal === undefined ? {} : { signal: input.signal }),
  });
}

/** Whether a streamed line is the import's report. */
export function isProfileReport(line: unknown): line is { readonly report: ProfileImportReport } {
  return typeof line === 'object' && line !== null && 'report' in line;
}

/** What a committed profile import changes: org units and data values. */
export const PROFILE_IMPORT_CHANGES = [...importChanges('data'), ...importChanges('metadata')];
