/**
 * A new survey: the scorecard, the title and the experts' introduction, the scale (its meanings shown), the RI
 * table (its values for the node sizes a scorecard has), the CR threshold, whether partial answers count, and
 * the panel (name, e-mail, weight; equal weights unless set). The server builds the nodes from the scorecard.
 */
import { Alert, Button, Col, Input, InputNumber, Radio, Row, Select, Space, Switch, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RANDOM_INDEX_TABLES } from '../../../../core/ahp/random-index.ts';
import { Panel } from '../../../components/panel.tsx';
import { problemDetail } from '../../../components/problem-words.ts';
import { ScaleLegend } from '../../../components/scale-legend.tsx';
import { useScorecards } from '../../../lib/api/scorecards.ts';
import { type CreateSurveyBody, useCreateSurvey } from '../../../lib/api/surveys.ts';
import { formatNumber } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import type { SurveyScale } from '../../../lib/judgment-scale.ts';
import { RI_TABLE_LABELS, SCALE_LABELS } from '../model/labels.ts';
import { type ExpertRow, expertsBody, missingExpertNames } from '../model/panel-rows.ts';

type RiTable = keyof typeof RI_TABLE_LABELS;
/** The node sizes the RI table is shown for. */
const SIZES = [3, 4, 5, 6, 7, 8, 9];

export function CreateSurveyForm({
  onCancel,
  onCreated,
}: {
  readonly onCancel: () => void;
  readonly onCreated: (id: number) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const scorecards = useScorecards();
  const create = useCreateSurvey();
  const [scorecard, setScorecard] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [scale, setScale] = useState<SurveyScale>('saaty');
  const [riTable, setRiTable] = useState<RiTable>('seed002');
  const [threshold, setThreshold] = useState(0.1);
  const [allowPartial, setAllowPartial] = useState(false);
  const [surveyLanguage, setSurveyLanguage] = useState<'zh-CN' | 'en'>(language);
  const [experts, setExperts] = useState<ExpertRow[]>([{ name: '', email: '', weight: null }]);
  const missing = missingExpertNames(experts);
  const ready = scorecard !== null && title.trim() !== '' && missing.length === 0;
  const setExpert = (index: number, change: Partial<ExpertRow>) =>
    setExperts(experts.map((row, k) => (k === index ? { ...row, ...change } : row)));

  const submit = () => {
    if (scorecard === null) return;
    const body: CreateSurveyBody = {
      scorecard,
      title: title.trim(),
      ...(description.trim() === '' ? {} : { description: description.trim() }),
      scale,
      riTable,
      threshold,
      allowPartial,
      language: surveyLanguage,
      experts: expertsBody(experts),
    };
    create.mutate(body, { onSuccess: (survey) => onCreated(survey.id) });
  };

  return (
    <Panel title={t('surveys.create.title')} headingId="create-survey" testId="create-survey">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12}>
            <label htmlFor="survey-scorecard">{t('surveys.create.scorecard')}</label>
            <Select
              id="survey-scorecard"
              data-testid="survey-scorecard"
              showSearch
              optionFilterProp="label"
              style={{ width: '100%' }}
              value={scorecard}
              placeholder={t('surveys.create.scorecard')}
              loading={scorecards.isPending}
              options={(scorecards.data ?? []).map((s) => ({
                value: s.code,
                label: `${s.code} · ${localize(s.name, language)}`,
              }))}
              onChange={(value: string) => setScorecard(value)}
            />
          </Col>
          <Col xs={24} md={12}>
            <label htmlFor="survey-title">{t('surveys.create.surveyTitle')}</label>
            <Input
              id="survey-title"
              data-testid="survey-title"
              value={title}
              maxLength={200}
              onChange={(e) => setTitle(e.target.value)}
            />
          </Col>
          <Col xs={24}>
            <label htmlFor="survey-description">{t('surveys.create.description')}</label>
            <Input.TextArea
              id="survey-description"
              data-testid="survey-description"
              value={description}
              maxLength={4000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              onChange={(e) => setDescription(e.target.value)}
            />
          </Col>
        </Row>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12}>
            <div id="survey-scale-label">{t('surveys.create.scale')}</div>
            <Radio.Group
              aria-labelledby="survey-scale-label"
              data-testid="survey-scale"
              value={scale}
              onChange={(e) => setScale(e.target.value === 'five-point' ? 'five-point' : 'saaty')}
              options={[
                { value: 'saaty', label: t(SCALE_LABELS.saaty) },
                { value: 'five-point', label: t(SCALE_LABELS['five-point']) },
              ]}
            />
            <div style={{ marginTop: 8 }}>
              <ScaleLegend scale={scale} open />
            </div>
          </Col>
          <Col xs={24} md={12}>
            <label htmlFor="survey-ri-table">{t('surveys.create.riTable')}</label>
            <Select<RiTable>
              id="survey-ri-table"
              data-testid="survey-ri-table"
              style={{ width: '100%' }}
              value={riTable}
              options={(Object.keys(RI_TABLE_LABELS) as RiTable[]).map((key) => ({
                value: key,
                label: t(RI_TABLE_LABELS[key]),
              }))}
              onChange={(value) => setRiTable(value)}
            />
            <Table
              size="small"
              style={{ marginTop: 8 }}
              data-testid="survey-ri-values"
              pagination={false}
              scroll={{ x: 'max-content' }}
              rowKey="row"
              dataSource={[{ row: 'ri' }]}
              columns={[
                { title: t('judgmentScale.size'), key: 'label', render: () => t('judgmentScale.ri') },
                ...SIZES.map((n) => ({
                  title: String(n),
                  key: String(n),
                  render: () => formatNumber(RANDOM_INDEX_TABLES[riTable].values[n - 1] ?? null, language, 2),
                })),
              ]}
            />
            <Row gutter={12} style={{ marginTop: 8 }}>
              <Col xs={12}>
                <label htmlFor="survey-threshold">{t('surveys.create.threshold')}</label>
                <InputNumber
                  id="survey-threshold"
                  data-testid="survey-threshold"
                  min={0.01}
                  max={1}
                  step={0.01}
                  style={{ width: '100%' }}
                  value={threshold}
                  onChange={(value) => setThreshold(typeof value === 'number' ? value : 0.1)}
                />
              </Col>
              <Col xs={12}>
                <label htmlFor="survey-language">{t('surveys.create.language')}</label>
                <Select<'zh-CN' | 'en'>
                  id="survey-language"
                  style={{ width: '100%' }}
                  value={surveyLanguage}
                  options={[
                    { value: 'zh-CN', label: t('language.zhCN') },
                    { value: 'en', label: t('language.en') },
                  ]}
                  onChange={(value) => setSurveyLanguage(value)}
                />
              </Col>
            </Row>
            <Space style={{ marginTop: 12 }}>
              <Switch
                id="survey-partial"
                data-testid="survey-partial"
                checked={allowPartial}
                onChange={setAllowPartial}
              />
              <label htmlFor="survey-partial">{t('surveys.create.allowPartial')}</label>
            </Space>
          </Col>
        </Row>
        <div>
          <h4 style={{ margin: '8px 0' }}>{t('surveys.create.panel')}</h4>
          <p style={{ marginTop: 0 }}>{t('surveys.create.panelHelp')}</p>
          {experts.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity before they are saved
            <Row gutter={8} key={index} style={{ marginBottom: 8 }} data-testid="expert-row">
              <Col xs={24} md={9}>
                <Input
                  aria-label={t('surveys.create.expertName', { n: index + 1 })}
                  placeholder={t('surveys.create.namePlaceholder')}
                  data-testid={`expert-name-${index}`}
                  value={row.name}
                  maxLength={200}
                  onChange={(e) => setExpert(index, { name: e.target.value })}
                />
              </Col>
              <Col xs={24} md={9}>
                <Input
                  aria-label={t('surveys.create.expertEmail', { n: index + 1 })}
                  placeholder={t('surveys.create.emailPlaceholder')}
                  type="email"
                  value={row.email}
                  maxLength={320}
                  onChange={(e) => setExpert(index, { email: e.target.value })}
                />
              </Col>
              <Col xs={18} md={4}>
                <InputNumber
                  aria-label={t('surveys.create.expertWeight', { n: index + 1 })}
                  placeholder={t('surveys.create.weightPlaceholder')}
                  data-testid={`expert-weight-${index}`}
                  min={0.01}
                  max={1000}
                  style={{ width: '100%' }}
                  value={row.weight}
                  onChange={(value) => setExpert(index, { weight: typeof value === 'number' ? value : null })}
                />
              </Col>
              <Col xs={6} md={2}>
                <Button
                  aria-label={t('surveys.create.removeExpert', { n: index + 1 })}
                  disabled={experts.length === 1}
                  onClick={() => setExperts(experts.filter((_, k) => k !== index))}
                >
                  ×
                </Button>
              </Col>
            </Row>
          ))}
          <Button
            data-testid="add-expert"
            onClick={() => setExperts([...experts, { name: '', email: '', weight: null }])}
          >
            {t('surveys.create.addExpert')}
          </Button>
        </div>
        {missing.length > 0 && experts.length > 1 ? (
          <Alert
            type="warning"
            showIcon
            title={t('surveys.create.nameMissing', { rows: missing.join(', ') })}
          />
        ) : null}
        {create.error ? (
          <Alert
            type="error"
            showIcon
            data-testid="create-survey-error"
            title={problemDetail(t, create.error)}
          />
        ) : null}
        <Space wrap>
          <Button
            type="primary"
            data-testid="create-survey-submit"
            disabled={!ready || create.isPending}
            loading={create.isPending}
            onClick={submit}
          >
            {t('surveys.create.submit')}
          </Button>
          <Button onClick={onCancel}>{t('surveys.create.cancel')}</Button>
        </Space>
      </Space>
    </Panel>
  );
}
