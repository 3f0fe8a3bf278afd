/**
 * The HTTP server: Fastify with the zod contracts (core/contracts) for validation, serialization and the
 * OpenAPI document; one problem+json error handler; helmet; a body limit; Swagger UI served from the package
 * (nothing is fetched from the network). Every route is under `/api`.
 *
 * Route plugins reach the services' context as `app.ctx`. Other modules (evaluation, imports) pass their route
 * plugins in `options.routes`; they are registered with the prefix `/api`, after this module's own.
 */
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import packageJson from '../../package.json' with { type: 'json' };
import { DEFAULT_BODY_LIMIT, type LogLevel } from './config.ts';
import type { ServerContext } from './context.ts';
import { registerProblemErrors } from './plugins/problem-errors.ts';
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
  });
  app.decorate('ctx', ctx);
  app.setValidatorCompiler(problemValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemErrors(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      // Hospitals often serve the app over plain HTTP on their intranet: upgrading every request to HTTPS
      // would break it there. Everything else stays at helmet's defaults (scripts only from this server).
      directives: { upgradeInsecureRequests: null },
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
  return app;
}
