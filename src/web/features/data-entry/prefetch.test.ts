/**
 * The data entry page's prefetch (started by a click on its menu entry): it fills the cache under the keys the
 * page reads, so the page finds its values instead of asking for them once drawn.
 */
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { DataElement } from '../../../core/contracts/data-elements.ts';
import type { ApiClient, RequestOptions } from '../../lib/api/api-client.ts';
import { getApprovalQueryOptions, getUnitApprovalsQueryOptions } from '../../lib/api/approvals.ts';
import { getDataValuesQueryOptions } from '../../lib/api/data-values.ts';
import { gridRows, gridSpan, gridValues } from './grid-model.ts';
import { prefetchDataEntry } from './prefetch.ts';

function element(code: string, periodType: DataElement['periodType']): DataElement {
  return {
    code,
    name: { en: code },
    valueType: 'number',
    unit: null,
    aggregation: 'sum',
    periodType,
    timeAggregation: 'sum',
    missingValues: null,
    min: null,
    max: null,
    description: null,
    outliers: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const ELEMENTS = [element('beds', 'month'), element('staff', 'year')];
const FILE = {
  perspectives: [
    {
      id: 'P',
      name: { en: 'Process' },
      objectives: [],
      indicators: [
        {
          id: 'P1',
          name: { en: 'Beds per staff' },
          kind: 'quantitative' as const,
          decimals: 2,
          direction: 'higher' as const,
          formula: 'beds / staff',
        },
      ],
    },
  ],
};
const VALUE = { dataElement: 'beds', orgUnit: 'AZ', period: '2016-03', value: 12 };
const APPROVAL = { scorecard: 'AZ-HOSPITAL', orgUnit: 'AZ', period: '2016', status: 'submitted' };

/** A server in a function: answers each route the page reads, and records the paths asked for. */
function fakeClient(failScorecard = false): { client: ApiClient; paths: string[] } {
  const paths: string[] = [];
  const page = (items: unknown[]) => ({ items, total: items.length, limit: 1000, offset: 0 });
  const client: ApiClient = {
    async request<T>(path: string, _options: RequestOptions = {}): Promise<T> {
      paths.push(path);
      if (path.startsWith('/api/scorecards/')) {
        if (failScorecard) throw new Error('scorecard unavailable');
        return { file: FILE } as T;
      }
      if (path === '/api/data-elements') return page(ELEMENTS) as T;
      if (path === '/api/data-values') return page([VALUE]) as T;
      if (path === '/api/approvals') return page([APPROVAL]) as T;
      return {} as T;
    },
  };
  return { client, paths };
}

const SELECTION = { scorecard: 'AZ-HOSPITAL', orgUnit: 'AZ', period: '2016' };

describe('prefetchDataEntry', () => {
  it("caches the grid's stored values under the key the grid builds from the same rows", async () => {
    const queryClient = new QueryClient();
    const { client } = fakeClient();
    await prefetchDataEntry(queryClient, client, SELECTION);
    const span = gridSpan('2016');
    if (span === null) throw new Error('2016 is a period');
    const { query } = gridValues('AZ', span, gridRows(FILE, ELEMENTS));
    expect(queryClient.getQueryData(getDataValuesQueryOptions(client, query).queryKey)).toEqual([VALUE]);
  });

  it("caches the period's approval and the unit's approvals the grid locks its columns by", async () => {
    const queryClient = new QueryClient();
    const { client } = fakeClient();
    await prefetchDataEntry(queryClient, client, SELECTION);
    await vi.waitFor(() => expect(queryClient.isFetching()).toBe(0));
    const key = { scorecard: 'AZ-HOSPITAL', orgUnit: 'AZ', period: '2016' };
    expect(queryClient.getQueryData(getApprovalQueryOptions(client, key).queryKey)).toEqual(APPROVAL);
    expect(queryClient.getQueryData(getUnitApprovalsQueryOptions(client, 'AZ').queryKey)).toEqual([APPROVAL]);
  });

  it('asks for the approvals and the data quality before the scorecard answers', async () => {
    const queryClient = new QueryClient();
    const { client, paths } = fakeClient();
    const done = prefetchDataEntry(queryClient, client, SELECTION);
    // Nothing has answered yet: every request that needs only the selection has already been made.
    expect(new Set(paths)).toEqual(
      new Set(['/api/approvals', '/api/data-quality', '/api/scorecards/AZ-HOSPITAL', '/api/data-elements']),
    );
    await done;
    expect(paths.filter((path) => path === '/api/data-values')).toHaveLength(1);
  });

  it('resolves without the values when the scorecard cannot be read (the page shows that error)', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const { client, paths } = fakeClient(true);
    await expect(prefetchDataEntry(queryClient, client, SELECTION)).resolves.toBeUndefined();
    expect(paths).not.toContain('/api/data-values');
  });

  it('asks for nothing when the period is not one', async () => {
    const { client, paths } = fakeClient();
    await prefetchDataEntry(new QueryClient(), client, { ...SELECTION, period: 'last year' });
    expect(paths).toEqual([]);
  });
});
