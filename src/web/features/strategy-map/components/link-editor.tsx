/** The link dialog: its check against the data (r by lag, the interval), and in the designer its note or deletion. */
import { Button, Descriptions, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StrategyMapJson } from '../../../lib/api/strategy-map.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { checkLabel, supportWords } from '../map-words.ts';

type Link = StrategyMapJson['links'][number];

export interface LinkEditorProps {
  readonly map: StrategyMapJson;
  readonly link: Link;
  readonly names: (id: string) => string;
  readonly editable: boolean;
  readonly saving: boolean;
  readonly onSave: (note: string) => void;
  readonly onDelete: () => void;
  readonly onClose: () => void;
}

export function LinkEditor({
  map,
  link,
  names,
  editable,
  saving,
  onSave,
  onDelete,
  onClose,
}: LinkEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [note, setNote] = useState(link.note ?? '');
  const ci = link.check.ci;
  return (
    <Modal
      open
      title={`${t('strategyMap.link.edit')}: ${names(link.from)} → ${names(link.to)}`}
      onCancel={onClose}
      footer={
        <Space>
          {editable ? (
            <Button danger loading={saving} data-testid="delete-link" onClick={onDelete}>
              {t('strategyMap.link.delete')}
            </Button>
          ) : null}
          <Button onClick={onClose}>{t('strategyMap.cancel')}</Button>
          {editable ? (
            <Button type="primary" loading={saving} data-testid="save-link" onClick={() => onSave(note)}>
              {t('strategyMap.save')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('strategyMap.link.check')}>
          {checkLabel(t, language, link)} · {supportWords(t, map, link)}
        </Descriptions.Item>
        <Descriptions.Item label={t('strategyMap.link.interval')}>
          {ci === null ? '—' : `${formatNumber(ci[0], language, 2)} – ${formatNumber(ci[1], language, 2)}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('strategyMap.link.lags')}>
          <Typography.Text type="secondary">
            {link.check.lags
              .map((l) => `${l.lag}: ${l.r === null ? '—' : formatNumber(l.r, language, 2)}`)
              .join(' · ')}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text>{t('strategyMap.link.note')}</Typography.Text>
      <Input.TextArea
        data-testid="link-note"
        autoSize
        value={note}
        disabled={!editable}
        onChange={(event) => setNote(event.target.value)}
      />
    </Modal>
  );
}
