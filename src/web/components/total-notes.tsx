/**
 * What a total needs said next to it (docs/scorecard-format.md, "Minimum coverage"): that it is withheld as
 * "insufficient data" because too little of the weight has data, and why a group's total can be higher than
 * every member's (pooled rates and capping), with a link to Explain the indicator that lifts it most.
 */
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { groupAboveMembers } from '../../core/scoring/rank-units.ts';
import type { EvaluationJson } from '../lib/api/evaluations.ts';
import { useRankings } from '../lib/api/rankings.ts';
import { formatPercent, formatScore } from '../lib/format.ts';
import { localize } from '../lib/i18n/languages.ts';
import { useLanguage } from '../lib/i18n/use-language.ts';
import type { Selection } from '../lib/selection.ts';

/** "Insufficient data: 37.5 % of the weight has data, the scorecard requires 60 %"; nothing when a total is given. */
export function InsufficientDataNote({ evaluation }: { readonly evaluation: EvaluationJson }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!evaluation.insufficientData) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="insufficient-data"
      style={{ marginBottom: 16 }}
      title={t('totals.insufficientTitle')}
      description={t('totals.insufficient', {
        coverage: formatPercent(evaluation.weightCoverage, language),
        minimum: formatPercent(evaluation.minimumCoverage, language),
      })}
    />
  );
}

/**
 * One sentence when the unit's total is above every sub-unit's, with a link to Explain the indicator that lifts
 * it most; nothing otherwise.
 */
export function GroupAboveNote({
  evaluation,
  selection,
  onExplain,
}: {
  readonly evaluation: EvaluationJson;
  readonly selection: Selection;
  readonly onExplain: (indicatorId: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const children = useRankings(
    evaluation.total === null
      ? null
      : {
          scorecard: selection.scorecard,
          parent: selection.orgUnit,
          period: selection.period,
          depth: 'children',
        },
  );
  const members = children.data?.items ?? [];
  const indicatorsOf = (json: EvaluationJson) => json.perspectives.flatMap((p) => p.indicators);
  const above = groupAboveMembers(
    { total: evaluation.total, indicators: indicatorsOf(evaluation) },
    members.map((m) => ({ total: m.evaluation.total, indicators: indicatorsOf(m.evaluation) })),
  );
  if (above === null) return null;
  const indicator = indicatorsOf(evaluation).find((i) => i.id === above.indicator);
  return (
    <Alert
      type="info"
      showIcon
      data-testid="group-above-note"
      style={{ marginBottom: 16 }}
      title={
        <span>
          {t('totals.groupAbove', {
            total: formatScore(evaluation.total, language),
            best: formatScore(above.bestMemberTotal, language),
          })}{' '}
          {indicator === undefined ? null : (
            <Button
              type="link"
              size="small"
              style={{ padding: 0, height: 'auto' }}
              data-testid="group-above-explain"
              onClick={() => onExplain(indicator.id)}
            >
              {t('totals.groupAboveExplain', { indicator: localize(indicator.name, language) })}
            </Button>
          )}
        </span>
      }
    />
  );
}
