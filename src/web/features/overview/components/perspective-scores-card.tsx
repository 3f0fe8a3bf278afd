/** Each perspective's score (0–100) and weight as text and a bar: the numbers behind the radar, for everyone. */
import { useTranslation } from 'react-i18next';
import { MeterBar } from '../../../components/meter-bar.tsx';
import { Panel } from '../../../components/panel.tsx';
import type { EvaluationJson } from '../../../lib/api/evaluations.ts';
import { formatPercent, formatScore } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';

export function PerspectiveScoresCard({ evaluation }: { readonly evaluation: EvaluationJson }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Panel title={t('overview.perspectives')} fill>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 }}>
        {evaluation.perspectives.map((perspective) => (
          <li key={perspective.id} data-testid="perspective-score" data-perspective={perspective.id}>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <span>
                {localize(perspective.name, language)}{' '}
                <span style={{ color: 'rgba(0,0,0,0.45)' }}>
                  {t('overview.weightShort', { weight: formatPercent(perspective.weight, language) })}
                </span>
              </span>
              <strong data-testid="perspective-score-value">
                {formatScore(perspective.score, language)}
              </strong>
            </div>
            <div style={{ marginTop: 4 }}>
              <MeterBar value={perspective.score} />
            </div>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
