/**
 * The structure versions and weight versions of a scorecard, newest first, with the period each holds from, who
 * made it and when.
 */
import { Col, Row, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StructureVersion, WeightVersion } from '../../../../core/contracts/scorecards.ts';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { Panel } from '../../../components/panel.tsx';
import { useScorecardVersions } from '../../../lib/api/scorecards.ts';
import { formatDateTime, formatPeriod } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { WEIGHT_SOURCE_LABELS } from './labels.ts';
import { WeightProvenance } from './weight-provenance.tsx';

export function VersionsList({ code }: { code: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const versions = useScorecardVersions(code);
  const when = (iso: string) => formatDateTime(iso, language);
  const holdsFrom = (period: string | null) =>
    period === null ? t('designer.versions.beginning') : formatPeriod(period, language);
  return (
    <LoadingPanel
      isLoading={versions.isPending}
      error={versions.error}
      onRetry={() => void versions.refetch()}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Panel title={t('designer.versions.structure')} headingId="structure-versions">
            <Table<StructureVersion>
              data-testid="structure-versions"
              size="small"
              rowKey="version"
              dataSource={versions.data?.structure ?? []}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('designer.versions.version'), dataIndex: 'version', key: 'version' },
                {
                  title: t('designer.versions.effectiveFrom'),
                  key: 'effectiveFrom',
                  render: (_, row) => holdsFrom(row.effectiveFrom),
                },
                { title: t('designer.versions.note'), dataIndex: 'note', key: 'note' },
                { title: t('designer.versions.who'), dataIndex: 'createdBy', key: 'who' },
                { title: t('designer.versions.when'), key: 'when', render: (_, row) => when(row.createdAt) },
              ]}
            />
          </Panel>
        </Col>
        <Col xs={24} xl={12}>
          <Panel title={t('designer.versions.weights')} headingId="weight-versions">
            <Table<WeightVersion>
              data-testid="weight-versions"
              size="small"
              rowKey="version"
              dataSource={versions.data?.weights ?? []}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('designer.versions.version'), dataIndex: 'version', key: 'version' },
                {
                  title: t('designer.versions.effectiveFrom'),
                  key: 'effectiveFrom',
                  render: (_, row) => holdsFrom(row.effectiveFrom),
                },
                {
                  title: t('designer.versions.source'),
                  key: 'source',
                  render: (_, row) => (
                    <div style={{ maxWidth: 360, whiteSpace: 'normal' }}>
                      <Tag>{t(WEIGHT_SOURCE_LABELS[row.source])}</Tag>
                      {row.provenance ? <WeightProvenance provenance={row.provenance} /> : null}
                    </div>
                  ),
                },
                { title: t('designer.versions.note'), dataIndex: 'note', key: 'note' },
                { title: t('designer.versions.who'), dataIndex: 'createdBy', key: 'who' },
                { title: t('designer.versions.when'), key: 'when', render: (_, row) => when(row.createdAt) },
              ]}
            />
          </Panel>
        </Col>
      </Row>
    </LoadingPanel>
  );
}
