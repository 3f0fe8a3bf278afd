import { expect, test } from 'vitest';
import type { ApiClient, RequestOptions } from './api-client.ts';
import { fetchAllPages, PAGE_SIZE } from './fetch-all-pages.ts';

/** A client over `total` numbered items that records the offsets asked for. */
function pagedClient(total: number, shrinkTo?: number): { client: ApiClient; offsets: number[] } {
  const offsets: number[] = [];
  const client: ApiClient = {
    async request<T>(_path: string, options: RequestOptions = {}): Promise<T> {
      const offset = Number(options.query?.offset);
      const limit = Number(options.query?.limit);
      offsets.push(offset);
      const available = offsets.length > 1 && shrinkTo !== undefined ? shrinkTo : total;
      const items = Array.from(
        { length: Math.max(0, Math.min(limit, available - offset)) },
        (_, i) => offset + i,
      );
      const page = { items, total: available, limit, offset };
      return page as T;
    },
  };
  return { client, offsets };
}

test.each([
  { total: 0, offsets: [0] },
  { total: 28, offsets: [0] },
  { total: PAGE_SIZE, offsets: [0] },
  { total: 2 * PAGE_SIZE + 1, offsets: [0, PAGE_SIZE, 2 * PAGE_SIZE] },
])('reads $total items with requests at offsets $offsets', async ({ total, offsets }) => {
  const { client, offsets: asked } = pagedClient(total);
  const items = await fetchAllPages(client, 'GET /api/org-units');
  expect(items).toEqual(Array.from({ length: total }, (_, i) => i));
  expect(asked).toEqual(offsets);
});

test('stops at an empty page when the list shrank while it was being read', async () => {
  const { client, offsets } = pagedClient(PAGE_SIZE + 5, PAGE_SIZE);
  const items = await fetchAllPages(client, 'GET /api/org-units');
  expect(items).toHaveLength(PAGE_SIZE);
  expect(offsets).toEqual([0, PAGE_SIZE]);
});
