/** Data elements (`/api/data-elements`): a searched, paged list and the writes. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../../core/contracts/common.ts';
import type {
  CreateDataElementBody,
  DataElement,
  UpdateDataElementBody,
} from '../../../../core/contracts/data-elements.ts';
import { useApiClient } from '../../../lib/api/api-context.tsx';

export interface DataElementParams {
  readonly q: string;
  readonly limit: number;
  readonly offset: number;
}

export function useDataElements(params: DataElementParams) {
  const client = useApiClient();
  return useQuery({
    queryKey: ['data-elements', params],
    queryFn: ({ signal }) =>
      client.request<Page<DataElement>>('/api/data-elements', {
        query: {
          q: params.q.trim() === '' ? undefined : params.q.trim(),
          limit: params.limit,
          offset: params.offset,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveDataElement() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      input:
        | { kind: 'create'; body: CreateDataElementBody }
        | { kind: 'update'; code: string; body: UpdateDataElementBody },
    ) =>
      input.kind === 'create'
        ? client.request<DataElement>('/api/data-elements', { method: 'POST', body: input.body })
        : client.request<DataElement>(`/api/data-elements/${encodeURIComponent(input.code)}`, {
            method: 'PATCH',
            body: input.body,
          }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['data-elements'] }),
  });
}

export function useDeleteDataElement() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      client.request<unknown>(`/api/data-elements/${encodeURIComponent(code)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['data-elements'] }),
  });
}
