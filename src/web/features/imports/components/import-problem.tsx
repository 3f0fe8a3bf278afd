/**
 * A failed upload, as the server explained it: its translated headline and the problem with its issues worded in
 * the user's language (the roles a 403 needs, the limit of a 413, the missing column of a 400).
 */
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemTitleKey } from '../../../components/problem-title.ts';
import { issueText, problemDetail } from '../../../components/problem-words.ts';
import type { ApiError } from '../../../lib/api/api-error.ts';

export interface ImportProblemProps {
  readonly error: ApiError;
  readonly testId: string;
  /** False when the issues are shown elsewhere (a refused commit's row errors, in the report's table). */
  readonly listIssues?: boolean;
}

export function ImportProblem({ error, testId, listIssues = true }: ImportProblemProps) {
  const { t } = useTranslation();
  const title = error.status === 413 ? t('imports.file.tooLarge') : t(problemTitleKey(error));
  const issues = listIssues
    ? error.problem.issues.map((issue) => issueText(t, issue)).filter((text) => text !== '')
    : [];
  return (
    <Alert
      data-testid={testId}
      data-status={error.status}
      type="error"
      showIcon
      title={title}
      description={
        <>
          <div>{problemDetail(t, error)}</div>
          {issues.length > 0 && (
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {issues.map((issue) => (
                <li key={issue}>{issue}</li>
              ))}
            </ul>
          )}
        </>
      }
    />
  );
}
