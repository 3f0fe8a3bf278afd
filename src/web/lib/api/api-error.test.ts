import { describe, expect, it, test } from 'vitest';
import { problemFromStatus, toProblemBody } from './api-error.ts';

describe('toProblemBody', () => {
  it('keeps a problem as the server sends it, with its code, parameters and extension members', () => {
    const sent = {
      type: 'conflict',
      title: 'Conflict',
      status: 409,
      code: 'data-value.version-conflict',
      params: { count: 1 },
      detail: 'A value changed since you read it.',
      issues: [{ path: ['values', 0], code: 'data-value.stale', params: {}, message: 'changed' }],
      current: [{ index: 0 }],
    };
    expect(toProblemBody(sent)).toEqual(sent);
  });

  it('gives a problem of a server older than codes an empty code, which no catalog words', () => {
    expect(
      toProblemBody({
        type: 'not-found',
        title: 'Not found',
        status: 404,
        detail: "There is no scorecard 'NOPE'.",
        issues: [{ path: ['code'], message: 'unknown' }],
      }),
    ).toEqual({
      type: 'not-found',
      title: 'Not found',
      status: 404,
      code: '',
      params: {},
      detail: "There is no scorecard 'NOPE'.",
      issues: [{ path: ['code'], code: '', params: {}, message: 'unknown' }],
    });
  });

  it('drops parameters that are neither text nor numbers, and issues without a message', () => {
    const problem = toProblemBody({
      type: 'bad-request',
      title: 'Bad request',
      status: 400,
      code: 'period.not-a-period',
      params: { value: '2024-13', nested: { a: 1 }, count: 2 },
      detail: 'x',
      issues: [{ path: [] }, 'text'],
    });
    expect([problem?.params, problem?.issues]).toEqual([{ value: '2024-13', count: 2 }, []]);
  });

  test.each([
    null,
    'text',
    { type: 'x', title: 'y', status: '404', detail: 'z', issues: [] },
    { detail: 'x' },
  ])('is null for %j, which is not a problem', (value) => {
    expect(toProblemBody(value)).toBeNull();
  });
});

describe('problemFromStatus', () => {
  it('words a status without a body with the server’s own code for a refused request', () => {
    expect(problemFromStatus(502, 'Bad Gateway')).toMatchObject({
      type: 'internal',
      code: 'request.rejected',
      params: { status: 502 },
    });
  });
});
