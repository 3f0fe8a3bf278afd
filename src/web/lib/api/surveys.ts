/**
 * AHP surveys (`/api/surveys`, `/api/survey-links/:token`): the strategist's list, one survey with its nodes and
 * panel, the experts' links, progress, closing, the results under a choice of aggregation, and applying them as
 * a dated weight version; and the expert's questionnaire, read and answered through the personal link's token
 * (no session: the token is the credential). Applying a result makes a weight version, so it refreshes the
 * scorecards and the scores.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { useApiMutation } from './mutation.ts';
import { allPagesFn, requestFn } from './query.ts';
import { apiRequest, routeUrl } from './request.ts';
import type { BodyOf, ItemOf, QueryOf, ResponseOf } from './routes.ts';
import { scorecardKeys } from './scorecards.ts';
import { scoreKeys } from './scores.ts';

export type SurveySummary = ItemOf<'GET /api/surveys'>;
export type SurveyDetail = ResponseOf<'GET /api/surveys/:id'>;
export type SurveyProgress = ResponseOf<'GET /api/surveys/:id/progress'>;
export type SurveyResults = ResponseOf<'GET /api/surveys/:id/results'>;
export type SurveyResultsQuery = QueryOf<'GET /api/surveys/:id/results'>;
export type CreateSurveyBody = BodyOf<'POST /api/surveys'>;
export type CreatedSurveyLink = ResponseOf<'POST /api/surveys/:id/experts/:expertId/link'>;
export type ApplySurveyBody = BodyOf<'POST /api/surveys/:id/apply'>;
export type Questionnaire = ResponseOf<'GET /api/survey-links/:token'>;
export type SaveAnswerBody = BodyOf<'PUT /api/survey-links/:token/answers'>;
export type SurveyReminders = ResponseOf<'GET /api/surveys/:id/reminders'>;
export type ReminderScheduleBody = BodyOf<'PUT /api/surveys/:id/reminders'>;
export type RemindResult = ResponseOf<'POST /api/surveys/:id/reminders'>;
export type ImportAnswersResult = ResponseOf<'POST /api/surveys/:id/experts/:expertId/answers/import'>;

const ROOT = ['surveys'] as const;

export const surveyKeys = {
  all: ROOT,
  list: () => [...ROOT, 'list'] as const,
  detail: (id: number | null) => [...ROOT, id, 'detail'] as const,
  progress: (id: number | null) => [...ROOT, id, 'progress'] as const,
  reminders: (id: number | null) => [...ROOT, id, 'reminders'] as const,
  results: (id: number | null, query: SurveyResultsQuery) => [...ROOT, id, 'results', query] as const,
  questionnaire: (token: string | null) => [...ROOT, 'questionnaire', token] as const,
};

export function getSurveysQueryOptions(client: ApiClient) {
  return queryOptions({ queryKey: surveyKeys.list(), queryFn: allPagesFn(client, 'GET /api/surveys') });
}

export function useSurveys() {
  return useQuery(getSurveysQueryOptions(useApiClient()));
}

/** One survey with its nodes, panel and links; `id` null waits. */
export function getSurveyQueryOptions(client: ApiClient, id: number | null) {
  return queryOptions({
    queryKey: surveyKeys.detail(id),
    queryFn: requestFn(client, 'GET /api/surveys/:id', id === null ? null : { params: { id } }),
  });
}

export function useSurvey(id: number | null) {
  return useQuery(getSurveyQueryOptions(useApiClient(), id));
}

/** Who has answered which nodes; read afresh each time it is shown. */
export function getSurveyProgressQueryOptions(client: ApiClient, id: number | null) {
  return queryOptions({
    queryKey: surveyKeys.progress(id),
    queryFn: requestFn(client, 'GET /api/surveys/:id/progress', id === null ? null : { params: { id } }),
    staleTime: 0,
  });
}

export function useSurveyProgress(id: number | null) {
  return useQuery(getSurveyProgressQueryOptions(useApiClient(), id));
}

export function getSurveyResultsQueryOptions(
  client: ApiClient,
  id: number | null,
  query: SurveyResultsQuery,
) {
  return queryOptions({
    queryKey: surveyKeys.results(id, query),
    queryFn: requestFn(
      client,
      'GET /api/surveys/:id/results',
      id === null ? null : { params: { id }, query },
    ),
  });
}

export function useSurveyResults(id: number | null, query: SurveyResultsQuery) {
  return useQuery(getSurveyResultsQueryOptions(useApiClient(), id, query));
}

/** The deadline, the automatic reminder and the reminders sent, with each mail's state. */
export function getSurveyRemindersQueryOptions(client: ApiClient, id: number | null) {
  return queryOptions({
    queryKey: surveyKeys.reminders(id),
    queryFn: requestFn(client, 'GET /api/surveys/:id/reminders', id === null ? null : { params: { id } }),
    staleTime: 0,
  });
}

export function useSurveyReminders(id: number | null) {
  return useQuery(getSurveyRemindersQueryOptions(useApiClient(), id));
}

export function useSetReminderSchedule(id: number) {
  return useApiMutation(
    (client, body: ReminderScheduleBody) =>
      apiRequest(client, 'PUT /api/surveys/:id/reminders', { params: { id }, body }),
    [surveyKeys.reminders(id)],
  );
}

/** Reminds now, by e-mail with a new link each, the experts who have not submitted (their links change). */
export function useRemindExperts(id: number) {
  return useApiMutation(
    (client, _: undefined) => apiRequest(client, 'POST /api/surveys/:id/reminders', { params: { id } }),
    [surveyKeys.all],
  );
}

/** Imports an expert's filled-in XLSX questionnaire: a dry run, or for real (then progress and results move). */
export function useImportPaperAnswers(id: number) {
  return useApiMutation(
    (client, input: { expertId: number; file: string; dryRun: boolean }) =>
      apiRequest(client, 'POST /api/surveys/:id/experts/:expertId/answers/import', {
        params: { id, expertId: input.expertId },
        body: { file: input.file, dryRun: input.dryRun },
      }),
    (input) => (input.dryRun ? [] : [surveyKeys.all]),
  );
}

/** POST /api/surveys. */
export function useCreateSurvey() {
  return useApiMutation(
    (client, body: CreateSurveyBody) => apiRequest(client, 'POST /api/surveys', { body }),
    [surveyKeys.all],
  );
}

/** A new personal link for an expert (revoking any earlier one; the answers stay). */
export function useCreateSurveyLink(id: number) {
  return useApiMutation(
    (client, { expertId }: { expertId: number }) =>
      apiRequest(client, 'POST /api/surveys/:id/experts/:expertId/link', {
        params: { id, expertId },
        body: {},
      }),
    [surveyKeys.all],
  );
}

export function useRevokeSurveyLink(id: number) {
  return useApiMutation(
    (client, { expertId }: { expertId: number }) =>
      apiRequest(client, 'DELETE /api/surveys/:id/experts/:expertId/link', { params: { id, expertId } }),
    [surveyKeys.all],
  );
}

export function useCloseSurvey(id: number) {
  return useApiMutation(
    (client, _: undefined) => apiRequest(client, 'POST /api/surveys/:id/close', { params: { id }, body: {} }),
    [surveyKeys.all],
  );
}

/** Applies the result as a new dated weight version: the scorecard's versions and the scores move. */
export function useApplySurvey(id: number) {
  return useApiMutation(
    (client, body: ApplySurveyBody) =>
      apiRequest(client, 'POST /api/surveys/:id/apply', { params: { id }, body }),
    [surveyKeys.all, scorecardKeys.all, ...scoreKeys],
  );
}

/** An expert's paper questionnaire (XLSX or PDF), for a link. */
export function questionnaireFileUrl(
  id: number,
  expertId: number,
  format: 'xlsx' | 'pdf',
  language: 'zh-CN' | 'en',
) {
  return routeUrl('GET /api/surveys/:id/experts/:expertId/questionnaire', {
    params: { id, expertId },
    query: { format, language },
  });
}

// ---- The expert's side: the token is the credential ---------------------------------------------------------

export function getQuestionnaireQueryOptions(client: ApiClient, token: string | null) {
  return queryOptions({
    queryKey: surveyKeys.questionnaire(token),
    queryFn: requestFn(client, 'GET /api/survey-links/:token', token === null ? null : { params: { token } }),
    // A link that fails (revoked, expired, unknown) stays failed: say so at once instead of retrying.
    retry: false,
  });
}

export function useQuestionnaire(token: string | null) {
  return useQuery(getQuestionnaireQueryOptions(useApiClient(), token));
}

/** Saves one judgment; the questionnaire is read again, with the node's consistency after this answer. */
export function useSaveAnswer(token: string) {
  return useApiMutation(
    (client, body: SaveAnswerBody) =>
      apiRequest(client, 'PUT /api/survey-links/:token/answers', { params: { token }, body }),
    [surveyKeys.questionnaire(token)],
  );
}

export function useSubmitAnswers(token: string) {
  return useApiMutation(
    (client, _: undefined) =>
      apiRequest(client, 'POST /api/survey-links/:token/submit', { params: { token } }),
    [surveyKeys.questionnaire(token)],
  );
}

/** The paper questionnaire of the link's expert, for a link. */
export function linkQuestionnaireFileUrl(token: string, format: 'xlsx' | 'pdf', language: 'zh-CN' | 'en') {
  return routeUrl('GET /api/survey-links/:token/questionnaire', {
    params: { token },
    query: { format, language },
  });
}
