/**
 * A titled box for a page section (a lighter stand-in for Ant Design's Card, which brings Tabs and Skeleton
 * along into the first screen's JavaScript). The title is a real heading, so the page has an outline.
 */
import { theme } from 'antd';
import type { ReactNode } from 'react';

export interface PanelProps {
  readonly title: ReactNode;
  /** Set to give the heading an id (for aria-labelledby). */
  readonly headingId?: string;
  /** Shown at the right of the title. */
  readonly extra?: ReactNode;
  readonly children: ReactNode;
  readonly fill?: boolean;
  readonly testId?: string;
}

export function Panel({ title, headingId, extra, children, fill = false, testId }: PanelProps) {
  const { token } = theme.useToken();
  return (
    <section
      aria-labelledby={headingId}
      data-testid={testId}
      style={{
        background: token.colorBgContainer,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        height: fill ? '100%' : undefined,
        minWidth: 0,
      }}
    >
      <header
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          justifyContent: 'space-between',
          alignItems: 'baseline',
          gap: 8,
          padding: '12px 16px',
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <h3 id={headingId} style={{ margin: 0, fontSize: 16, fontWeight: 600 }}>
          {title}
        </h3>
        {extra === undefined ? null : <div style={{ color: token.colorTextSecondary }}>{extra}</div>}
      </header>
      <div style={{ padding: 16 }}>{children}</div>
    </section>
  );
}
