import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { postNdjson } from './ndjson-request.ts';

/** A response whose body arrives in the given byte chunks, as a slow stream would. */
function streamed(chunks: readonly Uint8Array[]): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/x-ndjson' } });
}

describe('postNdjson', () => {
  it('sends the CSRF header and the ndjson Accept, and reads lines split inside a UTF-8 character', async () => {
    const bytes = new TextEncoder().encode(
      '{"phase":"reading","done":1,"total":1}\n{"report":{"f":"门诊"}}\n',
    );
    // Cut inside 门 (three bytes in UTF-8).
    const cut = bytes.indexOf(0xe9) + 1;
    let seen: Request | null = null;
    const lines: unknown[] = [];
    await postNdjson({
      path: '/api/imports',
      query: { dryRun: false, kind: 'data', scorecard: undefined },
      body: 'x',
      cookies: 'a=1; healthbsc_csrf=tok%3D',
      fetch: async (input, init) => {
        seen = new Request(new URL(String(input), 'http://localhost'), init);
        return streamed([bytes.slice(0, cut), bytes.slice(cut)]);
      },
      onLine: (line) => lines.push(line),
    });
    expect(lines).toEqual([{ phase: 'reading', done: 1, total: 1 }, { report: { f: '门诊' } }]);
    const request = seen as unknown as Request;
    expect(request.method).toBe('POST');
    expect(new URL(request.url).search).toBe('?dryRun=false&kind=data');
    expect(request.headers.get('x-csrf-token')).toBe('tok=');
    expect(request.headers.get('accept')).toContain('application/x-ndjson');
  });

  it('rejects with the server’s problem when the answer is not a stream (413, 403)', async () => {
    const problem = {
      type: 'too-large',
      title: 'Too large',
      status: 413,
      code: 'request.too-large',
      params: {},
      detail: 'The request is too large.',
      issues: [],
    };
    const error = await postNdjson({
      path: '/api/imports',
      body: 'x',
      cookies: '',
      fetch: async () =>
        new Response(JSON.stringify(problem), {
          status: 413,
          headers: { 'content-type': 'application/problem+json' },
        }),
      onLine: () => {},
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem).toEqual(problem);
  });

  it('turns a failed fetch into a network problem', async () => {
    const error = await postNdjson({
      path: '/api/imports',
      body: 'x',
      cookies: '',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
      onLine: () => {},
    }).catch((caught: unknown) => caught);
    expect((error as ApiError).problem).toMatchObject({
      type: 'network',
      status: 0,
      detail: 'Failed to fetch',
    });
  });
});
