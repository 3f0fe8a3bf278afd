/**
 * Imports (`/api/imports`): the upload (a dry run or a commit, streamed as ndjson so progress shows), the history
 * of committed files and undoing one. What a commit or an undo changes depends on the file's kind: data values
 * move the scores and the periods with data, a scorecard file or an org-unit list changes the definitions, and
 * so on (`importChanges`).
 */
import {
  keepPreviousData,
  type QueryKey,
  queryOptions,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { approvalKeys } from './approvals.ts';
import { assessmentKeys } from './assessments.ts';
import { auditKeys } from './audit.ts';
import { dataElementKeys } from './data-elements.ts';
import { dataValueKeys } from './data-values.ts';
import { indicatorKeys } from './indicators.ts';
import { useApiMutation } from './mutation.ts';
import { postNdjson } from './ndjson-request.ts';
import { orgUnitKeys } from './org-units.ts';
import { periodKeys } from './periods.ts';
import { requestFn } from './query.ts';
import { apiRequest, routeUrl, splitRoute } from './request.ts';
import type { ResponseOf, StreamRoutes } from './routes.ts';
import { scorecardKeys } from './scorecards.ts';
import { scoreKeys } from './scores.ts';
import { targetKeys } from './targets.ts';

export type ImportBatch = ResponseOf<'GET /api/imports'>['items'][number];
export type ImportKind = ImportBatch['kind'];
export type UndoImportResult = ResponseOf<'POST /api/imports/:id/undo'>;
export type ImportStreamLine = StreamRoutes['POST /api/imports']['line'];

export interface ImportHistoryPage {
  readonly limit: number;
  readonly offset: number;
}

const ROOT = ['imports'] as const;

export const importKeys = {
  all: ROOT,
  history: (page: ImportHistoryPage) => [...ROOT, 'history', page] as const,
};

/** What an import of each kind may change, besides the history itself. */
const CHANGES: Readonly<Record<ImportKind, readonly QueryKey[]>> = {
  data: [dataValueKeys.all, periodKeys.all, approvalKeys.all, ...scoreKeys],
  targets: [targetKeys.all, ...scoreKeys],
  assessments: [assessmentKeys.all, ...scoreKeys],
  reported: scoreKeys,
  metadata: [scorecardKeys.all, orgUnitKeys.all, dataElementKeys.all, indicatorKeys.all, ...scoreKeys],
  // An extract's aggregates are data values.
  extract: [dataValueKeys.all, periodKeys.all, approvalKeys.all, ...scoreKeys],
};

/** @example importChanges('targets') // [['imports'], ['targets'], ['evaluations'], ['series'], ['rankings']] */
export function importChanges(kind: ImportKind): readonly QueryKey[] {
  return [importKeys.all, ...CHANGES[kind]];
}

export function getImportHistoryQueryOptions(client: ApiClient, page: ImportHistoryPage) {
  return queryOptions({
    queryKey: importKeys.history(page),
    queryFn: requestFn(client, 'GET /api/imports', { query: page }),
    placeholderData: keepPreviousData,
  });
}

export function useImportHistory(page: ImportHistoryPage) {
  return useQuery(getImportHistoryQueryOptions(useApiClient(), page));
}

/** Undoes a committed import; a refused undo (409: a row changed since) changes nothing but the history's view. */
export function useUndoImport() {
  return useApiMutation(
    (client, { id, reason }: { id: number; reason: string }) =>
      apiRequest(client, 'POST /api/imports/:id/undo', {
        params: { id },
        body: reason.trim() === '' ? {} : { reason: reason.trim() },
      }),
    (_input, result) => (result === undefined ? [importKeys.all] : importChanges(result.batch.kind)),
  );
}

export interface ImportUpload {
  /** The form fields (features/imports/import-kinds.ts `importFields`): kind, encoding, dry run, … */
  readonly fields: Readonly<Record<string, string>>;
  readonly file: File;
  readonly signal: AbortSignal;
  /** Each line as it arrives: progress, then the report or a problem. */
  readonly onLine: (line: unknown) => void;
}

/** Sends a file to `POST /api/imports` as multipart and reads the streamed answer line by line. */
export function uploadImport({ fields, file, signal, onLine }: ImportUpload): Promise<void> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  // The file last: the server reads the fields as they come, and they are small.
  form.append('file', file, file.name);
  const [, path] = splitRoute('POST /api/imports' satisfies keyof StreamRoutes);
  return postNdjson({ path, body: form, signal, onLine });
}

/**
 * The wide data-entry template of a scorecard's data elements (`GET /api/templates/:code`), as a link.
 *
 * @example templateUrl('UMG BSC', 'xlsx') // '/api/templates/UMG%20BSC?format=xlsx'
 */
export function templateUrl(scorecard: string, format: 'csv' | 'xlsx'): string {
  return routeUrl('GET /api/templates/:code', { params: { code: scorecard }, query: { format } });
}

/** Refreshes what a committed import of `kind` changed (the upload is not a mutation: it streams). */
export function useInvalidateImport(): (kind: ImportKind) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    async (kind: ImportKind) => {
      await Promise.all(
        [...importChanges(kind), auditKeys.all].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
    [queryClient],
  );
}
