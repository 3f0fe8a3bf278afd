/**
 * What a page that crashed while rendering shows instead of a blank screen. Moving to another page or
 * selection (`resetKey`) tries again.
 */
import { Alert, Button } from 'antd';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function PageError({ error }: { readonly error: Error }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={t('errors.page')}
      description={error.message}
      action={
        <Button size="small" onClick={() => window.location.reload()}>
          {t('state.reload')}
        </Button>
      }
    />
  );
}

interface BoundaryProps {
  readonly resetKey: string;
  readonly children: ReactNode;
}

export class PageErrorBoundary extends Component<BoundaryProps, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidUpdate(previous: BoundaryProps): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error !== null)
      this.setState({ error: null });
  }

  override render(): ReactNode {
    return this.state.error === null ? this.props.children : <PageError error={this.state.error} />;
  }
}
