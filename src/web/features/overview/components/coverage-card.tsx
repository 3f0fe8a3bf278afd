/**
 * Data coverage: the share of the scorecard's weight whose indicators have a value for this unit and period
 * (the evaluation's `coverage`), overall and by perspective.
 */
import { useTranslation } from 'react-i18next';
import { MeterBar } from '../../../components/meter-bar.tsx';
import { Panel } from '../../../components/panel.tsx';
import type { EvaluationJson } from '../../../lib/api/evaluations.ts';
import { formatPercent } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';

export function CoverageCard({ evaluation }: { readonly evaluation: EvaluationJson }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const indicators = evaluation.perspectives.flatMap((perspective) => perspective.indicators);
  const withValue = indicators.filter((indicator) => indicator.quantified !== null).length;
  return (
    <Panel title={t('overview.coverage')} fill>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 16, flexWrap: 'wrap' }}>
        <span data-testid="coverage" style={{ fontSize: 32, fontWeight: 600, lineHeight: 1 }}>
          {formatPercent(evaluation.weightCoverage, language)}
        </span>
        <span data-testid="coverage-count">
          {t('overview.coverageCount', { withValue, total: indicators.length })}
        </span>
      </div>
      <div style={{ margin: '8px 0' }}>
        <MeterBar value={evaluation.weightCoverage * 100} />
      </div>
      <dl style={{ margin: '12px 0 0', display: 'grid', gridTemplateColumns: '1fr auto', gap: '2px 12px' }}>
        {evaluation.perspectives.map((perspective) => (
          <div key={perspective.id} style={{ display: 'contents' }}>
            <dt>{localize(perspective.name, language)}</dt>
            <dd style={{ margin: 0, textAlign: 'right' }}>{formatPercent(perspective.coverage, language)}</dd>
          </div>
        ))}
      </dl>
    </Panel>
  );
}
