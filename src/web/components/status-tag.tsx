/** An indicator's traffic-light status as a coloured dot and a word (colour is never the only signal). */
import { useTranslation } from 'react-i18next';
import { type IndicatorStatus, STATUS_COLORS } from '../lib/status.ts';

const LABEL_KEYS = {
  met: 'status.met',
  watch: 'status.watch',
  'off-track': 'status.offTrack',
  'no-data': 'status.noData',
} as const satisfies Record<IndicatorStatus, string>;

export function StatusTag({ status }: { readonly status: IndicatorStatus }) {
  const { t } = useTranslation();
  return (
    <span
      data-status={status}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }}
    >
      <span
        aria-hidden
        style={{ width: 8, height: 8, borderRadius: '50%', background: STATUS_COLORS[status], flex: 'none' }}
      />
      {t(LABEL_KEYS[status])}
    </span>
  );
}
