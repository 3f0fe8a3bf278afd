/** Perspective scores as a radar (the balance) and as bars (the ranking), both 0–100. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../components/chart/lazy-chart.tsx';
import { Panel } from '../../../components/panel.tsx';
import type { EvaluationJson } from '../../../lib/api/evaluations.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { describePerspectives, perspectiveBarsOption, perspectiveRadarOption } from '../chart-options.ts';

export function PerspectiveRadarCard({ evaluation }: { readonly evaluation: EvaluationJson }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const option = useMemo(
    () => perspectiveRadarOption(evaluation, language, t('overview.perspectiveScore')),
    [evaluation, language, t],
  );
  return (
    <Panel title={t('overview.radar')}>
      <Chart
        option={option}
        height={300}
        testId="perspective-radar"
        ariaLabel={t('overview.radarLabel', { summary: describePerspectives(evaluation, language) })}
      />
    </Panel>
  );
}

export function PerspectiveBarsCard({ evaluation }: { readonly evaluation: EvaluationJson }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const option = useMemo(
    () => perspectiveBarsOption(evaluation, language, t('overview.perspectiveScore')),
    [evaluation, language, t],
  );
  return (
    <Panel title={t('overview.bars')}>
      <Chart
        option={option}
        height={300}
        testId="perspective-bars"
        ariaLabel={t('overview.barsLabel', { summary: describePerspectives(evaluation, language) })}
      />
    </Panel>
  );
}
