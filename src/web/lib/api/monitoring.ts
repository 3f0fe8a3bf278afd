/**
 * Statistical monitoring (`GET /api/monitoring/funnel`, `GET /api/monitoring/forecast`); the control charts come
 * with the series (series.ts). `null` waits.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { requestFn } from './query.ts';
import type { QueryOf, ResponseOf } from './routes.ts';

export type FunnelQuery = QueryOf<'GET /api/monitoring/funnel'>;
export type FunnelJson = ResponseOf<'GET /api/monitoring/funnel'>;
export type ForecastQuery = QueryOf<'GET /api/monitoring/forecast'>;
export type ForecastJson = ResponseOf<'GET /api/monitoring/forecast'>;

const ROOT = ['monitoring'] as const;

export const monitoringKeys = {
  all: ROOT,
  funnel: (query: FunnelQuery | null) => [...ROOT, 'funnel', query] as const,
  forecast: (query: ForecastQuery | null) => [...ROOT, 'forecast', query] as const,
};

export function getFunnelQueryOptions(client: ApiClient, query: FunnelQuery | null) {
  return queryOptions({
    queryKey: monitoringKeys.funnel(query),
    queryFn: requestFn(client, 'GET /api/monitoring/funnel', query && { query }),
  });
}

export function getForecastQueryOptions(client: ApiClient, query: ForecastQuery | null) {
  return queryOptions({
    queryKey: monitoringKeys.forecast(query),
    queryFn: requestFn(client, 'GET /api/monitoring/forecast', query && { query }),
  });
}

export function useFunnel(query: FunnelQuery | null) {
  return useQuery(getFunnelQueryOptions(useApiClient(), query));
}

export function useForecast(query: ForecastQuery | null) {
  return useQuery(getForecastQueryOptions(useApiClient(), query));
}
