/**
 * Problems of a scorecard file, each as its path (`perspectives[0].indicators[2].formula`) and its code worded in
 * the user's language: the server's issues and those the browser finds with the same compiler alike.
 */
import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPath } from '../../../../core/errors/problem.ts';
import { issueText } from '../../../components/problem-words.ts';
import type { ProblemIssueBody } from '../../../lib/api/api-error.ts';

export function IssuesList({
  title,
  issues,
  testId,
  type = 'error',
}: {
  title: ReactNode;
  issues: readonly ProblemIssueBody[];
  testId: string;
  type?: 'error' | 'warning';
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type={type}
      showIcon
      data-testid={testId}
      title={title}
      description={
        issues.length === 0 ? undefined : (
          <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 200, overflow: 'auto' }}>
            {issues.map((issue) => (
              <li
                key={`${formatPath(issue.path)}|${issue.code}|${issue.message}`}
                data-testid={`${testId}-item`}
              >
                <code>{formatPath(issue.path) || '—'}</code> → {issueText(t, issue)}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
