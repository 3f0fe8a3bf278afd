/**
 * The survey's results under the strategist's choice of aggregation (AIJ, the default, or AIP) and of what to do
 * with inconsistent experts (include or exclude; each node shows its weights both ways, the effect of the choice):
 * each node's aggregated weights, CR, consensus S* and the geometric spread of each comparison; the hierarchy's
 * S* and global weights; each expert's weights, λmax, CI and CR per node; and applying the result.
 */
import { Alert, Col, Radio, Row, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { Panel } from '../../../components/panel.tsx';
import { issueText } from '../../../components/problem-words.ts';
import {
  type SurveyDetail,
  type SurveyResults,
  type SurveyResultsQuery,
  useSurveyResults,
} from '../../../lib/api/surveys.ts';
import { formatNumber, formatPercent } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { AGGREGATION_LABELS, INCONSISTENT_LABELS } from '../model/labels.ts';
import { ApplyForm } from './apply-form.tsx';
import { ExpertResults } from './expert-results.tsx';

type NodeResult = SurveyResults['nodes'][number];
type Aggregation = NonNullable<SurveyResultsQuery['aggregation']>;
type Inconsistent = NonNullable<SurveyResultsQuery['inconsistent']>;

export function ResultsView({ survey }: { readonly survey: SurveyDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [aggregation, setAggregation] = useState<Aggregation>('aij');
  const [inconsistent, setInconsistent] = useState<Inconsistent>('include');
  const results = useSurveyResults(survey.id, { aggregation, inconsistent });
  const names = new Map(
    survey.nodes.flatMap((node) => node.elements.map((e) => [e.id, localize(e.name, language)] as const)),
  );
  const data = results.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="survey-results">
      <Space wrap size={16}>
        <Radio.Group
          data-testid="results-aggregation"
          value={aggregation}
          optionType="button"
          onChange={(e) => setAggregation(e.target.value === 'aip' ? 'aip' : 'aij')}
          options={[
            { value: 'aij', label: t(AGGREGATION_LABELS.aij) },
            { value: 'aip', label: t(AGGREGATION_LABELS.aip) },
          ]}
        />
        <Radio.Group
          data-testid="results-inconsistent"
          value={inconsistent}
          optionType="button"
          onChange={(e) => setInconsistent(e.target.value === 'exclude' ? 'exclude' : 'include')}
          options={[
            { value: 'include', label: t(INCONSISTENT_LABELS.include) },
            { value: 'exclude', label: t(INCONSISTENT_LABELS.exclude) },
          ]}
        />
      </Space>
      <LoadingPanel
        isLoading={results.isPending}
        error={results.error}
        onRetry={() => void results.refetch()}
      >
        {data === undefined ? null : (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {data.blockers.length === 0 ? null : (
              <Alert
                type="warning"
                showIcon
                data-testid="results-blockers"
                title={t('surveys.results.blocked')}
                description={
                  <ul style={{ margin: 0 }}>
                    {data.blockers.map((issue) => (
                      <li key={`${issue.code}-${issue.path.join('.')}`}>{issueText(t, issue)}</li>
                    ))}
                  </ul>
                }
              />
            )}
            <Panel
              title={t('surveys.results.hierarchy')}
              headingId="results-hierarchy"
              testId="results-hierarchy"
            >
              <Row gutter={[16, 16]}>
                <Col xs={24} md={8}>
                  <Statistic
                    title={t('surveys.results.hierarchyConsensus')}
                    value={
                      data.hierarchy.consensus === null
                        ? '—'
                        : formatPercent(data.hierarchy.consensus, language, 1)
                    }
                  />
                  <p style={{ fontSize: 12 }}>{t('surveys.results.consensusHelp')}</p>
                </Col>
                <Col xs={24} md={16}>
                  <Table
                    data-testid="global-weights"
                    size="small"
                    rowKey="indicator"
                    pagination={false}
                    scroll={{ x: 'max-content' }}
                    dataSource={data.hierarchy.globalWeights ?? []}
                    locale={{ emptyText: t('surveys.results.noGlobal') }}
                    columns={[
                      {
                        title: t('surveys.results.perspective'),
                        key: 'perspective',
                        render: (_, row) => names.get(row.perspective) ?? row.perspective,
                      },
                      {
                        title: t('surveys.results.indicator'),
                        key: 'indicator',
                        render: (_, row) =>
                          `${row.objective === null ? '' : `${names.get(row.objective) ?? row.objective} › `}${names.get(row.indicator) ?? row.indicator}`,
                      },
                      {
                        title: t('surveys.results.globalWeight'),
                        key: 'weight',
                        align: 'right',
                        render: (_, row) => (
                          <span data-testid={`global-${row.indicator}`} data-weight={row.weight}>
                            {formatPercent(row.weight, language, 2)}
                          </span>
                        ),
                      },
                    ]}
                  />
                </Col>
              </Row>
            </Panel>
            <Row gutter={[16, 16]}>
              {data.nodes.map((node) => (
                <Col xs={24} xl={12} key={node.key}>
                  <NodePanel survey={survey} node={node} inconsistent={inconsistent} names={names} />
                </Col>
              ))}
            </Row>
            <ExpertResults survey={survey} results={data} />
            <ApplyForm survey={survey} results={data} aggregation={aggregation} inconsistent={inconsistent} />
          </Space>
        )}
      </LoadingPanel>
    </Space>
  );
}

function NodePanel({
  survey,
  node,
  inconsistent,
  names,
}: {
  readonly survey: SurveyDetail;
  readonly node: NodeResult;
  readonly inconsistent: Inconsistent;
  readonly names: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const definition = survey.nodes.find((n) => n.key === node.key);
  const elements = definition?.elements ?? [];
  const label = (k: number) => {
    const element = elements[k];
    return element === undefined ? String(k + 1) : (names.get(element.id) ?? element.id);
  };
  const weight = (list: readonly number[] | null, k: number) =>
    list === null ? '—' : formatPercent(list[k] ?? null, language, 2);
  return (
    <Panel
      title={definition === undefined ? node.key : localize(definition.title, language)}
      headingId={`node-${node.key}`}
      testId={`result-node-${node.key}`}
      extra={
        <Space wrap size={4}>
          <Tag>{t('surveys.results.counted', { count: node.experts.length })}</Tag>
          {node.cr === null ? null : (
            <Tag color={node.consistent ? 'success' : 'warning'}>
              {t('judgmentScale.cr', { value: formatNumber(node.cr, language, 3) })}
            </Tag>
          )}
          {node.consensus === null ? null : (
            <Tag data-testid={`consensus-${node.key}`}>
              {t('judgmentScale.consensus', { value: formatPercent(node.consensus, language, 1) })}
            </Tag>
          )}
        </Space>
      }
    >
      <Table
        size="small"
        rowKey="k"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={elements.map((element, k) => ({ k, id: element.id }))}
        columns={[
          { title: t('surveys.results.element'), key: 'element', render: (_, row) => label(row.k) },
          {
            title: t('surveys.results.weight'),
            key: 'weight',
            align: 'right',
            render: (_, row) => (
              <strong data-testid={`weight-${node.key}-${row.id}`} data-weight={node.weights?.[row.k] ?? ''}>
                {weight(node.weights, row.k)}
              </strong>
            ),
          },
          {
            title: t('surveys.results.withInconsistent'),
            key: 'include',
            align: 'right',
            render: (_, row) => (
              <span style={{ opacity: inconsistent === 'include' ? 1 : 0.7 }}>
                {weight(node.effect.include, row.k)}
              </span>
            ),
          },
          {
            title: t('surveys.results.withoutInconsistent'),
            key: 'exclude',
            align: 'right',
            render: (_, row) => (
              <span style={{ opacity: inconsistent === 'exclude' ? 1 : 0.7 }}>
                {weight(node.effect.exclude, row.k)}
              </span>
            ),
          },
        ]}
      />
      {node.spread.length === 0 ? null : (
        <Table
          style={{ marginTop: 12 }}
          size="small"
          rowKey={(row) => `${row.i}-${row.j}`}
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={node.spread}
          columns={[
            {
              title: t('surveys.results.comparison'),
              key: 'pair',
              render: (_, row) => `${label(row.i)} : ${label(row.j)}`,
            },
            {
              title: t('surveys.results.geometricMean'),
              key: 'mean',
              align: 'right',
              render: (_, row) => formatNumber(row.geometricMean, language, 3),
            },
            {
              title: t('surveys.results.geometricSd'),
              key: 'sd',
              align: 'right',
              render: (_, row) => formatNumber(row.geometricSd, language, 3),
            },
          ]}
        />
      )}
    </Panel>
  );
}
