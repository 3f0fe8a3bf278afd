/** Problems of a scorecard file, each as its path (`perspectives[0].indicators[2].formula`) and message. */
import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { formatPath, type ProblemIssue } from '../../../../core/errors/problem.ts';

export function IssuesList({
  title,
  issues,
  testId,
  type = 'error',
}: {
  title: ReactNode;
  issues: readonly ProblemIssue[];
  testId: string;
  type?: 'error' | 'warning';
}) {
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
              <li key={`${formatPath(issue.path)}|${issue.message}`} data-testid={`${testId}-item`}>
                <code>{formatPath(issue.path) || '—'}</code> → {issue.message}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
