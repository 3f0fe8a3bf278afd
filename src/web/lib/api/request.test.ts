import { describe, expect, it, test } from 'vitest';
import type { ApiClient, RequestOptions } from './api-client.ts';
import { apiRequest, queryValues, routeUrl, splitRoute } from './request.ts';

interface Call {
  readonly path: string;
  readonly options: RequestOptions;
}

/** A client that records each request and answers `answer`. */
function recordingClient(answer: unknown = {}): { client: ApiClient; calls: Call[] } {
  const calls: Call[] = [];
  const client: ApiClient = {
    async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
      calls.push({ path, options });
      // The fake answers whatever the test gave it, as the server would answer the route's type.
      return answer as T;
    },
  };
  return { client, calls };
}

describe('splitRoute', () => {
  test.each([
    { route: 'GET /api/evaluations', params: {}, expected: ['GET', '/api/evaluations'] },
    { route: 'PATCH /api/users/:id', params: { id: 7 }, expected: ['PATCH', '/api/users/7'] },
    {
      route: 'GET /api/scorecards/:code/org-units',
      params: { code: 'UMG BSC/2' },
      expected: ['GET', '/api/scorecards/UMG%20BSC%2F2/org-units'],
    },
  ])('reads $route as $expected', ({ route, params, expected }) => {
    expect(splitRoute(route, params)).toEqual(expected);
  });

  it('refuses a route whose parameter is missing rather than call a wrong path', () => {
    expect(() => splitRoute('GET /api/org-units/:code', {})).toThrow('GET /api/org-units/:code needs :code');
  });
});

describe('queryValues', () => {
  it('keeps text, numbers and booleans, joins lists with commas and leaves out the rest', () => {
    expect(
      queryValues({
        from: '2024-01',
        limit: 10,
        dryRun: false,
        dataElement: ['a', 'b'],
        q: undefined,
        x: null,
      }),
    ).toEqual({ from: '2024-01', limit: 10, dryRun: false, dataElement: 'a,b' });
  });
});

describe('apiRequest', () => {
  it('sends a GET with its query and resolves with the answer', async () => {
    const { client, calls } = recordingClient({ total: 92.57 });
    const evaluation = await apiRequest(client, 'GET /api/evaluations', {
      query: { scorecard: 'AZ-HOSPITAL', orgUnit: 'AZ', period: '2016' },
    });
    expect(evaluation).toEqual({ total: 92.57 });
    expect(calls).toEqual([
      {
        path: '/api/evaluations',
        options: { method: 'GET', query: { scorecard: 'AZ-HOSPITAL', orgUnit: 'AZ', period: '2016' } },
      },
    ]);
  });

  it('sends a write with its path parameter and body', async () => {
    const { client, calls } = recordingClient();
    await apiRequest(client, 'PATCH /api/org-units/:code', {
      params: { code: 'UMG-B1' },
      body: { sortOrder: 2 },
    });
    expect(calls).toEqual([
      { path: '/api/org-units/UMG-B1', options: { method: 'PATCH', query: {}, body: { sortOrder: 2 } } },
    ]);
  });

  it('passes the signal on, so a cancelled query aborts its request', async () => {
    const { client, calls } = recordingClient();
    const controller = new AbortController();
    await apiRequest(client, 'GET /api/meta', { signal: controller.signal });
    expect(calls[0]?.options.signal).toBe(controller.signal);
  });
});

describe('routeUrl', () => {
  it('builds the address of a download with its parameter and query', () => {
    expect(
      routeUrl('GET /api/templates/:code', { params: { code: 'UMG-BSC' }, query: { format: 'csv' } }),
    ).toBe('/api/templates/UMG-BSC?format=csv');
  });
});
