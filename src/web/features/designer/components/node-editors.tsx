/**
 * The edit panels of the tree's other nodes: the scorecard itself (names, description, default scoring,
 * missing-data policy, rating bands), a perspective (id, kind, names) and an objective (id, names, and its owner:
 * a user picked from the directory, named by e-mail as the format does, and/or free text).
 */
import { Button, Col, Input, InputNumber, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PerspectiveFile, ScorecardFile } from '../../../../core/scorecard/scorecard-schema.ts';
import { DEFAULT_STATUS_THRESHOLDS } from '../../../../core/scoring/status.ts';
import { OwnerEmailPicker } from '../../../components/user-picker.tsx';
import type { ObjectiveFile } from '../model/scorecard-edits.ts';
import { Field } from './field.tsx';
import { MISSING_DATA_LABELS, PERSPECTIVE_KIND_LABELS } from './labels.ts';
import { ScoringEditor } from './scoring-editor.tsx';
import { StatusEditor } from './status-editor.tsx';

type LocalizedText = { en: string; zh?: string };

function NameFields({
  idPrefix,
  name,
  onChange,
}: {
  idPrefix: string;
  name: LocalizedText;
  onChange: (name: LocalizedText) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Col xs={24} md={8}>
        <Field id={`${idPrefix}-name-en`} label={t('designer.fields.nameEn')}>
          <Input
            id={`${idPrefix}-name-en`}
            data-testid={`${idPrefix}-name-en`}
            value={name.en}
            onChange={(e) => onChange({ ...name, en: e.target.value })}
          />
        </Field>
      </Col>
      <Col xs={24} md={8}>
        <Field id={`${idPrefix}-name-zh`} label={t('designer.fields.nameZh')}>
          <Input
            id={`${idPrefix}-name-zh`}
            value={name.zh ?? ''}
            onChange={(e) => {
              const { zh: _zh, ...rest } = name;
              onChange(e.target.value === '' ? rest : { ...rest, zh: e.target.value });
            }}
          />
        </Field>
      </Col>
    </>
  );
}

const KINDS = ['financial', 'customer', 'internal', 'learning', 'social'] as const;
type PerspectiveFields = Pick<PerspectiveFile, 'id' | 'name' | 'kind'>;

export function PerspectiveEditor({
  perspective,
  onChange,
}: {
  perspective: PerspectiveFile;
  onChange: (fields: PerspectiveFields) => void;
}) {
  const { t } = useTranslation();
  const fields: PerspectiveFields = { id: perspective.id, name: perspective.name, kind: perspective.kind };
  return (
    <Row gutter={12} data-testid="perspective-editor">
      <Col xs={24} md={8}>
        <Field id="perspective-id" label={t('designer.perspective.id')}>
          <Input
            id="perspective-id"
            value={perspective.id}
            onChange={(e) => onChange({ ...fields, id: e.target.value })}
          />
        </Field>
      </Col>
      <NameFields
        idPrefix="perspective"
        name={perspective.name}
        onChange={(name) => onChange({ ...fields, name })}
      />
      <Col xs={24} md={8}>
        <Field id="perspective-kind" label={t('designer.perspective.kind')}>
          <Select
            id="perspective-kind"
            allowClear
            value={perspective.kind ?? null}
            options={KINDS.map((k) => ({ value: k, label: t(PERSPECTIVE_KIND_LABELS[k]) }))}
            onChange={(kind: PerspectiveFile['kind'] | null) =>
              onChange({ ...fields, kind: kind ?? undefined })
            }
          />
        </Field>
      </Col>
    </Row>
  );
}

export function ObjectiveEditor({
  objective,
  onChange,
}: {
  objective: ObjectiveFile;
  onChange: (objective: ObjectiveFile) => void;
}) {
  const { t } = useTranslation();
  return (
    <Row gutter={12} data-testid="objective-editor">
      <Col xs={24} md={8}>
        <Field id="objective-id" label={t('designer.objective.id')}>
          <Input
            id="objective-id"
            value={objective.id}
            onChange={(e) => onChange({ ...objective, id: e.target.value })}
          />
        </Field>
      </Col>
      <NameFields
        idPrefix="objective"
        name={objective.name}
        onChange={(name) => onChange({ ...objective, name })}
      />
      <Col xs={24} md={12}>
        <Field id="objective-owner" label={t('designer.objective.owner')}>
          <OwnerEmailPicker
            id="objective-owner"
            testId="objective-owner"
            style={{ width: '100%' }}
            value={objective.owner ?? null}
            onChange={(owner) => {
              const { owner: _owner, ...rest } = objective;
              onChange(owner === undefined ? rest : { ...rest, owner });
            }}
          />
        </Field>
      </Col>
      <Col xs={24} md={12}>
        <Field id="objective-owner-name" label={t('designer.objective.ownerName')}>
          <Input
            id="objective-owner-name"
            value={objective.ownerName ?? ''}
            onChange={(e) => {
              const { ownerName: _name, ...rest } = objective;
              onChange(e.target.value === '' ? rest : { ...rest, ownerName: e.target.value });
            }}
          />
        </Field>
      </Col>
    </Row>
  );
}

type Band = NonNullable<ScorecardFile['scoring']['ratingBands']>[number];

export function ScorecardSettingsEditor({
  file,
  onChange,
}: {
  file: ScorecardFile;
  onChange: (file: ScorecardFile) => void;
}) {
  const { t } = useTranslation();
  const bands = file.scoring.ratingBands;
  const setBands = (next: Band[] | undefined) => {
    const { ratingBands: _bands, ...scoring } = file.scoring;
    onChange({ ...file, scoring: next === undefined ? scoring : { ...scoring, ratingBands: next } });
  };
  return (
    <div data-testid="scorecard-settings">
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Field id="scorecard-code" label={t('designer.fields.code')}>
            <Input id="scorecard-code" value={file.code} disabled />
          </Field>
        </Col>
        <NameFields idPrefix="scorecard" name={file.name} onChange={(name) => onChange({ ...file, name })} />
      </Row>
      <Field id="scorecard-description" label={t('designer.fields.description')}>
        <Input.TextArea
          id="scorecard-description"
          autoSize={{ minRows: 1, maxRows: 4 }}
          value={file.description ?? ''}
          onChange={(e) => {
            const { description: _d, ...rest } = file;
            onChange(e.target.value === '' ? rest : { ...rest, description: e.target.value });
          }}
        />
      </Field>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <h4>{t('designer.scoring.default')}</h4>
          <ScoringEditor
            scoring={file.scoring.method}
            onChange={(method) =>
              onChange({
                ...file,
                scoring: { ...file.scoring, method: method ?? { method: 'ratio', cap: 1 } },
              })
            }
          />
        </Col>
        <Col xs={24} md={12}>
          <Field id="scorecard-missing" label={t('designer.scoring.missingData')}>
            <Select
              id="scorecard-missing"
              value={file.scoring.missingData}
              options={(['renormalize', 'zero'] as const).map((m) => ({
                value: m,
                label: t(MISSING_DATA_LABELS[m]),
              }))}
              onChange={(missingData: 'renormalize' | 'zero') =>
                onChange({ ...file, scoring: { ...file.scoring, missingData } })
              }
            />
          </Field>
          <Field
            id="scorecard-minimum-coverage"
            label={t('designer.scoring.minimumCoverage')}
            help={t('designer.scoring.minimumCoverageHelp')}
          >
            <InputNumber
              id="scorecard-minimum-coverage"
              data-testid="scorecard-minimum-coverage"
              min={0}
              max={100}
              step={5}
              suffix="%"
              placeholder="0"
              value={
                file.scoring.minimumCoverage === undefined
                  ? null
                  : Math.round(file.scoring.minimumCoverage * 1000) / 10
              }
              onChange={(value) => {
                const { minimumCoverage: _m, ...scoring } = file.scoring;
                onChange({
                  ...file,
                  scoring:
                    typeof value === 'number' && value > 0
                      ? { ...scoring, minimumCoverage: Math.min(value, 100) / 100 }
                      : scoring,
                });
              }}
            />
          </Field>
          <StatusEditor
            idPrefix="scorecard"
            status={file.scoring.status}
            inherited={DEFAULT_STATUS_THRESHOLDS}
            onChange={(status) => {
              const { status: _s, ...scoring } = file.scoring;
              onChange({ ...file, scoring: status === undefined ? scoring : { ...scoring, status } });
            }}
          />
        </Col>
      </Row>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }} data-testid="rating-bands">
        <legend style={{ fontSize: 16, fontWeight: 600 }}>{t('designer.bands.title')}</legend>
        {bands === undefined ? <p>{t('designer.bands.seed')}</p> : null}
        {(bands ?? []).map((band, index) => {
          const update = (patch: Partial<Band>) =>
            setBands((bands ?? []).map((b, i) => (i === index ? { ...b, ...patch } : b)));
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a band's code may be edited; its place is its identity
            <Space key={index} wrap align="end" style={{ marginBottom: 4 }}>
              <Input
                aria-label={t('designer.bands.code', { n: index + 1 })}
                value={band.code}
                onChange={(e) => update({ code: e.target.value })}
              />
              <InputNumber
                aria-label={t('designer.bands.min', { n: index + 1 })}
                value={band.min}
                onChange={(value) => update({ min: typeof value === 'number' ? value : 0 })}
              />
              <Input
                aria-label={t('designer.bands.labelEn', { n: index + 1 })}
                value={band.label.en}
                onChange={(e) => update({ label: { ...band.label, en: e.target.value } })}
              />
              <Input
                aria-label={t('designer.bands.labelZh', { n: index + 1 })}
                value={band.label.zh ?? ''}
                onChange={(e) => update({ label: { ...band.label, zh: e.target.value } })}
              />
              <Button size="small" onClick={() => setBands((bands ?? []).filter((_, i) => i !== index))}>
                {t('designer.actions.remove')}
              </Button>
            </Space>
          );
        })}
        <Space>
          <Button
            size="small"
            onClick={() =>
              setBands([
                ...(bands ?? []),
                { code: `band_${(bands?.length ?? 0) + 1}`, min: 0, label: { en: 'Band' } },
              ])
            }
          >
            {t('designer.bands.add')}
          </Button>
          {bands === undefined ? null : (
            <Button size="small" onClick={() => setBands(undefined)}>
              {t('designer.bands.useSeed')}
            </Button>
          )}
        </Space>
      </fieldset>
    </div>
  );
}
