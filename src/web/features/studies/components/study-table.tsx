/**
 * The study's rows: per indicator and unit, baseline, follow-up, change, the test (a select where the row's kind
 * allows another), p, the Benjamini–Hochberg adjusted p and the interval of the test.
 */
import { Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ExportableTable } from '../../../components/table-export.tsx';
import type { StudyResultJson, StudyRowJson } from '../../../lib/api/studies.ts';
import { formatNumber } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { formatP, rowKey, type StudyTestName } from '../study-rows.ts';

/** The words of each test (a key per test, so the i18n check sees every one used). */
export const TEST_WORDS = {
  'two-proportion': 'studies.tests.twoProportion',
  fisher: 'studies.tests.fisher',
  'poisson-rate': 'studies.tests.poissonRate',
  welch: 'studies.tests.welch',
  'mann-whitney': 'studies.tests.mannWhitney',
} as const satisfies Record<StudyTestName, string>;

export function StudyTable({
  result,
  onOverride,
}: {
  readonly result: StudyResultJson;
  readonly onOverride: (row: StudyRowJson, test: StudyTestName) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const num = (value: number | null) => formatNumber(value, language, 2);
  return (
    <ExportableTable>
      <Table<StudyRowJson>
        data-testid="study-table"
        size="small"
        pagination={false}
        rowKey={rowKey}
        dataSource={result.rows}
        scroll={{ x: true }}
        columns={[
          {
            key: 'indicator',
            title: t('studies.columns.indicator'),
            render: (_, row) =>
              localize(result.names.indicators[row.indicator] ?? { en: row.indicator }, language),
          },
          {
            key: 'unit',
            title: t('studies.columns.unit'),
            render: (_, row) => localize(result.names.units[row.unit] ?? { en: row.unit }, language),
          },
          {
            key: 'baseline',
            title: t('studies.columns.baseline'),
            align: 'right',
            render: (_, r) => num(r.baseline),
          },
          {
            key: 'followUp',
            title: t('studies.columns.followUp'),
            align: 'right',
            render: (_, r) => num(r.followUp),
          },
          {
            key: 'change',
            title: t('studies.columns.change'),
            align: 'right',
            render: (_, r) => num(r.change),
          },
          {
            key: 'changePct',
            title: t('studies.columns.changePct'),
            align: 'right',
            render: (_, r) => <span data-testid="study-change-pct">{num(r.changePct)}</span>,
          },
          {
            key: 'test',
            title: t('studies.columns.test'),
            render: (_, row) =>
              row.tests.length > 1 ? (
                <span>
                  <Select<StudyTestName>
                    size="small"
                    data-testid="study-test"
                    aria-label={t('studies.columns.test')}
                    value={row.test ?? undefined}
                    style={{ minWidth: 160 }}
                    onChange={(test) => onOverride(row, test)}
                    options={row.tests.map((test) => ({
                      value: test.test,
                      label: t(TEST_WORDS[test.test]),
                    }))}
                  />
                  {row.overridden ? <Tag style={{ marginLeft: 4 }}>{t('studies.overridden')}</Tag> : null}
                </span>
              ) : row.test === null ? (
                '—'
              ) : (
                t(TEST_WORDS[row.test])
              ),
          },
          {
            key: 'p',
            title: t('studies.columns.p'),
            align: 'right',
            render: (_, r) => <span data-testid="study-p">{formatP(r.p, language)}</span>,
          },
          {
            key: 'pAdjusted',
            title: t('studies.columns.pAdjusted'),
            align: 'right',
            render: (_, r) => formatP(r.pAdjusted, language),
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
          {
            key: 'its',
            title: t('studies.columns.its'),
            align: 'right',
            render: (_, r) =>
              r.its === null
                ? '—'
                : `${formatNumber(r.its.levelChange, language, 2)} (p ${formatP(r.its.p[0], language)})`,
          },
        ]}
      />
    </ExportableTable>
  );
}
