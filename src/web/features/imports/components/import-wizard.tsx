/**
 * The import wizard: 1 choose the kind, encoding and file; 2 read the dry run's report (nothing is written;
 * Commit is disabled while the file has errors); 3 commit, with a bar fed by the server's progress lines, then
 * the result. The server decides who may import what: its 403, 413 or 400 is shown as it explained it.
 */
import { Alert, Button, Input, Space, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { type ImportSettings, needsDefinition, scorecardNeed } from '../import-kinds.ts';
import { commitState, highViolationCount } from '../report-rows.ts';
import { useImportRun } from '../use-import-run.ts';
import { ChooseFileStep } from './choose-file-step.tsx';
import { ImportProblem } from './import-problem.tsx';
import {
  ReportClears,
  ReportCounts,
  ReportDetails,
  ReportErrors,
  ReportNotices,
  ReportViolations,
} from './report-view.tsx';
import { RunProgress } from './run-progress.tsx';

type Step = 0 | 1 | 2;

export function ImportWizard({ onShowHistory }: { readonly onShowHistory: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [step, setStep] = useState<Step>(0);
  const [settings, setSettings] = useState<ImportSettings>({
    kind: 'data',
    encoding: 'auto',
    scorecard: null,
  });
  const [file, setFile] = useState<File | null>(null);
  const [wrongFile, setWrongFile] = useState<string | null>(null);
  const check = useImportRun();
  const commit = useImportRun();

  const scorecardMissing = scorecardNeed(settings.kind) === 'required' && settings.scorecard === null;
  const definitionMissing = needsDefinition(settings.kind) && settings.definition === undefined;
  const checked = check.run.status === 'done' ? check.run.report : null;
  const state = checked === null ? null : commitState(checked);
  const [overrideReason, setOverrideReason] = useState('');
  const needsReason = checked !== null && highViolationCount(checked) > 0;
  const reasonMissing = needsReason && overrideReason.trim() === '';

  const runCheck = async () => {
    if (file === null) return;
    commit.reset();
    setOverrideReason('');
    const result = await check.start(file, settings, true);
    if (result.status === 'done') setStep(1);
  };

  const runCommit = async () => {
    if (file === null) return;
    setStep(2);
    await commit.start(file, needsReason ? { ...settings, overrideReason } : settings, false);
  };

  const startOver = () => {
    check.reset();
    commit.reset();
    setFile(null);
    setWrongFile(null);
    setStep(0);
  };

  return (
    <div style={{ display: 'grid', gap: 16, minWidth: 0 }}>
      <Steps
        current={step}
        size="small"
        items={[
          { title: t('imports.steps.choose') },
          { title: t('imports.steps.check') },
          { title: t('imports.steps.commit') },
        ]}
      />

      {step === 0 && (
        <section aria-label={t('imports.steps.choose')} data-testid="import-step-choose">
          <ChooseFileStep
            settings={settings}
            onSettings={(next) => {
              setSettings(next);
              check.reset();
            }}
            file={file}
            onFile={(next) => {
              setFile(next);
              check.reset();
            }}
            wrongFile={wrongFile}
            onWrongFile={setWrongFile}
          />
          {scorecardMissing && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="import-scorecard-missing"
              title={t('imports.scorecard.required')}
            />
          )}
          {check.run.status === 'running' && (
            <RunProgress
              testId="check-progress"
              label={t('imports.check.progress')}
              percent={check.run.percent}
              phase={check.run.phase}
              status="active"
            />
          )}
          {check.run.status === 'failed' && <ImportProblem error={check.run.error} testId="check-problem" />}
          <Space style={{ marginTop: 16 }}>
            <Button
              type="primary"
              data-testid="import-check"
              disabled={file === null || scorecardMissing || definitionMissing}
              loading={check.run.status === 'running'}
              onClick={() => void runCheck()}
            >
              {t('imports.check.button')}
            </Button>
          </Space>
        </section>
      )}

      {step === 1 && checked !== null && (
        <section
          aria-label={t('imports.steps.check')}
          data-testid="import-step-report"
          style={{ minWidth: 0 }}
        >
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {state === 'blocked' && (
              <Alert
                type="error"
                showIcon
                data-testid="report-blocked"
                title={t('imports.report.blocked', { errors: formatNumber(checked.errorCount, language) })}
                description={t('imports.report.nothingWritten')}
              />
            )}
            {state === 'unchanged' && (
              <Alert
                type="info"
                showIcon
                data-testid="report-unchanged"
                title={t('imports.report.unchanged')}
              />
            )}
            {state === 'ready' && (
              <Alert
                type="success"
                showIcon
                data-testid="report-ready"
                title={t('imports.report.ready', {
                  rows: formatNumber(checked.toCreate + checked.toUpdate, language),
                })}
                description={t('imports.report.nothingWritten')}
              />
            )}
            <ReportCounts report={checked} testId="report-counts" />
            <ReportDetails report={checked} />
            <ReportClears report={checked} />
            <ReportNotices report={checked} />
            <ReportViolations report={checked} />
            {needsReason ? (
              <div style={{ display: 'grid', gap: 4, maxWidth: 640 }}>
                <label htmlFor="override-reason">{t('imports.report.overrideLabel')}</label>
                <Input.TextArea
                  id="override-reason"
                  data-testid="override-reason"
                  rows={2}
                  maxLength={2000}
                  value={overrideReason}
                  onChange={(event) => setOverrideReason(event.target.value)}
                />
              </div>
            ) : null}
            <ReportErrors report={checked} />
            <Space wrap>
              <Button data-testid="import-back" onClick={() => setStep(0)}>
                {t('imports.back')}
              </Button>
              <Button
                type="primary"
                data-testid="import-commit"
                disabled={state !== 'ready' || reasonMissing}
                aria-describedby={state === 'blocked' ? 'commit-blocked-reason' : undefined}
                onClick={() => void runCommit()}
              >
                {t('imports.commit.button')}
              </Button>
              {state === 'blocked' && (
                <span id="commit-blocked-reason" data-testid="commit-blocked-reason">
                  {t('imports.commit.blocked')}
                </span>
              )}
            </Space>
          </Space>
        </section>
      )}

      {step === 2 && (
        <section
          aria-label={t('imports.steps.commit')}
          data-testid="import-step-commit"
          style={{ minWidth: 0 }}
        >
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <RunProgress
              testId="commit-progress"
              label={t('imports.commit.progress')}
              percent={
                commit.run.status === 'done' ? 100 : commit.run.status === 'running' ? commit.run.percent : 0
              }
              phase={commit.run.status === 'running' ? commit.run.phase : null}
              status={
                commit.run.status === 'done'
                  ? 'success'
                  : commit.run.status === 'failed'
                    ? 'exception'
                    : 'active'
              }
            />
            {commit.run.status === 'failed' && (
              <>
                {/* A refused commit's issues are its row errors: the report's table lists them with their place. */}
                <ImportProblem
                  error={commit.run.error}
                  testId="commit-problem"
                  listIssues={commit.run.report === null}
                />
                {commit.run.report !== null && (
                  <>
                    <ReportNotices report={commit.run.report} />
                    <ReportErrors report={commit.run.report} />
                  </>
                )}
              </>
            )}
            {commit.run.status === 'done' && (
              <>
                <Alert
                  type={commit.run.report.committed ? 'success' : 'info'}
                  showIcon
                  data-testid="commit-result"
                  title={
                    commit.run.report.committed
                      ? t('imports.result.committed', { id: commit.run.report.batchId ?? '' })
                      : t('imports.result.nothing')
                  }
                />
                <ReportCounts report={commit.run.report} testId="commit-counts" />
                <ReportClears report={commit.run.report} />
              </>
            )}
            <Space wrap>
              <Button
                data-testid="import-again"
                disabled={commit.run.status === 'running'}
                onClick={startOver}
              >
                {t('imports.result.another')}
              </Button>
              <Button
                data-testid="import-show-history"
                disabled={commit.run.status === 'running'}
                onClick={onShowHistory}
              >
                {t('imports.result.history')}
              </Button>
            </Space>
          </Space>
        </section>
      )}
    </div>
  );
}
