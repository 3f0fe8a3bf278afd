/**
 * The words of the map in the reader's language: a card's name and score line, a link's check. Used by the page
 * and by the SVG export alike, so both say the same.
 */
import type { TFunction } from 'i18next';
import type { StrategyMapJson } from '../../lib/api/strategy-map.ts';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import type { Language } from '../../lib/i18n/languages.ts';
import { localize } from '../../lib/i18n/languages.ts';
import type { MapWords } from './map-svg.ts';

const STATUS_KEYS = {
  met: 'strategyMap.status.met',
  watch: 'strategyMap.status.watch',
  'off-track': 'strategyMap.status.offTrack',
  'no-data': 'strategyMap.status.noData',
} as const;

const SUPPORT_KEYS = {
  supported: 'strategyMap.check.supported',
  'ci-includes-zero': 'strategyMap.check.ciIncludesZero',
  opposite: 'strategyMap.check.opposite',
  'too-few-periods': 'strategyMap.check.tooFewPeriods',
} as const;

/** The words of the series' period types. */
export const GRAIN_KEYS = {
  month: 'strategyMap.grains.month',
  quarter: 'strategyMap.grains.quarter',
  year: 'strategyMap.grains.year',
} as const;

type Objective = StrategyMapJson['lanes'][number]['objectives'][number];
type Link = StrategyMapJson['links'][number];

/** Objectives by id, and indicators named at a link's end. */
export function objectivesById(map: StrategyMapJson): Map<string, Objective> {
  return new Map(map.lanes.flatMap((lane) => lane.objectives.map((o) => [o.id, o] as const)));
}

export function scoreLine(t: TFunction, language: Language, objective: Objective | undefined): string {
  const status = t(STATUS_KEYS[objective?.status ?? 'no-data']);
  if (objective === undefined || objective.score === null) return `${t('strategyMap.noScore')} · ${status}`;
  return `${t('strategyMap.score', { score: formatPercent(objective.score, language) })} · ${status}`;
}

export function checkLabel(t: TFunction, language: Language, link: Link): string {
  const { check } = link;
  if (check.r === null) return t('strategyMap.check.none', { n: check.n });
  return t('strategyMap.check.label', {
    r: formatNumber(check.r, language, 2),
    lag: check.lag ?? 0,
    n: check.n,
  });
}

export function supportWords(t: TFunction, map: StrategyMapJson, link: Link): string {
  return t(SUPPORT_KEYS[link.check.support], { min: map.rule.minPeriods });
}

export function mapWords(t: TFunction, language: Language, map: StrategyMapJson): MapWords {
  const objectives = objectivesById(map);
  return {
    laneName: (i) => (map.lanes[i] === undefined ? '' : localize(map.lanes[i].name, language)),
    cardName: (id) => {
      const objective = objectives.get(id);
      return objective === undefined ? id : localize(objective.name, language);
    },
    cardScore: (id) => scoreLine(t, language, objectives.get(id)),
    linkLabel: (i) => {
      const link = map.links[i];
      return link === undefined ? '' : `${checkLabel(t, language, link)} · ${supportWords(t, map, link)}`;
    },
  };
}
