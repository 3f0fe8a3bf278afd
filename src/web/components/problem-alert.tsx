/**
 * A failed write's problem as the server sent it: the translated headline, the server's detail and each issue
 * (`password: use at least 12 characters`). Announced as an alert, so a screen reader hears why it failed.
 */
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api/api-error.ts';
import { problemDetail, problemTitleKey } from './problem-title.ts';

export function ProblemAlert({
  error,
  testId = 'problem-alert',
}: {
  readonly error: unknown;
  readonly testId?: string;
}) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  const issues = isApiError(error) ? error.problem.issues : [];
  return (
    <Alert
      data-testid={testId}
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      title={t(problemTitleKey(error))}
      description={
        <>
          <div>{problemDetail(error)}</div>
          {issues.length === 0 ? null : (
            <ul style={{ margin: '4px 0 0', paddingLeft: 20 }} data-testid={`${testId}-issues`}>
              {issues.map((issue) => (
                <li key={`${issue.path.join('.')}|${issue.message}`}>
                  {issue.path.length > 0 ? <code>{issue.path.join('.')}</code> : null}
                  {issue.path.length > 0 ? ': ' : null}
                  {issue.message}
                </li>
              ))}
            </ul>
          )}
        </>
      }
    />
  );
}
