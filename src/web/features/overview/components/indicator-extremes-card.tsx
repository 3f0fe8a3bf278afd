/** The best or the worst indicators by quantified value, each with its status, perspective and quantified value. */
import { theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../../components/panel.tsx';
import { StatusTag } from '../../../components/status-tag.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import type { RankedIndicator } from '../rank-indicators.ts';

export interface IndicatorExtremesCardProps {
  readonly title: string;
  readonly entries: readonly RankedIndicator[];
  readonly testId: string;
  /** What an empty list says (no indicator with a value, or none in this list's kind). */
  readonly emptyText: string;
}

export function IndicatorExtremesCard({ title, entries, testId, emptyText }: IndicatorExtremesCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { token } = theme.useToken();
  return (
    <Panel title={title} fill>
      {entries.length === 0 ? (
        <p data-testid={`${testId}-empty`} style={{ margin: 0, color: token.colorTextSecondary }}>
          {emptyText}
        </p>
      ) : (
        <ol data-testid={testId} style={{ margin: 0, padding: 0, listStyle: 'none' }}>
          {entries.map((entry, index) => (
            <li
              key={entry.indicator.id}
              style={{
                display: 'flex',
                justifyContent: 'space-between',
                gap: 12,
                padding: '8px 0',
                borderTop: index === 0 ? undefined : `1px solid ${token.colorBorderSecondary}`,
              }}
            >
              <div style={{ minWidth: 0 }}>
                <div>{localize(entry.indicator.name, language)}</div>
                <div style={{ color: token.colorTextSecondary, fontSize: 12 }}>
                  {t('overview.indicatorLine', {
                    perspective: localize(entry.perspective.name, language),
                    quantified: formatNumber(entry.quantified, language, 2),
                  })}
                </div>
              </div>
              <StatusTag status={entry.indicator.status} />
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
