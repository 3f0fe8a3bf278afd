/**
 * Step 1: what the file holds (the kind, with what it is for and its columns), the scorecard when the kind
 * names one (and the data-entry template to download), the text encoding, and the file itself.
 */
import { Alert, Button, Form, Select, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportEncoding, ImportKind } from '../../../../core/contracts/import.ts';
import { templateUrl } from '../../../lib/api/imports.ts';
import { useScorecards } from '../../../lib/api/scorecards.ts';
import { formatNumber } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import {
  acceptedExtensions,
  IMPORT_ENCODINGS,
  IMPORT_KINDS,
  type ImportSettings,
  isAcceptedFile,
  kindColumns,
  needsDefinition,
  offersTemplate,
  scorecardNeed,
} from '../import-kinds.ts';
import { ENCODING_LABELS, KIND_HELP, KIND_LABELS } from '../labels.ts';

export interface ChooseFileStepProps {
  readonly settings: ImportSettings;
  readonly onSettings: (settings: ImportSettings) => void;
  readonly file: File | null;
  readonly onFile: (file: File | null) => void;
  readonly wrongFile: string | null;
  readonly onWrongFile: (name: string | null) => void;
}

export function ChooseFileStep({
  settings,
  onSettings,
  file,
  onFile,
  wrongFile,
  onWrongFile,
}: ChooseFileStepProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const scorecards = useScorecards();
  const need = scorecardNeed(settings.kind);
  const template = offersTemplate(settings.kind);
  const extensions = acceptedExtensions(settings.kind);
  const types = extensions.join(' ');

  return (
    <Form layout="vertical" component="div" style={{ maxWidth: 760 }}>
      <Form.Item label={t('imports.kind.label')} htmlFor="import-kind">
        <Select<ImportKind>
          id="import-kind"
          data-testid="import-kind"
          value={settings.kind}
          onChange={(kind) => onSettings({ ...settings, kind })}
          options={IMPORT_KINDS.map((kind) => ({ value: kind, label: t(KIND_LABELS[kind]) }))}
        />
      </Form.Item>
      <Alert
        type="info"
        data-testid="import-kind-help"
        style={{ marginBottom: 16 }}
        title={t(KIND_HELP[settings.kind])}
        description={
          <Space orientation="vertical" size={4}>
            <span>
              {t('imports.kind.columns')} <Typography.Text code>{kindColumns(settings.kind)}</Typography.Text>
            </span>
          </Space>
        }
      />
      {(need !== 'none' || template) && (
        <Form.Item
          label={t('imports.scorecard.label')}
          htmlFor="import-scorecard"
          required={need === 'required'}
          extra={template ? t('imports.scorecard.forTemplate') : undefined}
        >
          <Select<string>
            id="import-scorecard"
            data-testid="import-scorecard"
            allowClear={need !== 'required'}
            loading={scorecards.isPending}
            placeholder={t('imports.scorecard.placeholder')}
            value={settings.scorecard ?? undefined}
            onChange={(scorecard) => onSettings({ ...settings, scorecard: scorecard ?? null })}
            options={(scorecards.data ?? []).map((scorecard) => ({
              value: scorecard.code,
              label: localize(scorecard.name, language),
            }))}
          />
        </Form.Item>
      )}
      {template && settings.scorecard !== null && (
        <p data-testid="import-template">
          {t('imports.template.text')}{' '}
          <a href={templateUrl(settings.scorecard, 'xlsx')} download data-testid="import-template-xlsx">
            {t('imports.template.xlsx')}
          </a>
          {' · '}
          <a href={templateUrl(settings.scorecard, 'csv')} download data-testid="import-template-csv">
            {t('imports.template.csv')}
          </a>
        </p>
      )}
      <Form.Item
        label={t('imports.encoding.label')}
        htmlFor="import-encoding"
        extra={t('imports.encoding.help')}
      >
        <Select<ImportEncoding>
          id="import-encoding"
          data-testid="import-encoding"
          value={settings.encoding}
          onChange={(encoding) => onSettings({ ...settings, encoding })}
          options={IMPORT_ENCODINGS.map((encoding) => ({
            value: encoding,
            label: t(ENCODING_LABELS[encoding]),
          }))}
        />
      </Form.Item>
      {needsDefinition(settings.kind) && (
        <Form.Item label={t('imports.definition.label')} required>
          <Upload
            data-testid="import-definition"
            accept=".yaml,.yml,.json"
            multiple={false}
            showUploadList={false}
            beforeUpload={(chosen) => {
              void chosen
                .text()
                .then((text) => onSettings({ ...settings, definition: { name: chosen.name, text } }));
              return false;
            }}
          >
            <Button>{t('imports.definition.drop')}</Button>
          </Upload>
          {settings.definition === undefined ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('imports.definition.missing')}
            </Typography.Paragraph>
          ) : (
            <Typography.Paragraph data-testid="import-definition-chosen" style={{ marginTop: 8 }}>
              {t('imports.definition.chosen', { name: settings.definition.name })}
            </Typography.Paragraph>
          )}
        </Form.Item>
      )}
      <Form.Item label={t('imports.file.label')} required>
        <Upload.Dragger
          data-testid="import-file"
          accept={extensions.join(',')}
          multiple={false}
          showUploadList={false}
          beforeUpload={(chosen) => {
            if (isAcceptedFile(chosen.name, settings.kind)) {
              onFile(chosen);
              onWrongFile(null);
            } else {
              onWrongFile(chosen.name);
            }
            // Keep the file here: it is sent when the user asks for the check, not on choosing.
            return false;
          }}
        >
          <p className="ant-upload-text">{t('imports.file.drop')}</p>
          <p className="ant-upload-hint">{t('imports.file.hint', { types })}</p>
        </Upload.Dragger>
      </Form.Item>
      {wrongFile !== null && (
        <Alert
          type="warning"
          showIcon
          data-testid="import-wrong-file"
          style={{ marginBottom: 16 }}
          title={t('imports.file.wrongType', { name: wrongFile, types })}
        />
      )}
      {file !== null && (
        <p data-testid="import-chosen-file" aria-live="polite">
          {t('imports.file.chosen', {
            name: file.name,
            size: formatNumber(Math.max(1, Math.ceil(file.size / 1024)), language),
          })}{' '}
          <Button size="small" type="link" onClick={() => onFile(null)}>
            {t('imports.file.remove')}
          </Button>
        </p>
      )}
    </Form>
  );
}
