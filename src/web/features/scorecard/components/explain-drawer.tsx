/**
 * "Explain this score" (issue 5): a drawer that shows, for one indicator of the evaluation on screen, the
 * formula with its numerator and denominator, the data it read, where the target came from, the weights and
 * their version, the scoring method and the result (`GET /api/evaluations/explain`). Loaded on first open, so
 * the scorecard's first screen does not carry it.
 */
import { Descriptions, Drawer, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExplainQuery } from '../../../../core/contracts/explain.ts';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { type ExplanationJson, useExplain } from '../../../lib/api/evaluations.ts';
import {
  formatDateTime,
  formatList,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatScore,
} from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { noValueReasonKey } from '../../../lib/no-value-reasons.ts';
import {
  ACTUAL_SOURCE_KEYS,
  AGGREGATION_KEYS,
  BAND_FROM_KEYS,
  DIRECTION_KEYS,
  METHOD_KEYS,
  REASON_KEYS,
  SCOPE_KEYS,
  WEIGHT_METHOD_KEYS,
} from '../explain-keys.ts';

export interface ExplainDrawerProps {
  /** The indicator to explain; null keeps the drawer closed. */
  readonly query: ExplainQuery | null;
  /** The indicator's name, for the title while the explanation loads. */
  readonly indicatorName: string;
  readonly unitName: string;
  readonly onClose: () => void;
}

export default function ExplainDrawer({ query, indicatorName, unitName, onClose }: ExplainDrawerProps) {
  const { t } = useTranslation();
  const explain = useExplain(query);
  return (
    <Drawer
      open={query !== null}
      onClose={onClose}
      size="min(640px, 100vw)"
      title={t('scorecard.explain.title', { indicator: indicatorName })}
      closable={{ 'aria-label': t('scorecard.explain.close') }}
      data-testid="explain-drawer"
    >
      <LoadingPanel
        isLoading={explain.isPending}
        error={explain.error}
        onRetry={() => void explain.refetch()}
      >
        {explain.data === undefined ? null : <Explanation data={explain.data} unitName={unitName} />}
      </LoadingPanel>
    </Drawer>
  );
}

function Explanation({ data, unitName }: { readonly data: ExplanationJson; readonly unitName: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const decimals = data.indicator.decimals;
  const num = (value: number | null, places = decimals) => formatNumber(value, language, places);
  const f = data.formula;
  const tg = data.target;
  const s = data.scoring;
  const periods = (ids: readonly string[]) =>
    formatList(
      ids.map((id) => formatPeriod(id, language)),
      language,
    );

  const formulaItems = [
    ...(f.text === null ? [] : [{ key: 'text', label: t('scorecard.explain.definition'), children: f.text }]),
    f.type === 'ratio'
      ? {
          key: 'expression',
          label: t('scorecard.explain.expression'),
          children: (
            <code data-testid="explain-formula">
              {t('scorecard.explain.ratio', {
                numerator: f.numerator,
                denominator: f.denominator,
                factor: f.factor,
              })}
            </code>
          ),
        }
      : {
          key: 'expression',
          label: t('scorecard.explain.expression'),
          children:
            f.type === 'expression' ? (
              <code data-testid="explain-formula">{f.expression}</code>
            ) : (
              <span data-testid="explain-formula">
                {data.indicator.kind === 'qualitative'
                  ? t('scorecard.explain.qualitative')
                  : t('scorecard.explain.noFormula')}
              </span>
            ),
        },
    ...(f.type === 'ratio'
      ? [
          {
            key: 'numerator',
            label: t('scorecard.explain.numerator'),
            children: <span data-testid="explain-numerator">{num(f.numeratorValue, 2)}</span>,
          },
          {
            key: 'denominator',
            label: t('scorecard.explain.denominator'),
            children: <span data-testid="explain-denominator">{num(f.denominatorValue, 2)}</span>,
          },
        ]
      : []),
    ...(f.type === 'none'
      ? []
      : [{ key: 'value', label: t('scorecard.explain.formulaValue'), children: num(f.value) }]),
    {
      key: 'actual',
      label: t('scorecard.explain.actual'),
      children: (
        <span data-testid="explain-actual">
          {num(data.actual)} · {t(ACTUAL_SOURCE_KEYS[data.actualSource], { count: data.raters ?? 0 })}
        </span>
      ),
    },
  ];

  const targetText =
    tg.origin === 'stored' && tg.scope !== null && tg.period !== null
      ? [
          t('scorecard.explain.stored', {
            scope: t(SCOPE_KEYS[tg.scope], { ref: tg.scopeRef ?? '' }),
            period: formatPeriod(tg.period, language),
          }),
          ...(tg.fallback
            ? [
                t('scorecard.explain.fallback', {
                  tried: periods(tg.periodsTried.slice(0, -1)),
                  period: formatPeriod(tg.period, language),
                }),
              ]
            : []),
        ].join(' ')
      : t('scorecard.explain.noTarget', { tried: periods(tg.periodsTried) });

  const reasonText = useReasonText();
  const version = data.weight.version;
  const method = data.versions.indicator;
  const cap = s.cap === null ? t('scorecard.explain.noCap') : num(s.cap, 2);

  return (
    <div data-testid="explain-content" style={{ display: 'grid', gap: 20 }}>
      <Descriptions
        size="small"
        column={1}
        bordered
        title={t('scorecard.explain.formula')}
        items={formulaItems}
      />
      {f.inputs.length === 0 ? null : (
        <section aria-labelledby="explain-inputs-title">
          <Typography.Title level={5} id="explain-inputs-title">
            {t('scorecard.explain.inputs', {
              unit: unitName,
              period: formatPeriod(data.period, language),
            })}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('scorecard.explain.inputsHint')}</Typography.Paragraph>
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            aria-labelledby="explain-inputs-title"
            data-testid="explain-inputs"
            dataSource={f.inputs}
            columns={[
              {
                key: 'code',
                title: t('scorecard.explain.code'),
                render: (_, row) => (
                  <div>
                    <div>{localize(row.name, language)}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {row.code}
                      {row.period === undefined ? null : ` · ${formatPeriod(row.period, language)}`}
                    </Typography.Text>
                  </div>
                ),
              },
              {
                key: 'value',
                title: t('scorecard.explain.value'),
                align: 'right',
                render: (_, row) => num(row.value, 2),
              },
              {
                key: 'aggregation',
                title: t('scorecard.explain.aggregation'),
                render: (_, row) =>
                  t('scorecard.explain.aggregationOf', {
                    units: t(AGGREGATION_KEYS[row.aggregation]),
                    time: t(AGGREGATION_KEYS[row.timeAggregation]),
                  }),
              },
            ]}
          />
        </section>
      )}
      <Descriptions
        size="small"
        column={1}
        bordered
        title={t('scorecard.explain.target')}
        items={[
          { key: 'target', label: t('scorecard.explain.target'), children: num(tg.value) },
          { key: 'reference', label: t('scorecard.explain.reference'), children: num(tg.reference) },
          ...(tg.lower !== null && tg.upper !== null
            ? [
                {
                  key: 'band',
                  label: t('scorecard.explain.band'),
                  children: `${num(tg.lower)} – ${num(tg.upper)}`,
                },
              ]
            : []),
          {
            key: 'from',
            label: t('scorecard.explain.targetSource'),
            children: <span data-testid="explain-target-source">{targetText}</span>,
          },
          ...(tg.source === null
            ? []
            : [{ key: 'source', label: t('scorecard.explain.source'), children: tg.source }]),
        ]}
      />
      <Descriptions
        size="small"
        column={1}
        bordered
        title={t('scorecard.explain.weight')}
        items={[
          {
            key: 'local',
            label: t('scorecard.explain.localWeight', {
              perspective: localize(data.perspective.name, language),
            }),
            children: (
              <span data-testid="explain-local-weight">
                {formatPercent(data.weight.local, language, 2)} · {t(WEIGHT_METHOD_KEYS[data.weight.method])}
              </span>
            ),
          },
          {
            key: 'global',
            label: t('scorecard.explain.globalWeight'),
            children: (
              <span data-testid="explain-global-weight">
                {formatPercent(data.weight.global, language, 2)}
              </span>
            ),
          },
          {
            key: 'version',
            label: t('scorecard.explain.weightVersion'),
            children: (
              <span data-testid="explain-weight-version">
                {t('scorecard.explain.weightVersionText', {
                  number: version.number,
                  source: version.source,
                  by: version.createdBy,
                  at: formatDateTime(version.createdAt, language),
                })}{' '}
                ·{' '}
                {version.effectiveFrom === null
                  ? t('scorecard.explain.sinceBeginning')
                  : t('scorecard.explain.since', { from: formatPeriod(version.effectiveFrom, language) })}
              </span>
            ),
          },
        ]}
      />
      <Descriptions
        size="small"
        column={1}
        bordered
        title={t('scorecard.explain.scoring')}
        items={[
          {
            key: 'method',
            label: t('scorecard.explain.scoring'),
            children: (
              <span data-testid="explain-method" data-method={s.method}>
                {t(METHOD_KEYS[s.method])} · {t(DIRECTION_KEYS[s.direction])}
              </span>
            ),
          },
          {
            key: 'methodVersion',
            label: t('scorecard.explain.methodVersion'),
            children: (
              <span data-testid="explain-method-version" data-version={method.version}>
                {method.version === 0 || method.effectiveFrom === null
                  ? t('scorecard.explain.methodDefinition')
                  : t('scorecard.explain.methodVersionText', {
                      version: method.version,
                      from: formatPeriod(method.effectiveFrom, language),
                    })}
              </span>
            ),
          },
          ...(s.method === 'ratio' || s.method === 'linear'
            ? [
                {
                  key: 'cap',
                  label: t('scorecard.explain.cap'),
                  children: <span data-testid="explain-cap">{cap}</span>,
                },
              ]
            : []),
          ...(s.floor === null
            ? []
            : [{ key: 'floor', label: t('scorecard.explain.floor'), children: num(s.floor) }]),
          ...(s.tolerance === null
            ? []
            : [{ key: 'tolerance', label: t('scorecard.explain.tolerance'), children: num(s.tolerance) }]),
          ...(s.band === null || s.bandFrom === null
            ? []
            : [
                {
                  key: 'band',
                  label: t('scorecard.explain.band'),
                  children: `${num(s.band.lower)} – ${num(s.band.upper)} (${t(BAND_FROM_KEYS[s.bandFrom])})`,
                },
              ]),
          ...(s.rules.length === 0
            ? []
            : [
                {
                  key: 'rules',
                  label: t('scorecard.explain.rules'),
                  children: s.rules
                    .map((rule) =>
                      t('scorecard.explain.rule', {
                        min: rule.min === null ? '−∞' : num(rule.min),
                        max: rule.max === null ? '∞' : num(rule.max),
                        score: num(rule.score, 2),
                      }),
                    )
                    .join('; '),
                },
              ]),
        ]}
      />
      <Descriptions
        size="small"
        column={1}
        bordered
        title={t('scorecard.explain.result')}
        items={[
          {
            key: 'quantified',
            label: t('scorecard.explain.quantified'),
            children: <span data-testid="explain-quantified">{num(data.quantified, 4)}</span>,
          },
          {
            key: 'score',
            label: t('scorecard.explain.score'),
            children: (
              <span data-testid="explain-score">
                {formatScore(data.score, language)}
                {data.quantified === null
                  ? null
                  : ` = ${t('scorecard.explain.scoreFormula', {
                      weight: num(data.weight.local, 4),
                      quantified: num(data.quantified, 4),
                    })}`}
              </span>
            ),
          },
          ...(data.reason === null
            ? []
            : [
                {
                  key: 'reason',
                  label: t('scorecard.explain.reason'),
                  children: <span data-testid="explain-reason">{reasonText(data.reason)}</span>,
                },
              ]),
          ...(data.unitCoverage === null
            ? []
            : [
                {
                  key: 'coverage',
                  label: t('scorecard.explain.coverage'),
                  children: (
                    <span data-testid="explain-coverage">
                      {t('scorecard.explain.coverageText', {
                        included: formatList(data.unitCoverage.included, language),
                        share:
                          data.unitCoverage.denominatorShare === null
                            ? '—'
                            : formatPercent(data.unitCoverage.denominatorShare, language),
                      })}
                      {data.unitCoverage.leftOut.length === 0
                        ? null
                        : ` ${t('scorecard.unitCoverageLeftOut', { units: formatList(data.unitCoverage.leftOut, language) })}`}
                    </span>
                  ),
                },
              ]),
        ]}
      />
    </div>
  );
}

/** The reason in words; an unknown reason (a newer server) in the short words of lib/no-value-reasons.ts. */
function useReasonText() {
  const { t } = useTranslation();
  return (reason: string) => {
    const key = REASON_KEYS[reason];
    return key === undefined ? t(noValueReasonKey(reason)) : t(key);
  };
}
