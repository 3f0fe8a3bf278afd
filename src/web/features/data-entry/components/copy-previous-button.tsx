/**
 * "Copy previous period": fills the empty cells of the chosen period (of the selected rows, or of every row when
 * none is selected) with the values stored for the period before, read fresh from the server. The copies are
 * edits like typed ones: marked, checked, and sent only by Save. Locked columns are left alone.
 */
import { CopyOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalResource } from '../../../../core/contracts/approvals.ts';
import { useFetchDataValues } from '../../../lib/api/data-values.ts';
import { formatPeriod } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { copyPlan, fillFromPrevious, sourcePeriod } from '../copy-previous.ts';
import type { EditStore } from '../edit-store.ts';
import { indexValues, type StoredValues } from '../grid-edits.ts';
import type { PasteRow } from '../grid-paste.ts';

export interface CopyPreviousButtonProps {
  readonly orgUnit: string;
  /** The period whose cells are filled (the chosen month, else the grid's span). */
  readonly period: string;
  readonly rows: readonly PasteRow[];
  /** Codes of the selected rows; empty: every row. */
  readonly selected: readonly string[];
  readonly stored: StoredValues;
  readonly store: EditStore;
  readonly locks: ReadonlyMap<string, ApprovalResource>;
  readonly disabled: boolean;
  /** Called after a copy (the page clears what the last save or paste said). */
  readonly onCopied: () => void;
}

export function CopyPreviousButton({
  orgUnit,
  period,
  rows,
  selected,
  stored,
  store,
  locks,
  disabled,
  onCopied,
}: CopyPreviousButtonProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const fetchValues = useFetchDataValues();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ copied: number; kept: number } | null>(null);
  const [failed, setFailed] = useState(false);
  const source = sourcePeriod(period);
  if (source === null) return null;
  const chosen = selected.length === 0 ? rows : rows.filter((row) => selected.includes(row.dataElement));
  const words = { from: formatPeriod(source, language), to: formatPeriod(period, language) };

  async function copy() {
    if (source === null) return;
    setBusy(true);
    setFailed(false);
    try {
      const plan = copyPlan(chosen, period).filter((cell) => !locks.has(cell.month));
      const previous = await fetchValues({
        orgUnit,
        from: source,
        to: source,
        dataElements: chosen.map((row) => row.dataElement),
      });
      let result = { copied: 0, kept: 0 };
      store.update((edits) => {
        const filled = fillFromPrevious(edits, stored, plan, indexValues(previous));
        result = { copied: filled.copied, kept: filled.kept };
        return filled.edits;
      });
      setOutcome(result);
      onCopied();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button
        icon={<CopyOutlined />}
        data-testid="copy-previous"
        disabled={disabled || chosen.length === 0}
        loading={busy}
        onClick={() => void copy()}
      >
        {selected.length === 0
          ? t('dataEntry.copy.all', words)
          : t('dataEntry.copy.selected', { ...words, count: selected.length })}
      </Button>
      {outcome === null ? null : (
        <Typography.Text type="secondary" data-testid="copy-result" role="status">
          {t('dataEntry.copy.result', { count: outcome.copied, from: words.from })}
          {outcome.kept > 0 ? ` ${t('dataEntry.copy.kept', { count: outcome.kept })}` : ''}
        </Typography.Text>
      )}
      {failed ? (
        <Typography.Text type="danger" data-testid="copy-failed" role="alert">
          {t('dataEntry.copy.failed')}
        </Typography.Text>
      ) : null}
    </>
  );
}
