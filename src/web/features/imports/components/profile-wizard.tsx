/**
 * The import wizard for any table (mapping profiles, docs/profile-format.md): upload a file → its columns are
 * read (samples, guessed types, the period format) → map the unit, period and value columns → a preview of the
 * first mapped rows with every cell that cannot be mapped (row, column, reason) → save the profile → check the
 * whole file (dry run) and import it, with a progress bar. Choosing a saved profile fills the mapping with it;
 * saving what was changed adds a version (the server keeps the version when nothing changed).
 */
import { Alert, Button, Form, Select, Space, Steps, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '../../../../core/contracts/import.ts';
import type { ProfileImportReport } from '../../../../core/contracts/import-profiles.ts';
import { problemDetail, problemText } from '../../../components/problem-words.ts';
import { useDataElements } from '../../../lib/api/data-elements.ts';
import {
  inspectUpload,
  isProfileReport,
  type ProfileChoice,
  type ProfileInspection,
  type ProfilePreview,
  previewUpload,
  uploadProfileImport,
  useFetchSavedProfile,
  useSavedProfiles,
  useSaveProfile,
} from '../../../lib/api/import-profiles.ts';
import { useInvalidateImport } from '../../../lib/api/imports.ts';
import { classifyStreamLine, progressPercent } from '../import-progress.ts';
import { draftFromProfile, draftOf, type ProfileDraft, profileOf } from '../profile-draft.ts';
import { withElementSuggestions } from '../profile-suggest.ts';
import { errorReason } from '../report-rows.ts';
import { ProfileMapping } from './profile-mapping.tsx';
import { RunProgress } from './run-progress.tsx';

type Run =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly percent: number; readonly phase: ImportProgress['phase'] | null }
  | { readonly status: 'done'; readonly report: ProfileImportReport; readonly dryRun: boolean }
  | { readonly status: 'failed'; readonly message: string };

export function ProfileWizard() {
  const { t } = useTranslation();
  const saved = useSavedProfiles();
  const save = useSaveProfile();
  const invalidate = useInvalidateImport();
  const fetchSaved = useFetchSavedProfile();
  const elements = useDataElements();
  const [file, setFile] = useState<File | null>(null);
  const [savedCode, setSavedCode] = useState<string | null>(null);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const [inspection, setInspection] = useState<ProfileInspection | null>(null);
  const [draft, setDraft] = useState<ProfileDraft | null>(null);
  const [preview, setPreview] = useState<ProfilePreview | null>(null);
  const [choice, setChoice] = useState<ProfileChoice | null>(null);
  const [step, setStep] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [run, setRun] = useState<Run>({ status: 'idle' });

  const fail = (e: unknown) => setError(problemDetail(t, e));

  async function choose(chosen: File) {
    setFile(chosen);
    setError(null);
    setRun({ status: 'idle' });
    setSavedVersion(null);
    try {
      const columns = await inspectUpload(chosen);
      setInspection(columns);
      if (savedCode !== null) {
        const saved = await fetchSaved(savedCode);
        const names = columns.columns.map((c) => c.name);
        setDraft(draftFromProfile(saved.profile, names));
      } else setDraft(withElementSuggestions(draftOf(columns, chosen.name), elements.data ?? []));
      setStep(1);
    } catch (e) {
      fail(e);
    }
  }

  async function showPreview() {
    if (file === null || draft === null) return;
    setError(null);
    try {
      const next = { profile: profileOf(draft) };
      setChoice(next);
      setPreview(await previewUpload(file, next));
      setStep(2);
    } catch (e) {
      fail(e);
    }
  }

  async function saveDraft() {
    if (choice === null || !('profile' in choice)) return;
    setError(null);
    try {
      const result = await save.mutateAsync({ profile: choice.profile });
      setChoice({ code: result.code });
      setSavedVersion(result.version);
    } catch (e) {
      fail(e);
    }
  }

  async function start(dryRun: boolean) {
    if (file === null || choice === null) return;
    setRun({ status: 'running', percent: 0, phase: null });
    // Set from the stream's lines: a holder, so the closure's writes are seen after the await.
    const last: { outcome: Run } = { outcome: { status: 'failed', message: t('profileWizard.noAnswer') } };
    try {
      await uploadProfileImport({
        file,
        choice,
        dryRun,
        onLine: (line) => {
          if (isProfileReport(line)) last.outcome = { status: 'done', report: line.report, dryRun };
          const parsed = classifyStreamLine(line);
          if (parsed.type === 'progress')
            setRun({
              status: 'running',
              percent: progressPercent(parsed.progress),
              phase: parsed.progress.phase,
            });
          else if (parsed.type === 'problem')
            last.outcome = { status: 'failed', message: problemText(t, parsed.problem) };
        },
      });
    } catch (e) {
      last.outcome = { status: 'failed', message: problemDetail(t, e) };
    }
    const outcome = last.outcome;
    setRun(outcome);
    if (outcome.status === 'done' && outcome.report.committed) {
      await invalidate('data');
      await invalidate('metadata');
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="profile-wizard">
      <Steps
        size="small"
        current={step}
        items={[
          { title: t('profileWizard.steps.upload') },
          { title: t('profileWizard.steps.map') },
          { title: t('profileWizard.steps.preview') },
        ]}
      />
      {error !== null && <Alert type="error" showIcon message={error} data-testid="profile-wizard-error" />}
      <Form layout="vertical">
        <Form.Item label={t('profileWizard.saved')}>
          <Select
            data-testid="profile-wizard-saved"
            allowClear
            style={{ maxWidth: 420 }}
            placeholder={t('profileWizard.savedNone')}
            value={savedCode}
            onChange={(code: string | undefined) => setSavedCode(code ?? null)}
            options={(saved.data?.items ?? []).map((p) => ({
              value: p.code,
              label: `${p.code} (v${p.version})`,
            }))}
          />
        </Form.Item>
        <Upload
          data-testid="profile-wizard-file"
          accept=".csv,.txt,.xlsx,.gz"
          multiple={false}
          showUploadList={false}
          beforeUpload={(chosen) => {
            void choose(chosen);
            return false;
          }}
        >
          <Button>{t('profileWizard.chooseFile')}</Button>
        </Upload>
        {file !== null && (
          <Typography.Text data-testid="profile-wizard-file-name"> {file.name}</Typography.Text>
        )}
      </Form>

      {step === 1 && draft !== null && inspection !== null && (
        <ProfileMapping
          draft={draft}
          inspection={inspection}
          onChange={setDraft}
          onPreview={() => void showPreview()}
        />
      )}

      {step === 2 && preview !== null && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="profile-wizard-preview-panel">
          <Typography.Text data-testid="profile-wizard-preview-summary">
            {t('profileWizard.previewSummary', {
              rows: preview.rowsRead,
              values: preview.values.length,
              errors: preview.errorCount,
            })}
          </Typography.Text>
          <Table
            size="small"
            rowKey={(v) => `${v.row}-${v.column}`}
            pagination={{ pageSize: 10 }}
            dataSource={preview.values}
            data-testid="profile-wizard-preview-values"
            columns={[
              { title: t('profileWizard.row'), dataIndex: 'row' },
              { title: t('profileWizard.unit'), dataIndex: 'orgUnit' },
              { title: t('profileWizard.period'), dataIndex: 'period' },
              { title: t('profileWizard.dataElement'), dataIndex: 'dataElement' },
              { title: t('profileWizard.value'), dataIndex: 'value' },
            ]}
          />
          {preview.errors.length > 0 && (
            <Table
              size="small"
              rowKey={(e) => `${e.row}-${e.column}`}
              pagination={{ pageSize: 10 }}
              dataSource={preview.errors}
              data-testid="profile-wizard-preview-errors"
              columns={[
                { title: t('profileWizard.row'), dataIndex: 'row' },
                { title: t('profileWizard.column'), dataIndex: 'column' },
                {
                  title: t('profileWizard.reason'),
                  render: (_: unknown, e: ProfilePreview['errors'][number]) => errorReason(t, e),
                },
              ]}
            />
          )}
          <Space wrap>
            {draft !== null && inspection !== null && (
              <Button data-testid="profile-wizard-back" onClick={() => setStep(1)}>
                {t('profileWizard.back')}
              </Button>
            )}
            {choice !== null && 'profile' in choice && (
              <Button
                data-testid="profile-wizard-save"
                loading={save.isPending}
                onClick={() => void saveDraft()}
              >
                {t('profileWizard.save')}
              </Button>
            )}
            {choice !== null && 'code' in choice && (
              <Typography.Text data-testid="profile-wizard-saved-as">
                {t('profileWizard.savedAs', { code: choice.code, version: savedVersion ?? '' })}
              </Typography.Text>
            )}
            <Button data-testid="profile-wizard-check" onClick={() => void start(true)}>
              {t('profileWizard.check')}
            </Button>
            <Button
              type="primary"
              data-testid="profile-wizard-import"
              disabled={run.status !== 'done' || !run.dryRun || run.report.errorCount > 0}
              onClick={() => void start(false)}
            >
              {t('profileWizard.import')}
            </Button>
          </Space>
          {run.status === 'running' && (
            <RunProgress
              percent={run.percent}
              phase={run.phase}
              status="active"
              testId="profile-wizard-progress"
              label={t('profileWizard.progress')}
            />
          )}
          {run.status === 'failed' && <Alert type="error" showIcon message={run.message} />}
          {run.status === 'done' && (
            <Alert
              data-testid="profile-wizard-report"
              type={run.report.errorCount > 0 ? 'error' : 'success'}
              showIcon
              message={t(run.dryRun ? 'profileWizard.checked' : 'profileWizard.imported', {
                create: run.report.values.toCreate,
                update: run.report.values.toUpdate,
                errors: run.report.errorCount,
              })}
              description={run.report.errors
                .slice(0, 20)
                .map((e) => (
                  <div key={`${e.row}-${e.column}`}>{`${e.row} · ${e.column}: ${errorReason(t, e)}`}</div>
                ))}
            />
          )}
        </Space>
      )}
    </Space>
  );
}
