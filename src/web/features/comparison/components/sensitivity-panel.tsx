/**
 * "Sensitivity": how stable the scorecard's perspective weights and the cohort's ranking are. The scorecard's
 * top-level weight set (its AHP judgments, or manual weights as ratios) is perturbed in 1000 seeded draws
 * (`POST /api/ahp/sensitivity`): each weight's p05–p95 interval around its mean, each unit's probability of each
 * rank, and one perspective's weight swept from 0 to 1 with the weight at which the top unit changes.
 */
import { Segmented, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../components/chart/lazy-chart.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import type { RankedUnit } from '../../../lib/api/rankings.ts';
import { useScorecard } from '../../../lib/api/scorecards.ts';
import { useSensitivity } from '../../../lib/api/sensitivity.ts';
import { formatNumber, formatPercent } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { rankProbabilityOption, sweepOption, weightIntervalsOption } from '../sensitivity-options.ts';
import { buildSensitivityPlan, type PerspectiveWeightSet } from '../sensitivity-request.ts';

export interface SensitivityPanelProps {
  readonly scorecard: string;
  readonly items: readonly RankedUnit[];
}

export function SensitivityPanel({ scorecard, items }: SensitivityPanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const detail = useScorecard(scorecard);
  const file = detail.data?.file;
  const plan = useMemo(() => {
    if (file === undefined) return null;
    const weightSet: PerspectiveWeightSet | undefined = file.weights?.perspectives;
    return buildSensitivityPlan(
      weightSet,
      file.perspectives.map((p) => p.id),
      items,
    );
  }, [file, items]);
  const result = useSensitivity(plan?.body ?? null);
  const data = result.data;
  const [swept, setSwept] = useState(0);

  const perspectiveNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const p of items[0]?.evaluation.perspectives ?? []) names.set(p.id, localize(p.name, language));
    return (plan?.perspectives ?? []).map((id) => names.get(id) ?? id);
  }, [items, plan, language]);
  const unitNames = useMemo(
    () => (plan?.units ?? []).map((unit) => localize(unit.name, language)),
    [plan, language],
  );
  const options = useMemo(() => {
    if (data === undefined) return null;
    const sweep = data.sweep[swept] ?? data.sweep[0];
    return {
      weights: weightIntervalsOption(perspectiveNames, data.weights, language, {
        interval: t('sensitivity.interval'),
        mean: t('sensitivity.mean'),
      }),
      ranks: rankProbabilityOption(unitNames, data.rankProbability, language),
      sweep:
        sweep === undefined
          ? null
          : sweepOption(
              unitNames,
              sweep,
              data.critical.find((c) => c.criterion === sweep.criterion),
              language,
              { current: t('sensitivity.current'), critical: t('sensitivity.critical') },
            ),
    };
  }, [data, swept, perspectiveNames, unitNames, language, t]);

  if (detail.isSuccess && plan === null) {
    return <Typography.Paragraph type="secondary">{t('sensitivity.unavailable')}</Typography.Paragraph>;
  }
  return (
    <div data-testid="sensitivity">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('sensitivity.hint')}
      </Typography.Paragraph>
      {detail.isPending || result.isPending ? <Spin /> : null}
      <ProblemAlert error={detail.error ?? result.error} testId="sensitivity-problem" />
      {data === undefined || options === null ? null : (
        <>
          <Typography.Paragraph data-testid="sensitivity-draws">
            {t('sensitivity.draws', { draws: formatNumber(data.draws, language), seed: data.seed })}
          </Typography.Paragraph>
          <Typography.Title level={5}>{t('sensitivity.weightsTitle')}</Typography.Title>
          <Chart
            option={options.weights}
            height={260}
            testId="sensitivity-weights"
            ariaLabel={t('sensitivity.weightsLabel', { count: perspectiveNames.length })}
          />
          <Typography.Title level={5}>{t('sensitivity.ranksTitle')}</Typography.Title>
          <Chart
            option={options.ranks}
            height={Math.max(3, unitNames.length) * 28 + 56}
            testId="sensitivity-ranks"
            ariaLabel={t('sensitivity.ranksLabel', { count: unitNames.length })}
          />
          <Typography.Title level={5}>{t('sensitivity.sweepTitle')}</Typography.Title>
          <Segmented
            aria-label={t('sensitivity.sweepPick')}
            data-testid="sensitivity-swept"
            value={swept}
            onChange={(value) => setSwept(Number(value))}
            options={perspectiveNames.map((label, value) => ({ value, label }))}
          />
          {options.sweep === null ? null : (
            <Chart
              option={options.sweep}
              height={300}
              testId="sensitivity-sweep"
              ariaLabel={t('sensitivity.sweepLabel', { perspective: perspectiveNames[swept] ?? '' })}
            />
          )}
          <ul data-testid="sensitivity-critical">
            {data.critical.map((c) => (
              <li
                key={c.criterion}
                data-testid={`sensitivity-critical-${plan?.perspectives[c.criterion] ?? c.criterion}`}
              >
                {c.critical === null
                  ? t('sensitivity.noCritical', {
                      perspective: perspectiveNames[c.criterion] ?? '',
                      weight: formatPercent(c.weight, language),
                    })
                  : t('sensitivity.criticalAt', {
                      perspective: perspectiveNames[c.criterion] ?? '',
                      weight: formatPercent(c.weight, language),
                      critical: formatPercent(c.critical, language),
                      unit: c.overtakenBy === null ? '' : (unitNames[c.overtakenBy] ?? ''),
                    })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
