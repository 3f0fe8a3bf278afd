/**
 * The import endpoints: `POST /api/imports` (a dry run or a commit, streamed as ndjson so progress shows),
 * `GET /api/imports` (the history) and `POST /api/imports/:id/undo`. A commit or an undo changes data every
 * page reads, so both invalidate the whole query cache: dashboards refetch what they show.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../../../../core/contracts/common.ts';
import type {
  ImportBatch,
  ImportProgress,
  ImportReportBody,
  UndoImportResult,
} from '../../../../core/contracts/import.ts';
import { useApiClient } from '../../../lib/api/api-context.tsx';
import { ApiError, problemFromStatus } from '../../../lib/api/api-error.ts';
import { postNdjson } from '../../../lib/api/ndjson-request.ts';
import { type ImportSettings, importFields } from '../import-kinds.ts';
import { classifyStreamLine, progressPercent } from '../import-progress.ts';

export const importKeys = {
  all: () => ['imports'] as const,
  history: (page: { limit: number; offset: number }) => ['imports', 'history', page] as const,
};

export function useImportHistory(page: { limit: number; offset: number }) {
  const client = useApiClient();
  return useQuery({
    queryKey: importKeys.history(page),
    queryFn: ({ signal }) => client.request<Page<ImportBatch>>('/api/imports', { query: page, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUndoImport() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) =>
      client.request<UndoImportResult>(`/api/imports/${id}/undo`, {
        method: 'POST',
        body: reason.trim() === '' ? {} : { reason: reason.trim() },
      }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

/** Where one upload (a dry run or a commit) stands. */
export type ImportRun =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly percent: number; readonly phase: ImportProgress['phase'] | null }
  | { readonly status: 'done'; readonly report: ImportReportBody }
  | { readonly status: 'failed'; readonly error: ApiError; readonly report: ImportReportBody | null };

type Outcome =
  | { readonly report: ImportReportBody }
  | { readonly error: ApiError; readonly report: ImportReportBody | null };

async function upload(
  file: File,
  settings: ImportSettings,
  dryRun: boolean,
  onProgress: (progress: ImportProgress) => void,
  signal: AbortSignal,
): Promise<Outcome> {
  const form = new FormData();
  for (const [name, value] of Object.entries(importFields(settings, file.name, dryRun)))
    form.append(name, value);
  // The file last: the server reads the fields as they come, and they are small.
  form.append('file', file, file.name);
  let outcome: Outcome | null = null;
  await postNdjson({
    path: '/api/imports',
    body: form,
    signal,
    onLine: (line) => {
      const parsed = classifyStreamLine(line);
      if (parsed.type === 'progress') onProgress(parsed.progress);
      else if (parsed.type === 'report') outcome = { report: parsed.report };
      else if (parsed.type === 'problem')
        outcome = { error: new ApiError(parsed.problem), report: parsed.report };
    },
  });
  return (
    outcome ?? {
      error: new ApiError(problemFromStatus(502, 'The import stream ended without a result')),
      report: null,
    }
  );
}

/**
 * Runs uploads one at a time and follows their progress. A commit that wrote something invalidates every
 * query. Leaving the page aborts the request in flight (the server finishes or rolls back on its own).
 */
export function useImportRun(): {
  run: ImportRun;
  start: (file: File, settings: ImportSettings, dryRun: boolean) => Promise<ImportRun>;
  reset: () => void;
} {
  const queryClient = useQueryClient();
  const [run, setRun] = useState<ImportRun>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (file: File, settings: ImportSettings, dryRun: boolean): Promise<ImportRun> => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setRun({ status: 'running', percent: 0, phase: null });
      let next: ImportRun;
      try {
        const outcome = await upload(
          file,
          settings,
          dryRun,
          (progress) =>
            setRun({ status: 'running', percent: progressPercent(progress), phase: progress.phase }),
          current.signal,
        );
        next =
          'error' in outcome
            ? { status: 'failed', error: outcome.error, report: outcome.report }
            : { status: 'done', report: outcome.report };
      } catch (error) {
        if (current.signal.aborted) return { status: 'idle' };
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError(problemFromStatus(0, error instanceof Error ? error.message : String(error)));
        next = { status: 'failed', error: apiError, report: null };
      }
      setRun(next);
      if (!dryRun && next.status === 'done' && next.report.committed) await queryClient.invalidateQueries();
      return next;
    },
    [queryClient],
  );

  const reset = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setRun({ status: 'idle' });
  }, []);

  return { run, start, reset };
}
