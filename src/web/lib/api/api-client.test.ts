/**
 * The client against a fake fetch: JSON bodies, RFC 9457 problem+json errors exactly as the server sends them
 * (src/server/plugins/problem-errors.ts), errors without a problem body, network failures, the 401 hook and
 * the header hook the accounts work will use for CSRF.
 */
import { describe, expect, it, test } from 'vitest';
import { createApiClient } from './api-client.ts';
import { ApiError, type ProblemBody } from './api-error.ts';

interface Call {
  readonly url: string;
  readonly init: RequestInit;
}

function fakeFetch(respond: (url: string) => Response | Promise<Response>): {
  fetch: typeof fetch;
  calls: Call[];
} {
  const calls: Call[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = input instanceof Request ? input.url : String(input);
    calls.push({ url, init });
    return respond(url);
  };
  return { fetch: fetchImpl, calls };
}

function problemResponse(problem: ProblemBody): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  });
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('a successful request', () => {
  it('sends the query string, the session cookie and asks for JSON, and resolves with the body', async () => {
    const { fetch, calls } = fakeFetch(() => Response.json({ total: 92.57 }));
    const client = createApiClient({ fetch });
    const body = await client.request<{ total: number }>('/api/evaluations', {
      query: { scorecard: 'AZ-HOSPITAL', orgUnit: 'AZ', period: '2016', missing: undefined, none: null },
    });
    expect(body).toEqual({ total: 92.57 });
    expect(calls[0]?.url).toBe('/api/evaluations?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016');
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(new Headers(calls[0]?.init.headers).get('accept')).toBe(
      'application/json, application/problem+json',
    );
  });

  it('sends a body as JSON with its content type', async () => {
    const { fetch, calls } = fakeFetch(() => Response.json({ ok: true }));
    await createApiClient({ fetch }).request('/api/data-values', { method: 'POST', body: { values: [] } });
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.body).toBe('{"values":[]}');
    expect(new Headers(calls[0]?.init.headers).get('content-type')).toBe('application/json');
  });

  it('resolves with undefined for 204 No Content', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    await expect(
      createApiClient({ fetch }).request('/api/targets', { method: 'DELETE' }),
    ).resolves.toBeUndefined();
  });

  it('lets prepareHeaders add a header to every request (the CSRF token of the accounts work)', async () => {
    const { fetch, calls } = fakeFetch(() => Response.json({}));
    const client = createApiClient({
      fetch,
      prepareHeaders: (headers, { method }) => {
        if (method !== 'GET') headers.set('x-csrf-token', 'token-1');
      },
    });
    await client.request('/api/org-units', { method: 'POST', body: {} });
    await client.request('/api/org-units');
    expect(new Headers(calls[0]?.init.headers).get('x-csrf-token')).toBe('token-1');
    expect(new Headers(calls[1]?.init.headers).get('x-csrf-token')).toBeNull();
  });
});

describe('a failed request', () => {
  // Problem bodies as the server sends them (RFC 9457; src/server/plugins/problem-errors.ts).
  test.each<ProblemBody>([
    {
      type: 'not-found',
      title: 'Not found',
      status: 404,
      code: 'scorecard.not-found',
      params: { code: 'NOPE' },
      detail: "There is no scorecard 'NOPE'.",
      issues: [],
    },
    {
      type: 'validation',
      title: 'Invalid input',
      status: 400,
      code: 'request.invalid-query',
      params: {},
      detail: 'The query string is not valid.',
      issues: [
        {
          path: ['period'],
          code: 'zod.invalid-format',
          params: { format: 'regex' },
          message: 'a period such as 2024-03, 2024Q1 or 2024',
        },
      ],
    },
    {
      type: 'conflict',
      title: 'Conflict',
      status: 409,
      code: 'data-value.version-conflict',
      params: { count: 1 },
      detail: 'The value changed since you read it.',
      issues: [],
    },
    {
      type: 'internal',
      title: 'Internal error',
      status: 500,
      code: 'request.internal',
      params: { requestId: 'req-7' },
      detail: 'Something went wrong on the server. Quote request id req-7 when reporting it.',
      issues: [],
    },
  ])('fails with the server’s problem for a $status $type', async (problem) => {
    const { fetch } = fakeFetch(() => problemResponse(problem));
    const error = await failureOf(createApiClient({ fetch }).request('/api/evaluations'));
    expect(error.problem).toEqual(problem);
    expect(error.status).toBe(problem.status);
    expect(error.message).toBe(problem.detail);
  });

  test.each([
    {
      status: 502,
      statusText: 'Bad Gateway',
      body: '<html>proxy error</html>',
      type: 'text/html',
      expected: 'internal',
    },
    { status: 404, statusText: 'Not Found', body: '', type: 'text/plain', expected: 'not-found' },
    {
      status: 500,
      statusText: 'Internal Server Error',
      body: '{"oops":1}',
      type: 'application/json',
      expected: 'internal',
    },
    {
      status: 418,
      statusText: "I'm a teapot",
      body: 'nope',
      type: 'application/json',
      expected: 'bad-response',
    },
  ])(
    'makes a $expected problem from a $status answer without a problem body',
    async ({ status, statusText, body, type, expected }) => {
      const { fetch } = fakeFetch(
        () => new Response(body, { status, statusText, headers: { 'content-type': type } }),
      );
      const error = await failureOf(createApiClient({ fetch }).request('/api/periods'));
      expect(error.problem).toEqual({
        type: expected,
        title: statusText,
        status,
        code: 'request.rejected',
        params: { status },
        detail: `The server answered ${status} ${statusText}`,
        issues: [],
      });
    },
  );

  it('fails with a network problem (status 0) when no response comes back', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    const error = await failureOf(createApiClient({ fetch }).request('/api/periods'));
    expect(error.problem).toEqual({
      type: 'network',
      title: 'Network error',
      status: 0,
      code: 'client.network',
      params: {},
      detail: 'fetch failed',
      issues: [],
    });
  });

  it('fails with a bad-response problem when a 200 is not JSON', async () => {
    const { fetch } = fakeFetch(() => new Response('<html></html>', { status: 200 }));
    const error = await failureOf(createApiClient({ fetch }).request('/api/periods'));
    expect(error.problem.type).toBe('bad-response');
    expect(error.problem.detail).toBe('The response to GET /api/periods was not JSON.');
  });

  it('passes a cancellation through as the abort, not as an API error', async () => {
    const controller = new AbortController();
    const { fetch } = fakeFetch(() => {
      controller.abort();
      return Promise.reject(new DOMException('The operation was aborted.', 'AbortError'));
    });
    const request = createApiClient({ fetch }).request('/api/periods', { signal: controller.signal });
    await expect(request).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('calls onUnauthorized once with the 401 problem, then fails with it', async () => {
    const problem: ProblemBody = {
      type: 'unauthorized',
      title: 'Unauthorized',
      status: 401,
      code: 'access.sign-in-first',
      params: {},
      detail: 'Sign in first.',
      issues: [],
    };
    const { fetch } = fakeFetch(() => problemResponse(problem));
    const seen: ApiError[] = [];
    const error = await failureOf(
      createApiClient({ fetch, onUnauthorized: (e) => seen.push(e) }).request('/api/org-units'),
    );
    expect(seen).toEqual([error]);
    expect(error.problem).toEqual(problem);
  });

  it('does not call onUnauthorized for a 403', async () => {
    const problem: ProblemBody = {
      type: 'forbidden',
      title: 'Forbidden',
      status: 403,
      code: 'access.forbidden',
      params: {},
      detail: 'You do not have access to this resource.',
      issues: [],
    };
    const { fetch } = fakeFetch(() => problemResponse(problem));
    const seen: ApiError[] = [];
    await failureOf(
      createApiClient({ fetch, onUnauthorized: (e) => seen.push(e) }).request('/api/org-units'),
    );
    expect(seen).toEqual([]);
  });
});
