/**
 * The "Report" button of the overview, scorecard and comparison pages: choose PDF or Excel and the language,
 * then the report downloads with a progress indicator (the kilobytes received) and is saved by the browser.
 */
import { Button, Divider, Input, Popover, Radio, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFormat, ReportLang } from '../../core/contracts/reports.ts';
import {
  downloadReport,
  type ReportKind,
  useReportSubscriptions,
  useSubscribeToReport,
  useUnsubscribeFromReport,
} from '../lib/api/reports.ts';
import { useLanguage } from '../lib/i18n/use-language.ts';
import type { Selection } from '../lib/selection.ts';
import { ProblemAlert } from './problem-alert.tsx';

function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ReportButton({
  selection,
  kind,
}: {
  readonly selection: Selection | null;
  readonly kind: ReportKind;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [format, setFormat] = useState<ReportFormat>('pdf');
  const [lang, setLang] = useState<ReportLang>(language === 'zh-CN' ? 'zh-CN' : 'en');
  const [received, setReceived] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  if (selection === null) return null;
  const busy = received !== null;

  async function run(current: Selection) {
    setError(null);
    setReceived(0);
    try {
      const file = await downloadReport({ kind, ...current, format, lang }, setReceived);
      save(file.blob, file.filename);
      setOpen(false);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setReceived(null);
    }
  }

  const content = (
    <Space direction="vertical" size={8} data-testid="report-options">
      <Radio.Group value={format} onChange={(e) => setFormat(e.target.value)} disabled={busy}>
        <Radio.Button value="pdf">{t('reports.pdf')}</Radio.Button>
        <Radio.Button value="xlsx">{t('reports.xlsx')}</Radio.Button>
      </Radio.Group>
      <Radio.Group value={lang} onChange={(e) => setLang(e.target.value)} disabled={busy}>
        <Radio.Button value="zh-CN">{t('reports.zh')}</Radio.Button>
        <Radio.Button value="en">{t('reports.en')}</Radio.Button>
      </Radio.Group>
      <Button type="primary" data-testid="report-download" loading={busy} onClick={() => void run(selection)}>
        {t('reports.download')}
      </Button>
      {busy ? (
        <Space data-testid="report-progress">
          <Spin size="small" />
          <Typography.Text type="secondary">
            {t('reports.progress', { kb: Math.round((received ?? 0) / 1024) })}
          </Typography.Text>
        </Space>
      ) : null}
      {error === null ? null : (
        <Typography.Text type="danger" data-testid="report-error">
          {t('reports.failed', { message: error })}
        </Typography.Text>
      )}
      {kind === 'evaluation' && open ? (
        <MonthlyMail selection={selection} format={format} lang={lang} />
      ) : null}
    </Space>
  );
  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Button data-testid="report-button">
        {t(kind === 'group' ? 'reports.groupButton' : 'reports.button')}
      </Button>
    </Popover>
  );
}

/**
 * Who receives the unit's report by e-mail each month (the report of the latest published period, in the format
 * and language chosen above): the addresses with a remove tag, and a field to add one.
 */
function MonthlyMail({
  selection,
  format,
  lang,
}: {
  readonly selection: Selection;
  readonly format: ReportFormat;
  readonly lang: ReportLang;
}) {
  const { t } = useTranslation();
  const key = { scorecard: selection.scorecard, orgUnit: selection.orgUnit };
  const subscriptions = useReportSubscriptions(key);
  const subscribe = useSubscribeToReport();
  const unsubscribe = useUnsubscribeFromReport();
  const [recipient, setRecipient] = useState('');
  return (
    <div data-testid="report-subscriptions" style={{ maxWidth: 320 }}>
      <Divider style={{ margin: '4px 0 8px' }} />
      <Typography.Text strong>{t('reports.monthly.title')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 6px' }}>
        {t('reports.monthly.hint')}
      </Typography.Paragraph>
      <div style={{ marginBottom: 6 }}>
        {(subscriptions.data?.items ?? []).map((s) => (
          <Tag
            key={s.id}
            closable
            data-testid="report-subscriber"
            onClose={(event) => {
              event.preventDefault();
              unsubscribe.mutate(s.id);
            }}
          >
            {s.recipient} · {s.format.toUpperCase()} · {s.language}
          </Tag>
        ))}
      </div>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          size="small"
          type="email"
          value={recipient}
          placeholder={t('reports.monthly.placeholder')}
          aria-label={t('reports.monthly.placeholder')}
          data-testid="report-subscribe-recipient"
          onChange={(event) => setRecipient(event.target.value)}
        />
        <Button
          size="small"
          data-testid="report-subscribe"
          loading={subscribe.isPending}
          disabled={recipient.trim() === ''}
          onClick={() =>
            subscribe.mutate(
              { ...key, recipient: recipient.trim(), format, language: lang },
              { onSuccess: () => setRecipient('') },
            )
          }
        >
          {t('reports.monthly.subscribe')}
        </Button>
      </Space.Compact>
      <ProblemAlert error={subscribe.error ?? unsubscribe.error} testId="report-subscribe-error" />
    </div>
  );
}
