/**
 * The title a printed page carries instead of the header and menu (hidden in print, global.css): the app, the
 * scorecard, the unit and the period chosen, and when it was printed. Whether the scores are published shows in
 * the page's own publication bar, which prints with it.
 */
import { useTranslation } from 'react-i18next';
import { useOrgUnits } from '../../lib/api/org-units.ts';
import { useScorecards } from '../../lib/api/scorecards.ts';
import { formatDateTime, formatPeriod } from '../../lib/format.ts';
import { localize } from '../../lib/i18n/languages.ts';
import { useLanguage } from '../../lib/i18n/use-language.ts';
import { useSelection } from '../../lib/use-selection.ts';

export function PrintTitle() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { selection } = useSelection();
  const units = useOrgUnits();
  const scorecards = useScorecards();
  const unit = units.data?.find((u) => u.code === selection.orgUnit);
  const scorecard = scorecards.data?.find((s) => s.code === selection.scorecard);
  const parts = [
    scorecard === undefined ? selection.scorecard : localize(scorecard.name, language),
    unit === undefined ? selection.orgUnit : localize(unit.name, language),
    selection.period === undefined ? undefined : formatPeriod(selection.period, language),
  ].filter((part): part is string => part !== undefined && part !== '');
  return (
    <div className="print-only" data-testid="print-title">
      <div style={{ fontSize: 16, fontWeight: 700 }}>
        {t('app.name')}
        {parts.length > 0 ? ` · ${parts.join(' · ')}` : ''}
      </div>
      <div style={{ fontSize: 11 }}>
        {t('printExport.printedAt', { at: formatDateTime(new Date().toISOString(), language) })}
      </div>
    </div>
  );
}
