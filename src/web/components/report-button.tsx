/**
 * The "Report" button of the overview, scorecard and comparison pages: choose PDF or Excel and the language,
 * then the report downloads with a progress indicator (the kilobytes received) and is saved by the browser.
 */
import { Button, Popover, Radio, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFormat, ReportLang } from '../../core/contracts/reports.ts';
import { downloadReport, type ReportKind } from '../lib/api/reports.ts';
import { useLanguage } from '../lib/i18n/use-language.ts';
import type { Selection } from '../lib/selection.ts';

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
