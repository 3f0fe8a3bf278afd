/**
 * The one HTTP client of the web app. Every request goes through `request()`, which is where the accounts
 * work plugs in: `prepareHeaders` adds the CSRF header to unsafe methods, `onUnauthorized` sends a 401 to the
 * sign-in page. Cookies (the session) go with every same-origin request.
 */
import {
  ApiError,
  CLIENT_PROBLEM_CODES,
  networkProblem,
  problemFromStatus,
  toProblemBody,
} from './api-error.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  readonly method?: HttpMethod;
  /** Query-string parameters; null and undefined are left out. */
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** Sent as JSON. */
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

export interface ApiClientOptions {
  /** Prefix of every path; '' (the default) for the page's own origin. */
  readonly baseUrl?: string;
  readonly fetch?: typeof globalThis.fetch;
  /** Called on every request's headers before it is sent: the place for a CSRF token. */
  readonly prepareHeaders?: (
    headers: Headers,
    request: { readonly method: HttpMethod; readonly path: string },
  ) => void;
  /** Called when the server answers 401 (then the request fails with the ApiError as usual). */
  readonly onUnauthorized?: (error: ApiError) => void;
}

export interface ApiClient {
  /**
   * Sends a request and resolves with the JSON body; fails with an ApiError. The server validates every
   * response with the zod schema of core/contracts: request.ts `apiRequest` names `T` from the route map
   * (routes.ts), and nothing outside lib/api calls this (test/web/api-layer.test.ts).
   */
  request<T>(path: string, options?: RequestOptions): Promise<T>;
}

/** `/api/evaluations` + `{ scorecard: 'AZ-HOSPITAL' }` → `/api/evaluations?scorecard=AZ-HOSPITAL`. */
export function buildUrl(
  baseUrl: string,
  path: string,
  query: Readonly<Record<string, QueryValue>> = {},
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined) params.append(key, String(value));
  }
  const search = params.toString();
  return `${baseUrl}${path}${search === '' ? '' : `?${search}`}`;
}

async function readError(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const problem = toProblemBody(await response.json());
      if (problem !== null) return new ApiError(problem);
    } catch {
      // Not JSON after all: fall through to a problem made from the status.
    }
  }
  return new ApiError(problemFromStatus(response.status, response.statusText));
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  return {
    async request<T>(path: string, requestOptions: RequestOptions = {}): Promise<T> {
      const method = requestOptions.method ?? 'GET';
      const headers = new Headers({ accept: 'application/json, application/problem+json' });
      if (requestOptions.body !== undefined) headers.set('content-type', 'application/json');
      options.prepareHeaders?.(headers, { method, path });
      let response: Response;
      try {
        response = await doFetch(buildUrl(baseUrl, path, requestOptions.query), {
          method,
          headers,
          credentials: 'same-origin',
          ...(requestOptions.body === undefined ? {} : { body: JSON.stringify(requestOptions.body) }),
          ...(requestOptions.signal === undefined ? {} : { signal: requestOptions.signal }),
        });
      } catch (error) {
        // A cancelled query is not an error to show: let the caller see the abort.
        if (requestOptions.signal?.aborted) throw error;
        throw new ApiError(networkProblem(error));
      }
      if (!response.ok) {
        const error = await readError(response);
        if (response.status === 401) options.onUnauthorized?.(error);
        throw error;
      }
      if (response.status === 204) return undefined as T;
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new ApiError({
          type: 'bad-response',
          // i18n-ignore: the problem's own title, for logs; the page shows errors.server instead.
          title: 'Bad response',
          status: response.status,
          code: CLIENT_PROBLEM_CODES.badResponse,
          params: {},
          detail: `The response to ${method} ${path} was not JSON.`,
          issues: [],
        });
      }
      return body as T;
    },
  };
}

/**
 * TanStack Query's retry rule: a problem the client caused (4xx) will not go away by asking again; a network
 * error or a 5xx may, so retry those twice.
 *
 * @example shouldRetry(0, new ApiError(problemFromStatus(404, 'Not Found'))) // false
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}
