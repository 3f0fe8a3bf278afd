/**
 * Evaluation and group reports (GET /api/reports/evaluation|group): the file's address, and downloading it with
 * progress (the bytes received so far), so the page shows how far a report has come before the browser saves it;
 * and the subscriptions that mail a unit's report every month (/api/report-subscriptions).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ReportFormat, ReportLang } from '../../../core/contracts/reports.ts';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { useApiMutation } from './mutation.ts';
import { requestFn } from './query.ts';
import { apiRequest, routeUrl } from './request.ts';
import type { BodyOf } from './routes.ts';

export type ReportSubscriptionBody = BodyOf<'POST /api/report-subscriptions'>;

const ROOT = ['report-subscriptions'] as const;

export const reportSubscriptionKeys = {
  all: ROOT,
  of: (key: { scorecard: string; orgUnit: string } | null) => [...ROOT, key] as const,
};

export function getReportSubscriptionsQueryOptions(
  client: ApiClient,
  key: { scorecard: string; orgUnit: string } | null,
) {
  return queryOptions({
    queryKey: reportSubscriptionKeys.of(key),
    queryFn: requestFn(client, 'GET /api/report-subscriptions', key === null ? null : { query: key }),
  });
}

/** Who receives the unit's report by e-mail each month. */
export function useReportSubscriptions(key: { scorecard: string; orgUnit: string } | null) {
  return useQuery(getReportSubscriptionsQueryOptions(useApiClient(), key));
}

export function useSubscribeToReport() {
  return useApiMutation(
    (client, body: ReportSubscriptionBody) => apiRequest(client, 'POST /api/report-subscriptions', { body }),
    [reportSubscriptionKeys.all],
  );
}

export function useUnsubscribeFromReport() {
  return useApiMutation(
    (client, id: number) => apiRequest(client, 'DELETE /api/report-subscriptions/:id', { params: { id } }),
    [reportSubscriptionKeys.all],
  );
}

export type ReportKind = 'evaluation' | 'group';

export interface ReportRequest {
  readonly kind: ReportKind;
  readonly scorecard: string;
  readonly orgUnit: string;
  readonly period: string;
  readonly format: ReportFormat;
  readonly lang: ReportLang;
}

/** The address of a report file. */
export function reportUrl({ kind, ...query }: ReportRequest): string {
  return kind === 'group'
    ? routeUrl('GET /api/reports/group', { query })
    : routeUrl('GET /api/reports/evaluation', { query });
}

/** A downloaded report: its bytes and the filename the server gave. */
export interface DownloadedReport {
  readonly blob: Blob;
  readonly filename: string;
}

/** The server refused the report: its status and the problem's detail (or the status text). */
export class ReportDownloadError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/**
 * Downloads a report with the session's cookie, calling `onProgress` with the bytes received so far.
 *
 * @example const { blob, filename } = await downloadReport(request, (bytes) => setReceived(bytes));
 */
export async function downloadReport(
  request: ReportRequest,
  onProgress: (bytes: number) => void = () => {},
  signal?: AbortSignal,
): Promise<DownloadedReport> {
  const response = await globalThis.fetch(reportUrl(request), {
    credentials: 'same-origin',
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    const detail =
      typeof body === 'object' && body !== null && 'detail' in body && typeof body.detail === 'string'
        ? body.detail
        : response.statusText;
    throw new ReportDownloadError(response.status, detail);
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `report.${request.format}`;
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  return { blob: new Blob(chunks as BlobPart[], { type }), filename };
}
