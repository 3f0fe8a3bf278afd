/**
 * The writes' one shape: a mutation that, once settled, invalidates what the write changed, named through the
 * resource modules' key factories (`[dataValueKeys.all, ...scoreKeys]`), never as key strings, and the audit
 * trail, which every write adds to. Settled rather than succeeded: a refused write (a 409 version conflict) may
 * well mean the data moved under the user, so what the page shows is read again either way.
 */
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { auditKeys } from './audit.ts';

/** The keys a write changes: fixed, or chosen by its input and result (an undone import's kind). */
export type Changes<Input, Output> =
  | readonly QueryKey[]
  | ((input: Input, result: Output | undefined) => readonly QueryKey[]);

export function useApiMutation<Input, Output>(
  write: (client: ApiClient, input: Input) => Promise<Output>,
  changes: Changes<Input, Output>,
) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => write(client, input),
    onSettled: async (result, _error, input) => {
      const keys = typeof changes === 'function' ? changes(input, result) : changes;
      await Promise.all(
        [...keys, auditKeys.all].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  });
}
