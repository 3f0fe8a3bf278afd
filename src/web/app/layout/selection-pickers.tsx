/**
 * The header's pickers: scorecard, org unit (a searchable tree) and period (grouped by type; any valid period id
 * can be typed). The unit tree offers only the units the user holds a role over (all of them for a role over the
 * whole installation). Choosing a scorecard that does not apply to the current unit moves to a unit in scope it
 * applies to; when there is none, the user's own unit stays (issue 17: no panel may say "no access").
 */
import { Select, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tryParsePeriod } from '../../../core/periods/index.ts';
import { useOrgUnits } from '../../lib/api/org-units.ts';
import { usePeriods } from '../../lib/api/periods.ts';
import { useFetchScorecardOrgUnits, useScorecards } from '../../lib/api/scorecards.ts';
import { useSession } from '../../lib/api/session.ts';
import { formatPeriod } from '../../lib/format.ts';
import { localize } from '../../lib/i18n/languages.ts';
import { useLanguage } from '../../lib/i18n/use-language.ts';
import { appliesTo, buildUnitTree } from '../../lib/org-unit-tree.ts';
import { seesEverything, unitForScorecard, unitsInScope } from '../../lib/scoped-selection.ts';
import { DEMO_VIEWS, type Selection } from '../../lib/selection.ts';
import { unitLabeller } from '../../lib/unit-label.ts';
import { useSelection } from '../../lib/use-selection.ts';

const PERIOD_GROUPS = [
  { type: 'year', labelKey: 'header.years' },
  { type: 'quarter', labelKey: 'header.quarters' },
  { type: 'month', labelKey: 'header.months' },
] as const;

const pickerLabel = {
  fontSize: 12,
  color: 'rgba(0,0,0,0.65)',
  display: 'block',
  lineHeight: '16px',
} as const;

export function SelectionPickers() {
  const { t } = useTranslation();
  const language = useLanguage();
  const fetchScorecardOrgUnits = useFetchScorecardOrgUnits();
  const { selection, update } = useSelection();
  const scorecards = useScorecards();
  const orgUnits = useOrgUnits();
  const periods = usePeriods();
  const [typedPeriod, setTypedPeriod] = useState('');
  const assignments = useSession().data?.user.assignments;
  const scoped = useMemo(
    () => (assignments === undefined ? [] : unitsInScope(assignments, orgUnits.data ?? [])),
    [assignments, orgUnits.data],
  );

  // The tree shows a department under its hospital; once chosen, the box names both ("外科 · 东城分院").
  const unitTree = useMemo(
    () => buildUnitTree(scoped, language, unitLabeller(orgUnits.data ?? [], language)),
    [scoped, language, orgUnits.data],
  );
  const periodOptions = useMemo(() => {
    const all = periods.data ?? [];
    const groups = PERIOD_GROUPS.map((group) => ({
      label: t(group.labelKey),
      title: t(group.labelKey),
      options: all
        .filter((period) => period.type === group.type)
        .map((period) => period.id)
        .sort()
        .reverse()
        .map((id) => ({ value: id, label: formatPeriod(id, language) })),
    })).filter((group) => group.options.length > 0);
    const known = new Set(all.map((period) => period.id));
    const typed = typedPeriod.trim();
    if (tryParsePeriod(typed) !== null && !known.has(typed)) {
      groups.unshift({
        label: t('header.typedPeriod'),
        title: t('header.typedPeriod'),
        options: [{ value: typed, label: formatPeriod(typed, language) }],
      });
    }
    return groups;
  }, [periods.data, typedPeriod, language, t]);

  async function chooseScorecard(code: string): Promise<void> {
    const change: { -readonly [K in keyof Selection]?: string } = { scorecard: code };
    try {
      const assigned = await fetchScorecardOrgUnits(code);
      const current = selection.orgUnit;
      const units = orgUnits.data ?? [];
      if (
        assignments !== undefined &&
        !seesEverything(assignments) &&
        (current === undefined || !appliesTo(current, assigned.orgUnits, units))
      ) {
        const inScope = unitForScorecard(
          assigned.orgUnits,
          scoped.map((unit) => unit.code),
          units,
        );
        if (inScope !== undefined) change.orgUnit = inScope;
      } else if (current === undefined || !appliesTo(current, assigned.orgUnits, units)) {
        const demo = DEMO_VIEWS.find((view) => view.scorecard === code);
        const first = demo?.orgUnit ?? assigned.orgUnits[0]?.orgUnit;
        if (first !== undefined) change.orgUnit = first;
        if (demo !== undefined) change.period = demo.period;
      }
    } catch {
      // Without the assignments the unit stays as it is; the page shows what the server says about it.
    }
    update(change);
  }

  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end' }}>
      <div>
        <label htmlFor="picker-scorecard" style={pickerLabel}>
          {t('header.scorecard')}
        </label>
        <Select
          id="picker-scorecard"
          data-testid="picker-scorecard"
          style={{ width: 240 }}
          popupMatchSelectWidth={false}
          loading={scorecards.isLoading}
          value={selection.scorecard}
          placeholder={t('header.chooseScorecard')}
          options={(scorecards.data ?? []).map((scorecard) => ({
            value: scorecard.code,
            label: localize(scorecard.name, language),
          }))}
          onChange={(code: string) => void chooseScorecard(code)}
        />
      </div>
      <div>
        <label htmlFor="picker-org-unit" style={pickerLabel}>
          {t('header.orgUnit')}
        </label>
        <TreeSelect
          id="picker-org-unit"
          data-testid="picker-org-unit"
          style={{ width: 240 }}
          popupMatchSelectWidth={false}
          loading={orgUnits.isLoading}
          value={selection.orgUnit}
          placeholder={t('header.chooseOrgUnit')}
          treeData={unitTree}
          treeDefaultExpandAll={(orgUnits.data?.length ?? 0) <= 60}
          showSearch
          treeNodeFilterProp="title"
          treeNodeLabelProp="label"
          onChange={(code: string) => update({ orgUnit: code })}
        />
      </div>
      <div>
        <label htmlFor="picker-period" style={pickerLabel}>
          {t('header.period')}
        </label>
        <Select
          id="picker-period"
          data-testid="picker-period"
          style={{ width: 150 }}
          loading={periods.isLoading}
          value={selection.period}
          placeholder={t('header.choosePeriod')}
          options={periodOptions}
          showSearch
          onSearch={setTypedPeriod}
          filterOption={(input, option) => {
            if (option === undefined || !('value' in option)) return false;
            if (option.value === typedPeriod.trim()) return true;
            return `${option.value} ${option.label}`.toLowerCase().includes(input.toLowerCase());
          }}
          onChange={(id: string) => {
            setTypedPeriod('');
            update({ period: id });
          }}
        />
      </div>
    </div>
  );
}
