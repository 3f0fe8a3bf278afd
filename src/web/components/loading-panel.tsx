/**
 * The one panel for a query's three other states: loading (a spinner announced politely), error (the problem's
 * translated title, the problem worded in the user's language and a retry button, announced as an alert) and
 * empty (a message).
 * Otherwise it renders its children.
 */
import { Alert, Button, Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemTitleKey } from './problem-title.ts';
import { problemDetail } from './problem-words.ts';

export interface LoadingPanelProps {
  readonly isLoading: boolean;
  readonly error?: unknown;
  readonly isEmpty?: boolean;
  /** What to say when there is nothing to show. */
  readonly emptyText?: string;
  readonly onRetry?: () => void;
  readonly children?: ReactNode;
  readonly minHeight?: number;
}

export function LoadingPanel({
  isLoading,
  error,
  isEmpty = false,
  emptyText,
  onRetry,
  children,
  minHeight = 160,
}: LoadingPanelProps) {
  const { t } = useTranslation();
  if (error !== undefined && error !== null) {
    return (
      <Alert
        data-testid="error-state"
        type="error"
        showIcon
        title={t(problemTitleKey(error))}
        description={problemDetail(t, error)}
        action={
          onRetry === undefined ? undefined : (
            <Button size="small" onClick={onRetry}>
              {t('state.retry')}
            </Button>
          )
        }
      />
    );
  }
  if (isLoading) {
    return (
      <div
        role="status"
        aria-live="polite"
        aria-busy="true"
        data-testid="loading-state"
        style={{ minHeight, display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 12 }}
      >
        <Spin />
        <span>{t('state.loading')}</span>
      </div>
    );
  }
  if (isEmpty) {
    return (
      <div
        role="status"
        data-testid="empty-state"
        style={{ minHeight, display: 'grid', placeItems: 'center' }}
      >
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={<span data-testid="empty-text">{emptyText ?? t('state.empty')}</span>}
        />
      </div>
    );
  }
  return <>{children}</>;
}
