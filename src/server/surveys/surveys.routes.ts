/**
 * `/api/surveys`: AHP surveys for strategists (create, read, panel, links, progress, close, results, apply,
 * the paper questionnaire); `/api/survey-links/:token`: the expert's questionnaire through their personal link.
 * The link routes are public to the accounts plugin (no session, no CSRF header: the token is the
 * credential) and authenticate the token themselves, throttled per address and per link.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  applySurveyBodySchema,
  applySurveyResultSchema,
  closeSurveyBodySchema,
  createdSurveyLinkSchema,
  createSurveyBodySchema,
  createSurveyLinkBodySchema,
  importAnswersBodySchema,
  importAnswersResultSchema,
  listSurveysQuerySchema,
  questionnaireFileQuerySchema,
  questionnaireSchema,
  saveAnswerBodySchema,
  saveAnswerResultSchema,
  submitAnswersResultSchema,
  surveyExpertBodySchema,
  surveyExpertParamsSchema,
  surveyExpertSchema,
  surveyPageSchema,
  surveyParamsSchema,
  surveyProgressSchema,
  surveyResultsQuerySchema,
  surveyResultsSchema,
  surveySchema,
  surveyTokenParamsSchema,
} from '../../core/contracts/surveys.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses, publicProblemResponses } from '../plugins/route-schemas.ts';
import {
  authenticateSurveyLink,
  getQuestionnaire,
  saveAnswer,
  submitAnswers,
} from './survey-answers.service.ts';
import { SurveyLinkThrottle, type SurveyLinkThrottleSettings } from './survey-link-throttle.ts';
import { createSurveyLink, revokeSurveyLink } from './survey-links.service.ts';
import {
  exportOwnQuestionnaire,
  exportQuestionnaire,
  importAnswers,
  type QuestionnaireFile,
} from './survey-paper.service.ts';
import { applySurvey, getSurveyResults } from './survey-results.service.ts';
import {
  addSurveyExpert,
  closeSurvey,
  createSurvey,
  getSurvey,
  getSurveyProgress,
  listSurveysPage,
} from './surveys.service.ts';

const tags = ['surveys'];
const linkTags = ['survey links'];

/** The origin the client reached the server at, for the QR code's full address. */
export function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

function sendFile(reply: FastifyReply, file: QuestionnaireFile) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .send(file.bytes);
}

const fileResponse = z.any().describe('the questionnaire (XLSX or PDF)');

/** The survey routes; `throttle` tunes the link throttle (tests). */
export function surveyRoutes(throttle: Partial<SurveyLinkThrottleSettings> = {}): FastifyPluginAsyncZod {
  return async (app) => {
    const linkThrottle = new SurveyLinkThrottle(app.ctx.now, throttle);
    const linkOf = (request: FastifyRequest, token: string) =>
      authenticateSurveyLink(app.ctx, linkThrottle, token, request.ip);

    app.get(
      '/surveys',
      {
        schema: {
          tags,
          summary: 'List AHP surveys, newest first',
          description: 'Strategists and administrators.',
          querystring: listSurveysQuerySchema,
          response: { 200: surveyPageSchema, ...problemResponses(400, 404) },
        },
      },
      async (request) => listSurveysPage(app.ctx, getActor(request), request.query),
    );

    app.post(
      '/surveys',
      {
        schema: {
          tags,
          summary: "Create an AHP survey of a scorecard's hierarchy with its panel of experts",
          description:
            "The nodes are the scorecard's perspectives, then per perspective its objectives (where it has them) and indicators, as they are now. Each expert's link is made afterwards (POST …/experts/{expertId}/link). Strategists and administrators.",
          body: createSurveyBodySchema,
          response: { 201: surveySchema, ...problemResponses(400, 404) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createSurvey(app.ctx, getActor(request), request.body)),
    );

    app.get(
      '/surveys/:id',
      {
        schema: {
          tags,
          summary: 'A survey: its nodes, scale, panel (with each link’s state and progress) and applications',
          params: surveyParamsSchema,
          response: { 200: surveySchema, ...problemResponses(404) },
        },
      },
      async (request) => getSurvey(app.ctx, getActor(request), request.params.id),
    );

    app.post(
      '/surveys/:id/experts',
      {
        schema: {
          tags,
          summary: "Add an expert to an open survey's panel",
          params: surveyParamsSchema,
          body: surveyExpertBodySchema,
          response: { 201: surveyExpertSchema, ...problemResponses(400, 404, 409) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await addSurveyExpert(app.ctx, getActor(request), { id: request.params.id, body: request.body }),
          ),
    );

    app.post(
      '/surveys/:id/experts/:expertId/link',
      {
        schema: {
          tags,
          summary:
            "Make an expert's personal link (revoking any earlier one), with the invitation and a QR code",
          description:
            'The token is returned once; only its hash is stored. The expert keeps their answers across links. Default expiry: 30 days.',
          params: surveyExpertParamsSchema,
          body: createSurveyLinkBodySchema,
          response: { 201: createdSurveyLinkSchema, ...problemResponses(400, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await createSurveyLink(app.ctx, getActor(request), {
            ...request.params,
            body: request.body,
            origin: originOf(request),
          }),
        ),
    );

    app.delete(
      '/surveys/:id/experts/:expertId/link',
      {
        schema: {
          tags,
          summary: "Revoke an expert's link (their answers stay)",
          params: surveyExpertParamsSchema,
          response: { 200: surveyExpertSchema, ...problemResponses(404) },
        },
      },
      async (request) => revokeSurveyLink(app.ctx, getActor(request), request.params),
    );

    app.get(
      '/surveys/:id/progress',
      {
        schema: {
          tags,
          summary: 'Who has answered which nodes, with each complete node’s CR',
          params: surveyParamsSchema,
          response: { 200: surveyProgressSchema, ...problemResponses(404) },
        },
      },
      async (request) => getSurveyProgress(app.ctx, getActor(request), request.params.id),
    );

    app.post(
      '/surveys/:id/close',
      {
        schema: {
          tags,
          summary: 'Close a survey: no more answers',
          params: surveyParamsSchema,
          body: closeSurveyBodySchema,
          response: { 200: surveySchema, ...problemResponses(400, 404, 409) },
        },
      },
      async (request) =>
        closeSurvey(app.ctx, getActor(request), { id: request.params.id, note: request.body.note }),
    );

    app.get(
      '/surveys/:id/results',
      {
        schema: {
          tags,
          summary: "Each expert's and the panel's weights and consistency per node, and the global weights",
          description:
            'Aggregation AIJ (default) or AIP, with the experts’ weights; inconsistent experts included (default) or excluded per node, each node showing its weights both ways.',
          params: surveyParamsSchema,
          querystring: surveyResultsQuerySchema,
          response: { 200: surveyResultsSchema, ...problemResponses(400, 404) },
        },
      },
      async (request) =>
        getSurveyResults(app.ctx, getActor(request), { ...request.query, id: request.params.id }),
    );

    app.post(
      '/surveys/:id/apply',
      {
        schema: {
          tags,
          summary: "Apply a closed survey's result as a new dated weight version of its scorecard",
          description:
            'The weights hold from effectiveFrom (default: the next period with no published score) and keep the counted experts’ matrices; the version’s provenance (survey, experts counted, aggregation, date) is returned by the scorecard APIs.',
          params: surveyParamsSchema,
          body: applySurveyBodySchema,
          response: { 201: applySurveyResultSchema, ...problemResponses(400, 404, 409) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await applySurvey(app.ctx, getActor(request), { id: request.params.id, body: request.body })),
    );

    app.get(
      '/surveys/:id/experts/:expertId/questionnaire',
      {
        schema: {
          tags,
          summary: "An expert's paper questionnaire, XLSX (seed 002's appendix layout) or printable PDF",
          params: surveyExpertParamsSchema,
          querystring: questionnaireFileQuerySchema,
          response: { 200: fileResponse, ...problemResponses(400, 404) },
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await exportQuestionnaire(app.ctx, getActor(request), { ...request.params, query: request.query }),
        ),
    );

    app.post(
      '/surveys/:id/experts/:expertId/answers/import',
      {
        schema: {
          tags,
          summary: "Import an expert's filled-in XLSX questionnaire (a dry run by default)",
          description:
            'The file is checked whole; every problem is listed at its sheet and row, and nothing is written unless there is none and dryRun is false.',
          params: surveyExpertParamsSchema,
          body: importAnswersBodySchema,
          response: { 200: importAnswersResultSchema, ...problemResponses(400, 404, 409) },
        },
      },
      async (request) => importAnswers(app.ctx, getActor(request), { ...request.params, body: request.body }),
    );

    app.get(
      '/survey-links/:token/questionnaire',
      {
        config: { public: true },
        schema: {
          tags: linkTags,
          summary: 'The expert’s own paper questionnaire (XLSX or PDF), through their link',
          params: surveyTokenParamsSchema,
          querystring: questionnaireFileQuerySchema,
          response: { 200: fileResponse, ...publicProblemResponses(400, 401, 429) },
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await exportOwnQuestionnaire(app.ctx, await linkOf(request, request.params.token), request.query),
        ),
    );

    app.get(
      '/survey-links/:token',
      {
        config: { public: true },
        schema: {
          tags: linkTags,
          summary: "The expert's questionnaire, with their answers so far and each node's consistency",
          description: 'Authenticated by the link’s token (no session). Throttled per address and per link.',
          params: surveyTokenParamsSchema,
          response: { 200: questionnaireSchema, ...publicProblemResponses(400, 401, 429) },
        },
      },
      async (request) => getQuestionnaire(app.ctx, await linkOf(request, request.params.token)),
    );

    app.put(
      '/survey-links/:token/answers',
      {
        config: { public: true },
        schema: {
          tags: linkTags,
          summary:
            'Save (or clear) one judgment; answers the node’s CR and, above the threshold, three repairs',
          description: 'No CSRF header: the token is the credential. Every answer is audited.',
          params: surveyTokenParamsSchema,
          body: saveAnswerBodySchema,
          response: { 200: saveAnswerResultSchema, ...publicProblemResponses(400, 401, 409, 429) },
        },
      },
      async (request) => saveAnswer(app.ctx, await linkOf(request, request.params.token), request.body),
    );

    app.post(
      '/survey-links/:token/submit',
      {
        config: { public: true },
        schema: {
          tags: linkTags,
          summary: 'Submit the answers as final',
          params: surveyTokenParamsSchema,
          response: { 200: submitAnswersResultSchema, ...publicProblemResponses(400, 401, 409, 429) },
        },
      },
      async (request) => submitAnswers(app.ctx, await linkOf(request, request.params.token)),
    );
  };
}
