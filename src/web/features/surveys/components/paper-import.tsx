/**
 * Uploading an expert's filled-in XLSX questionnaire: choose the expert, choose the file, see the dry run (the
 * judgments read, each node's CR, every problem worded by its code at its sheet and row), then confirm to store
 * the answers. The file names its survey and expert: a file of another expert is refused with that expert named.
 */
import { Alert, Button, Progress, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { issueText } from '../../../components/problem-words.ts';
import {
  type ImportAnswersResult,
  type SurveyDetail,
  useImportPaperAnswers,
} from '../../../lib/api/surveys.ts';
import { formatNumber } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';

type NodeRow = ImportAnswersResult['nodes'][number];

/** The file's bytes as base64, reporting how much is read (0–100). */
function readAsBase64(file: File, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

type Phase = 'idle' | 'reading' | 'checking' | 'writing' | 'done';

const PHASE_KEYS = {
  idle: 'surveys.paper.phase.idle',
  reading: 'surveys.paper.phase.reading',
  checking: 'surveys.paper.phase.checking',
  writing: 'surveys.paper.phase.writing',
  done: 'surveys.paper.phase.idle',
} as const satisfies Record<Phase, string>;

export function PaperImport({ survey }: { readonly survey: SurveyDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const upload = useImportPaperAnswers(survey.id);
  const [expertId, setExpertId] = useState<number | null>(null);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [percent, setPercent] = useState(0);
  const result = upload.data;
  const open = survey.status === 'open';

  async function check(chosen: File, expert: number) {
    setPhase('reading');
    setPercent(0);
    upload.reset();
    const base64 = await readAsBase64(chosen, (p) => setPercent(Math.round(p * 0.5)));
    setFile({ name: chosen.name, base64 });
    setPhase('checking');
    setPercent(60);
    upload.mutate(
      { expertId: expert, file: base64, dryRun: true },
      {
        onSettled: () => {
          setPercent(100);
          setPhase('idle');
        },
      },
    );
  }

  function confirm() {
    if (file === null || expertId === null) return;
    setPhase('writing');
    setPercent(60);
    upload.mutate(
      { expertId, file: file.base64, dryRun: false },
      {
        onSettled: () => {
          setPercent(100);
          setPhase('done');
        },
      },
    );
  }

  const busy = phase === 'reading' || phase === 'checking' || phase === 'writing';
  const titles = new Map(survey.nodes.map((node) => [node.key, localize(node.title, language)]));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="paper-import">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('surveys.paper.help')}
      </Typography.Paragraph>
      <Space wrap>
        <Select<number>
          data-testid="paper-expert"
          placeholder={t('surveys.paper.expert')}
          style={{ minWidth: 220 }}
          value={expertId ?? undefined}
          disabled={!open || busy}
          onChange={(value) => {
            setExpertId(value);
            setFile(null);
            upload.reset();
          }}
          options={survey.experts.map((expert) => ({ value: expert.id, label: expert.name }))}
        />
        <Upload
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          showUploadList={false}
          disabled={!open || busy || expertId === null}
          beforeUpload={(chosen) => {
            if (expertId !== null) void check(chosen, expertId);
            return false;
          }}
        >
          <Button data-testid="paper-choose" disabled={!open || busy || expertId === null}>
            {t('surveys.paper.choose')}
          </Button>
        </Upload>
        {file === null ? null : <Typography.Text data-testid="paper-file">{file.name}</Typography.Text>}
      </Space>
      {phase === 'idle' && percent === 0 ? null : (
        <Progress
          data-testid="paper-progress"
          percent={percent}
          status={busy ? 'active' : upload.isError ? 'exception' : 'success'}
          format={() => t(PHASE_KEYS[phase])}
        />
      )}
      <ProblemAlert error={upload.error} testId="paper-problem" />
      {result === undefined ? null : (
        <>
          <Alert
            data-testid="paper-summary"
            data-written={String(result.written)}
            data-judgments={result.judgments}
            type={result.errors.length > 0 ? 'error' : result.written ? 'success' : 'info'}
            showIcon
            title={
              result.written
                ? t('surveys.paper.written', { count: result.judgments })
                : t('surveys.paper.read', { count: result.judgments, problems: result.errors.length })
            }
            description={
              result.errors.length === 0 ? null : (
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {result.errors.map((error) => (
                    <li
                      key={`${error.code}:${error.path.join('/')}:${error.message}`}
                      data-testid="paper-error"
                      data-code={error.code}
                    >
                      {issueText(t, error)}
                    </li>
                  ))}
                </ul>
              )
            }
          />
          <Table<NodeRow>
            data-testid="paper-nodes"
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={result.nodes}
            columns={[
              { key: 'node', title: t('surveys.nodes'), render: (_, row) => titles.get(row.key) ?? row.key },
              { key: 'answered', title: t('surveys.paper.answered'), dataIndex: 'answered', align: 'right' },
              {
                key: 'cr',
                title: t('surveys.paper.cr'),
                align: 'right',
                render: (_, row) =>
                  row.consistency === null ? (
                    '—'
                  ) : (
                    <Tag data-testid="paper-cr" color={row.consistency.consistent ? 'success' : 'warning'}>
                      {formatNumber(row.consistency.cr, language, 3)}
                    </Tag>
                  ),
              },
            ]}
          />
          {result.dryRun && result.errors.length === 0 ? (
            <Button
              type="primary"
              data-testid="paper-confirm"
              loading={phase === 'writing'}
              onClick={confirm}
            >
              {t('surveys.paper.confirm')}
            </Button>
          ) : null}
        </>
      )}
    </Space>
  );
}
