/**
 * Each expert's own results: per node the weights, λmax, CI and CR (warning colour when not below the
 * threshold), and whether the expert counts as consistent (every complete node below the threshold).
 */
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../../components/panel.tsx';
import type { SurveyDetail, SurveyResults } from '../../../lib/api/surveys.ts';
import { formatNumber, formatPercent } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';

type ExpertResult = SurveyResults['experts'][number];

export function ExpertResults({
  survey,
  results,
}: {
  readonly survey: SurveyDetail;
  readonly results: SurveyResults;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Panel title={t('surveys.results.experts')} headingId="results-experts" testId="results-experts">
      <Table<ExpertResult>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={results.experts}
        columns={[
          {
            title: t('surveys.links.expert'),
            key: 'name',
            fixed: 'left',
            render: (_, row) => (
              <span data-testid={`expert-result-${row.id}`} data-consistent={row.consistent}>
                {row.name}{' '}
                <Tag color={row.consistent ? 'success' : 'warning'}>
                  {row.consistent ? t('surveys.results.consistent') : t('surveys.results.inconsistent')}
                </Tag>
              </span>
            ),
          },
          {
            title: t('surveys.links.weight'),
            key: 'weight',
            render: (_, row) => formatNumber(row.weight, language, 2),
          },
          ...survey.nodes.map((node) => ({
            title: localize(node.title, language),
            key: node.key,
            render: (_: unknown, row: ExpertResult) => {
              const cell = row.nodes.find((n) => n.key === node.key);
              if (cell === undefined || !cell.complete || cell.weights === null) {
                return t('surveys.results.incomplete');
              }
              return (
                <div style={{ fontSize: 12, lineHeight: 1.5 }}>
                  <div>{cell.weights.map((w) => formatPercent(w, language, 1)).join(' · ')}</div>
                  <div>
                    {t('judgmentScale.lambdaCi', {
                      lambda: formatNumber(cell.lambdaMax, language, 3),
                      ci: formatNumber(cell.ci, language, 3),
                    })}{' '}
                    ·{' '}
                    <Tag color={cell.consistent ? 'success' : 'warning'} style={{ marginInlineEnd: 0 }}>
                      {t('judgmentScale.cr', { value: formatNumber(cell.cr, language, 3) })}
                    </Tag>
                  </div>
                </div>
              );
            },
          })),
        ]}
      />
    </Panel>
  );
}
