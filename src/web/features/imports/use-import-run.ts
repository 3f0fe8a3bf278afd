/**
 * Where one upload of the wizard stands (idle, running with its progress, done with its report, failed): the
 * upload itself is lib/api/imports.ts `uploadImport`; this is the page's state around it. Uploads run one at a
 * time; a commit that wrote something refreshes what its kind changed. Leaving the page aborts the request in
 * flight (the server finishes or rolls back on its own).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProgress, ImportReportBody } from '../../../core/contracts/import.ts';
import { ApiError, problemFromStatus } from '../../lib/api/api-error.ts';
import { uploadImport, useInvalidateImport } from '../../lib/api/imports.ts';
import { type ImportSettings, importFields } from './import-kinds.ts';
import { classifyStreamLine, progressPercent } from './import-progress.ts';

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
  let outcome: Outcome | null = null;
  await uploadImport({
    fields: importFields(settings, file.name, dryRun),
    file,
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

export function useImportRun(): {
  run: ImportRun;
  start: (file: File, settings: ImportSettings, dryRun: boolean) => Promise<ImportRun>;
  reset: () => void;
} {
  const invalidateImport = useInvalidateImport();
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
      if (!dryRun && next.status === 'done' && next.report.committed) await invalidateImport(settings.kind);
      return next;
    },
    [invalidateImport],
  );

  const reset = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setRun({ status: 'idle' });
  }, []);

  return { run, start, reset };
}
