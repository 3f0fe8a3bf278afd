/**
 * An indicator's traffic-light status as a coloured dot and a word (colour is never the only signal). Given the
 * engine's reason, "no data" says what is missing ("No target" beside an actual value, issue 17).
 */
import { useTranslation } from 'react-i18next';
import { noDataKey } from '../lib/missing-data.ts';
import { type IndicatorStatus, STATUS_COLORS } from '../lib/status.ts';

const LABEL_KEYS = {
  met: 'status.met',
  watch: 'status.watch',
  'off-track': 'status.offTrack',
  'no-data': 'status.noData',
} as const satisfies Record<IndicatorStatus, string>;

export function StatusTag({
  status,
  reason,
}: {
  readonly status: IndicatorStatus;
  /** Why an indicator has no value (`missing-target`, …), when the status is "no data". */
  readonly reason?: string | undefined;
}) {
  const { t } = useTranslation();
  const missing = noDataKey({ status, reason });
  return (
    <span
      data-status={status}
      data-reason={missing === null ? undefined : reason}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }}
    >
      <span
        aria-hidden
        style={{ width: 8, height: 8, borderRadius: '50%', background: STATUS_COLORS[status], flex: 'none' }}
      />
      {missing === null ? t(LABEL_KEYS[status]) : t(missing)}
    </span>
  );
}
