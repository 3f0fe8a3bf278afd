/**
 * Published scores over HTTP on PGlite and PostgreSQL (issue 10, "Must show"): publish → change a value → the
 * published score is unchanged and the restatement lists the difference; republishing without a reason is
 * refused and with one keeps the earlier publication; periods with unapproved data must be named; a change of
 * weights after a publication holds by default from the next unpublished period.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { createDatedWorld, type DatedWorld, valuesOf } from '../../../test/fixtures/dated-world.ts';
import { auditOf } from '../../../test/fixtures/observe.ts';
import { FIXTURE_ACTOR, FIXTURE_APPROVER, TEST_ADMIN } from '../../../test/fixtures/server.ts';
import type { Page } from '../../core/contracts/common.ts';
import type { EvaluationJson } from '../../core/contracts/evaluation.ts';
import type { Publication, PublicationCheck, RestatementJson } from '../../core/contracts/publications.ts';
import type { ScorecardVersions } from '../../core/contracts/scorecards.ts';
import { approveData, submitApproval } from '../services/approvals.service.ts';

describeEachEngine('published scores', (getDb) => {
  let w: DatedWorld;
  let first: Publication;
  /** The group's evaluation of 2023 as published. */
  let published: EvaluationJson;

  const key = () => ({ scorecard: w.scorecard, orgUnit: w.units.group, period: '2023' });
  const query = (extra: Record<string, string> = {}) =>
    new URLSearchParams({ ...key(), ...extra }).toString();

  async function evaluation(extra: Record<string, string> = {}): Promise<EvaluationJson> {
    const response = await w.server.request('GET', `/api/evaluations?${query(extra)}`);
    if (response.statusCode !== 200) throw new Error(response.body);
    return response.json<EvaluationJson>();
  }

  beforeAll(async () => {
    w = await createDatedWorld(getDb());
  });
  afterAll(() => w.server.close());

  describe('publishing', () => {
    it('says what publishing would do: three units, nothing published before, 2023 unapproved', async () => {
      const response = await w.server.request('GET', `/api/publications/check?${query()}`);
      expect(response.json<PublicationCheck>()).toEqual({
        units: 3,
        previous: null,
        unapprovedPeriods: ['2023'],
      });
    });

    it('refuses a period with unapproved data unless the publisher names it, and stores nothing', async () => {
      const response = await w.server.request('POST', '/api/publications', key());
      const list = await w.server.request('GET', `/api/publications?scorecard=${w.scorecard}`);
      expect([
        response.statusCode,
        response.json().code,
        response.json().params,
        list.json<Page<Publication>>().total,
      ]).toEqual([409, 'publication.unapproved-data', { orgUnit: w.units.group, periods: '2023' }, 0]);
    });

    it('publishes the subtree with the unapproved period named, and says so', async () => {
      w.tick();
      const response = await w.server.request('POST', '/api/publications', {
        ...key(),
        unapprovedPeriods: ['2023'],
      });
      first = response.json<Publication>();
      expect([response.statusCode, first]).toEqual([
        201,
        {
          id: expect.any(Number),
          ...key(),
          publishedBy: TEST_ADMIN.email,
          publishedAt: w.now().toISOString(),
          reason: null,
          replaces: null,
          unapprovedPeriods: ['2023'],
          units: 3,
          versions: {
            structure: { id: expect.any(Number), version: 1 },
            weights: { id: expect.any(Number), version: 1 },
          },
        },
      ]);
    });

    it('audits the publication', async () => {
      const audit = await auditOf(w.server, 'publication', `${w.scorecard}/${w.units.group}/2023`);
      expect(audit.map((a) => [a.action, a.actor, a.newValue, a.reason])).toEqual([
        [
          'publish',
          TEST_ADMIN.email,
          { id: first.id, units: 3, structureVersion: 1, weightVersion: 1, unapprovedPeriods: ['2023'] },
          null,
        ],
      ]);
    });

    it('serves the published score as published, with who and when', async () => {
      const today = await evaluation();
      published = await evaluation({ view: 'published' });
      expect([published.view, published.total, published.publication, today.publication]).toEqual([
        'published',
        today.total,
        { id: first.id, at: first.publishedAt, by: TEST_ADMIN.email, differs: false },
        { id: first.id, at: first.publishedAt, by: TEST_ADMIN.email, differs: false },
      ]);
    });

    it('serves a unit under the published one as published too', async () => {
      const unit = await w.server.request(
        'GET',
        `/api/evaluations?${new URLSearchParams({ ...key(), orgUnit: w.units.h2, view: 'published' })}`,
      );
      expect([unit.statusCode, unit.json<EvaluationJson>().publication?.id]).toEqual([200, first.id]);
    });
  });

  describe('a value changed after publishing', () => {
    let oldOccupied: number;
    beforeAll(async () => {
      w.tick();
      oldOccupied = valuesOf(0, '2023-05').occupied ?? 0;
      const response = await w.server.request('POST', '/api/data-values', {
        values: [
          {
            orgUnit: w.units.h1,
            dataElement: `${w.scorecard}_occupied`,
            period: '2023-05',
            value: oldOccupied + 600,
          },
        ],
      });
      if (response.statusCode !== 200) throw new Error(response.body);
    });

    it('leaves the published score exactly as published, and says today differs', async () => {
      const { publication, ...frozen } = await evaluation({ view: 'published' });
      const { publication: before, ...asPublished } = published;
      expect([frozen, publication]).toEqual([asPublished, { ...before, differs: true }]);
    });

    it("changes today's computation, which says it differs from the publication", async () => {
      const today = await evaluation();
      expect([today.total === published.total, today.publication?.differs]).toEqual([false, true]);
    });

    it('is listed by the restatement: indicator, published, now, why', async () => {
      const response = await w.server.request('GET', `/api/evaluations/restatement?${query()}`);
      const restatement = response.json<RestatementJson>();
      const occ = restatement.differences.filter((d) => d.indicator === 'OCC');
      const before = published.perspectives[0]?.indicators[0]?.actual ?? 0;
      expect([
        response.statusCode,
        occ.map((d) => [d.figure, d.published, d.why]),
        occ[0]?.now,
        restatement.why,
        restatement.total.published,
        restatement.publication.id,
      ]).toEqual([
        200,
        [
          ['actual', before, ['values']],
          ['quantified', published.perspectives[0]?.indicators[0]?.quantified ?? null, ['values']],
          ['score', published.perspectives[0]?.indicators[0]?.score ?? null, ['values']],
        ],
        // 600 more occupied bed days over the group's 2023 (24 hospital-months of available bed days).
        before + (600 / (12 * 1000 + 12 * 1100)) * 100,
        ['values'],
        published.total,
        first.id,
      ]);
    });
  });

  describe('republishing', () => {
    it('is refused without a reason, naming the earlier publication, and stores nothing', async () => {
      const response = await w.server.request('POST', '/api/publications', {
        ...key(),
        unapprovedPeriods: ['2023'],
      });
      const list = await w.server.request('GET', `/api/publications?scorecard=${w.scorecard}`);
      expect([
        response.statusCode,
        response.json().code,
        response.json().params,
        response.json().issues.map((i: { path: unknown }) => i.path),
        list.json<Page<Publication>>().total,
      ]).toEqual([
        400,
        'publication.reason-required',
        { id: first.id, publishedAt: first.publishedAt, publishedBy: TEST_ADMIN.email },
        [['reason']],
        1,
      ]);
    });

    it('with a reason replaces the earlier publication and keeps it', async () => {
      const beforeRepublishing = w.now();
      w.tick();
      const response = await w.server.request('POST', '/api/publications', {
        ...key(),
        reason: 'corrected occupied bed days of May',
        unapprovedPeriods: ['2023'],
      });
      const second = response.json<Publication>();
      const kept = await w.server.request('GET', `/api/publications/${first.id}`);
      const then = await evaluation({ view: 'published', asOf: beforeRepublishing.toISOString() });
      expect([
        response.statusCode,
        second.replaces,
        second.reason,
        kept.json<Publication>(),
        (await evaluation({ view: 'published' })).publication?.id,
        { ...then, publication: undefined },
      ]).toEqual([
        201,
        first.id,
        'corrected occupied bed days of May',
        first,
        second.id,
        { ...published, publication: undefined },
      ]);
    });

    it('lists both publications, newest first', async () => {
      const list = await w.server.request('GET', `/api/publications?scorecard=${w.scorecard}`);
      expect(list.json<Page<Publication>>().items.map((p) => p.replaces)).toEqual([first.id, null]);
    });

    it('still restates today against the earlier publication when named', async () => {
      const response = await w.server.request(
        'GET',
        `/api/evaluations/restatement?${query({ publication: String(first.id) })}`,
      );
      expect([response.statusCode, response.json<RestatementJson>().why]).toEqual([200, ['values']]);
    });
  });

  describe('after a publication', () => {
    it('a change of weights holds by default from the next unpublished period', async () => {
      w.tick();
      const versions = await w.server.request('GET', `/api/scorecards/${w.scorecard}/versions`);
      const put = await w.server.request('PUT', `/api/scorecards/${w.scorecard}/weights`, {
        weights: {
          perspectives: { manual: { I: 0.5, C: 0.5 } },
          indicators: { I: { manual: { OCC: 0.5, TURN: 0.5 } }, C: { manual: { FLOW: 1 } } },
        },
      });
      const today = await evaluation();
      expect([
        versions.json<ScorecardVersions>().publishedThrough,
        versions.json<ScorecardVersions>().defaultEffectiveFrom,
        put.json().effectiveFrom,
        today.publication?.differs,
      ]).toEqual(['2023', '2024-01', '2024-01', false]);
    });

    it('approved data is published without naming anything', async () => {
      const month = { scorecard: w.scorecard, orgUnit: w.units.group, period: '2024-01' };
      await submitApproval(w.server.ctx, FIXTURE_ACTOR, month);
      await approveData(w.server.ctx, FIXTURE_APPROVER, month);
      const response = await w.server.request('POST', '/api/publications', month);
      expect([response.statusCode, response.json<Publication>().unapprovedPeriods]).toEqual([201, []]);
    });

    it('answers 404 for the published view of a period never published', async () => {
      const response = await w.server.request(
        'GET',
        `/api/evaluations?${new URLSearchParams({ ...key(), period: '2024-02', view: 'published' })}`,
      );
      expect([response.statusCode, response.json().code]).toEqual([404, 'publication.none']);
    });
  });

  describe('append-only', () => {
    it.each([
      ['publication', 'UPDATE', "update publication set reason = 'rewritten'"],
      ['publication_result', 'UPDATE', 'update publication_result set total = 100'],
      ['publication_input', 'DELETE', 'delete from publication_input'],
      ['publication', 'TRUNCATE', 'truncate publication cascade'],
      ['target_history', 'DELETE', 'delete from target_history where id = -1'],
    ])('refuses to change %s (%s) and keeps every publication', async (table, operation, statement) => {
      const before = await sql<{ n: number }>`select count(*)::int as n from publication_input`.execute(
        getDb().kysely,
      );
      await expect(sql`${sql.raw(statement)}`.execute(getDb().kysely)).rejects.toMatchObject({
        message: `${table} is append-only: ${operation} is not allowed`,
      });
      const after = await sql<{ n: number }>`select count(*)::int as n from publication_input`.execute(
        getDb().kysely,
      );
      expect([after.rows[0]?.n, (before.rows[0]?.n ?? 0) > 0]).toEqual([before.rows[0]?.n, true]);
    });
  });
});
