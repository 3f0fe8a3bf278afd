/**
 * Calls of the routes of routes.ts: `apiRequest(client, 'GET /api/evaluations', { query })` resolves with the
 * route's response type, fills `:code`-style parameters in (encoded) and writes the query string; `routeUrl`
 * builds the address of a download. The resource modules of this folder are the only callers.
 */
import type { ApiClient, HttpMethod, QueryValue } from './api-client.ts';
import { buildUrl } from './api-client.ts';
import type { ApiRoutes, ArgsOf, DownloadRoute, DownloadRoutes, ResponseOf, Route } from './routes.ts';

/** The arguments of a call: optional as a whole when the route needs none of them. */
export type RouteArgs<Entry> =
  Partial<ArgsOf<Entry>> extends ArgsOf<Entry> ? [args?: ArgsOf<Entry>] : [args: ArgsOf<Entry>];

const METHODS: readonly string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] satisfies HttpMethod[];

function isMethod(value: string): value is HttpMethod {
  return METHODS.includes(value);
}

/**
 * `'GET /api/scorecards/:code'` + `{ code: 'UMG BSC' }` → `['GET', '/api/scorecards/UMG%20BSC']`.
 *
 * @example splitRoute('PATCH /api/users/:id', { id: 7 }) // ['PATCH', '/api/users/7']
 */
export function splitRoute(route: string, params: object = {}): [HttpMethod, string] {
  const space = route.indexOf(' ');
  const method = route.slice(0, space);
  if (!isMethod(method)) throw new Error(`not a route: ${route}`);
  const values: Record<string, unknown> = { ...params };
  const path = route.slice(space + 1).replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = values[name];
    if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`${route} needs :${name}`);
    return encodeURIComponent(String(value));
  });
  return [method, path];
}

/**
 * A query as the query string writes it: numbers, booleans and strings as they are, a list comma-separated
 * (core/contracts/common.ts `queryListSchema`), anything else (undefined, null, an object) left out.
 *
 * @example queryValues({ from: '2024-01', limit: 10, dataElement: ['A', 'B'], q: undefined }) // { from: '2024-01', limit: 10, dataElement: 'A,B' }
 */
export function queryValues(query: object = {}): Record<string, QueryValue> {
  const out: Record<string, QueryValue> = {};
  for (const [name, value] of Object.entries(query)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      out[name] = value;
    else if (Array.isArray(value)) out[name] = value.join(',');
  }
  return out;
}

/** Whether a value is an object whose members can be read (parameters, a query). */
function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/**
 * Sends a route's request from arguments whose types the caller has checked against the route map
 * (`apiRequest`, query.ts `requestFn`): `T` is that route's response.
 */
export function sendRoute<T>(client: ApiClient, route: string, args: object = {}): Promise<T> {
  const {
    params,
    query,
    body,
    signal,
  }: { params?: unknown; query?: unknown; body?: unknown; signal?: unknown } = { ...args };
  const [method, path] = splitRoute(route, isObject(params) ? params : {});
  return client.request<T>(path, {
    method,
    query: queryValues(isObject(query) ? query : {}),
    ...(body === undefined ? {} : { body }),
    ...(signal instanceof AbortSignal ? { signal } : {}),
  });
}

/** Sends one request of a route and resolves with its response (an ApiError when it fails). */
export function apiRequest<R extends Route>(
  client: ApiClient,
  route: R,
  ...[args]: RouteArgs<ApiRoutes[R]>
): Promise<ResponseOf<R>> {
  return sendRoute<ResponseOf<R>>(client, route, args);
}

/**
 * The address of a download route, for a link.
 *
 * @example routeUrl('GET /api/templates/:code', { params: { code: 'UMG-BSC' }, query: { format: 'csv' } }) // '/api/templates/UMG-BSC?format=csv'
 */
export function routeUrl<R extends DownloadRoute>(route: R, ...[args]: RouteArgs<DownloadRoutes[R]>): string {
  const { params, query }: { params?: unknown; query?: unknown } = { ...args };
  const [, path] = splitRoute(route, isObject(params) ? params : {});
  return buildUrl('', path, queryValues(isObject(query) ? query : {}));
}
