/**
 * "Objective rankings": the cohort the scorecard ranks (units of one type and level) ranked again by entropy,
 * CRITIC or combined weights and TOPSIS or RSR over the indicators' actual values, each unit with its scorecard
 * rank and the difference. The server refuses when a cell is missing; its problem names every missing cell and
 * is worded in the user's language (ProblemAlert).
 */
import { Button, Segmented, Space, Spin, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { UnitLink } from '../../../components/unit-link.tsx';
import {
  OBJECTIVE_METHODS,
  OBJECTIVE_WEIGHTINGS,
  type ObjectiveRankedUnit,
  useObjectiveRanking,
} from '../../../lib/api/objective-rankings.ts';
import { formatNumber } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import type { DrillDown } from '../../../lib/use-drill-down.ts';
import { useSearchParam } from '../../../lib/use-selection.ts';

export interface ObjectiveRankingsPanelProps {
  readonly scorecard: string;
  readonly parent: string;
  readonly period: string;
  readonly depth: 'children' | 'descendants';
  /** Each unit's name opens its scorecard, when the reader may open it. */
  readonly drill: Pick<DrillDown, 'label' | 'unitHref'>;
}

const WEIGHTING_KEYS = {
  entropy: 'objectiveRankings.weightings.entropy',
  critic: 'objectiveRankings.weightings.critic',
  product: 'objectiveRankings.weightings.product',
  linear: 'objectiveRankings.weightings.linear',
} as const;
const METHOD_KEYS = {
  'topsis-vector': 'objectiveRankings.methods.topsisVector',
  'topsis-minmax': 'objectiveRankings.methods.topsisMinmax',
  rsr: 'objectiveRankings.methods.rsr',
} as const;

/** A rank difference with its sign, so "+2" (placed lower by the objective method) reads as a move. */
function signed(value: number, text: string): string {
  return value > 0 ? `+${text}` : text;
}

export function ObjectiveRankingsPanel({
  scorecard,
  parent,
  period,
  depth,
  drill,
}: ObjectiveRankingsPanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [weighting, setWeighting] = useSearchParam('ow', OBJECTIVE_WEIGHTINGS, 'entropy');
  const [method, setMethod] = useSearchParam('om', OBJECTIVE_METHODS, 'topsis-vector');
  // Ranked on request: an analysis the reader asks for, not a request (and often a refusal over missing cells)
  // on every view of the comparison page. Once asked, a changed method re-ranks at once.
  const [requested, setRequested] = useState(false);
  const ranking = useObjectiveRanking(
    requested ? { scorecard, parent, period, depth, weighting, method } : null,
  );
  const data = ranking.data;
  const rsr = method === 'rsr';

  const columns: TableColumnsType<ObjectiveRankedUnit> = [
    {
      key: 'rank',
      title: t('objectiveRankings.objectiveRank'),
      width: 96,
      align: 'right',
      render: (_, unit) => formatNumber(unit.rank, language, Number.isInteger(unit.rank) ? 0 : 1),
    },
    {
      key: 'unit',
      title: t('objectiveRankings.unit'),
      render: (_, unit) => (
        <UnitLink code={unit.orgUnit} name={localize(unit.name, language)} drill={drill} />
      ),
    },
    {
      key: 'scorecardRank',
      title: t('objectiveRankings.scorecardRank'),
      align: 'right',
      render: (_, unit) => formatNumber(unit.scorecardRank, language),
    },
    {
      key: 'difference',
      title: <span title={t('objectiveRankings.differenceHint')}>{t('objectiveRankings.difference')}</span>,
      align: 'right',
      render: (_, unit) =>
        unit.rankDifference === null ? (
          '–'
        ) : (
          <span data-testid={`objective-difference-${unit.orgUnit}`}>
            {signed(
              unit.rankDifference,
              formatNumber(unit.rankDifference, language, Number.isInteger(unit.rankDifference) ? 0 : 1),
            )}
          </span>
        ),
    },
    {
      key: 'score',
      title: t('objectiveRankings.score'),
      align: 'right',
      render: (_, unit) => formatNumber(unit.score, language, 4),
    },
    ...(rsr
      ? [
          {
            key: 'class',
            title: t('objectiveRankings.class'),
            align: 'right' as const,
            render: (_: unknown, unit: ObjectiveRankedUnit) => formatNumber(unit.class, language),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="objective-rankings">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('objectiveRankings.hint')}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          aria-label={t('objectiveRankings.weighting')}
          data-testid="objective-weighting"
          value={weighting}
          onChange={(value) => {
            const next = OBJECTIVE_WEIGHTINGS.find((candidate) => candidate === value);
            if (next !== undefined) setWeighting(next);
          }}
          options={OBJECTIVE_WEIGHTINGS.map((value) => ({
            value,
            label: t(WEIGHTING_KEYS[value]),
          }))}
        />
        <Segmented
          aria-label={t('objectiveRankings.method')}
          data-testid="objective-method"
          value={method}
          onChange={(value) => {
            const next = OBJECTIVE_METHODS.find((candidate) => candidate === value);
            if (next !== undefined) setMethod(next);
          }}
          options={OBJECTIVE_METHODS.map((value) => ({
            value,
            label: t(METHOD_KEYS[value]),
          }))}
        />
      </Space>
      {requested ? null : (
        <Button data-testid="objective-run" type="primary" onClick={() => setRequested(true)}>
          {t('objectiveRankings.run')}
        </Button>
      )}
      {requested && ranking.isPending ? <Spin /> : null}
      <ProblemAlert error={ranking.error} testId="objective-problem" />
      {data === undefined ? null : (
        <>
          <Typography.Paragraph data-testid="objective-cohort">
            {t('objectiveRankings.cohort', { cohort: data.cohort })}
          </Typography.Paragraph>
          {data.excluded.length === 0 ? null : (
            <Typography.Paragraph type="secondary">
              {t('objectiveRankings.excluded', {
                indicators: data.excluded.map((item) => item.indicator).join(', '),
              })}
            </Typography.Paragraph>
          )}
          <Table<ObjectiveRankedUnit>
            aria-label={t('objectiveRankings.tableLabel', { count: data.units.length })}
            data-testid="objective-table"
            size="small"
            rowKey="orgUnit"
            columns={columns}
            dataSource={[...data.units].sort((a, b) => a.rank - b.rank)}
            locale={{ emptyText: t('objectiveRankings.empty') }}
            pagination={false}
            scroll={{ x: 560 }}
          />
        </>
      )}
    </div>
  );
}
