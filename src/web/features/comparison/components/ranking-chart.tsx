/**
 * The ranking as horizontal bars, head hospital and branches in their own colours (with a legend in text); a bar or
 * a unit's name opens that unit's scorecard.
 */
import { Tag } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartClick } from '../../../components/chart/lazy-chart.tsx';
import { chartHeight } from '../../../components/heatmap/heatmap-option.ts';
import type { RankingRow } from '../../../lib/api/rankings.ts';
import { formatList, formatScore } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import type { DrillDown } from '../../../lib/use-drill-down.ts';
import { OTHER_ROLE_COLOR, ROLE_COLORS, rankingBarsOption } from '../chart-options.ts';

/** A bar or a unit's name opens that unit's scorecard (`drill`). */
export function RankingChart({
  items,
  drill,
}: {
  readonly items: readonly RankingRow[];
  readonly drill: Pick<DrillDown, 'label' | 'openUnit'>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { label: labelOf, openUnit } = drill;
  const name = useCallback(
    (item: RankingRow) => {
      const label = labelOf(item.orgUnit);
      return label === item.orgUnit ? localize(item.name, language) : label;
    },
    [labelOf, language],
  );
  const option = useMemo(
    () =>
      rankingBarsOption(
        items.map((item) => ({
          label: name(item),
          total: item.total,
          role: item.role,
        })),
        language,
        t('comparison.total'),
      ),
    [items, language, t, name],
  );
  const onItemClick = useCallback(
    (click: ChartClick) => {
      const item = click.dataIndex === undefined ? undefined : items[click.dataIndex];
      if (item !== undefined) openUnit(item.orgUnit);
    },
    [items, openUnit],
  );
  const summary = formatList(
    items.slice(0, 10).map((item) => `${name(item)} ${formatScore(item.total, language)}`),
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
        onItemClick={onItemClick}
        ariaLabel={t('comparison.rankingLabel', { summary })}
      />
    </div>
  );
}
