/**
 * ETags of evaluations, rankings and series (plugins/etags.ts): a repeated request with If-None-Match gets
 * 304 and no body; a changed value, or another reader's scope, gives another tag.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { createDatedWorld, type DatedWorld } from '../../../test/fixtures/dated-world.ts';
import { FIXTURE_ACTOR } from '../../../test/fixtures/server.ts';
import { writeDataValues } from '../services/data-values.service.ts';

describeEachEngine('ETags of evaluations', (getDb) => {
  let w: DatedWorld;
  const urls = () => ({
    evaluation: `/api/evaluations?scorecard=${w.scorecard}&orgUnit=${w.units.group}&period=2024`,
    ranking: `/api/rankings?scorecard=${w.scorecard}&parent=${w.units.group}&period=2024`,
    series: `/api/series?scorecard=${w.scorecard}&orgUnit=${w.units.h1}&from=2024-01&to=2024-06`,
  });

  async function tagOf(url: string): Promise<string> {
    const response = await w.server.request('GET', url);
    return String(response.headers.etag);
  }

  async function ask(url: string, etag: string) {
    const session = await w.server.adminSession();
    return w.server.requestAs(session, 'GET', url, undefined, { 'if-none-match': etag });
  }

  beforeAll(async () => {
    w = await createDatedWorld(getDb());
  });
  afterAll(() => w.server.close());

  it.each(['evaluation', 'ranking', 'series'] as const)(
    'answers a repeated %s request naming its ETag with 304 and no body',
    async (kind) => {
      const url = urls()[kind];
      const response = await ask(url, await tagOf(url));
      expect([response.statusCode, response.body]).toEqual([304, '']);
    },
  );

  it('tags an evaluation weakly, with the metadata and data revisions it rests on', async () => {
    expect(await tagOf(urls().evaluation)).toMatch(/^W\/"m\d+\.r\d+\.[\w-]+\.[\w-]+"$/);
  });

  it('gives a new ETag, and the full answer to the old one, after a value changes', async () => {
    const url = urls().evaluation;
    const before = await tagOf(url);
    await writeDataValues(w.server.ctx, FIXTURE_ACTOR, {
      values: [
        { orgUnit: w.units.h1, dataElement: `${w.scorecard}_occupied`, period: '2024-05', value: 990 },
      ],
    });
    const after = await ask(url, before);
    expect([after.statusCode, after.headers.etag === before]).toEqual([200, false]);
  });

  it('gives a reader of one hospital another ETag than an administrator for the same answer', async () => {
    const url = urls().series;
    const reader = await w.server.sessionWith([{ role: 'viewer', orgUnit: w.units.h1 }]);
    const theirs = await w.server.requestAs(reader, 'GET', url);
    const mine = await w.server.request('GET', url);
    expect([theirs.body === mine.body, theirs.headers.etag === mine.headers.etag]).toEqual([true, false]);
  });
});
