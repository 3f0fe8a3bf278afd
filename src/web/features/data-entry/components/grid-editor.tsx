/**
 * The editable grid of one unit × period × scorecard with everything around it: the approval bar, Save (and
 * Ctrl+S), what the last save did, conflicts with someone else's change, the lock of approved data, and the
 * comment dialog. Its state (the edits) belongs to one unit and period: the page gives it a new key when
 * either changes.
 */
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { type KeyboardEvent, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalResource } from '../../../../core/contracts/approvals.ts';
import type { WriteDataValuesResult } from '../../../../core/contracts/data-values.ts';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { useApproval, useApprovalAction, useUnitApprovals } from '../../../lib/api/approvals.ts';
import { useDataQuality } from '../../../lib/api/data-quality.ts';
import { useDataValues, useSaveDataValues } from '../../../lib/api/data-values.ts';
import {
  readApprovalLock,
  readCommentsRequired,
  readOpenViolations,
  readVersionConflict,
} from '../../../lib/api/problem-extensions.ts';
import { formatPeriod } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { columnLocks } from '../column-locks.ts';
import { EditStore, useEdits } from '../edit-store.ts';
import {
  applyConflicts,
  buildBatch,
  type CellConflict,
  commentCell,
  type Edits,
  indexValues,
  keepMine,
  takeStored,
  typeIntoCell,
} from '../grid-edits.ts';
import { cellKey, columnType, type GridSpan, gridValues } from '../grid-model.ts';
import { clipboardBlock, pasteBlock } from '../grid-paste.ts';
import { cellMarks } from '../quality-marks.ts';
import { ApprovalBar } from './approval-bar.tsx';
import { CommentDialog, type CommentTarget } from './comment-dialog.tsx';
import { ConflictList } from './conflict-list.tsx';
import { CopyPreviousButton } from './copy-previous-button.tsx';
import { EntryGrid, type GridRow } from './entry-grid.tsx';

export interface GridEditorProps {
  readonly scorecard: string;
  readonly orgUnit: string;
  readonly span: GridSpan;
  /**
   * The period submitted and approved: the month when a month is chosen (monthly reporting), else the grid's
   * span. A month's approval locks that month only, on the server and on screen (column-locks.ts); it is also
   * the period "copy previous period" fills.
   */
  readonly approvalPeriod: string;
  readonly rows: readonly GridRow[];
  readonly canEnter: boolean;
  readonly canSubmit: boolean;
  readonly canApprove: boolean;
}

export function GridEditor({
  scorecard,
  orgUnit,
  span,
  approvalPeriod,
  rows,
  canEnter,
  canSubmit,
  canApprove,
}: GridEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Built as the menu's prefetch builds it (prefetch.ts): the same query, fetched once.
  const { months, query: valuesParams } = useMemo(
    () => gridValues(orgUnit, span, rows),
    [orgUnit, span, rows],
  );
  const values = useDataValues(valuesParams);
  const approvalKey = useMemo(
    () => ({ scorecard, orgUnit, period: approvalPeriod }),
    [scorecard, orgUnit, approvalPeriod],
  );
  const approval = useApproval(approvalKey);
  // Every approval of the unit: the columns they cover are read-only, the others stay editable.
  const unitApprovals = useUnitApprovals(orgUnit);
  const quality = useDataQuality(approvalKey);
  const marks = useMemo(() => cellMarks(quality.data), [quality.data]);
  const [acknowledge, setAcknowledge] = useState<number | null>(null);
  const [commentNeeded, setCommentNeeded] = useState(false);
  const saveValues = useSaveDataValues();
  const approvalAction = useApprovalAction();

  const stored = useMemo(() => indexValues(values.data ?? []), [values.data]);
  // The edits live in a store the cells read one by one, so typing redraws one cell, not the table.
  const [store] = useState(() => new EditStore());
  const edits = useEdits(store);
  const [pasted, setPasted] = useState<{ cells: number; outside: number } | null>(null);
  const [conflicts, setConflicts] = useState<ReadonlyMap<string, CellConflict>>(new Map());
  const [result, setResult] = useState<WriteDataValuesResult | null>(null);
  const [lock, setLock] = useState<ApprovalResource | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [commentTarget, setCommentTarget] = useState<CommentTarget | null>(null);

  const elements = useMemo(() => new Map(rows.map((row) => [row.code, row])), [rows]);
  const rulesOf = useCallback((code: string) => elements.get(code)?.element, [elements]);
  const locks = useMemo(
    () =>
      columnLocks(
        [...(unitApprovals.data ?? []), ...(approval.data ? [approval.data] : []), ...(lock ? [lock] : [])],
        months,
        scorecard,
      ),
    [unitApprovals.data, approval.data, lock, months, scorecard],
  );
  const readOnly = !canEnter;
  const [selectedRows, setSelectedRows] = useState<readonly string[]>([]);
  const batch = useMemo(() => buildBatch(orgUnit, edits, stored, rulesOf), [orgUnit, edits, stored, rulesOf]);
  const labelOf = useCallback(
    (key: string) => {
      const [code = '', month = ''] = key.split('\u0000');
      const element = elements.get(code)?.element;
      return `${element === undefined ? code : localize(element.name, language)} ${formatPeriod(month, language)}`;
    },
    [elements, language],
  );

  const onType = useCallback(
    (dataElement: string, month: string, text: string) => {
      store.update((previous) => typeIntoCell(previous, stored, { dataElement, month }, text));
      setResult(null);
    },
    [store, stored],
  );
  // The rows' own columns, for spreading a pasted block (grid-paste.ts).
  const pasteRows = useMemo(
    () =>
      rows.map((row) => ({
        dataElement: row.code,
        columns: months.filter((month) => columnType(month) === (row.element?.periodType ?? 'month')),
      })),
    [rows, months],
  );
  const onPasteBlock = useCallback(
    (dataElement: string, month: string, text: string) => {
      const { cells, outside } = pasteBlock(pasteRows, dataElement, month, clipboardBlock(text));
      store.update((previous) =>
        cells.reduce<Edits>((edits, cell) => typeIntoCell(edits, stored, cell, cell.text), previous),
      );
      setPasted({ cells: cells.length, outside });
      setResult(null);
    },
    [store, stored, pasteRows],
  );
  // Read through a ref so that the callback, and with it every cell, keeps its identity while the user types.
  const editsRef = useRef(edits);
  editsRef.current = edits;
  const onComment = useCallback(
    (dataElement: string, month: string) => {
      const key = cellKey(dataElement, month);
      const edit = editsRef.current.get(key);
      const value = stored.get(key);
      setCommentTarget({
        dataElement,
        month,
        label: labelOf(key),
        comment: (edit?.comment === undefined ? value?.comment : edit.comment) ?? '',
        updatedBy: value?.updatedBy ?? null,
        updatedAt: value?.updatedAt ?? null,
      });
    },
    [stored, labelOf],
  );

  async function save() {
    if (readOnly || batch.values.length === 0 || saveValues.isPending) return;
    setFailure(null);
    setResult(null);
    setCommentNeeded(false);
    try {
      // The mutation has read the grid's values again before it resolves (it invalidates them): no second read.
      const written = await saveValues.mutateAsync({ values: batch.values });
      store.update((previous) => {
        const next = new Map(previous);
        for (const key of batch.keys) next.delete(key);
        return next;
      });
      setConflicts(new Map());
      setResult(written);
    } catch (error) {
      const current = readVersionConflict(error);
      const locked = readApprovalLock(error);
      const uncommented = readCommentsRequired(error);
      if (current !== null) setConflicts(applyConflicts(batch, current));
      else if (locked !== null) {
        setLock(locked);
        void unitApprovals.refetch();
      } else if (uncommented !== null && uncommented.length > 0) {
        // A value breaks a rule: ask for the comment of the first one it names, right away.
        const [code = '', month = ''] = (batch.keys[uncommented[0] ?? 0] ?? '').split('\u0000');
        setCommentNeeded(true);
        setFailure(error);
        onComment(code, month);
      } else setFailure(error);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save();
    }
  }

  function approvalStep(action: 'submit' | 'approve' | 'acknowledge' | { reason: string }) {
    setFailure(null);
    setAcknowledge(null);
    approvalAction.mutate(
      action === 'acknowledge'
        ? { action: 'approve', key: approvalKey, acknowledgeViolations: true }
        : typeof action === 'string'
          ? { action, key: approvalKey }
          : { action: 'reopen', key: approvalKey, reason: action.reason },
      {
        onSuccess: () => setLock(null),
        onError: (error) => {
          const open = readOpenViolations(error);
          // Open violations: ask for the acknowledgement, which the server audits with the approval.
          if (action === 'approve' && open !== null) setAcknowledge(open.length);
          else setFailure(error);
        },
      },
    );
  }

  const conflictItems = [...conflicts.entries()].map(([key, conflict]) => ({
    key,
    label: labelOf(key),
    conflict,
  }));

  return (
    // The wrapper only listens for Ctrl+S bubbling up from the cells; it is not itself interactive.
    // biome-ignore lint/a11y/noStaticElementInteractions: a keyboard shortcut for the inputs inside
    <div onKeyDown={onKeyDown}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <LoadingPanel
          isLoading={approval.isPending}
          error={approval.error}
          onRetry={() => void approval.refetch()}
          minHeight={40}
        >
          <ApprovalBar
            approval={lock ?? approval.data ?? null}
            period={approvalPeriod}
            canSubmit={canSubmit}
            canApprove={canApprove}
            busy={approvalAction.isPending}
            hasUnsaved={batch.values.length > 0}
            onSubmit={() => approvalStep('submit')}
            onApprove={() => approvalStep('approve')}
            onReopen={(reason) => approvalStep({ reason })}
          />
        </LoadingPanel>
        {!canEnter ? (
          <Alert type="info" showIcon data-testid="no-entry-notice" title={t('dataEntry.readOnlyRole')} />
        ) : null}
        {lock === null ? null : (
          <Alert
            type="error"
            showIcon
            data-testid="lock-error"
            title={t('dataEntry.lockedSave.title')}
            description={t('dataEntry.lockedSave.text', {
              unit: lock.orgUnit,
              period: formatPeriod(lock.period, language),
              user: lock.decidedBy ?? '—',
            })}
          />
        )}
        {commentNeeded ? (
          <Alert
            type="warning"
            showIcon
            data-testid="comment-needed"
            title={t('dataEntry.quality.commentNeeded')}
          />
        ) : null}
        <ProblemAlert error={failure} testId="save-error" />
        <ConflictList
          items={conflictItems}
          onKeepMine={(key) => {
            const conflict = conflicts.get(key);
            if (conflict !== undefined) store.update((previous) => keepMine(previous, key, conflict));
            setConflicts((previous) => new Map([...previous].filter(([k]) => k !== key)));
          }}
          onTakeStored={(key) => {
            store.update((previous) => takeStored(previous, key));
            setConflicts((previous) => new Map([...previous].filter(([k]) => k !== key)));
            void values.refetch();
          }}
        />
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
          <Button
            type="primary"
            data-testid="save"
            disabled={readOnly || batch.values.length === 0}
            loading={saveValues.isPending}
            onClick={() => void save()}
          >
            {t('dataEntry.save', { count: batch.values.length })}
          </Button>
          <Typography.Text type="secondary">{t('dataEntry.saveHint')}</Typography.Text>
          {canEnter ? (
            <CopyPreviousButton
              orgUnit={orgUnit}
              period={approvalPeriod}
              rows={pasteRows}
              selected={selectedRows}
              stored={stored}
              store={store}
              locks={locks}
              disabled={values.isPending}
              onCopied={() => {
                setResult(null);
                setPasted(null);
              }}
            />
          ) : null}
          {batch.invalid.length > 0 ? (
            <Typography.Text type="danger" data-testid="invalid-count" role="status">
              {t('dataEntry.invalidCount', { count: batch.invalid.length })}
            </Typography.Text>
          ) : null}
          {pasted === null ? null : (
            <Typography.Text type="secondary" data-testid="paste-result" role="status">
              {t('dataEntry.pasted', { count: pasted.cells })}
              {pasted.outside > 0 ? ` ${t('dataEntry.pastedOutside', { count: pasted.outside })}` : ''}
            </Typography.Text>
          )}
          {result === null ? null : (
            <Typography.Text type="success" data-testid="save-result" role="status">
              {t('dataEntry.saved', {
                created: result.created,
                updated: result.updated,
                deleted: result.deleted,
              })}
            </Typography.Text>
          )}
        </div>
        <LoadingPanel isLoading={values.isPending} error={values.error} onRetry={() => void values.refetch()}>
          <EntryGrid
            rows={rows}
            months={months}
            stored={stored}
            store={store}
            conflicts={conflicts}
            marks={marks}
            locks={locks}
            readOnly={readOnly}
            selected={canEnter ? selectedRows : undefined}
            onSelect={setSelectedRows}
            onType={onType}
            onComment={onComment}
            onPasteBlock={onPasteBlock}
          />
        </LoadingPanel>
      </Space>
      <Modal
        open={acknowledge !== null}
        title={t('dataEntry.quality.ackTitle')}
        okText={t('dataEntry.quality.ackOk')}
        cancelText={t('dataEntry.quality.ackCancel')}
        okButtonProps={{ danger: true, 'data-testid': 'acknowledge-approve' }}
        onOk={() => approvalStep('acknowledge')}
        onCancel={() => setAcknowledge(null)}
        data-testid="acknowledge-dialog"
      >
        <Typography.Paragraph data-testid="acknowledge-text">
          {t('dataEntry.quality.ackText', { count: acknowledge ?? 0 })}
        </Typography.Paragraph>
      </Modal>
      <CommentDialog
        target={commentTarget}
        readOnly={readOnly}
        onClose={() => setCommentTarget(null)}
        onSave={(target, comment) => {
          store.update((previous) => commentCell(previous, stored, target, comment));
          setResult(null);
        }}
      />
    </div>
  );
}
