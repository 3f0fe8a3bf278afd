/** The words of the data-quality findings (a broken rule, an unusual value), in the interface's language. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataQualityReport } from '../../../lib/api/data-quality.ts';
import { formatNumber } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import type { QualityMark } from '../quality-marks.ts';

type Violation = DataQualityReport['violations'][number];
type Outlier = DataQualityReport['outliers'][number];

/** Numbers as read in the grid: up to two decimals, so 0.05 and 607.05 both show. */
function useNumber() {
  const language = useLanguage();
  return useCallback(
    (value: number) => formatNumber(value, language, Number.isInteger(value) ? 0 : 2),
    [language],
  );
}

export function useViolationText(): (violation: Violation) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  const number = useNumber();
  return useCallback(
    (v: Violation) =>
      t('dataEntry.quality.rule', {
        message: localize(v.message, language),
        left: number(v.left),
        operator: v.operator,
        right: number(v.right),
      }),
    [t, language, number],
  );
}

export function useOutlierText(): (outlier: Outlier) => string {
  const { t } = useTranslation();
  const number = useNumber();
  return useCallback(
    (o: Outlier) => {
      const params = {
        value: number(o.value),
        median: number(o.median),
        count: o.count,
        score: o.score === null ? '' : number(o.score),
        limit: number(o.limit),
      };
      if (o.method === 'absolute-bound') {
        return o.against === 'history'
          ? t('dataEntry.quality.historyBound', params)
          : t('dataEntry.quality.peersBound', params);
      }
      return o.against === 'history'
        ? t('dataEntry.quality.history', params)
        : t('dataEntry.quality.peers', params);
    },
    [t, number],
  );
}

export function useMarkText(): (mark: QualityMark) => string {
  const violation = useViolationText();
  const outlier = useOutlierText();
  return useCallback(
    (mark: QualityMark) => (mark.kind === 'rule' ? violation(mark.violation) : outlier(mark.outlier)),
    [violation, outlier],
  );
}
