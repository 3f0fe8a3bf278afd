/**
 * Adding or changing an own library entry (issue 17 §3), shared across the installation: names, definition,
 * category, numerator and denominator in Chinese and English, unit, perspective, kind, direction, period, the
 * formula and its scoring, and where it comes from. The values are checked in the browser with the server's
 * schema and formula parser (model/library-entry-form.ts) and each problem is worded by its code on its field;
 * what the server still refuses is shown by its problem, its issues put on their fields too.
 */
import { Col, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { issueText, type Worded } from '../../../components/problem-words.ts';
import { isApiError } from '../../../lib/api/api-error.ts';
import { type LibraryEntryItem, useSaveLibraryEntry } from '../../../lib/api/indicator-library.ts';
import {
  fieldOfPath,
  type KnownElement,
  type LibraryFormField,
  type LibraryFormValues,
  libraryBodyOf,
} from '../model/library-entry-form.ts';
import {
  FORMULA_MODE_LABELS,
  INDICATOR_KIND_LABELS,
  METHOD_LABELS,
  PERSPECTIVE_KIND_LABELS,
} from './labels.ts';

const DIRECTION_KEYS = {
  higher: 'indicatorLibrary.directions.higher',
  lower: 'indicatorLibrary.directions.lower',
  monitor: 'indicatorLibrary.directions.monitor',
} as const;
const PERIOD_KEYS = {
  month: 'indicatorLibrary.form.periodTypes.month',
  quarter: 'indicatorLibrary.form.periodTypes.quarter',
  year: 'indicatorLibrary.form.periodTypes.year',
} as const;
/** The texts asked in both languages, Chinese first (the library's first readers), with their labels. */
const PAIRS = [
  {
    zh: 'nameZh',
    en: 'nameEn',
    zhLabel: 'indicatorLibrary.form.nameZh',
    enLabel: 'indicatorLibrary.form.nameEn',
  },
  {
    zh: 'definitionZh',
    en: 'definitionEn',
    zhLabel: 'indicatorLibrary.form.definitionZh',
    enLabel: 'indicatorLibrary.form.definitionEn',
  },
  {
    zh: 'categoryZh',
    en: 'categoryEn',
    zhLabel: 'indicatorLibrary.form.categoryZh',
    enLabel: 'indicatorLibrary.form.categoryEn',
  },
  {
    zh: 'numeratorZh',
    en: 'numeratorEn',
    zhLabel: 'indicatorLibrary.form.numeratorZh',
    enLabel: 'indicatorLibrary.form.numeratorEn',
  },
  {
    zh: 'denominatorZh',
    en: 'denominatorEn',
    zhLabel: 'indicatorLibrary.form.denominatorZh',
    enLabel: 'indicatorLibrary.form.denominatorEn',
  },
  {
    zh: 'unitZh',
    en: 'unitEn',
    zhLabel: 'indicatorLibrary.form.unitZh',
    enLabel: 'indicatorLibrary.form.unitEn',
  },
] as const satisfies readonly {
  zh: LibraryFormField;
  en: LibraryFormField;
  zhLabel: string;
  enLabel: string;
}[];

/** The test id of a field's control (`library-form-nameZh`). */
const testId = (field: LibraryFormField) => `library-form-${field}`;

export interface LibraryEntryFormProps {
  /** What the form opens with. */
  readonly initial: LibraryFormValues;
  /** The own entry being changed; null: a new one. */
  readonly entry: LibraryEntryItem | null;
  /** The modal's title. */
  readonly title: string;
  /** Elements whose names the entry's data elements take. */
  readonly known: readonly KnownElement[];
  readonly onClose: () => void;
  readonly onSaved: (item: LibraryEntryItem) => void;
}

export function LibraryEntryForm({ initial, entry, title, known, onClose, onSaved }: LibraryEntryFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LibraryFormValues>();
  const save = useSaveLibraryEntry();
  const kind = Form.useWatch('kind', form) ?? initial.kind;
  const mode = Form.useWatch('formulaMode', form) ?? initial.formulaMode;
  const scoring = Form.useWatch('scoring', form) ?? initial.scoring;

  const showIssues = (
    issues: readonly { field: LibraryFormField; issue: Worded & { message: string } }[],
  ) => {
    const byField = new Map<LibraryFormField, string[]>();
    for (const { field, issue } of issues)
      byField.set(field, [...(byField.get(field) ?? []), issueText(t, issue)]);
    form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  };

  const submit = (values: LibraryFormValues) => {
    const result = libraryBodyOf({ ...initial, ...values }, known);
    if (!result.ok) {
      showIssues(result.issues);
      return;
    }
    save.mutate(
      entry === null
        ? { kind: 'create', body: result.body }
        : { kind: 'update', id: entry.id, body: result.body },
      {
        onSuccess: onSaved,
        // A refusal the browser could not foresee (a 400 with issues) is shown on the fields it names as well.
        onError: (error) => {
          if (!isApiError(error)) return;
          const formulaMode = values.formulaMode ?? initial.formulaMode;
          showIssues(
            error.problem.issues.map((issue) => ({ field: fieldOfPath(issue.path, formulaMode), issue })),
          );
        },
      },
    );
  };

  const text = (field: LibraryFormField, label: string, area = false) => (
    <Form.Item name={field} label={label} style={{ marginBottom: 8 }}>
      {area ? (
        <Input.TextArea data-testid={testId(field)} autoSize={{ minRows: 1, maxRows: 3 }} />
      ) : (
        <Input data-testid={testId(field)} autoComplete="off" />
      )}
    </Form.Item>
  );
  const choice = <V extends string>(
    field: LibraryFormField,
    label: string,
    options: { value: V; label: string }[],
  ) => (
    <Form.Item name={field} label={label} style={{ marginBottom: 8 }}>
      <Select<V> data-testid={testId(field)} options={options} />
    </Form.Item>
  );

  return (
    <Modal
      open
      width={880}
      title={title}
      onCancel={onClose}
      okText={t('indicatorLibrary.form.save')}
      cancelText={t('indicatorLibrary.form.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'library-form-submit' } as Record<string, string>}
      destroyOnHidden
    >
      <div data-testid="library-form">
        <ProblemAlert error={save.error} testId="library-form-problem" />
        <Form<LibraryFormValues> form={form} layout="vertical" initialValues={initial} onFinish={submit}>
          {PAIRS.map((p) => (
            <Row gutter={12} key={p.zh}>
              <Col xs={24} md={12}>
                {text(p.zh, t(p.zhLabel), p.zh === 'definitionZh')}
              </Col>
              <Col xs={24} md={12}>
                {text(p.en, t(p.enLabel), p.en === 'definitionEn')}
              </Col>
            </Row>
          ))}
          <Row gutter={12}>
            <Col xs={12} md={6}>
              {choice(
                'perspective',
                t('indicatorLibrary.perspective'),
                (['financial', 'customer', 'internal', 'learning', 'social'] as const).map((value) => ({
                  value,
                  label: t(PERSPECTIVE_KIND_LABELS[value]),
                })),
              )}
            </Col>
            <Col xs={12} md={6}>
              {choice(
                'kind',
                t('indicatorLibrary.form.kind'),
                (['quantitative', 'qualitative'] as const).map((value) => ({
                  value,
                  label: t(INDICATOR_KIND_LABELS[value]),
                })),
              )}
            </Col>
            <Col xs={12} md={6}>
              {choice(
                'direction',
                t('indicatorLibrary.direction'),
                (['higher', 'lower', 'monitor'] as const).map((value) => ({
                  value,
                  label: t(DIRECTION_KEYS[value]),
                })),
              )}
            </Col>
            <Col xs={12} md={6}>
              {choice(
                'periodType',
                t('indicatorLibrary.form.periodType'),
                (['month', 'quarter', 'year'] as const).map((value) => ({
                  value,
                  label: t(PERIOD_KEYS[value]),
                })),
              )}
            </Col>
          </Row>
          {kind === 'qualitative' ? null : (
            <Row gutter={12}>
              <Col xs={24} md={8}>
                {choice(
                  'formulaMode',
                  t('indicatorLibrary.form.formulaMode'),
                  (['none', 'expression', 'ratio'] as const).map((value) => ({
                    value,
                    label: t(FORMULA_MODE_LABELS[value]),
                  })),
                )}
              </Col>
              {mode === 'expression' ? (
                <Col xs={24} md={16}>
                  {text('formula', t('indicatorLibrary.form.formula'))}
                </Col>
              ) : null}
              {mode === 'ratio' ? (
                <>
                  <Col xs={24} md={6}>
                    {text('formulaNumerator', t('indicatorLibrary.form.formulaNumerator'))}
                  </Col>
                  <Col xs={24} md={6}>
                    {text('formulaDenominator', t('indicatorLibrary.form.formulaDenominator'))}
                  </Col>
                  <Col xs={24} md={4}>
                    <Form.Item name={['formulaFactor']} label={t('indicatorLibrary.form.formulaFactor')}>
                      <InputNumber data-testid={testId('formulaFactor')} min={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </>
              ) : null}
            </Row>
          )}
          {kind === 'qualitative' ? null : (
            <Row gutter={12}>
              <Col xs={24} md={8}>
                {choice(
                  'scoring',
                  t('indicatorLibrary.form.scoring'),
                  (['default', 'ratio', 'linear'] as const).map((value) => ({
                    value,
                    label: t(METHOD_LABELS[value]),
                  })),
                )}
              </Col>
              {scoring === 'linear' ? (
                <Col xs={24} md={8}>
                  <Form.Item
                    name={['scoringFloor']}
                    label={t('indicatorLibrary.form.scoringFloor')}
                    tooltip={t('indicatorLibrary.form.scoringFloorHelp')}
                  >
                    <InputNumber data-testid={testId('scoringFloor')} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              ) : null}
            </Row>
          )}
          {text('reference', t('indicatorLibrary.form.reference'), true)}
          <Typography.Text type="secondary">{t('indicatorLibrary.form.elementsHint')}</Typography.Text>
        </Form>
      </div>
    </Modal>
  );
}
