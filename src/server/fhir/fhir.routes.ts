/**
 * `/api/fhir`: FHIR R4 in (core/fhir, fhir-import.service.ts). `POST /fhir/MeasureReport` takes one report,
 * `POST /fhir` a Bundle (transaction or collection) of reports, `POST /fhir/Measure` a Measure; bodies are
 * `application/fhir+json` (or JSON). Success answers the FHIR way (a transaction-response Bundle, or the
 * created resource's outcome); a resource that cannot be imported is answered with an `OperationOutcome`
 * naming the FHIRPath of each problem (400). `?dryRun=true` checks without writing.
 */
import type { Bundle, Measure, MeasureReport } from '@medplum/fhirtypes';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queryBooleanSchema } from '../../core/contracts/common.ts';
import { wordProblem } from '../../core/errors/messages/index.ts';
import { type FhirIssue, FhirPathError, operationOutcome } from '../../core/fhir/index.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import { importMeasure, importMeasureReports } from './fhir-import.service.ts';

export const FHIR_JSON = 'application/fhir+json';
const tags = ['FHIR'];
const querySchema = z.object({ dryRun: queryBooleanSchema.default(false) }).strict();
const resourceSchema = z.object({ resourceType: z.string() }).passthrough();

function refuse(reply: FastifyReply, issues: readonly FhirIssue[]) {
  return reply.code(400).type(FHIR_JSON).send(operationOutcome(issues));
}

function informational(text: string) {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'information', code: 'informational', diagnostics: text }],
  };
}

export const fhirRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.addContentTypeParser(FHIR_JSON, { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(String(body)));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      done(Object.assign(new Error(wordProblem('fhir.not-json', { detail })), { statusCode: 400 }));
    }
  });
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  const reports = async (
    body: { resourceType: string },
    dryRun: boolean,
    actor: ReturnType<typeof getActor>,
    reply: FastifyReply,
  ) => {
    const resource = body as unknown as MeasureReport | Bundle;
    const result = await importMeasureReports(app.ctx, actor, resource, { dryRun });
    if (result.issues.length > 0) return refuse(reply, result.issues);
    const text = `${result.values} values from ${result.reports} MeasureReport(s): ${result.report?.toCreate ?? 0} to create, ${result.report?.toUpdate ?? 0} to update, ${result.report?.unchanged ?? 0} unchanged${dryRun ? ' (dry run)' : ''}`;
    return reply.type(FHIR_JSON).send(
      resource.resourceType === 'Bundle'
        ? {
            resourceType: 'Bundle',
            type: resource.type === 'transaction' ? 'transaction-response' : 'batch-response',
            entry: (resource.entry ?? []).map(() => ({
              response: { status: dryRun ? '200 OK' : '201 Created' },
            })),
            meta: { tag: [{ code: 'healthbsc-import', display: text }] },
          }
        : informational(text),
    );
  };

  app.post(
    '/fhir/MeasureReport',
    {
      schema: {
        tags,
        summary: 'Import a FHIR R4 MeasureReport as data values',
        querystring: querySchema,
        body: resourceSchema,
        // Success and refusals answer FHIR resources (a Bundle, an OperationOutcome); a failure of our own is a
        // problem, as everywhere.
        response: { 200: resourceSchema, ...problemResponses() },
      },
    },
    async (request, reply) => {
      if (request.body.resourceType !== 'MeasureReport')
        return refuse(reply, [issueOf('resourceType', 'MeasureReport', request.body.resourceType)]);
      return reports(request.body, request.query.dryRun, getActor(request), reply);
    },
  );

  app.post(
    '/fhir',
    {
      schema: {
        tags,
        summary: 'Import a FHIR R4 Bundle (transaction or collection) of MeasureReports',
        querystring: querySchema,
        body: resourceSchema,
        // Success and refusals answer FHIR resources (a Bundle, an OperationOutcome); a failure of our own is a
        // problem, as everywhere.
        response: { 200: resourceSchema, ...problemResponses() },
      },
    },
    async (request, reply) => {
      if (request.body.resourceType !== 'Bundle')
        return refuse(reply, [issueOf('resourceType', 'Bundle', request.body.resourceType)]);
      return reports(request.body, request.query.dryRun, getActor(request), reply);
    },
  );

  app.post(
    '/fhir/Measure',
    {
      schema: {
        tags,
        summary: 'Import a FHIR R4 Measure as data elements and an indicator',
        querystring: querySchema,
        body: resourceSchema,
        // Success and refusals answer FHIR resources (a Bundle, an OperationOutcome); a failure of our own is a
        // problem, as everywhere.
        response: { 200: resourceSchema, ...problemResponses() },
      },
    },
    async (request, reply) => {
      try {
        const result = await importMeasure(app.ctx, getActor(request), request.body as unknown as Measure, {
          dryRun: request.query.dryRun,
        });
        if (result.errors.length > 0)
          return refuse(
            reply,
            result.errors.map((e) => {
              const params = { detail: `${e.column}: ${e.reason}` };
              return {
                path: 'Measure',
                code: 'fhir.import-refused' as const,
                params,
                message: wordProblem('fhir.import-refused', params),
              };
            }),
          );
        const what = result.scorecard === null ? 'data elements' : `scorecard ${result.scorecard}`;
        return reply
          .type(FHIR_JSON)
          .send(informational(`${what}: ${result.dataElements.join(', ')} (${result.created} created)`));
      } catch (error) {
        if (error instanceof FhirPathError)
          return refuse(reply, [
            { path: error.path, code: error.code, params: error.params, message: error.message },
          ]);
        throw error;
      }
    },
  );
};

function issueOf(path: string, expected: string, got: string): FhirIssue {
  const params = { expected, got };
  return { path, code: 'fhir.wrong-resource', params, message: wordProblem('fhir.wrong-resource', params) };
}
