/**
 * The cells whose save conflicted with someone else's change: what the user typed next to what is stored now,
 * who stored it and when, and the two ways out (keep mine: the next Save overwrites; take the stored value).
 */
import { Alert, Button, List, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, NO_VALUE } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { cellText } from '../cell-validation.ts';
import type { CellConflict } from '../grid-edits.ts';

export interface ConflictItem {
  readonly key: string;
  readonly label: string;
  readonly conflict: CellConflict;
}

export function ConflictList({
  items,
  onKeepMine,
  onTakeStored,
}: {
  readonly items: readonly ConflictItem[];
  readonly onKeepMine: (key: string) => void;
  readonly onTakeStored: (key: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (items.length === 0) return null;
  const shown = (value: number | null) => (value === null ? NO_VALUE : cellText(value));
  return (
    <Alert
      type="error"
      showIcon
      data-testid="conflicts"
      title={t('dataEntry.conflict.title', { count: items.length })}
      description={
        <List
          size="small"
          dataSource={[...items]}
          renderItem={({ key, label, conflict }) => (
            <List.Item
              data-testid="conflict"
              data-cell-label={label}
              actions={[
                <Button key="mine" size="small" type="primary" onClick={() => onKeepMine(key)}>
                  {t('dataEntry.conflict.keepMine')}
                </Button>,
                <Button key="stored" size="small" onClick={() => onTakeStored(key)}>
                  {t('dataEntry.conflict.takeStored')}
                </Button>,
              ]}
            >
              <Space orientation="vertical" size={0}>
                <strong>{label}</strong>
                <span data-testid="conflict-mine">
                  {t('dataEntry.conflict.mine', { value: shown(conflict.mine) })}
                </span>
                <span data-testid="conflict-stored">
                  {t('dataEntry.conflict.stored', {
                    value: shown(conflict.stored.value),
                    user: conflict.stored.updatedBy ?? NO_VALUE,
                    time:
                      conflict.stored.updatedAt === null
                        ? NO_VALUE
                        : formatDateTime(conflict.stored.updatedAt, language),
                  })}
                </span>
              </Space>
            </List.Item>
          )}
        />
      }
    />
  );
}
