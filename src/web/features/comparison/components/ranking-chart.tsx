/** The ranking as horizontal bars, head hospital and branches in their own colours (with a legend in text). */
import { Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../components/chart/lazy-chart.tsx';
import { chartHeight } from '../../../components/heatmap/heatmap-option.ts';
import type { RankingRow } from '../../../lib/api/rankings.ts';
import { formatList, formatScore } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { OTHER_ROLE_COLOR, ROLE_COLORS, rankingBarsOption } from '../chart-options.ts';

export function RankingChart({ items }: { readonly items: readonly RankingRow[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const option = useMemo(
    () =>
      rankingBarsOption(
        items.map((item) => ({
          label: localize(item.name, language),
          total: item.total,
          role: item.role,
        })),
        language,
        t('comparison.total'),
      ),
    [items, language, t],
  );
  const summary = formatList(
    items.slice(0, 10).map((item) => `${localize(item.name, language)} ${formatScore(item.total, language)}`),
    language,
  );
  const roles = new Set(items.map((item) => item.role));
  return (
    <div>
      {roles.has('head') || roles.has('branch') ? (
        <div style={{ marginBottom: 8 }} aria-hidden>
          <Tag color={ROLE_COLORS.head}>{t('roles.head')}</Tag>
          <Tag color={ROLE_COLORS.branch}>{t('roles.branch')}</Tag>
          {roles.has(null) ? <Tag color={OTHER_ROLE_COLOR}>{t('roles.other')}</Tag> : null}
        </div>
      ) : null}
      <Chart
        option={option}
        height={chartHeight(items.length, 32)}
        testId="ranking-chart"
        ariaLabel={t('comparison.rankingLabel', { summary })}
      />
    </div>
  );
}
