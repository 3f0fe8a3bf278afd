/**
 * Incentive allocation for the selected scorecard, unit and period (the performance office and approvers): the
 * pool and the rule, a preview of each child unit's published score, base, share and amount, and what-if (each
 * new preview against the first); saving a draft, or a restatement with a reason; approval by a second person;
 * the history with each allocation's status and its XLSX and PDF exports. The server refuses an unpublished period, an
 * infeasible rule and the creator's own approval; those refusals show as problems in the reader's language.
 */
import { Button, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading.tsx';
import { Panel } from '../../components/panel.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { ExportableTable } from '../../components/table-export.tsx';
import {
  type Allocation,
  type AllocationBody,
  type AllocationPreview,
  allocationExportUrl,
  useAllocations,
  useApproveAllocation,
  useCreateAllocation,
  usePreviewAllocation,
} from '../../lib/api/incentives.ts';
import { formatDateTime, formatNumber, formatPercent, formatPeriod, formatScore } from '../../lib/format.ts';
import { localize } from '../../lib/i18n/languages.ts';
import { useLanguage } from '../../lib/i18n/use-language.ts';
import { useSelection } from '../../lib/use-selection.ts';

type Unit = AllocationPreview['units'][number];
type BaseKind = AllocationBody['rule']['base'];

interface RuleForm {
  pool: number;
  currency: string;
  base: BaseKind;
  bases: Record<string, number | null>;
  threshold: number | null;
  floor: number | null;
  cap: number | null;
  rounding: number;
  tierRating: string;
  tierMultiplier: number | null;
}

const BASE_KEYS = {
  equal: 'incentives.bases.equal',
  headcount: 'incentives.bases.headcount',
  coefficient: 'incentives.bases.coefficient',
} as const;
const STATUS_KEYS = {
  draft: 'incentives.status.draft',
  approved: 'incentives.status.approved',
  superseded: 'incentives.status.superseded',
} as const;
const NOTE_KEYS = {
  'no-score': 'incentives.notes.noScore',
  'below-threshold': 'incentives.notes.belowThreshold',
  floor: 'incentives.notes.floor',
  cap: 'incentives.notes.cap',
} as const;

const INITIAL: RuleForm = {
  pool: 100_000,
  currency: 'CNY',
  base: 'equal',
  bases: {},
  threshold: null,
  floor: null,
  cap: null,
  rounding: 1,
  tierRating: '',
  tierMultiplier: null,
};

function toBody(
  key: { scorecard: string; orgUnit: string; period: string },
  form: RuleForm,
  reason?: string,
) {
  const bases = Object.fromEntries(
    Object.entries(form.bases).filter((entry): entry is [string, number] => entry[1] !== null),
  );
  const body: AllocationBody = {
    ...key,
    pool: form.pool,
    currency: form.currency,
    rule: {
      base: form.base,
      ...(form.base === 'equal' ? {} : { bases }),
      threshold: form.threshold,
      floor: form.floor,
      cap: form.cap,
      rounding: form.rounding,
      tiers:
        form.tierRating !== '' && form.tierMultiplier !== null
          ? [{ rating: form.tierRating, multiplier: form.tierMultiplier }]
          : [],
    },
    ...(reason ? { reason } : {}),
  };
  return body;
}

export function IncentivesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { complete } = useSelection();
  const [form, setForm] = useState<RuleForm>(INITIAL);
  const [baseline, setBaseline] = useState<AllocationPreview | null>(null);
  const [reason, setReason] = useState('');
  const preview = usePreviewAllocation();
  const create = useCreateAllocation();
  const approve = useApproveAllocation();
  const history = useAllocations(complete);
  const set = <K extends keyof RuleForm>(key: K, value: RuleForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const latest = history.data?.items[0];
  const money = (n: number) => formatNumber(n, language, 2);

  if (complete === null) return null;
  const runPreview = async () => {
    const result = await preview.mutateAsync(toBody(complete, form));
    if (baseline === null) setBaseline(result);
  };
  const current = preview.data;
  const before = (code: string) => baseline?.units.find((u) => u.orgUnit === code)?.amount;

  const unitColumns = [
    {
      title: t('incentives.columns.unit'),
      key: 'unit',
      render: (u: Unit) => `${localize(u.name, language)} (${u.orgUnit})`,
    },
    {
      title: t('incentives.columns.score'),
      key: 'score',
      render: (u: Unit) => formatScore(u.score, language),
    },
    { title: t('incentives.columns.rating'), key: 'rating', render: (u: Unit) => u.rating ?? '—' },
    {
      title: t('incentives.columns.base'),
      key: 'base',
      render: (u: Unit) =>
        form.base === 'equal' ? (
          formatNumber(u.base, language, 0)
        ) : (
          <InputNumber
            size="small"
            min={0}
            aria-label={`${t('incentives.columns.base')} ${u.orgUnit}`}
            value={form.bases[u.orgUnit] ?? null}
            onChange={(v) => set('bases', { ...form.bases, [u.orgUnit]: v })}
          />
        ),
    },
    {
      title: t('incentives.columns.multiplier'),
      key: 'multiplier',
      render: (u: Unit) => formatNumber(u.multiplier, language, 2),
    },
    {
      title: t('incentives.columns.share'),
      key: 'share',
      render: (u: Unit) => formatPercent(u.share, language, 2),
    },
    {
      title: t('incentives.columns.amount'),
      key: 'amount',
      render: (u: Unit) => <span data-testid={`amount-${u.orgUnit}`}>{money(u.amount)}</span>,
    },
    {
      title: t('incentives.columns.change'),
      key: 'change',
      render: (u: Unit) => {
        const was = before(u.orgUnit);
        return was === undefined ? '—' : money(u.amount - was);
      },
    },
    {
      title: t('incentives.columns.note'),
      key: 'note',
      render: (u: Unit) => {
        const note = u.excluded ?? u.bound;
        return note === null ? '' : t(NOTE_KEYS[note]);
      },
    },
  ];

  const historyColumns = [
    { title: t('incentives.columns.id'), key: 'id', render: (a: Allocation) => `#${a.id}` },
    {
      title: t('incentives.status.draft'),
      key: 'status',
      render: (a: Allocation) => (
        <Tag data-testid={`status-${a.id}`} color={a.status === 'approved' ? 'green' : undefined}>
          {t(STATUS_KEYS[a.status])}
        </Tag>
      ),
    },
    { title: t('incentives.pool'), key: 'pool', render: (a: Allocation) => `${money(a.pool)} ${a.currency}` },
    { title: t('incentives.columns.createdBy'), key: 'by', render: (a: Allocation) => a.createdBy },
    {
      title: t('incentives.columns.createdAt'),
      key: 'at',
      render: (a: Allocation) => formatDateTime(a.createdAt, language),
    },
    {
      title: t('incentives.columns.approvedBy'),
      key: 'approvedBy',
      render: (a: Allocation) => a.approvedBy ?? '—',
    },
    { title: t('incentives.columns.reason'), key: 'reason', render: (a: Allocation) => a.reason ?? '' },
    {
      title: '',
      key: 'actions',
      render: (a: Allocation) => (
        <Space>
          {a.status === 'draft' ? (
            <Button size="small" data-testid={`approve-${a.id}`} onClick={() => approve.mutate(a.id)}>
              {t('incentives.approve')}
            </Button>
          ) : null}
          <Button size="small" href={allocationExportUrl(a.id, language === 'zh-CN' ? 'zh-CN' : 'en')}>
            {t('incentives.exportXlsx')}
          </Button>
          <Button
            size="small"
            data-testid={`export-pdf-${a.id}`}
            href={allocationExportUrl(a.id, language === 'zh-CN' ? 'zh-CN' : 'en', 'pdf')}
          >
            {t('incentives.exportPdf')}
          </Button>
        </Space>
      ),
    },
  ];

  const total = current?.units.reduce((a, u) => a + u.amount, 0) ?? 0;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageHeading id="incentives-heading" title={t('incentives.title')} selection={complete} />
      <Typography.Paragraph>
        {t('incentives.intro', { unit: complete.orgUnit, period: formatPeriod(complete.period, language) })}
      </Typography.Paragraph>
      <Panel title={t('incentives.title')}>
        <Form layout="inline" style={{ padding: 16, rowGap: 8 }}>
          <Form.Item label={t('incentives.pool')}>
            <InputNumber data-testid="pool" min={0} value={form.pool} onChange={(v) => set('pool', v ?? 0)} />
          </Form.Item>
          <Form.Item label={t('incentives.currency')}>
            <Input
              style={{ width: 70 }}
              value={form.currency}
              onChange={(e) => set('currency', e.target.value.toUpperCase())}
            />
          </Form.Item>
          <Form.Item label={t('incentives.base')}>
            <Select<BaseKind>
              style={{ width: 160 }}
              value={form.base}
              onChange={(v) => set('base', v)}
              options={(['equal', 'headcount', 'coefficient'] as const).map((b) => ({
                value: b,
                label: t(BASE_KEYS[b]),
              }))}
            />
          </Form.Item>
          <Form.Item label={t('incentives.threshold')}>
            <InputNumber
              data-testid="threshold"
              min={0}
              value={form.threshold}
              onChange={(v) => set('threshold', v)}
            />
          </Form.Item>
          <Form.Item label={t('incentives.floor')}>
            <InputNumber data-testid="floor" min={0} value={form.floor} onChange={(v) => set('floor', v)} />
          </Form.Item>
          <Form.Item label={t('incentives.cap')}>
            <InputNumber data-testid="cap" min={0} value={form.cap} onChange={(v) => set('cap', v)} />
          </Form.Item>
          <Form.Item label={t('incentives.rounding')}>
            <Select<number>
              style={{ width: 100 }}
              value={form.rounding}
              onChange={(v) => set('rounding', v)}
              options={[0.01, 1, 10, 100].map((r) => ({ value: r, label: money(r) }))}
            />
          </Form.Item>
          <Form.Item label={t('incentives.tierRating')}>
            <Input
              style={{ width: 110 }}
              value={form.tierRating}
              onChange={(e) => set('tierRating', e.target.value)}
            />
          </Form.Item>
          <Form.Item label={t('incentives.tierMultiplier')}>
            <InputNumber
              min={0}
              step={0.1}
              value={form.tierMultiplier}
              onChange={(v) => set('tierMultiplier', v)}
            />
          </Form.Item>
          <Form.Item>
            <Button
              type="primary"
              data-testid="preview"
              loading={preview.isPending}
              onClick={() => void runPreview()}
            >
              {t('incentives.preview')}
            </Button>
          </Form.Item>
        </Form>
        {preview.error ? <ProblemAlert error={preview.error} testId="preview-problem" /> : null}
        {current === undefined ? null : (
          <div style={{ padding: '0 16px 16px' }}>
            <Typography.Paragraph data-testid="publication-used">
              {t('incentives.publication', {
                id: current.publication.id,
                at: formatDateTime(current.publication.publishedAt, language),
                by: current.publication.publishedBy,
              })}
            </Typography.Paragraph>
            {baseline === null || baseline === current ? null : (
              <Typography.Text>{t('incentives.whatIf')}</Typography.Text>
            )}
            <ExportableTable name={`${t('incentives.title')} ${complete.orgUnit} ${complete.period}`}>
              <Table<Unit>
                size="small"
                rowKey="orgUnit"
                pagination={false}
                columns={unitColumns}
                dataSource={current.units}
                data-testid="allocation-table"
              />
            </ExportableTable>
            <Typography.Paragraph strong data-testid="allocation-total">
              {t('incentives.total', { amount: money(total), pool: money(current.pool) })}
            </Typography.Paragraph>
            <Space wrap>
              {latest === undefined ? null : (
                <Input
                  style={{ width: 320 }}
                  data-testid="reason"
                  placeholder={t('incentives.reason')}
                  aria-label={t('incentives.reason')}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
              )}
              <Button
                data-testid="save"
                loading={create.isPending}
                onClick={() =>
                  void create.mutateAsync(toBody(complete, form, reason.trim())).then(() => setReason(''))
                }
              >
                {latest === undefined ? t('incentives.save') : t('incentives.restate')}
              </Button>
            </Space>
            {create.error ? <ProblemAlert error={create.error} testId="save-problem" /> : null}
          </div>
        )}
      </Panel>
      <Panel title={t('incentives.history')}>
        {approve.error ? <ProblemAlert error={approve.error} testId="approve-problem" /> : null}
        <ExportableTable name={`${t('incentives.history')} ${complete.orgUnit} ${complete.period}`}>
          <Table<Allocation>
            size="small"
            rowKey="id"
            pagination={false}
            columns={historyColumns}
            dataSource={history.data?.items ?? []}
            data-testid="allocation-history"
          />
        </ExportableTable>
      </Panel>
    </Space>
  );
}
