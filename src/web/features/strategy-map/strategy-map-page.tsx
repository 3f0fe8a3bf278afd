/**
 * The strategy map of the header's scorecard, unit and period (issue "From red to done", §1): perspectives as
 * lanes, objective cards coloured by status with their score, cause → effect arrows with their check against
 * the data (links the data does not support are dashed, never hidden). A strategist edits objectives and links
 * here; everyone can export the map as SVG or PNG.
 *
 * `onCreateAction` is the hook for the action plans: given, the objective dialog shows "Create an action" and
 * calls it with the objective, its indicators, the unit and the period (wired by the app once actions exist).
 */
import { Alert, Button, Segmented, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ActionTarget, CreateActionDialog } from '../../components/create-action-dialog.tsx';
import { LoadingPanel } from '../../components/loading-panel.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { useSession } from '../../lib/api/session.ts';
import {
  type StrategyBody,
  type StrategyMapJson,
  useSaveStrategy,
  useStrategy,
  useStrategyMap,
} from '../../lib/api/strategy-map.ts';
import { formatPeriod } from '../../lib/format.ts';
import { useLanguage } from '../../lib/i18n/use-language.ts';
import { useSelection } from '../../lib/use-selection.ts';
import { LinkEditor } from './components/link-editor.tsx';
import { MapCanvas } from './components/map-canvas.tsx';
import { ObjectiveEditor, type StrategyObjective } from './components/objective-editor.tsx';
import { layoutStrategyMap, type MapLayout } from './map-layout.ts';
import { mapToSvg } from './map-svg.ts';
import { GRAIN_KEYS, mapWords } from './map-words.ts';

/** What an action created from the map answers: an objective's indicators for a unit and period. */
export interface CreateActionTarget {
  readonly scorecard: string;
  readonly orgUnit: string;
  readonly period: string;
  readonly objective: string;
  readonly indicators: readonly string[];
}

type Grain = 'month' | 'quarter' | 'year';

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Draws the SVG on a canvas at twice its size and saves it as PNG. */
function downloadPng(name: string, svg: string, width: number, height: number) {
  const image = new Image();
  image.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const context = canvas.getContext('2d');
    if (context === null) return;
    context.scale(2, 2);
    context.drawImage(image, 0, 0);
    canvas.toBlob((blob) => {
      if (blob !== null) download(name, blob);
    }, 'image/png');
  };
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export function StrategyMapPage({
  onCreateAction,
}: {
  readonly onCreateAction?: (target: CreateActionTarget) => void;
}) {
  const { t } = useTranslation();
  // Without a handler of its own, "Create an action" opens the action plans' dialog on the objective's first
  // indicator (an action answers an indicator × unit × period; the objective is kept with it).
  const [actionTarget, setActionTarget] = useState<ActionTarget | null>(null);
  const createAction =
    onCreateAction ??
    ((target: CreateActionTarget) => {
      const [indicator] = target.indicators;
      if (indicator === undefined) return;
      setActionTarget({
        origin: 'objective',
        scorecard: target.scorecard,
        orgUnit: target.orgUnit,
        period: target.period,
        indicator,
        objective: target.objective,
      });
    });
  const language = useLanguage();
  const [savedText, setSavedText] = useState<string | null>(null);
  const { complete } = useSelection();
  const [grain, setGrain] = useState<Grain>('month');
  const map = useStrategyMap(complete === null ? null : { ...complete, grain });
  const strategy = useStrategy(complete?.scorecard ?? null);
  const session = useSession();
  const user = session.data?.user;
  const editable =
    user !== undefined &&
    user !== null &&
    (user.administrator || user.assignments.some((a) => a.role === 'admin' || a.role === 'strategist'));
  const save = useSaveStrategy();
  const [layout, setLayout] = useState<{ map: StrategyMapJson; layout: MapLayout } | null>(null);
  const [openCard, setOpenCard] = useState<string | null>(null);
  const [openLink, setOpenLink] = useState<number | null>(null);

  useEffect(() => {
    const data = map.data;
    if (data === undefined) return;
    let live = true;
    void layoutStrategyMap(data).then((laid) => {
      if (live) setLayout({ map: data, layout: laid });
    });
    return () => {
      live = false;
    };
  }, [map.data]);

  const shown = layout !== null && layout.map === map.data ? layout : null;
  const words = useMemo(
    () => (shown === null ? null : mapWords(t, language, shown.map)),
    [shown, t, language],
  );
  const objectiveCount = map.data?.lanes.reduce((n, lane) => n + lane.objectives.length, 0) ?? 0;

  const store = (body: StrategyBody, done: () => void) => {
    if (complete === null) return;
    save.mutate(
      { code: complete.scorecard, body },
      {
        onSuccess: (result) => {
          setSavedText(
            result.version === null
              ? t('strategyMap.unchanged')
              : t('strategyMap.saved', { version: result.version }),
          );
          done();
        },
      },
    );
  };
  const current = strategy.data;
  const withLinks = (links: StrategyBody['links']): StrategyBody | null =>
    current === undefined ? null : { objectives: current.objectives, links };

  const exportName =
    complete === null
      ? 'strategy-map'
      : `strategy-map-${complete.scorecard}-${complete.orgUnit}-${complete.period}`;
  const svg = shown === null || words === null ? null : mapToSvg(shown.map, shown.layout, words);

  const cardObjective =
    openCard === null
      ? undefined
      : map.data?.lanes.flatMap((l) => l.objectives).find((o) => o.id === openCard);
  const link = openLink === null ? undefined : map.data?.links[openLink];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading id="strategy-map-title" title={t('strategyMap.title')} selection={complete} />
      {complete === null ? (
        <Alert type="info" showIcon title={t('strategyMap.selectFirst')} />
      ) : (
        <>
          <Space wrap>
            <Typography.Text>{t('strategyMap.grain')}</Typography.Text>
            <Segmented<Grain>
              value={grain}
              onChange={setGrain}
              options={(['month', 'quarter', 'year'] as const).map((g) => ({
                value: g,
                label: t(GRAIN_KEYS[g]),
              }))}
            />
            <Button
              data-testid="export-svg"
              disabled={svg === null}
              onClick={() =>
                svg !== null && download(`${exportName}.svg`, new Blob([svg], { type: 'image/svg+xml' }))
              }
            >
              {t('strategyMap.exportSvg')}
            </Button>
            <Button
              data-testid="export-png"
              disabled={svg === null || shown === null}
              onClick={() =>
                svg !== null &&
                shown !== null &&
                downloadPng(`${exportName}.png`, svg, shown.layout.width, shown.layout.height)
              }
            >
              {t('strategyMap.exportPng')}
            </Button>
          </Space>
          {map.data === undefined ? null : (
            <Typography.Paragraph type="secondary" data-testid="link-rule">
              {t('strategyMap.rule', {
                count: map.data.periods.length,
                from: formatPeriod(map.data.periods[0] ?? '', language),
                to: formatPeriod(map.data.periods.at(-1) ?? '', language),
                maxLag: map.data.rule.maxLag,
              })}
            </Typography.Paragraph>
          )}
          {editable ? (
            <Typography.Text type="secondary">{t('strategyMap.designerHint')}</Typography.Text>
          ) : null}
          {savedText === null ? null : (
            <Alert type="success" showIcon data-testid="strategy-saved" title={savedText} />
          )}
          <LoadingPanel
            isLoading={map.isLoading || (map.data !== undefined && shown === null && objectiveCount > 0)}
            error={map.error}
            isEmpty={map.data !== undefined && objectiveCount === 0}
            emptyText={t('strategyMap.empty')}
            onRetry={() => void map.refetch()}
          >
            {shown === null ? null : (
              <MapCanvas
                map={shown.map}
                layout={shown.layout}
                editable={editable && current !== undefined}
                onCardClick={setOpenCard}
                onLinkClick={setOpenLink}
                onConnect={(from, to) => {
                  const body = withLinks([...(current?.links ?? []), { from, to }]);
                  if (body !== null) store(body, () => {});
                }}
              />
            )}
          </LoadingPanel>
        </>
      )}
      {cardObjective === undefined || complete === null ? null : (
        <ObjectiveEditor
          objective={cardObjective}
          stored={current?.objectives.find((o) => o.id === cardObjective.id)}
          editable={editable && current !== undefined}
          saving={save.isPending}
          onClose={() => setOpenCard(null)}
          onSave={(objective: StrategyObjective) => {
            if (current === undefined) return;
            const objectives = current.objectives.map((o) => (o.id === objective.id ? objective : o));
            store({ objectives, links: current.links }, () => setOpenCard(null));
          }}
          onCreateAction={
            cardObjective.indicators.length === 0
              ? undefined
              : () =>
                  createAction({
                    ...complete,
                    objective: cardObjective.id,
                    indicators: cardObjective.indicators.map((i) => i.id),
                  })
          }
        />
      )}
      {link === undefined || openLink === null || map.data === undefined || words === null ? null : (
        <LinkEditor
          key={openLink}
          map={map.data}
          link={link}
          names={(id) => words.cardName(id)}
          editable={editable && current !== undefined}
          saving={save.isPending}
          onClose={() => setOpenLink(null)}
          onSave={(note) => {
            const links = (current?.links ?? []).map((l) =>
              l.from === link.from && l.to === link.to
                ? { from: l.from, to: l.to, ...(note.trim() ? { note: note.trim() } : {}) }
                : l,
            );
            const body = withLinks(links);
            if (body !== null) store(body, () => setOpenLink(null));
          }}
          onDelete={() => {
            const body = withLinks(
              (current?.links ?? []).filter((l) => !(l.from === link.from && l.to === link.to)),
            );
            if (body !== null) store(body, () => setOpenLink(null));
          }}
        />
      )}
      {actionTarget === null ? null : (
        <CreateActionDialog
          target={actionTarget}
          onClose={() => setActionTarget(null)}
          onCreated={() => setActionTarget(null)}
        />
      )}
    </Space>
  );
}
