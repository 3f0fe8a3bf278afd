/**
 * The expert's questionnaire at `/survey/:token`: no sign-in and no app menu (the link's token is the
 * credential). One node at a time; each pair a two-sided scale with the meanings; every tap is saved at once and
 * the node's CR (from the server, which answers each save with the node's consistency) is shown under the
 * pairs. Above the threshold the three most inconsistent judgments are highlighted with the value that would
 * agree and a one-tap accept. Coming back to the link resumes where the answers stop. Built for a phone first:
 * one column, the scale's two sides wrap under each other below ~640 px.
 */
import { Alert, theme as antdTheme, Button, Progress, Space, Tag, Typography } from 'antd';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadingPanel } from '../../components/loading-panel.tsx';
import { problemDetail } from '../../components/problem-words.ts';
import { ScaleLegend } from '../../components/scale-legend.tsx';
import {
  type Questionnaire,
  useQuestionnaire,
  useSaveAnswer,
  useSubmitAnswers,
} from '../../lib/api/surveys.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { localize } from '../../lib/i18n/languages.ts';
import { useLanguage } from '../../lib/i18n/use-language.ts';
import { PairScale } from './components/pair-scale.tsx';

import { pairKey, resumeAt } from './model/questionnaire-nodes.ts';

type QuestionnaireNode = Questionnaire['nodes'][number];

export function QuestionnairePage({ languageSwitch }: { readonly languageSwitch: ReactNode }) {
  const { t } = useTranslation();
  const { token = null } = useParams();
  const questionnaire = useQuestionnaire(token);
  // Outside the app's layout: the page sets the theme's type itself.
  const { token: theme } = antdTheme.useToken();
  return (
    <div
      style={{
        maxWidth: 760,
        margin: '0 auto',
        padding: '12px 12px 48px',
        boxSizing: 'border-box',
        fontFamily: theme.fontFamily,
        fontSize: theme.fontSize,
        color: theme.colorText,
      }}
    >
      <header
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          justifyContent: 'space-between',
          gap: 8,
          alignItems: 'center',
        }}
      >
        <Typography.Text type="secondary">{t('questionnaire.product')}</Typography.Text>
        {languageSwitch}
      </header>
      <main>
        <LoadingPanel
          isLoading={questionnaire.isPending}
          error={questionnaire.error}
          onRetry={() => void questionnaire.refetch()}
        >
          {questionnaire.data === undefined || token === null ? null : (
            <QuestionnaireBody token={token} data={questionnaire.data} />
          )}
        </LoadingPanel>
      </main>
    </div>
  );
}

function QuestionnaireBody({ token, data }: { readonly token: string; readonly data: Questionnaire }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [index, setIndex] = useState(() => resumeAt(data.nodes));
  /** What the expert just tapped, shown before the save returns. */
  const [tapped, setTapped] = useState<ReadonlyMap<string, number>>(new Map());
  const save = useSaveAnswer(token);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const submit = useSubmitAnswers(token);
  const { survey } = data;
  const node = data.nodes[index];
  const total = data.nodes.reduce((sum, n) => sum + n.pairs.length, 0);
  const answered = data.nodes.reduce((sum, n) => sum + n.answered, 0);
  const formatCr = (cr: number) => formatNumber(cr, language, 3);
  const values = useMemo(() => {
    const map = new Map<string, number>();
    for (const n of data.nodes) {
      for (const judgment of n.judgments) {
        if (judgment.value !== null) map.set(`${n.key}|${pairKey(judgment.i, judgment.j)}`, judgment.value);
      }
    }
    for (const [key, value] of tapped) map.set(key, value);
    return map;
  }, [data.nodes, tapped]);

  const answer = (nodeKey: string, i: number, j: number, value: number) => {
    setTapped(new Map(tapped).set(`${nodeKey}|${pairKey(i, j)}`, value));
    // One save at a time, in the order of the taps: a quick second tap on a pair must not overtake the first,
    // and the node's consistency read after the last save includes every answer.
    queue.current = queue.current.then(() =>
      save.mutateAsync({ node: nodeKey, i, j, value }).then(
        () => undefined,
        () => undefined,
      ),
    );
  };

  if (node === undefined) return null;
  const names = node.elements.map((element) => localize(element.name, language));
  const consistency = node.consistency;
  const repairs = new Map(
    (consistency?.repairs ?? []).map((repair) => [pairKey(repair.i, repair.j), repair] as const),
  );
  const last = index === data.nodes.length - 1;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="questionnaire">
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }} data-testid="questionnaire-title">
          {survey.title}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('questionnaire.forExpert', {
            name: data.expert.name,
            scorecard: localize(survey.scorecardName, language),
          })}
        </Typography.Text>
        {survey.description === null ? null : <p style={{ whiteSpace: 'pre-wrap' }}>{survey.description}</p>}
      </div>
      {data.editable ? null : (
        <Alert
          type="info"
          showIcon
          data-testid="questionnaire-read-only"
          title={
            data.expert.submittedAt === null
              ? t('questionnaire.closed')
              : t('questionnaire.submittedAt', { when: formatDateTime(data.expert.submittedAt, language) })
          }
        />
      )}
      <ScaleLegend scale={survey.scale} />
      <div>
        <Progress
          percent={total === 0 ? 100 : Math.round((answered / total) * 100)}
          size="small"
          aria-label={t('questionnaire.progress', { answered, total })}
        />
        <Typography.Text type="secondary" data-testid="questionnaire-progress">
          {t('questionnaire.progress', { answered, total })}
        </Typography.Text>
      </div>
      <section
        aria-labelledby="questionnaire-node-title"
        data-testid="questionnaire-node"
        data-node={node.key}
        style={{ display: 'flex', flexDirection: 'column', gap: 10 }}
      >
        <Typography.Title level={4} id="questionnaire-node-title" style={{ margin: 0 }}>
          {t('questionnaire.nodeOf', { index: index + 1, count: data.nodes.length })} ·{' '}
          {localize(node.title, language)}
        </Typography.Title>
        <Typography.Text type="secondary">{t('questionnaire.howTo')}</Typography.Text>
        {node.pairs.length === 0 ? <p>{t('questionnaire.nothingToCompare')}</p> : null}
        {node.pairs.map(({ i, j }) => {
          const repair = repairs.get(pairKey(i, j));
          return (
            <PairScale
              key={pairKey(i, j)}
              testId={`pair-${i}-${j}`}
              first={names[i] ?? ''}
              second={names[j] ?? ''}
              scale={survey.scale}
              value={values.get(`${node.key}|${pairKey(i, j)}`) ?? null}
              disabled={!data.editable}
              suggestion={
                repair === undefined
                  ? null
                  : {
                      suggested: repair.suggested,
                      onScale: repair.suggestedOnScale,
                      crAfterOnScale: repair.crAfterOnScale,
                    }
              }
              formatCr={formatCr}
              onChange={(value) => answer(node.key, i, j, value)}
            />
          );
        })}
        <NodeConsistencyNote node={node} threshold={survey.threshold} formatCr={formatCr} />
        {save.error ? (
          <Alert
            type="error"
            showIcon
            data-testid="questionnaire-save-error"
            title={problemDetail(t, save.error)}
          />
        ) : (
          <Typography.Text type="secondary" data-testid="questionnaire-saved" data-pending={save.isPending}>
            {save.isPending ? t('questionnaire.saving') : save.isSuccess ? t('questionnaire.saved') : ''}
          </Typography.Text>
        )}
      </section>
      <nav style={{ display: 'flex', gap: 8, justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Button
          data-testid="questionnaire-previous"
          disabled={index === 0}
          onClick={() => setIndex(index - 1)}
        >
          {t('questionnaire.previous')}
        </Button>
        {last ? (
          <Button
            type="primary"
            data-testid="questionnaire-submit"
            disabled={!data.editable || (!survey.allowPartial && answered < total) || submit.isPending}
            loading={submit.isPending}
            onClick={() => submit.mutate(undefined)}
          >
            {t('questionnaire.submit')}
          </Button>
        ) : (
          <Button type="primary" data-testid="questionnaire-next" onClick={() => setIndex(index + 1)}>
            {t('questionnaire.next')}
          </Button>
        )}
      </nav>
      {submit.error ? <Alert type="error" showIcon title={problemDetail(t, submit.error)} /> : null}
      {submit.data ? (
        <Alert
          type="success"
          showIcon
          data-testid="questionnaire-submitted"
          title={t('questionnaire.thanks')}
        />
      ) : null}
    </Space>
  );
}

function NodeConsistencyNote({
  node,
  threshold,
  formatCr,
}: {
  readonly node: QuestionnaireNode;
  readonly threshold: number;
  readonly formatCr: (cr: number) => string;
}) {
  const { t } = useTranslation();
  const consistency = node.consistency;
  if (node.pairs.length === 0) return null;
  if (consistency === null) {
    return (
      <Alert
        type="info"
        data-testid="node-cr"
        data-state="incomplete"
        title={t('questionnaire.crPending', { answered: node.answered, total: node.pairs.length })}
      />
    );
  }
  const words = { cr: formatCr(consistency.cr), threshold: formatCr(threshold) };
  return (
    <Alert
      type={consistency.consistent ? 'success' : 'warning'}
      showIcon
      data-testid="node-cr"
      data-state={consistency.consistent ? 'consistent' : 'inconsistent'}
      data-cr={consistency.cr}
      title={
        <span>
          {consistency.consistent ? t('questionnaire.crOk', words) : t('questionnaire.crHigh', words)}{' '}
          {consistency.consistent ? null : <Tag color="warning">{t('questionnaire.reconsider')}</Tag>}
        </span>
      }
    />
  );
}
