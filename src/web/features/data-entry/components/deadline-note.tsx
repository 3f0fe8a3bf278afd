/**
 * The entry deadline of the chosen period (issue 17: "a month's entry deadline shown"): the scorecard's due day
 * for the period's type (`GET /api/deadlines`, edited by the performance office), as a date; nothing when the
 * scorecard has no deadline for that type.
 */
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { dueAtOf } from '../../../../core/alerts/deadlines.ts';
import { tryParsePeriod } from '../../../../core/periods/index.ts';
import { useDeadlines } from '../../../lib/api/deadlines.ts';
import { formatDateTime, formatPeriod } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';

export function DeadlineNote({ scorecard, period }: { readonly scorecard: string; readonly period: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const deadlines = useDeadlines(scorecard);
  const type = tryParsePeriod(period)?.type;
  const deadline = deadlines.data?.deadlines.find((d) => d.scorecard === scorecard && d.periodType === type);
  if (deadline === undefined) return null;
  const due = dueAtOf(period, deadline.dueDay);
  const late = Date.now() > due.getTime();
  return (
    <Alert
      data-testid="entry-deadline"
      type={late ? 'warning' : 'info'}
      showIcon
      title={t(late ? 'dataEntry.deadline.past' : 'dataEntry.deadline.due', {
        period: formatPeriod(period, language),
        date: formatDateTime(due.toISOString(), language, 'UTC'),
      })}
    />
  );
}
