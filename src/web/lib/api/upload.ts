/**
 * A file sent as the raw body of a POST, with its upload progress: fetch cannot report how much of a body has
 * gone, XMLHttpRequest can (`upload.onprogress`). Used for an action's attachments (evidence), which may be up to
 * the server's limit (20 MB by default). The CSRF header is added as the API client adds it to every write.
 */
import { ApiError, networkProblem, problemFromStatus, toProblemBody } from './api-error.ts';
import { CSRF_COOKIE, CSRF_HEADER, readCookie } from './session-helpers.ts';

export interface UploadOptions {
  readonly path: string;
  readonly file: File;
  /** Called with the share sent so far, 0 to 1. */
  readonly onProgress?: (share: number) => void;
  readonly signal?: AbortSignal;
}

/**
 * The share of a body sent, from an XHR progress event's figures; null when the total is not known.
 *
 * @example uploadShare(5, 20) // 0.25
 */
export function uploadShare(loaded: number, total: number): number | null {
  if (!Number.isFinite(total) || total <= 0) return null;
  return Math.min(1, Math.max(0, loaded / total));
}

/** Resolves with the JSON answer; fails with an ApiError carrying the server's problem. */
export function uploadFile<T>({ path, file, onProgress, signal }: UploadOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('content-type', file.type === '' ? 'application/octet-stream' : file.type);
    const token = readCookie(document.cookie, CSRF_COOKIE);
    if (token !== null) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (event) => {
      const share = uploadShare(event.loaded, event.total);
      if (share !== null) onProgress?.(share);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText === '' ? null : JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      reject(new ApiError(toProblemBody(body) ?? problemFromStatus(xhr.status, xhr.statusText)));
    };
    xhr.onerror = () => reject(new ApiError(networkProblem(new Error('upload failed'))));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}
