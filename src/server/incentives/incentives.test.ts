/**
 * Incentive allocation over HTTP on PGlite and PostgreSQL (issue 15's allocation "Must show"): the amounts add up
 * exactly to the pool; threshold, caps and tiers change them as the rule says; an unpublished period is refused;
 * the creator's own approval is refused; a restatement keeps the earlier allocation. The world: group G with
 * hospitals H1 and H2 (test/fixtures/dated-world.ts), 2023 published by the test itself.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { createDatedWorld, type DatedWorld } from '../../../test/fixtures/dated-world.ts';
import { auditOf } from '../../../test/fixtures/observe.ts';
import { pdfPages } from '../../../test/fixtures/pdf.ts';
import { TEST_ADMIN, type TestSession } from '../../../test/fixtures/server.ts';
import type { Page } from '../../core/contracts/common.ts';
import type { Allocation, AllocationPreview, AllocationRuleJson } from '../../core/contracts/incentives.ts';
import type { Publication } from '../../core/contracts/publications.ts';

describeEachEngine('incentive allocation', (getDb) => {
  let w: DatedWorld;
  let publication: Publication;
  let approver: TestSession;
  let first: Allocation;

  const body = (rule: Partial<AllocationRuleJson> = {}, extra: Record<string, unknown> = {}) => ({
    scorecard: w.scorecard,
    orgUnit: w.units.group,
    period: '2023',
    pool: 10_000,
    currency: 'CNY',
    rule: { base: 'equal', rounding: 1, ...rule },
    ...extra,
  });

  async function preview(rule: Partial<AllocationRuleJson> = {}): Promise<AllocationPreview> {
    const response = await w.server.request('POST', '/api/incentives/preview', body(rule));
    if (response.statusCode !== 200) throw new Error(response.body);
    return response.json<AllocationPreview>();
  }

  const amounts = (p: AllocationPreview) => p.units.map((u) => u.amount);
  const sum = (p: AllocationPreview) => p.units.reduce((a, u) => a + u.amount, 0);

  beforeAll(async () => {
    w = await createDatedWorld(getDb());
    approver = await w.server.sessionWith([{ role: 'approver', orgUnit: w.units.group }]);
  });
  afterAll(() => w.server.close());

  it('refuses to allocate from a period that is not published', async () => {
    const response = await w.server.request('POST', '/api/incentives/preview', body());
    expect([response.statusCode, response.json().code, response.json().params]).toEqual([
      409,
      'incentive.unpublished-period',
      { scorecard: w.scorecard, orgUnit: w.units.group, period: '2023' },
    ]);
  });

  describe('from the published 2023', () => {
    beforeAll(async () => {
      w.tick();
      const response = await w.server.request('POST', '/api/publications', {
        scorecard: w.scorecard,
        orgUnit: w.units.group,
        period: '2023',
        unapprovedPeriods: ['2023'],
      });
      publication = response.json<Publication>();
    });

    it('shares the pool among the hospitals by their published totals, naming the publication', async () => {
      const result = await preview();
      const published = await Promise.all(
        [w.units.h1, w.units.h2].map(async (unit) => {
          const q = new URLSearchParams({
            scorecard: w.scorecard,
            orgUnit: unit,
            period: '2023',
            view: 'published',
          });
          return (await w.server.request('GET', `/api/evaluations?${q}`)).json<{ total: number }>().total;
        }),
      );
      expect([result.publication.id, result.units.map((u) => [u.orgUnit, u.score])]).toEqual([
        publication.id,
        [
          [w.units.h1, published[0]],
          [w.units.h2, published[1]],
        ],
      ]);
    });

    it('adds up exactly to the pool after rounding to the yuan', async () => {
      expect(sum(await preview())).toBe(10_000);
    });

    it('adds up exactly to an odd pool rounded to the fen', async () => {
      const response = await w.server.request('POST', '/api/incentives/preview', {
        ...body({ rounding: 0.01 }),
        pool: 3333.33,
      });
      const result = response.json<AllocationPreview>();
      expect(Math.round(sum(result) * 100)).toBe(333_333);
    });

    it('gives nothing below the threshold and the whole pool to the other hospital', async () => {
      const scores = (await preview()).units.map((u) => u.score ?? 0);
      const threshold = (Math.min(...scores) + Math.max(...scores)) / 2;
      const result = await preview({ threshold });
      const low = scores.indexOf(Math.min(...scores));
      expect(result.units.map((u, i) => [u.amount, u.excluded, i === low])).toEqual(
        result.units.map((_, i) => (i === low ? [0, 'below-threshold', true] : [10_000, null, false])),
      );
    });

    it('holds the larger share at the cap and gives the rest to the other hospital', async () => {
      const result = await preview({ cap: 5_001 });
      expect([...amounts(result)].sort()).toEqual([4_999, 5_001]);
    });

    it('lifts the smaller share to the floor', async () => {
      const result = await preview({ floor: 4_999 });
      expect([...amounts(result)].sort()).toEqual([4_999, 5_001]);
    });

    it('multiplies a rating by its tier', async () => {
      const plain = await preview();
      const [r1, r2] = plain.units.map((u) => u.rating);
      const tiered = await preview({ tiers: [{ rating: r1 ?? '', multiplier: 3 }] });
      const [s1, s2] = plain.units.map((u) => u.score ?? 0);
      const m2 = r2 === r1 ? 3 : 1;
      const expected = Math.round((10_000 * 3 * (s1 ?? 0)) / (3 * (s1 ?? 0) + m2 * (s2 ?? 0)));
      expect([tiered.units.map((u) => u.multiplier), tiered.units[0]?.amount, sum(tiered)]).toEqual([
        [3, m2],
        expected,
        10_000,
      ]);
    });

    it('refuses caps that add up to less than the pool, with the reason', async () => {
      const response = await w.server.request('POST', '/api/incentives/preview', body({ cap: 4_000 }));
      expect([response.statusCode, response.json().code, response.json().params]).toEqual([
        400,
        'incentive.caps-below-pool',
        { units: 2, caps: '8000.00', pool: '10000.00' },
      ]);
    });

    it('saves a draft naming the publication it used', async () => {
      w.tick();
      const response = await w.server.request('POST', '/api/incentives', body());
      first = response.json<Allocation>();
      expect([response.statusCode, first.status, first.publication.id, first.createdBy, sum(first)]).toEqual([
        201,
        'draft',
        publication.id,
        TEST_ADMIN.email,
        10_000,
      ]);
    });

    it('refuses the approval of its creator', async () => {
      const response = await w.server.request('POST', `/api/incentives/${first.id}/approve`);
      expect([response.statusCode, response.json().code]).toEqual([403, 'incentive.own-approval']);
    });

    it('is approved by a second person and then frozen', async () => {
      w.tick();
      const response = await w.server.requestAs(approver, 'POST', `/api/incentives/${first.id}/approve`);
      const again = await w.server.requestAs(approver, 'POST', `/api/incentives/${first.id}/approve`);
      expect([
        response.statusCode,
        response.json<Allocation>().status,
        again.statusCode,
        again.json().code,
      ]).toEqual([200, 'approved', 409, 'incentive.already-approved']);
    });

    it('audits the allocation and its approval', async () => {
      const audit = await auditOf(w.server, 'incentive_allocation', `${w.scorecard}/${w.units.group}/2023`);
      expect(audit.map((a) => [a.action, a.actor])).toEqual([
        ['allocate', TEST_ADMIN.email],
        ['approve', expect.stringContaining('@')],
      ]);
    });

    it('refuses to allocate the same pool again without a reason', async () => {
      const response = await w.server.request('POST', '/api/incentives', body({ floor: 4_999 }));
      expect([response.statusCode, response.json().code]).toEqual([400, 'incentive.reason-required']);
    });

    it('restates with a reason and keeps the earlier allocation as it was', async () => {
      w.tick();
      const response = await w.server.request(
        'POST',
        '/api/incentives',
        body({ floor: 4_999 }, { reason: 'the board set a floor' }),
      );
      const restated = response.json<Allocation>();
      const earlier = (await w.server.request('GET', `/api/incentives/${first.id}`)).json<Allocation>();
      const history = (
        await w.server.request('GET', `/api/incentives?scorecard=${w.scorecard}&orgUnit=${w.units.group}`)
      ).json<Page<Allocation>>();
      expect({
        status: response.statusCode,
        restated: [restated.status, restated.replaces, restated.reason],
        earlier: [earlier.status, earlier.replacedBy, earlier.approvedBy !== null, earlier.units],
        history: history.items.map((a) => a.id),
      }).toEqual({
        status: 201,
        restated: ['draft', first.id, 'the board set a floor'],
        earlier: ['superseded', restated.id, true, first.units],
        history: [restated.id, first.id],
      });
    });

    it('never changes a stored allocation, even in the database', async () => {
      const attempt = sql`update incentive_allocation set pool_minor = 0`.execute(w.server.ctx.db.kysely);
      await expect(attempt).rejects.toThrow(/append-only/);
    });

    it('exports the allocation as XLSX with the amounts as numbers', async () => {
      const response = await w.server.request('GET', `/api/incentives/${first.id}/export?lang=zh-CN`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(response.rawPayload).buffer);
      const sheet = workbook.worksheets[0];
      const amountsInSheet: unknown[] = [];
      sheet?.eachRow((row) => {
        const code = row.getCell(1).value;
        if (code === w.units.h1 || code === w.units.h2) amountsInSheet.push(row.getCell(8).value);
      });
      expect([response.statusCode, sheet?.name, amountsInSheet]).toEqual([
        200,
        '绩效奖金分配',
        first.units.map((u) => u.amount),
      ]);
    });

    it('exports the allocation as PDF with the amount of every unit, marked as a draft while it is one', async () => {
      const response = await w.server.request(
        'GET',
        `/api/incentives/${first.id}/export?format=pdf&lang=zh-CN`,
      );
      const now = (await w.server.request('GET', `/api/incentives/${first.id}`)).json() as Allocation;
      const text = (await pdfPages(Buffer.from(response.rawPayload))).join('\n');
      const amounts = first.units.map((u) =>
        u.amount.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      );
      expect({
        status: response.statusCode,
        type: response.headers['content-type'],
        title: text.includes('绩效奖金分配'),
        units: [w.units.h1, w.units.h2].map((code) => text.includes(code)),
        amounts: amounts.map((amount) => text.includes(amount)),
        draft: text.includes('草稿'),
      }).toEqual({
        status: 200,
        type: 'application/pdf',
        title: true,
        units: [true, true],
        amounts: amounts.map(() => true),
        draft: now.status === 'draft',
      });
    });
  });
});
