/**
 * A page's heading: its title, then what it shows (org unit · scorecard · period) in the interface's language.
 */
import { theme } from 'antd';
import { useOrgUnits } from '../lib/api/org-units.ts';
import { useScorecards } from '../lib/api/scorecards.ts';
import { formatPeriod } from '../lib/format.ts';
import { localize } from '../lib/i18n/languages.ts';
import { useLanguage } from '../lib/i18n/use-language.ts';
import type { Selection } from '../lib/selection.ts';

/** The selected unit's and scorecard's names (their codes until the lists are in). */
export function useSelectionNames(selection: Selection | null): {
  unit: string;
  scorecard: string;
  period: string;
} {
  const language = useLanguage();
  const orgUnits = useOrgUnits();
  const scorecards = useScorecards();
  if (selection === null) return { unit: '', scorecard: '', period: '' };
  const unit = orgUnits.data?.find((row) => row.code === selection.orgUnit);
  const scorecard = scorecards.data?.find((row) => row.code === selection.scorecard);
  return {
    unit: unit === undefined ? selection.orgUnit : localize(unit.name, language),
    scorecard: scorecard === undefined ? selection.scorecard : localize(scorecard.name, language),
    period: formatPeriod(selection.period, language),
  };
}

export function PageHeading({
  id,
  title,
  selection,
}: {
  id: string;
  title: string;
  selection: Selection | null;
}) {
  const names = useSelectionNames(selection);
  const { token } = theme.useToken();
  return (
    <header style={{ marginBottom: 16 }}>
      <h2 id={id} style={{ margin: '0 0 4px', fontSize: 24, fontWeight: 600 }}>
        {title}
      </h2>
      {selection === null ? null : (
        <p data-testid="page-context" style={{ margin: 0, color: token.colorTextSecondary }}>
          {names.unit} · {names.scorecard} · {names.period}
        </p>
      )}
    </header>
  );
}
