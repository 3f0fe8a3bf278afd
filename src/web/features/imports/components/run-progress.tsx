/** The bar of an upload in flight or finished, with the phase it is in, announced politely. */
import { Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '../../../../core/contracts/import.ts';
import { formatPercent } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { PHASE_LABELS } from '../labels.ts';

export function RunProgress({
  percent,
  phase,
  status,
  testId,
  label,
}: {
  readonly percent: number;
  readonly phase: ImportProgress['phase'] | null;
  readonly status: 'active' | 'success' | 'exception';
  readonly testId: string;
  readonly label: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div data-testid={testId} data-percent={percent} aria-live="polite">
      <Progress
        percent={percent}
        status={status}
        aria-label={label}
        format={(value) => formatPercent((value ?? 0) / 100, language, 0)}
      />
      {status === 'active' && phase !== null && (
        <span data-testid={`${testId}-phase`}>{t(PHASE_LABELS[phase])}</span>
      )}
    </div>
  );
}
