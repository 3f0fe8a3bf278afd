/**
 * The app as a whole: the OpenAPI document, Swagger UI served locally, helmet, the problem+json error model
 * for unknown routes, malformed and oversized bodies and unexpected errors, and other modules' routes.
 */
import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestServer, type TestServer } from '../../test/fixtures/server.ts';

/** Every route this module serves, as the OpenAPI document must list it. */
const ROUTES = [
  'GET /api/org-units',
  'POST /api/org-units',
  'GET /api/org-units/{code}',
  'PATCH /api/org-units/{code}',
  'GET /api/org-units/{code}/children',
  'GET /api/org-units/{code}/subtree',
  'GET /api/org-units/{code}/ancestors',
  'GET /api/org-unit-groups',
  'POST /api/org-unit-groups',
  'GET /api/org-unit-groups/{code}',
  'PATCH /api/org-unit-groups/{code}',
  'GET /api/periods',
  'GET /api/periods/{id}',
  'GET /api/data-elements',
  'POST /api/data-elements',
  'GET /api/data-elements/{code}',
  'PATCH /api/data-elements/{code}',
  'DELETE /api/data-elements/{code}',
  'GET /api/scorecards',
  'POST /api/scorecards',
  'GET /api/scorecards/{code}',
  'PUT /api/scorecards/{code}',
  'GET /api/scorecards/{code}/export',
  'GET /api/scorecards/{code}/versions',
  'PUT /api/scorecards/{code}/weights',
  'GET /api/scorecards/{code}/org-units',
  'PUT /api/scorecards/{code}/org-units',
  'GET /api/indicators',
  'GET /api/targets',
  'PUT /api/targets',
  'DELETE /api/targets',
  'GET /api/data-values',
  'POST /api/data-values',
  'GET /api/reported-values',
  'POST /api/reported-values',
  'GET /api/assessments',
  'POST /api/assessments',
  'GET /api/audit',
  'GET /api/audit/export',
  'GET /api/meta',
  'POST /api/session',
  'GET /api/session',
  'DELETE /api/session',
  'POST /api/session/password',
  'GET /api/users',
  'GET /api/users/directory',
  'POST /api/users',
  'PATCH /api/users/{id}',
  'GET /api/tokens',
  'POST /api/tokens',
  'DELETE /api/tokens/{id}',
  'GET /api/approvals',
  'POST /api/approvals/submit',
  'POST /api/approvals/approve',
  'POST /api/approvals/reopen',
  'GET /api/data-quality',
  'POST /api/ahp/sensitivity',
  'GET /api/studies',
  'GET /api/studies/{code}',
  'PUT /api/studies/{code}',
  'DELETE /api/studies/{code}',
  'POST /api/studies/evaluate',
  'GET /api/surveys',
  'POST /api/surveys',
  'GET /api/surveys/{id}',
  'POST /api/surveys/{id}/experts',
  'POST /api/surveys/{id}/experts/{expertId}/link',
  'DELETE /api/surveys/{id}/experts/{expertId}/link',
  'GET /api/surveys/{id}/experts/{expertId}/questionnaire',
  'POST /api/surveys/{id}/experts/{expertId}/answers/import',
  'GET /api/surveys/{id}/progress',
  'POST /api/surveys/{id}/close',
  'GET /api/surveys/{id}/results',
  'POST /api/surveys/{id}/apply',
  'GET /api/survey-links/{token}',
  'GET /api/survey-links/{token}/questionnaire',
  'PUT /api/survey-links/{token}/answers',
  'POST /api/survey-links/{token}/submit',
  'POST /api/incentives/preview',
  'POST /api/incentives',
  'GET /api/incentives',
  'GET /api/incentives/{id}',
  'POST /api/incentives/{id}/approve',
  'GET /api/incentives/{id}/export',
  'GET /api/surveys/{id}/reminders',
  'POST /api/surveys/{id}/reminders',
  'PUT /api/surveys/{id}/reminders',
  'POST /api/fhir',
  'POST /api/fhir/Measure',
  'POST /api/fhir/MeasureReport',
  'GET /api/pull-connections',
  'POST /api/pull-connections',
  'PUT /api/pull-connections/{id}',
  'DELETE /api/pull-connections/{id}',
  'POST /api/pull-connections/{id}/test',
  'GET /api/pulls',
  'POST /api/pulls',
  'GET /api/pulls/{id}',
  'PUT /api/pulls/{id}',
  'DELETE /api/pulls/{id}',
  'POST /api/pulls/{id}/run',
  'GET /api/pulls/{id}/runs',
  'DELETE /api/indicator-library/{id}',
  'GET /api/import-profiles',
  'GET /api/import-profiles/{code}',
  'GET /api/import-profiles/{code}/file',
  'GET /api/indicator-library',
  'GET /api/me/last-view',
  'GET /api/org-units/{code}/identifiers',
  'POST /api/import-profiles',
  'POST /api/import-profiles/files',
  'POST /api/import-profiles/{code}/versions',
  'POST /api/indicator-library',
  'POST /api/org-units/{code}/identifiers',
  'POST /api/profile-imports',
  'POST /api/profile-imports/inspect',
  'POST /api/profile-imports/preview',
  'PUT /api/indicator-library/{id}',
  'PUT /api/me/last-view',
].sort();

interface OpenApiOperation {
  responses: Record<string, { content?: Record<string, unknown> }>;
}

/** Routes another module would add: one that works, and two that fail the way a bug would. */
const otherModuleRoutes: FastifyPluginAsync = async (app) => {
  app.get('/other/ping', { schema: { hide: true } }, async () => ({ pong: true }));
  app.get('/other/crash', { schema: { hide: true } }, async () => {
    throw new Error('select secret_column from patients where id = 42 failed');
  });
  app.get('/other/bad-sql', { schema: { hide: true } }, async () => {
    await sql`select * from missing_table_xyz`.execute(app.ctx.db.kysely);
    return {};
  });
};

describeEachEngine('the HTTP app', (getDb) => {
  let server: TestServer;
  const logLines: string[] = [];

  beforeAll(async () => {
    server = await createTestServer(getDb(), {
      routes: [otherModuleRoutes],
      logger: { level: 'error', stream: { write: (line) => logLines.push(line) } },
    });
  });
  afterAll(() => server.close());

  it('lists every route in the OpenAPI document at /api/openapi.json', async () => {
    const response = await server.request('GET', '/api/openapi.json');
    const paths: Record<string, Record<string, unknown>> = response.json().paths;
    const listed = Object.entries(paths)
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      )
      .sort();
    expect(listed).toEqual(ROUTES);
  });

  it('documents a success response and problem+json errors for every operation, with no dangling $ref', async () => {
    const response = await server.request('GET', '/api/openapi.json');
    const document = response.json();
    const gaps: string[] = [];
    for (const [path, operations] of Object.entries<Record<string, OpenApiOperation>>(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const statuses = Object.keys(operation.responses);
        if (!statuses.some((status) => ['200', '201', '202', '204'].includes(status)))
          gaps.push(`${method} ${path}: no success`);
        if (Object.keys(operation.responses['500']?.content ?? {}).join() !== 'application/problem+json') {
          gaps.push(`${method} ${path}: no problem+json 500`);
        }
      }
    }
    expect([document.openapi, gaps, response.body.includes('$ref')]).toEqual(['3.1.0', [], false]);
  });

  it('serves Swagger UI at /api/docs from the package, loading nothing from the network', async () => {
    const page = await server.request('GET', '/api/docs/');
    const sources = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    const initializer = await server.request('GET', '/api/docs/static/swagger-initializer.js');
    const bundle = await server.request('GET', '/api/docs/static/swagger-ui-bundle.js');
    expect({
      page: page.statusCode,
      allLocal: sources.length > 0 && sources.every((source) => source?.startsWith('./static/')),
      validator: initializer.body.includes('validatorUrl: null'),
      specUrl: initializer.body.includes("url: resolveUrl('./json')"),
      bundle: bundle.statusCode,
    }).toEqual({ page: 200, allLocal: true, validator: true, specUrl: true, bundle: 200 });
  });

  it('sets helmet headers, without upgrading plain-HTTP requests on a hospital intranet', async () => {
    const response = await server.request('GET', '/api/periods/2024-03');
    const csp = String(response.headers['content-security-policy']);
    expect({
      nosniff: response.headers['x-content-type-options'],
      frames: response.headers['x-frame-options'],
      scripts: csp.includes("script-src 'self'"),
      upgrade: csp.includes('upgrade-insecure-requests'),
    }).toEqual({ nosniff: 'nosniff', frames: 'SAMEORIGIN', scripts: true, upgrade: false });
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await server.request('GET', '/api/no-such-thing?x=1');
    expect([response.statusCode, response.headers['content-type'], response.json()]).toEqual([
      404,
      'application/problem+json',
      {
        type: 'not-found',
        title: 'Not found',
        status: 404,
        code: 'request.no-route',
        params: { method: 'GET', path: '/api/no-such-thing' },
        detail: 'There is no route GET /api/no-such-thing.',
        issues: [],
      },
    ]);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/org-units',
      payload: '{"code": ',
      headers: { ...(await server.adminSession()).headers, 'content-type': 'application/json' },
    });
    expect([response.statusCode, response.headers['content-type'], response.json()]).toEqual([
      400,
      'application/problem+json',
      {
        type: 'bad-request',
        title: 'Bad request',
        status: 400,
        code: 'request.malformed-json',
        params: {},
        detail: "Body is not valid JSON but content-type is set to 'application/json'",
        issues: [],
      },
    ]);
  });

  it('registers the routes of other modules under /api', async () => {
    const response = await server.request('GET', '/api/other/ping');
    expect([response.statusCode, response.json()]).toEqual([200, { pong: true }]);
  });

  it.each([
    ['an exception', '/api/other/crash', 'secret_column'],
    ['an SQL error', '/api/other/bad-sql', 'missing_table_xyz'],
  ])(
    'answers %s with a 500 that leaks no stack or SQL, and logs it on the server',
    async (_what, url, secret) => {
      const response = await server.request('GET', url);
      const body = response.json();
      expect([response.statusCode, response.headers['content-type'], body]).toEqual([
        500,
        'application/problem+json',
        {
          type: 'internal',
          title: 'Internal error',
          status: 500,
          code: 'request.internal',
          params: { requestId: expect.stringMatching(/^req-\w+$/) },
          detail: expect.stringMatching(
            /^Something went wrong on the server\. Quote request id req-\w+ when reporting it\.$/,
          ),
          issues: [],
        },
      ]);
      expect([
        response.body.includes(secret),
        response.body.includes(' at '),
        logLines.some((l) => l.includes(secret)),
      ]).toEqual([false, false, true]);
    },
  );

  it('answers a body over the limit with a 413 problem', async () => {
    const small = await createTestServer(getDb(), { bodyLimit: 1024 });
    try {
      const response = await small.request('POST', '/api/org-units', {
        code: 'BIG',
        name: { en: 'x'.repeat(2000) },
        type: 'group',
      });
      expect([response.statusCode, response.headers['content-type'], response.json()]).toEqual([
        413,
        'application/problem+json',
        {
          type: 'too-large',
          title: 'Payload too large',
          status: 413,
          code: 'request.too-large',
          params: {},
          detail: 'Request body is too large',
          issues: [],
        },
      ]);
    } finally {
      await small.close();
    }
  });
});
