/**
 * The resource modules' query options: each key rooted at its resource's key factory (so a write that
 * invalidates `xKeys.all` reaches every query of it), every root its own, a query with unknown arguments
 * waiting (skipToken), and a query that runs calling its route.
 */
import { type Query, QueryClient, QueryObserver, skipToken } from '@tanstack/react-query';
import { describe, expect, it, test } from 'vitest';
import type { ApiClient, RequestOptions } from './api-client.ts';
import {
  approvalKeys,
  getApprovalQueryOptions,
  getSubtreeApprovalsQueryOptions,
  getUnitApprovalsQueryOptions,
} from './approvals.ts';
import { assessmentKeys, getAssessmentsQueryOptions } from './assessments.ts';
import { auditExportUrl, auditKeys, getAuditQueryOptions } from './audit.ts';
import {
  dataElementKeys,
  getDataElementPageQueryOptions,
  getDataElementsQueryOptions,
} from './data-elements.ts';
import { dataValueKeys, getDataValuesQueryOptions } from './data-values.ts';
import { evaluationKeys, getEvaluationQueryOptions, getExplainQueryOptions } from './evaluations.ts';
import { getImportHistoryQueryOptions, importChanges, importKeys, templateUrl } from './imports.ts';
import {
  getIndicatorLibraryQueryOptions,
  indicatorLibraryKeys,
  libraryEntryChanges,
} from './indicator-library.ts';
import { getIndicatorsQueryOptions, indicatorKeys } from './indicators.ts';
import { getForecastQueryOptions, getFunnelQueryOptions, monitoringKeys } from './monitoring.ts';
import { getOrgUnitGroupsQueryOptions, orgUnitGroupKeys } from './org-unit-groups.ts';
import { getOrgUnitsQueryOptions, orgUnitKeys } from './org-units.ts';
import { getPeriodsQueryOptions, periodKeys } from './periods.ts';
import { isJustFetched, JUST_FETCHED_MS } from './query.ts';
import { getRankingQueryOptions, rankingKeys } from './rankings.ts';
import {
  getScorecardOrgUnitsQueryOptions,
  getScorecardQueryOptions,
  getScorecardsQueryOptions,
  getScorecardVersionsQueryOptions,
  scorecardKeys,
} from './scorecards.ts';
import { getSeriesQueryOptions, seriesKeys } from './series.ts';
import { getMetaQueryOptions, getSessionQueryOptions, metaKeys, sessionKeys } from './session.ts';
import { getTargetsQueryOptions, targetKeys } from './targets.ts';
import { getTokensQueryOptions, tokenKeys } from './tokens.ts';
import { getUsersQueryOptions, userKeys } from './users.ts';

interface Call {
  readonly path: string;
  readonly query: RequestOptions['query'];
}

/** A client that records each request and answers an empty page (or `{}` for a single resource). */
function recordingClient(): { client: ApiClient; calls: Call[] } {
  const calls: Call[] = [];
  const client: ApiClient = {
    async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
      calls.push({ path, query: options.query });
      const answer = { items: [], total: 0, limit: 1000, offset: 0 };
      return answer as T;
    },
  };
  return { client, calls };
}

const { client } = recordingClient();
const SELECTION = { scorecard: 'UMG-BSC', orgUnit: 'UMG-B1', period: '2024' };

/** Every resource's options, with its key factory's root. */
const OPTIONS = [
  { root: evaluationKeys.all, options: getEvaluationQueryOptions(client, SELECTION) },
  { root: evaluationKeys.all, options: getExplainQueryOptions(client, { ...SELECTION, indicator: 'F1' }) },
  {
    root: seriesKeys.all,
    options: getSeriesQueryOptions(client, { ...SELECTION, from: '2023', to: '2024' }),
  },
  {
    root: rankingKeys.all,
    options: getRankingQueryOptions(client, { ...SELECTION, parent: 'UMG', depth: 'children' }),
  },
  {
    root: monitoringKeys.all,
    options: getFunnelQueryOptions(client, { ...SELECTION, indicator: 'F1', orgUnit: 'UMG' }),
  },
  {
    root: monitoringKeys.all,
    options: getForecastQueryOptions(client, {
      scorecard: 'UMG-BSC',
      orgUnit: 'UMG-B1',
      indicator: 'F1',
      through: '2024-06',
    }),
  },
  { root: scorecardKeys.all, options: getScorecardsQueryOptions(client) },
  { root: scorecardKeys.all, options: getScorecardQueryOptions(client, 'UMG-BSC') },
  { root: scorecardKeys.all, options: getScorecardVersionsQueryOptions(client, 'UMG-BSC') },
  { root: scorecardKeys.all, options: getScorecardOrgUnitsQueryOptions(client, 'UMG-BSC') },
  { root: indicatorKeys.all, options: getIndicatorsQueryOptions(client, 'UMG-BSC') },
  {
    root: indicatorLibraryKeys.all,
    options: getIndicatorLibraryQueryOptions(client, { q: '本院', source: 'custom' }),
  },
  { root: orgUnitKeys.all, options: getOrgUnitsQueryOptions(client) },
  { root: orgUnitGroupKeys.all, options: getOrgUnitGroupsQueryOptions(client) },
  { root: periodKeys.all, options: getPeriodsQueryOptions(client) },
  { root: dataElementKeys.all, options: getDataElementsQueryOptions(client) },
  {
    root: dataElementKeys.all,
    options: getDataElementPageQueryOptions(client, { q: '', limit: 20, offset: 0 }),
  },
  {
    root: dataValueKeys.all,
    options: getDataValuesQueryOptions(client, {
      orgUnit: 'UMG-B1',
      from: '2024-01',
      to: '2024-03',
      dataElements: ['a'],
    }),
  },
  { root: approvalKeys.all, options: getApprovalQueryOptions(client, SELECTION) },
  { root: approvalKeys.all, options: getSubtreeApprovalsQueryOptions(client, SELECTION) },
  { root: approvalKeys.all, options: getUnitApprovalsQueryOptions(client, 'UMG-B1') },
  { root: assessmentKeys.all, options: getAssessmentsQueryOptions(client, SELECTION) },
  { root: targetKeys.all, options: getTargetsQueryOptions(client, 'UMG-BSC', 'F1') },
  { root: userKeys.all, options: getUsersQueryOptions(client) },
  { root: tokenKeys.all, options: getTokensQueryOptions(client) },
  { root: auditKeys.all, options: getAuditQueryOptions(client, { limit: 20, offset: 0 }) },
  { root: importKeys.all, options: getImportHistoryQueryOptions(client, { limit: 10, offset: 0 }) },
  { root: metaKeys.all, options: getMetaQueryOptions(client) },
  { root: sessionKeys.all, options: getSessionQueryOptions(client) },
];

describe('query keys', () => {
  test.each(OPTIONS.map(({ root, options }) => ({ root, key: options.queryKey })))(
    'roots $key at $root',
    ({ root, key }) => {
      expect(key.slice(0, root.length)).toEqual(root);
    },
  );

  it('gives every resource a root of its own', () => {
    const roots = new Set(OPTIONS.map(({ root }) => root.join('/')));
    expect(roots.size).toBe(21);
  });
});

describe('a query whose arguments are not known yet', () => {
  test.each([
    { what: 'an evaluation', options: getEvaluationQueryOptions(client, null) },
    { what: 'a series', options: getSeriesQueryOptions(client, null) },
    { what: 'a ranking', options: getRankingQueryOptions(client, null) },
    { what: 'a scorecard', options: getScorecardQueryOptions(client, null) },
    { what: "a scorecard's indicators", options: getIndicatorsQueryOptions(client, null) },
    { what: 'an approval', options: getApprovalQueryOptions(client, null) },
    { what: 'the assessments', options: getAssessmentsQueryOptions(client, null) },
    { what: "an indicator's targets", options: getTargetsQueryOptions(client, 'UMG-BSC', null) },
    {
      what: 'a grid without elements',
      options: getDataValuesQueryOptions(client, {
        orgUnit: 'X',
        from: '2024-01',
        to: '2024-01',
        dataElements: [],
      }),
    },
  ])('waits for $what', ({ options }) => {
    expect(options.queryFn).toBe(skipToken);
  });
});

describe('a query that runs', () => {
  it('calls its route with the selection as the query string', async () => {
    const { client: recording, calls } = recordingClient();
    await new QueryClient().fetchQuery(getEvaluationQueryOptions(recording, SELECTION));
    expect(calls).toEqual([{ path: '/api/evaluations', query: SELECTION }]);
  });

  it('reads every page of a list route', async () => {
    const { client: recording, calls } = recordingClient();
    await new QueryClient().fetchQuery(getOrgUnitsQueryOptions(recording));
    expect(calls).toEqual([{ path: '/api/org-units', query: { limit: 1000, offset: 0 } }]);
  });

  it('asks for the approvals of a subtree', async () => {
    const { client: recording, calls } = recordingClient();
    await new QueryClient().fetchQuery(getSubtreeApprovalsQueryOptions(recording, SELECTION));
    expect(calls[0]?.query).toEqual({ ...SELECTION, includeDescendants: 'true', limit: 1000, offset: 0 });
  });

  it('asks for every approval of one unit, of any scorecard and period (the entry grid locks their columns)', async () => {
    const { client: recording, calls } = recordingClient();
    await new QueryClient().fetchQuery(getUnitApprovalsQueryOptions(recording, 'UMG-B1'));
    expect(calls).toEqual([{ path: '/api/approvals', query: { orgUnit: 'UMG-B1', limit: 1000, offset: 0 } }]);
  });

  it('reads the one approval of a unit, period and scorecard, or null when there is none', async () => {
    const { client: recording } = recordingClient();
    await expect(
      new QueryClient().fetchQuery(getApprovalQueryOptions(recording, SELECTION)),
    ).resolves.toBeNull();
  });

  it('leaves a blank search out of the data elements’ query string', async () => {
    const { client: recording, calls } = recordingClient();
    await new QueryClient().fetchQuery(
      getDataElementPageQueryOptions(recording, { q: ' ', limit: 20, offset: 40 }),
    );
    expect(calls[0]?.query).toEqual({ limit: 20, offset: 40 });
  });
});

describe('what an import changes', () => {
  test.each([
    {
      kind: 'data',
      roots: [
        'imports',
        'data-values',
        'periods',
        'approvals',
        'evaluations',
        'series',
        'rankings',
        'monitoring',
        'pivot',
      ],
    },
    {
      kind: 'targets',
      roots: ['imports', 'targets', 'evaluations', 'series', 'rankings', 'monitoring', 'pivot'],
    },
    {
      kind: 'assessments',
      roots: ['imports', 'assessments', 'evaluations', 'series', 'rankings', 'monitoring', 'pivot'],
    },
    { kind: 'reported', roots: ['imports', 'evaluations', 'series', 'rankings', 'monitoring', 'pivot'] },
    {
      kind: 'metadata',
      roots: [
        'imports',
        'scorecards',
        'org-units',
        'data-elements',
        'indicators',
        'evaluations',
        'series',
        'rankings',
        'monitoring',
        'pivot',
      ],
    },
  ] as const)('refreshes $roots after a $kind import', ({ kind, roots }) => {
    expect(importChanges(kind).map((key) => key[0])).toEqual(roots);
  });
});

describe('what a write of an own library entry changes', () => {
  it('is the library, and only the library', () => {
    expect(libraryEntryChanges.map((key) => key.join('/'))).toEqual(['indicator-library']);
  });

  it('reaches a search of the library', () => {
    const search = getIndicatorLibraryQueryOptions(client, { source: 'custom' }).queryKey;
    expect(libraryEntryChanges.some((key) => key.every((part, i) => search[i] === part))).toBe(true);
  });
});

describe('links', () => {
  it('builds the template of a scorecard', () => {
    expect(templateUrl('UMG BSC', 'xlsx')).toBe('/api/templates/UMG%20BSC?format=xlsx');
  });

  it('builds the audit export of a unit’s subtree', () => {
    expect(auditExportUrl({ orgUnit: 'UMG-B1', includeDescendants: 'true', format: 'csv' })).toBe(
      '/api/audit/export?orgUnit=UMG-B1&includeDescendants=true&format=csv',
    );
  });
});

describe('isJustFetched', () => {
  const fetchedAt = (dataUpdatedAt: number) => ({ state: { dataUpdatedAt } }) as Pick<Query, 'state'>;

  it('holds for data that arrived within the last two seconds', () => {
    expect(isJustFetched(fetchedAt(10_000), 10_000 + JUST_FETCHED_MS - 1)).toBe(true);
  });

  it('does not hold for older data, nor for a query that has no data yet', () => {
    expect([
      isJustFetched(fetchedAt(10_000), 10_000 + JUST_FETCHED_MS),
      isJustFetched(fetchedAt(0), 1),
    ]).toEqual([false, false]);
  });

  it('keeps a grid query that a click has just fetched from being fetched again when the page mounts', async () => {
    const { client, calls } = recordingClient();
    const queryClient = new QueryClient();
    const options = getDataValuesQueryOptions(client, {
      orgUnit: 'AZ',
      from: '2016-01',
      to: '2016-12',
      dataElements: ['beds'],
    });
    await queryClient.prefetchQuery(options);
    const observer = new QueryObserver(queryClient, options);
    const unsubscribe = observer.subscribe(() => {});
    unsubscribe();
    expect(calls).toHaveLength(1);
  });
});
