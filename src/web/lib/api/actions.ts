/**
 * Action plans (`/api/actions`): the list (mine or all I may see), one action, creating one (from a red cell, an
 * alert or the strategy map), changing it (owner, collaborators, due date, status, progress), its comments and
 * their attachments (evidence: uploaded with progress, downloaded by link). Creating an action from an alert
 * changes the alert (it names the action), so the inbox is read again too.
 */
import { keepPreviousData, queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { alertKeys } from './alerts.ts';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { useApiMutation } from './mutation.ts';
import { myWorkKeys } from './my-work.ts';
import { requestFn } from './query.ts';
import { apiRequest, splitRoute } from './request.ts';
import type { BodyOf, ItemOf, QueryOf, ResponseOf } from './routes.ts';
import { uploadFile } from './upload.ts';

export type ActionResource = ItemOf<'GET /api/actions'>;
export type ActionStatus = ActionResource['status'];
export type ActionListQuery = QueryOf<'GET /api/actions'>;
export type CreateActionBody = BodyOf<'POST /api/actions'>;
export type UpdateActionBody = BodyOf<'PATCH /api/actions/:id'>;
export type ActionCommentResource = ResponseOf<'GET /api/actions/:id/comments'>['comments'][number];
export type ActionAttachment = ActionCommentResource['attachments'][number];

/** The statuses in the order an action goes through them. */
export const ACTION_STATUSES = [
  'planned',
  'in-progress',
  'done',
  'dropped',
] as const satisfies readonly ActionStatus[];

const ROOT = ['actions'] as const;

export const actionKeys = {
  all: ROOT,
  list: (query: ActionListQuery) => [...ROOT, 'list', query] as const,
  one: (id: number | null) => [...ROOT, 'one', id] as const,
  comments: (id: number | null) => [...ROOT, 'comments', id] as const,
};

export function getActionsQueryOptions(client: ApiClient, query: ActionListQuery) {
  return queryOptions({
    queryKey: actionKeys.list(query),
    queryFn: requestFn(client, 'GET /api/actions', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useActions(query: ActionListQuery) {
  return useQuery(getActionsQueryOptions(useApiClient(), query));
}

export function getActionQueryOptions(client: ApiClient, id: number | null) {
  return queryOptions({
    queryKey: actionKeys.one(id),
    queryFn: id === null ? skipToken : requestFn(client, 'GET /api/actions/:id', { params: { id } }),
  });
}

export function useAction(id: number | null) {
  return useQuery(getActionQueryOptions(useApiClient(), id));
}

export function getActionCommentsQueryOptions(client: ApiClient, id: number | null) {
  return queryOptions({
    queryKey: actionKeys.comments(id),
    queryFn: id === null ? skipToken : requestFn(client, 'GET /api/actions/:id/comments', { params: { id } }),
  });
}

export function useActionComments(id: number | null) {
  return useQuery(getActionCommentsQueryOptions(useApiClient(), id));
}

/** Creates an action; the actions, the inbox (an alert names its action) and "my work" are read again. */
export function useCreateAction() {
  return useApiMutation(
    (client, body: CreateActionBody) => apiRequest(client, 'POST /api/actions', { body }),
    [actionKeys.all, alertKeys.all, myWorkKeys.all],
  );
}

export function useUpdateAction(id: number) {
  return useApiMutation(
    (client, body: UpdateActionBody) =>
      apiRequest(client, 'PATCH /api/actions/:id', { params: { id }, body }),
    [actionKeys.all, alertKeys.all, myWorkKeys.all],
  );
}

export interface NewComment {
  readonly text: string;
  /** Evidence: uploaded one after another once the comment exists. */
  readonly files: readonly File[];
  /** The share sent of all the files together, 0 to 1. */
  readonly onProgress?: (share: number) => void;
}

/**
 * Adds a comment, then uploads its attachments; the comments are read again once all is settled (a failed upload
 * leaves the comment and the files already sent).
 */
export function useAddComment(id: number) {
  return useApiMutation(
    async (client, input: NewComment) => {
      const comment = await apiRequest(client, 'POST /api/actions/:id/comments', {
        params: { id },
        body: { text: input.text },
      });
      const total = input.files.reduce((sum, file) => sum + file.size, 0);
      let sent = 0;
      for (const file of input.files) {
        await uploadCommentAttachment({ id, commentId: comment.id }, file, (share) =>
          input.onProgress?.(total === 0 ? 1 : (sent + share * file.size) / total),
        );
        sent += file.size;
      }
      return comment;
    },
    [actionKeys.comments(id)],
  );
}

/**
 * Uploads one attachment of a comment (the raw bytes, the file's name in the query string) and resolves with
 * what the server stored; `onProgress` hears the share sent.
 */
export function uploadCommentAttachment(
  target: { readonly id: number; readonly commentId: number },
  file: File,
  onProgress: (share: number) => void,
  signal?: AbortSignal,
): Promise<ActionAttachment> {
  const [, path] = splitRoute('POST /api/actions/:id/comments/:commentId/attachments', target);
  const query = new URLSearchParams({ name: file.name }).toString();
  return uploadFile<ActionAttachment>({
    path: `${path}?${query}`,
    file,
    onProgress,
    ...(signal ? { signal } : {}),
  });
}

/**
 * The address that downloads an attachment.
 *
 * @example attachmentUrl(7) // '/api/action-attachments/7'
 */
export function attachmentUrl(id: number): string {
  return splitRoute('GET /api/action-attachments/:id', { id })[1];
}
