/**
 * Studies: a saved before/after study (docs/study-format.md) evaluated on the server — the table of indicators ×
 * units with each row's test, which can be changed, p, the adjusted p and the interval; a chart per indicator
 * with the baseline and follow-up shaded; the cost-effectiveness ratios; export to Excel and saving the tests
 * chosen.
 */
import { Button, Col, message, Row, Select, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/chart/lazy-chart.tsx';
import { LoadingPanel } from '../../components/loading-panel.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { Panel } from '../../components/panel.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import {
  type StudyResultJson,
  useSaveStudy,
  useStudies,
  useStudy,
  useStudyResult,
} from '../../lib/api/studies.ts';
import { formatNumber, formatPeriod } from '../../lib/format.ts';
import { localize } from '../../lib/i18n/languages.ts';
import { useLanguage } from '../../lib/i18n/use-language.ts';
import { useSearchParam } from '../../lib/use-selection.ts';
import { downloadStudyWorkbook } from './components/study-export.ts';
import { StudyTable } from './components/study-table.tsx';
import { rowKey, type StudyTestName, studyChartOption, withOverrides } from './study-rows.ts';

export function StudiesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const studies = useStudies();
  const list = studies.data?.studies ?? [];
  const codes = useMemo(() => list.map((s) => s.code), [list]);
  const [chosen, setChosen] = useSearchParam('study', codes, codes[0] ?? '');
  const code = chosen === '' ? null : chosen;
  const study = useStudy(code);
  const [overrides, setOverrides] = useState<ReadonlyMap<string, StudyTestName>>(new Map());
  const file = useMemo(
    () => (study.data === undefined ? null : withOverrides(study.data.file, overrides)),
    [study.data, overrides],
  );
  const result = useStudyResult(file);
  const save = useSaveStudy();
  const [notice, notices] = message.useMessage();
  const header = [
    t('studies.columns.indicator'),
    t('studies.columns.unit'),
    t('studies.columns.baseline'),
    t('studies.columns.followUp'),
    t('studies.columns.change'),
    t('studies.columns.changePct'),
    t('studies.columns.test'),
    t('studies.columns.p'),
    t('studies.columns.pAdjusted'),
    t('studies.columns.ciLow'),
    t('studies.columns.ciHigh'),
    t('studies.columns.its'),
    t('studies.columns.itsP'),
  ];

  return (
    <section aria-labelledby="studies-title">
      {notices}
      <PageHeading id="studies-title" title={t('studies.title')} selection={null} />
      <LoadingPanel
        isLoading={studies.isPending}
        error={studies.error}
        isEmpty={studies.data !== undefined && list.length === 0}
        emptyText={t('studies.none')}
      >
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            data-testid="study-select"
            aria-label={t('studies.study')}
            style={{ minWidth: 320 }}
            value={code ?? undefined}
            onChange={(value: string) => {
              setOverrides(new Map());
              setChosen(value);
            }}
            options={list.map((s) => ({ value: s.code, label: localize(s.name, language) }))}
          />
          <Button
            data-testid="study-export"
            disabled={result.data === undefined}
            onClick={() => {
              if (result.data) void downloadStudyWorkbook(result.data, language, header);
            }}
          >
            {t('studies.export')}
          </Button>
          <Button
            data-testid="study-save"
            disabled={overrides.size === 0 || file === null}
            loading={save.isPending}
            onClick={() => {
              if (file === null) return;
              save.mutate(file, {
                onSuccess: () => {
                  setOverrides(new Map());
                  void notice.success(t('studies.saved'));
                },
              });
            }}
          >
            {t('studies.save')}
          </Button>
        </Space>
        {save.error ? <ProblemAlert error={save.error} testId="study-save-error" /> : null}
        <LoadingPanel
          isLoading={study.isPending || result.isPending}
          error={study.error ?? result.error}
          onRetry={() => void result.refetch()}
        >
          {result.data === undefined ? null : (
            <StudyResultView
              result={result.data}
              onOverride={(row, test) => setOverrides(new Map(overrides).set(rowKey(row), test))}
            />
          )}
        </LoadingPanel>
      </LoadingPanel>
    </section>
  );
}

function StudyResultView({
  result,
  onOverride,
}: {
  readonly result: StudyResultJson;
  readonly onOverride: Parameters<typeof StudyTable>[0]['onOverride'];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const indicators = [...new Set(result.rows.map((r) => r.indicator))];
  const windowNames = { baseline: t('studies.baselineWindow'), followUp: t('studies.followUpWindow') };
  const intervention = result.rows.find((r) => r.its !== null)?.its?.intervention;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <p data-testid="study-windows" style={{ margin: 0 }}>
        {t('studies.windows', {
          baseline: `${formatPeriod(result.baseline.from, language)} – ${formatPeriod(result.baseline.to, language)}`,
          followUp: `${formatPeriod(result.followUp.from, language)} – ${formatPeriod(result.followUp.to, language)}`,
          intervention: intervention === undefined ? '—' : formatPeriod(intervention, language),
        })}
      </p>
      <Panel title={t('studies.results')} testId="study-results">
        <StudyTable result={result} onOverride={onOverride} />
      </Panel>
      {result.icers.length === 0 ? null : (
        <Panel title={t('studies.icers')} testId="study-icers">
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => `${r.cost}\u0000${r.effect}\u0000${r.unit}`}
            dataSource={result.icers}
            columns={[
              {
                key: 'unit',
                title: t('studies.columns.unit'),
                render: (_, r) => localize(result.names.units[r.unit] ?? { en: r.unit }, language),
              },
              {
                key: 'cost',
                title: t('studies.columns.cost'),
                render: (_, r) => localize(result.names.indicators[r.cost] ?? { en: r.cost }, language),
              },
              {
                key: 'effect',
                title: t('studies.columns.effect'),
                render: (_, r) => localize(result.names.indicators[r.effect] ?? { en: r.effect }, language),
              },
              {
                key: 'icer',
                title: t('studies.columns.icer'),
                align: 'right',
                render: (_, r) => formatNumber(r.icer, language, 3),
              },
              {
                key: 'ci',
                title: t('studies.columns.ci'),
                align: 'right',
                render: (_, r) =>
                  r.ci === null
                    ? '—'
                    : `${formatNumber(r.ci[0], language, 3)} – ${formatNumber(r.ci[1], language, 3)}`,
              },
            ]}
          />
        </Panel>
      )}
      <Row gutter={[16, 16]}>
        {indicators.map((indicator) => {
          const name = localize(result.names.indicators[indicator] ?? { en: indicator }, language);
          return (
            <Col key={indicator} xs={24} xl={12}>
              <Panel title={name} testId="study-chart">
                <Chart
                  height={260}
                  ariaLabel={t('studies.chartLabel', { indicator: name })}
                  option={studyChartOption({ result, indicator, language, windowNames })}
                />
              </Panel>
            </Col>
          );
        })}
      </Row>
    </Space>
  );
}
