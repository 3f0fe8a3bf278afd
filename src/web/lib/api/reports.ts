/**
 * Evaluation and group reports (GET /api/reports/evaluation|group): the file's address, and downloading it with
 * progress (the bytes received so far), so the page shows how far a report has come before the browser saves it.
 */
import type { ReportFormat, ReportLang } from '../../../core/contracts/reports.ts';
import { routeUrl } from './request.ts';

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
