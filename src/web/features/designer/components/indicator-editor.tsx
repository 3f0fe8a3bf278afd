/**
 * Every field of one indicator: code, names, kind, objective, unit (English and Chinese), decimals, role, owner
 * (a user's e-mail, or a department by name), direction (with a band's limits), scoring method and formula (one
 * expression, or numerator ÷ denominator × factor). Each change is applied to the draft file at once, so the
 * live validation and Save follow what is typed.
 */
import { Col, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DataElement } from '../../../../core/contracts/data-elements.ts';
import type {
  IndicatorFile,
  PerspectiveFile,
  StatusThresholdsFile,
} from '../../../../core/scorecard/scorecard-schema.ts';
import { unitFromWords } from '../../../../core/scorecard/units.ts';
import { DEFAULT_STATUS_THRESHOLDS } from '../../../../core/scoring/status.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { Field } from './field.tsx';
import { FormulaInput } from './formula-input.tsx';
import { DIRECTION_LABELS, FORMULA_MODE_LABELS, INDICATOR_KIND_LABELS, ROLE_LABELS } from './labels.ts';
import { ScoringEditor } from './scoring-editor.tsx';
import { StatusEditor } from './status-editor.tsx';

type FormulaMode = 'none' | 'expression' | 'ratio';

/** The indicator with `key` set to `value`, or without `key` when the value is empty. */
function withField<K extends keyof IndicatorFile>(
  indicator: IndicatorFile,
  key: K,
  value: IndicatorFile[K] | '' | null | undefined,
): IndicatorFile {
  const next = { ...indicator };
  if (value === '' || value === null || value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

export interface IndicatorEditorProps {
  readonly indicator: IndicatorFile;
  readonly perspective: PerspectiveFile;
  readonly onChange: (indicator: IndicatorFile) => void;
  readonly known: readonly string[];
  readonly catalog: readonly DataElement[];
  /** The scorecard's status thresholds, which the indicator uses while it sets none. */
  readonly schemeStatus?: StatusThresholdsFile;
}

export function IndicatorEditor({
  indicator,
  perspective,
  onChange,
  known,
  catalog,
  schemeStatus = DEFAULT_STATUS_THRESHOLDS,
}: IndicatorEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const set = <K extends keyof IndicatorFile>(key: K, value: IndicatorFile[K] | '' | null | undefined) =>
    onChange(withField(indicator, key, value));
  const formula = indicator.formula;
  const mode: FormulaMode =
    formula === undefined ? 'none' : typeof formula === 'string' ? 'expression' : 'ratio';
  const direction = indicator.direction;
  const directionKind = typeof direction === 'string' ? direction : 'band';
  const band = typeof direction === 'string' ? null : direction.band;
  const unit = indicator.unit ?? { en: '', zh: '' };
  // Both words as typed (the live validation asks for the missing one); none, no unit.
  const setUnit = (en: string, zh: string) =>
    set('unit', en.trim() === '' && zh.trim() === '' ? undefined : { en, zh });
  // On leaving a field with the other one empty, the other word comes from the common units.
  const completeUnit = () => set('unit', unitFromWords(unit.en, unit.zh));

  // A formula being typed may be empty for a moment: keep it (and its mode) rather than dropping the field.
  const setFormula = (value: NonNullable<IndicatorFile['formula']>) =>
    onChange({ ...indicator, formula: value });
  const setMode = (next: FormulaMode) => {
    if (next === 'none') set('formula', undefined);
    else if (next === 'expression')
      setFormula(typeof formula === 'object' ? `${formula.numerator} / ${formula.denominator}` : '');
    else
      setFormula(
        typeof formula === 'string'
          ? { numerator: formula, denominator: '', factor: 1 }
          : { numerator: '', denominator: '', factor: 1 },
      );
  };

  return (
    <div data-testid="indicator-editor">
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Field id="indicator-id" label={t('designer.indicator.id')}>
            <Input
              id="indicator-id"
              data-testid="indicator-id"
              value={indicator.id}
              onChange={(e) => onChange({ ...indicator, id: e.target.value })}
            />
          </Field>
        </Col>
        <Col xs={24} md={8}>
          <Field id="indicator-name-en" label={t('designer.fields.nameEn')}>
            <Input
              id="indicator-name-en"
              data-testid="indicator-name-en"
              value={indicator.name.en}
              onChange={(e) => set('name', { ...indicator.name, en: e.target.value })}
            />
          </Field>
        </Col>
        <Col xs={24} md={8}>
          <Field id="indicator-name-zh" label={t('designer.fields.nameZh')}>
            <Input
              id="indicator-name-zh"
              data-testid="indicator-name-zh"
              value={indicator.name.zh ?? ''}
              onChange={(e) => {
                const { zh: _zh, ...rest } = indicator.name;
                set('name', e.target.value === '' ? rest : { ...rest, zh: e.target.value });
              }}
            />
          </Field>
        </Col>
        <Col xs={24} md={8}>
          <Field id="indicator-kind" label={t('designer.indicator.kind')}>
            <Select
              id="indicator-kind"
              value={indicator.kind}
              options={(['quantitative', 'qualitative'] as const).map((k) => ({
                value: k,
                label: t(INDICATOR_KIND_LABELS[k]),
              }))}
              onChange={(kind) => {
                // A qualitative indicator has no formula and is scored by rubric (compileScorecard's rules).
                const next = withField(indicator, 'kind', kind);
                onChange(
                  kind === 'qualitative'
                    ? withField(withField(next, 'formula', undefined), 'scoring', undefined)
                    : withField(next, 'scoring', undefined),
                );
              }}
            />
          </Field>
        </Col>
        <Col xs={24} md={8}>
          <Field id="indicator-objective" label={t('designer.indicator.objective')}>
            <Select
              id="indicator-objective"
              allowClear
              value={indicator.objective ?? null}
              placeholder={t('designer.indicator.noObjective')}
              options={perspective.objectives.map((o) => ({
                value: o.id,
                label: `${o.id} · ${localize(o.name, language)}`,
              }))}
              onChange={(value: string | null | undefined) => set('objective', value)}
            />
          </Field>
        </Col>
        <Col xs={24} md={8}>
          <Field id="indicator-role" label={t('designer.indicator.role')}>
            <Select
              id="indicator-role"
              allowClear
              value={indicator.role ?? null}
              placeholder={t('designer.indicator.noRole')}
              options={(['leading', 'lagging'] as const).map((r) => ({
                value: r,
                label: t(ROLE_LABELS[r]),
              }))}
              onChange={(value: 'leading' | 'lagging' | null | undefined) => set('role', value)}
            />
          </Field>
        </Col>
        <Col xs={12} md={4}>
          <Field id="indicator-unit" label={t('designer.indicator.unitEn')}>
            <Input
              id="indicator-unit"
              value={unit.en}
              onChange={(e) => setUnit(e.target.value, unit.zh)}
              onBlur={completeUnit}
            />
          </Field>
        </Col>
        <Col xs={12} md={4}>
          <Field id="indicator-unit-zh" label={t('designer.indicator.unitZh')}>
            <Input
              id="indicator-unit-zh"
              value={unit.zh}
              onChange={(e) => setUnit(unit.en, e.target.value)}
              onBlur={completeUnit}
            />
          </Field>
        </Col>
        <Col xs={12} md={8}>
          <Field id="indicator-decimals" label={t('designer.indicator.decimals')}>
            <InputNumber
              id="indicator-decimals"
              min={0}
              max={10}
              precision={0}
              value={indicator.decimals}
              onChange={(value) => set('decimals', typeof value === 'number' ? value : 2)}
            />
          </Field>
        </Col>
        <Col xs={24} md={8}>
          <Field id="indicator-owner" label={t('designer.indicator.owner')}>
            <Input
              id="indicator-owner"
              type="email"
              value={indicator.owner ?? ''}
              onChange={(e) => set('owner', e.target.value)}
            />
          </Field>
          <Field id="indicator-owner-name" label={t('designer.indicator.ownerName')}>
            <Input
              id="indicator-owner-name"
              value={indicator.ownerName ?? ''}
              onChange={(e) => set('ownerName', e.target.value)}
            />
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field id="indicator-direction" label={t('designer.indicator.direction')}>
            <Select
              id="indicator-direction"
              value={directionKind}
              options={(['higher', 'lower', 'band'] as const).map((d) => ({
                value: d,
                label: t(DIRECTION_LABELS[d]),
              }))}
              onChange={(value: 'higher' | 'lower' | 'band') =>
                set('direction', value === 'band' ? { band: band ?? [0, 100] } : value)
              }
            />
          </Field>
          <Field id="indicator-scored" label={t('unscoredIndicators.scored')}>
            <Switch
              id="indicator-scored"
              data-testid="indicator-scored"
              checked={indicator.scored !== false}
              title={t('unscoredIndicators.scoredHint')}
              onChange={(checked) => set('scored', checked ? undefined : false)}
            />
          </Field>
          {band === null ? null : (
            <Space wrap>
              <Field id="band-lower" label={t('designer.indicator.bandLower')}>
                <InputNumber
                  id="band-lower"
                  value={band[0]}
                  onChange={(value) =>
                    set('direction', { band: [typeof value === 'number' ? value : 0, band[1]] })
                  }
                />
              </Field>
              <Field id="band-upper" label={t('designer.indicator.bandUpper')}>
                <InputNumber
                  id="band-upper"
                  value={band[1]}
                  onChange={(value) =>
                    set('direction', { band: [band[0], typeof value === 'number' ? value : 0] })
                  }
                />
              </Field>
            </Space>
          )}
        </Col>
        <Col xs={24} md={12}>
          {indicator.kind === 'qualitative' ? (
            <p data-testid="rubric-note">{t('designer.scoring.rubric')}</p>
          ) : (
            <ScoringEditor scoring={indicator.scoring} onChange={(scoring) => set('scoring', scoring)} />
          )}
          <StatusEditor
            idPrefix="indicator"
            status={indicator.status}
            inherited={schemeStatus}
            onChange={(status) => set('status', status)}
          />
        </Col>
      </Row>
      {indicator.kind === 'qualitative' ? null : (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }} data-testid="formula-editor">
          <legend style={{ fontSize: 16, fontWeight: 600 }}>{t('designer.formula.title')}</legend>
          <Field id="formula-mode" label={t('designer.formula.mode')}>
            <Select<FormulaMode>
              id="formula-mode"
              data-testid="formula-mode"
              value={mode}
              options={(['none', 'expression', 'ratio'] as const).map((m) => ({
                value: m,
                label: t(FORMULA_MODE_LABELS[m]),
              }))}
              onChange={setMode}
            />
          </Field>
          {typeof formula === 'string' ? (
            <Field id="formula-expression" label={t('designer.formula.expression')}>
              <FormulaInput
                id="formula-expression"
                testId="formula-input"
                value={formula}
                known={known}
                catalog={catalog}
                onChange={setFormula}
              />
            </Field>
          ) : null}
          {typeof formula === 'object' ? (
            <>
              <Field id="formula-numerator" label={t('designer.formula.numerator')}>
                <FormulaInput
                  id="formula-numerator"
                  testId="formula-numerator"
                  value={formula.numerator}
                  known={known}
                  catalog={catalog}
                  onChange={(value) => setFormula({ ...formula, numerator: value })}
                />
              </Field>
              <Field id="formula-denominator" label={t('designer.formula.denominator')}>
                <FormulaInput
                  id="formula-denominator"
                  testId="formula-denominator"
                  value={formula.denominator}
                  known={known}
                  catalog={catalog}
                  onChange={(value) => setFormula({ ...formula, denominator: value })}
                />
              </Field>
              <Field id="formula-factor" label={t('designer.formula.factor')}>
                <InputNumber
                  id="formula-factor"
                  min={0}
                  value={formula.factor}
                  onChange={(value) =>
                    setFormula({ ...formula, factor: typeof value === 'number' && value > 0 ? value : 1 })
                  }
                />
              </Field>
            </>
          ) : null}
          <Field id="formula-text" label={t('designer.formula.text')}>
            <Input
              id="formula-text"
              value={indicator.formulaText ?? ''}
              onChange={(e) => set('formulaText', e.target.value)}
            />
          </Field>
        </fieldset>
      )}
      <Field id="indicator-description" label={t('designer.fields.description')}>
        <Input.TextArea
          id="indicator-description"
          autoSize={{ minRows: 1, maxRows: 4 }}
          value={indicator.description ?? ''}
          onChange={(e) => set('description', e.target.value)}
        />
      </Field>
    </div>
  );
}
