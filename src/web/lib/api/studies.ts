/**
 * Evaluation studies (`/api/studies`): the saved studies, one study's file, a study's evaluation (a POST, read as
 * a query keyed by the study file it sends, so an override of a row's test is a new query), and saving.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { useApiMutation } from './mutation.ts';
import { requestFn } from './query.ts';
import { apiRequest } from './request.ts';
import type { BodyOf, ResponseOf } from './routes.ts';

export type StudyFileBody = BodyOf<'POST /api/studies/evaluate'>;
export type StudyResultJson = ResponseOf<'POST /api/studies/evaluate'>;
export type StudyRowJson = StudyResultJson['rows'][number];

const ROOT = ['studies'] as const;

export const studyKeys = {
  all: ROOT,
  list: () => [...ROOT, 'list'] as const,
  one: (code: string | null) => [...ROOT, 'one', code] as const,
  result: (file: StudyFileBody | null) => [...ROOT, 'result', file] as const,
};

export function getStudiesQueryOptions(client: ApiClient) {
  return queryOptions({ queryKey: studyKeys.list(), queryFn: requestFn(client, 'GET /api/studies', {}) });
}

export function useStudies() {
  return useQuery(getStudiesQueryOptions(useApiClient()));
}

export function getStudyQueryOptions(client: ApiClient, code: string | null) {
  return queryOptions({
    queryKey: studyKeys.one(code),
    queryFn: requestFn(client, 'GET /api/studies/:code', code === null ? null : { params: { code } }),
  });
}

export function useStudy(code: string | null) {
  return useQuery(getStudyQueryOptions(useApiClient(), code));
}

export function getStudyResultQueryOptions(client: ApiClient, file: StudyFileBody | null) {
  return queryOptions({
    queryKey: studyKeys.result(file),
    queryFn: requestFn(client, 'POST /api/studies/evaluate', file === null ? null : { body: file }),
    // A study reads years of months: keep its result while the page is open.
    staleTime: 60_000,
  });
}

export function useStudyResult(file: StudyFileBody | null) {
  return useQuery(getStudyResultQueryOptions(useApiClient(), file));
}

/** Saves a study under its code; the list and the study are read again. */
export function useSaveStudy() {
  return useApiMutation(
    (client, file: StudyFileBody) =>
      apiRequest(client, 'PUT /api/studies/:code', { params: { code: file.code }, body: file }),
    [studyKeys.all],
  );
}
