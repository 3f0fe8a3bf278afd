/**
 * Manual weights per level (the perspectives; the indicators of each perspective) in percent, with a live sum
 * check per level (model/weights.ts), saved as a new weight version (PUT /api/scorecards/:code/weights). It
 * edits the saved structure: weights of unsaved indicators are set after saving the structure. Saving asks from
 * which period the weights hold (effective-from-dialog.tsx): by default the first period with no published
 * score, so no published score is weighed again.
 */
import { Alert, Button, Col, Input, InputNumber, Row, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeightProvenance as WeightProvenanceJson } from '../../../../core/contracts/scorecards.ts';
import { compileScorecard } from '../../../../core/scorecard/compile-scorecard.ts';
import type { ScorecardFile } from '../../../../core/scorecard/scorecard-schema.ts';
import { Panel } from '../../../components/panel.tsx';
import { problemDetail } from '../../../components/problem-words.ts';
import { isApiError } from '../../../lib/api/api-error.ts';
import { usePutWeights } from '../../../lib/api/scorecards.ts';
import { formatNumber, formatPeriod } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { buildWeightsBlock, checkWeightSum, type WeightLevel, weightLevels } from '../model/weights.ts';
import { EffectiveFromDialog } from './effective-from-dialog.tsx';
import { IssuesList } from './issues-list.tsx';
import { WeightProvenance } from './weight-provenance.tsx';

function levelsOf(file: ScorecardFile): WeightLevel[] {
  const compiled = compileScorecard(file);
  return weightLevels(file, {
    perspectives: new Map(compiled.perspectives.map((p) => [p.id, p.weight])),
    indicators: new Map(
      compiled.perspectives.flatMap((p) => p.indicators.map((i) => [i.id, i.weight] as const)),
    ),
  });
}

export function WeightsEditor({
  file,
  weightVersion,
  provenance = null,
  dirty,
}: {
  file: ScorecardFile;
  weightVersion: number;
  /** Where the current version came from when a survey's result made it. */
  provenance?: WeightProvenanceJson | null;
  dirty: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const initial = useMemo(() => levelsOf(file), [file]);
  const [levels, setLevels] = useState(initial);
  const [note, setNote] = useState('');
  const [savedVersion, setSavedVersion] = useState<{
    version: number;
    created: boolean;
    effectiveFrom: string | null;
  } | null>(null);
  const [asking, setAsking] = useState(false);
  const put = usePutWeights(file.code);
  const checks = levels.map((level) => checkWeightSum(level.percent));
  const allOk = checks.every((check) => check.ok);
  const names = new Map<string, string>([
    ...file.perspectives.map((p) => [p.id, localize(p.name, language)] as const),
    ...file.perspectives.flatMap((p) => p.indicators.map((i) => [i.id, localize(i.name, language)] as const)),
  ]);
  const setWeight = (key: string, id: string, value: number | null) => {
    setSavedVersion(null);
    setLevels(
      levels.map((level) =>
        level.key === key ? { ...level, percent: { ...level.percent, [id]: value } } : level,
      ),
    );
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="weights-editor">
      <p style={{ margin: 0 }}>{t('designer.weights.intro', { version: weightVersion })}</p>
      {provenance === null ? null : <WeightProvenance provenance={provenance} />}
      {dirty ? <Alert type="warning" showIcon title={t('designer.weights.unsavedStructure')} /> : null}
      <Row gutter={[16, 16]}>
        {levels.map((level, index) => {
          const check = checks[index] ?? { sum: 0, ok: false, missing: [] };
          const title =
            level.key === 'perspectives'
              ? t('designer.weights.perspectives')
              : t('designer.weights.indicatorsOf', { perspective: names.get(level.key) ?? level.key });
          return (
            <Col xs={24} md={12} key={level.key}>
              <Panel
                title={title}
                headingId={`weights-${level.key}`}
                testId={`weight-level-${level.key}`}
                extra={
                  <Tag
                    color={check.ok ? 'success' : 'error'}
                    data-testid={`weight-sum-${level.key}`}
                    data-ok={check.ok}
                  >
                    {t('designer.weights.sum', { sum: formatNumber(check.sum, language, 2) })}
                  </Tag>
                }
              >
                {level.ids.map((id) => (
                  <div key={id} style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 6 }}>
                    <label
                      htmlFor={`weight-${level.key}-${id}`}
                      style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}
                    >
                      {id} · {names.get(id) ?? id}
                    </label>
                    <InputNumber
                      id={`weight-${level.key}-${id}`}
                      data-testid={`weight-input-${level.key}-${id}`}
                      min={0}
                      max={100}
                      step={1}
                      suffix="%"
                      style={{ width: 120 }}
                      value={level.percent[id] ?? null}
                      onChange={(value) => setWeight(level.key, id, typeof value === 'number' ? value : null)}
                    />
                  </div>
                ))}
                {check.ok ? null : (
                  <Alert
                    type="error"
                    showIcon
                    data-testid={`weight-error-${level.key}`}
                    title={
                      check.missing.length > 0
                        ? t('designer.weights.missing', { ids: check.missing.join(', ') })
                        : t('designer.weights.wrongSum', { sum: formatNumber(check.sum, language, 2) })
                    }
                  />
                )}
              </Panel>
            </Col>
          );
        })}
      </Row>
      <Row gutter={8} align="bottom">
        <Col xs={24} md={16}>
          <label htmlFor="weights-note">{t('designer.weights.note')}</label>
          <Input
            id="weights-note"
            data-testid="weights-note"
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
          />
        </Col>
        <Col xs={24} md={8}>
          <Space wrap style={{ marginTop: 8 }}>
            <Button
              type="primary"
              data-testid="weights-save"
              disabled={!allOk || put.isPending}
              loading={put.isPending}
              onClick={() => setAsking(true)}
            >
              {t('designer.weights.save')}
            </Button>
            <Button onClick={() => setLevels(initial)}>{t('designer.actions.reset')}</Button>
          </Space>
        </Col>
      </Row>
      {asking ? (
        <EffectiveFromDialog
          code={file.code}
          periodType={file.periodType ?? null}
          onCancel={() => setAsking(false)}
          onConfirm={(effectiveFrom) => {
            setAsking(false);
            put.mutate(
              {
                weights: buildWeightsBlock(levels),
                source: 'manual',
                note: note.trim() === '' ? null : note.trim(),
                effectiveFrom,
              },
              {
                onSuccess: (result) =>
                  setSavedVersion({
                    version: result.version,
                    created: result.created,
                    effectiveFrom: result.effectiveFrom,
                  }),
              },
            );
          }}
        />
      ) : null}
      {savedVersion === null ? null : (
        <Alert
          type="success"
          showIcon
          data-testid="weights-saved"
          data-version={savedVersion.version}
          data-effective-from={savedVersion.effectiveFrom ?? ''}
          title={
            savedVersion.created
              ? savedVersion.effectiveFrom === null
                ? t('designer.weights.saved', { version: savedVersion.version })
                : t('designer.weights.savedFrom', {
                    version: savedVersion.version,
                    from: formatPeriod(savedVersion.effectiveFrom, language),
                  })
              : t('designer.weights.unchanged', { version: savedVersion.version })
          }
        />
      )}
      {put.error ? (
        <IssuesList
          testId="weights-server-issues"
          title={problemDetail(t, put.error)}
          issues={isApiError(put.error) ? put.error.problem.issues : []}
        />
      ) : null}
    </Space>
  );
}
