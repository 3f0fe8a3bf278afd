/**
 * A failed write's problem: the translated headline, the problem and each of its issues worded in the user's
 * language (`password: use at least 12 characters`). Announced as an alert, so a screen reader hears why it
 * failed.
 */
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api/api-error.ts';
import { problemTitleKey } from './problem-title.ts';
import { issueText, problemDetail } from './problem-words.ts';

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
          <div>{problemDetail(t, error)}</div>
          {issues.length === 0 ? null : (
            <ul style={{ margin: '4px 0 0', paddingLeft: 20 }} data-testid={`${testId}-issues`}>
              {issues.map((issue) => (
                <li key={`${issue.path.join('.')}|${issue.code}|${issue.message}`}>
                  {issue.path.length > 0 ? <code>{issue.path.join('.')}</code> : null}
                  {issue.path.length > 0 ? ': ' : null}
                  {issueText(t, issue)}
                </li>
              ))}
            </ul>
          )}
        </>
      }
    />
  );
}
