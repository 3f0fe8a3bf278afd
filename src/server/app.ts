/**
 * The HTTP server: Fastify with the zod contracts (core/contracts) for validation, serialization and the
 * OpenAPI document; one problem+json error handler; helmet; a body limit; Swagger UI served from the package
 * (nothing is fetched from the network). Every route is under `/api`.
 *
 * Route plugins reach the services' context as `app.ctx`. Other modules (evaluation, imports) pass their route
 * plugins in `options.routes`; they are registered with the prefix `/api`, after this module's own.
 *
 * Answers are compressed (brotli or gzip, as the client accepts). With `options.webRoot` (the built web app,
 * dist/web) it also serves the app at `/` from its precompressed copies: hashed files under `/assets/` cached
 * for a year, and index.html (never cached) for every other path without a file extension,
 * so client routes such as `/comparison?…` load the app. `/api` is untouched.
 */
import { sep } from 'node:path';
import { constants as zlib } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import packageJson from '../../package.json' with { type: 'json' };
import { type AccountsOptions, accountsPlugin } from './accounts/accounts.plugin.ts';
import { DEFAULT_BODY_LIMIT, type LogLevel } from './config.ts';
import type { ServerContext } from './context.ts';
import { serializerCompiler } from './plugins/compiled-serializer.ts';
import { registerEtags } from './plugins/etags.ts';
import { registerProblemErrors } from './plugins/problem-errors.ts';
import { refusalLogPlugin } from './plugins/refusal-log.ts';
import { type RequestGuardOptions, requestGuardPlugin } from './plugins/request-guard.ts';
import { problemValidatorCompiler } from './plugins/zod-validation.ts';
import { API_ROUTES } from './routes/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The database, clock and change bus every service takes. */
    readonly ctx: ServerContext;
  }
}

export const API_PREFIX = '/api';

export interface BuildAppOptions {
  /** Log requests and errors (pino): `true` for the defaults, or a level and a stream to write to. */
  readonly logger?: boolean | { readonly level?: LogLevel; readonly stream?: { write(line: string): void } };
  /** Route plugins of other modules, registered under `/api` after this module's. */
  readonly routes?: readonly FastifyPluginAsync[];
  /** The largest request body accepted, in bytes. Default 10 MiB. */
  readonly bodyLimit?: number;
  /** The built web app's directory (absolute; holds index.html): served at `/`. Absent: the API only. */
  readonly webRoot?: string | null;
  /** Sessions, API tokens and the server's mode (accounts/accounts.plugin.ts). Default: production mode. */
  readonly accounts?: AccountsOptions;
  /** Fastify's `trustProxy`: which reverse proxies' X-Forwarded-For to believe (the audit's address). Default false. */
  readonly trustProxy?: boolean | string | readonly string[] | number;
  /** Control characters in parameters, the cap on heavy requests, the request timeout (plugins/request-guard.ts). */
  readonly guard?: RequestGuardOptions;
}

/** Fastify's form of a trustProxy setting: a hop count becomes "trust the first n hops". */
function trustProxyOption(setting: BuildAppOptions['trustProxy']) {
  if (typeof setting === 'number') return (_address: string, hop: number) => hop < setting;
  return typeof setting === 'object' ? [...setting] : (setting ?? false);
}

/**
 * Builds the server (not listening: call `app.listen()`, or `app.inject()` in tests). The caller owns `ctx` and
 * closes its database after `app.close()`.
 *
 * @example
 * const app = await buildApp({ db, now: () => new Date(), changes: new ChangeBus() });
 * await app.listen({ port: 3000, host: '127.0.0.1' });
 */
export async function buildApp(ctx: ServerContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const logger = options.logger ?? false;
  const app = Fastify({
    logger: typeof logger === 'boolean' ? logger : { ...logger },
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: trustProxyOption(options.trustProxy),
  });
  app.decorate('ctx', ctx);
  app.setValidatorCompiler(problemValidatorCompiler);
  // Compiled stringifiers for the heavy answers (rankings, evaluations, series), zod encoding for the rest.
  app.setSerializerCompiler(serializerCompiler);
  registerProblemErrors(app);
  // Before every route: who sends each request, and 401/403/503 before any handler runs.
  await app.register(accountsPlugin, options.accounts ?? {});
  // After who sends it is known: bad parameters, too many heavy requests at once, requests that take too long.
  await app.register(requestGuardPlugin, options.guard ?? {});
  // Refused requests (403), counted per principal × route and audited once per window.
  await app.register(refusalLogPlugin);

  // Brotli or gzip for every answer past 1 KiB that the client accepts (JSON, problem+json, index.html); the
  // web app's files are served from their precompressed copies instead (serveWebApp). Brotli at quality 4: near
  // gzip's speed with a smaller result; the default (11) costs seconds on a large ranking.
  // ETags of evaluations (routes opt in with `config.etag`), computed on the JSON before it is compressed.
  registerEtags(app);
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      // Hospitals often serve the app over plain HTTP on their intranet: upgrading every request to HTTPS
      // would break it there. Scripts come only from this server (helmet's default; the web build has no inline
      // script). Styles: Ant Design's CSS-in-JS injects <style> elements and React writes style attributes,
      // hence 'unsafe-inline' for styles only, and nothing from other origins (helmet's default allows https:).
      directives: { upgradeInsecureRequests: null, styleSrc: ["'self'", "'unsafe-inline'"] },
    },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'HealthBSC API',
        description:
          'Org units, periods, data elements, scorecards, targets, values, assessments and the audit trail.',
        version: packageJson.version,
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: `${API_PREFIX}/docs` });
  app.get(`${API_PREFIX}/openapi.json`, { schema: { hide: true } }, async () => app.swagger());

  for (const routes of [...API_ROUTES, ...(options.routes ?? [])]) {
    await app.register(routes, { prefix: API_PREFIX });
  }
  if (options.webRoot) await serveWebApp(app, options.webRoot);
  return app;
}

/** A year: Vite puts a content hash in every file name under assets/, so a changed file has a new name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

async function serveWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    // Register a route per built file instead of a catch-all, so the catch-all below can serve index.html.
    wildcard: false,
    index: false,
    // The build writes a .br and a .gz beside each text file (vite.config.ts): sent as they are, never
    // compressed per request.
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', path.includes(`${sep}assets${sep}`) ? IMMUTABLE : 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // An unknown API route, or a file that is not there (a stale hashed asset): the usual problem+json 404.
    if (path === API_PREFIX || path.startsWith(`${API_PREFIX}/`) || /\.[A-Za-z0-9]+$/.test(path)) {
      return reply.callNotFound();
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
