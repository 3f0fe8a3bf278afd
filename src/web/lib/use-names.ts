/**
 * The names of the indicators of a scorecard and of the org units, as the reader says them, for pages that get
 * codes from the API (alerts, actions, my work). A code without a known name is shown as it is.
 */
import { useMemo } from 'react';
import { useIndicators } from './api/indicators.ts';
import { useOrgUnits } from './api/org-units.ts';
import { localize } from './i18n/languages.ts';
import { useLanguage } from './i18n/use-language.ts';

export interface Names {
  readonly indicator: (id: string | null) => string;
  readonly unit: (code: string) => string;
}

/** Names for `scorecard`'s indicators (null: codes only) and every unit the user reads. */
export function useNames(scorecard: string | null): Names {
  const language = useLanguage();
  const indicators = useIndicators(scorecard);
  const units = useOrgUnits();
  return useMemo(() => {
    const indicatorNames = new Map(
      (indicators.data ?? []).map((item) => [item.id, localize(item.name, language)] as const),
    );
    const unitNames = new Map(
      (units.data ?? []).map((item) => [item.code, localize(item.name, language)] as const),
    );
    return {
      indicator: (id) => (id === null ? '' : (indicatorNames.get(id) ?? id)),
      unit: (code) => unitNames.get(code) ?? code,
    };
  }, [indicators.data, units.data, language]);
}
