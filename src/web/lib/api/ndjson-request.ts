/**
 * A POST whose answer is streamed as newline-delimited JSON (`Accept: application/x-ndjson`), read with
 * fetch and the response's ReadableStream so each line reaches the page as it arrives (an import's progress).
 * The api client (api-client.ts) reads whole JSON bodies only, so this is its streaming sibling: it sends the
 * session cookie and the double-submit CSRF header the same way, and turns an error status into the same
 * ApiError (a stream's own status is 200 once it has started; later failures come as lines).
 */
import { buildUrl, type QueryValue } from './api-client.ts';
import { ApiError, networkProblem, problemFromStatus, toProblemBody } from './api-error.ts';
import { createNdjsonParser } from './ndjson.ts';
import { CSRF_COOKIE, CSRF_HEADER, readCookie } from './session-helpers.ts';

export const NDJSON_TYPE = 'application/x-ndjson';

export interface NdjsonRequest {
  readonly path: string;
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** The body as fetch takes it: FormData for an upload (the browser sets the multipart boundary). */
  readonly body: BodyInit;
  /** Called with each parsed line, in order. */
  readonly onLine: (line: unknown) => void;
  readonly signal?: AbortSignal;
  /** For tests; default the page's fetch. */
  readonly fetch?: typeof globalThis.fetch;
  /** For tests; default `document.cookie`. */
  readonly cookies?: string;
}

async function errorOf(response: Response): Promise<ApiError> {
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    try {
      const problem = toProblemBody(await response.json());
      if (problem !== null) return new ApiError(problem);
    } catch {
      // Not JSON after all: a problem made from the status follows.
    }
  }
  return new ApiError(problemFromStatus(response.status, response.statusText));
}

function networkError(error: unknown): ApiError {
  return new ApiError(networkProblem(error));
}

/** Sends the request and calls `onLine` per line until the stream ends; rejects with an ApiError. */
export async function postNdjson(request: NdjsonRequest): Promise<void> {
  const doFetch = request.fetch ?? globalThis.fetch.bind(globalThis);
  const headers = new Headers({ accept: `${NDJSON_TYPE}, application/problem+json` });
  const token = readCookie(request.cookies ?? document.cookie, CSRF_COOKIE);
  if (token !== null) headers.set(CSRF_HEADER, token);
  let response: Response;
  try {
    response = await doFetch(buildUrl('', request.path, request.query), {
      method: 'POST',
      headers,
      body: request.body,
      credentials: 'same-origin',
      ...(request.signal === undefined ? {} : { signal: request.signal }),
    });
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw networkError(error);
  }
  if (!response.ok) throw await errorOf(response);
  if (response.body === null) throw new ApiError(problemFromStatus(response.status, 'Empty stream'));
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parser = createNdjsonParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const line of parser.push(decoder.decode(value, { stream: true }))) request.onLine(line);
    }
  } catch (error) {
    if (request.signal?.aborted || error instanceof ApiError) throw error;
    throw networkError(error);
  }
  for (const line of parser.push(decoder.decode())) request.onLine(line);
  for (const line of parser.end()) request.onLine(line);
}
