/**
 * Data status: whether the scores rest on approved data, how many sub-units still have data to submit or
 * approve for the period, and which indicators have no value (with the engine's reason).
 */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../../components/panel.tsx';
import type { EvaluationJson } from '../../../lib/api/evaluations.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { noValueReasonKey } from '../../../lib/no-value-reasons.ts';
import type { DataStatus } from '../data-status.ts';

const APPROVAL_COLORS = {
  none: 'default',
  submitted: 'processing',
  approved: 'success',
  reopened: 'warning',
} as const;
const APPROVAL_KEYS = {
  none: 'overview.approval.none',
  submitted: 'overview.approval.submitted',
  approved: 'overview.approval.approved',
  reopened: 'overview.approval.reopened',
} as const;
/** How many missing indicators the card names. */
const SHOWN = 5;

export function DataStatusCard({
  evaluation,
  status,
}: {
  readonly evaluation: EvaluationJson;
  readonly status: DataStatus;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const total = evaluation.perspectives.reduce((sum, perspective) => sum + perspective.indicators.length, 0);
  return (
    <Panel title={t('overview.dataStatus')} fill>
      <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '8px 12px' }}>
        <dt>{t('overview.approvalLabel')}</dt>
        <dd style={{ margin: 0 }} data-testid="approval-status" data-status={status.approval}>
          <Tag color={APPROVAL_COLORS[status.approval]}>{t(APPROVAL_KEYS[status.approval])}</Tag>
        </dd>
        {status.subUnits === null ? null : (
          <>
            <dt>{t('overview.subUnitsLabel')}</dt>
            <dd style={{ margin: 0 }} data-testid="sub-unit-approvals">
              {t('overview.subUnitCounts', {
                approved: status.subUnits.approved,
                total: status.subUnits.total,
                submitted: status.subUnits.submitted,
                open: status.subUnits.notSubmitted + status.subUnits.reopened,
              })}
            </dd>
          </>
        )}
        <dt>{t('overview.missingLabel')}</dt>
        <dd style={{ margin: 0 }} data-testid="missing-count">
          {t('overview.missingCount', { missing: status.missing.length, total })}
        </dd>
      </dl>
      {status.missing.length === 0 ? null : (
        <ul data-testid="missing-indicators" style={{ margin: '8px 0 0', paddingLeft: 20 }}>
          {status.missing.slice(0, SHOWN).map((indicator) => (
            <li key={indicator.id}>
              {localize(indicator.name, language)}
              {indicator.reason === null ? null : ` — ${t(noValueReasonKey(indicator.reason))}`}
            </li>
          ))}
          {status.missing.length > SHOWN ? (
            <li>{t('overview.missingMore', { count: status.missing.length - SHOWN })}</li>
          ) : null}
        </ul>
      )}
    </Panel>
  );
}
