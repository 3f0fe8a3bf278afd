/**
 * "Sensitivity": how stable the scorecard's weights and the cohort's ranking are. The weights are those the
 * evaluation of the period used (the scorecard file of the evaluation's weight version): the whole hierarchy,
 * perspectives and the indicators under each (AHP judgments, or manual weights as ratios), is perturbed in 1000
 * seeded draws (`POST /api/ahp/sensitivity`): every indicator's global weight as a p05–p95 interval around its
 * mean, each unit's probability of each rank from its indicator scores, and one perspective's weight swept from
 * 0 to 1 with the weight at which the top unit changes. The perspectives' own intervals come from the same
 * draws of the top level alone (a second request). Where some unit lacks an indicator score, the perspective
 * level alone is used, as before.
 */
import { Segmented, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../components/chart/lazy-chart.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import type { RankedUnit } from '../../../lib/api/rankings.ts';
import { useScorecardAt } from '../../../lib/api/scorecards.ts';
import { useSensitivity } from '../../../lib/api/sensitivity.ts';
import { formatNumber, formatPercent } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { buildHierarchyPlan } from '../sensitivity-hierarchy.ts';
import { rankProbabilityOption, sweepOption, weightIntervalsOption } from '../sensitivity-options.ts';
import { buildSensitivityPlan, type PerspectiveWeightSet } from '../sensitivity-request.ts';

export interface SensitivityPanelProps {
  readonly scorecard: string;
  readonly items: readonly RankedUnit[];
}

export function SensitivityPanel({ scorecard, items }: SensitivityPanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const used = items[0]?.evaluation.versions;
  const detail = useScorecardAt(
    scorecard,
    used === undefined ? {} : { version: used.structure.version, weightVersion: used.weights.version },
  );
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
  const full = useMemo(
    () =>
      file === undefined
        ? null
        : buildHierarchyPlan(
            file.weights,
            // Monitored indicators (scored: false) have no weight to perturb and no score: left out.
            file.perspectives.map((p) => ({
              id: p.id,
              indicators: p.indicators.filter((i) => i.scored !== false).map((i) => i.id),
            })),
            items,
          ),
    [file, items],
  );
  const top = useSensitivity(plan?.body ?? null);
  const whole = useSensitivity(full?.body ?? null);
  // Ranks, sweep and critical weights from the whole hierarchy when every unit has every indicator's score.
  const result = full === null ? top : whole;
  const data = result.data;
  const perspectiveWeights = top.data?.weights;
  const [swept, setSwept] = useState(0);

  const perspectiveNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const p of items[0]?.evaluation.perspectives ?? []) names.set(p.id, localize(p.name, language));
    return (plan?.perspectives ?? []).map((id) => names.get(id) ?? id);
  }, [items, plan, language]);
  const unitNames = useMemo(
    () => ((full ?? plan)?.units ?? []).map((unit) => localize(unit.name, language)),
    [full, plan, language],
  );
  const leafNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const p of items[0]?.evaluation.perspectives ?? []) {
      for (const i of p.indicators) names.set(`${p.id}/${i.id}`, localize(i.name, language));
    }
    return (full?.leaves ?? []).map(
      (leaf) => names.get(`${leaf.perspective}/${leaf.indicator}`) ?? leaf.indicator,
    );
  }, [items, full, language]);
  const options = useMemo(() => {
    if (data === undefined || perspectiveWeights === undefined) return null;
    const sweep = data.sweep[swept] ?? data.sweep[0];
    const words = { interval: t('sensitivity.interval'), mean: t('sensitivity.mean') };
    return {
      weights: weightIntervalsOption(perspectiveNames, perspectiveWeights, language, words),
      leaves:
        full === null || whole.data === undefined
          ? null
          : weightIntervalsOption(leafNames, whole.data.weights, language, words),
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
  }, [
    data,
    perspectiveWeights,
    full,
    whole.data,
    leafNames,
    swept,
    perspectiveNames,
    unitNames,
    language,
    t,
  ]);

  if (detail.isSuccess && plan === null) {
    return <Typography.Paragraph type="secondary">{t('sensitivity.unavailable')}</Typography.Paragraph>;
  }
  return (
    <div data-testid="sensitivity">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('sensitivity.hint')}
      </Typography.Paragraph>
      {detail.isPending || result.isPending || top.isPending ? <Spin /> : null}
      <ProblemAlert error={detail.error ?? result.error ?? top.error} testId="sensitivity-problem" />
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
          {options.leaves === null ? null : (
            <>
              <Typography.Title level={5}>{t('sensitivity.leafWeightsTitle')}</Typography.Title>
              <Chart
                option={options.leaves}
                height={Math.max(4, leafNames.length) * 24 + 80}
                testId="sensitivity-leaf-weights"
                ariaLabel={t('sensitivity.leafWeightsLabel', { count: leafNames.length })}
              />
            </>
          )}
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
