/**
 * The strategy map over HTTP on both engines, with seed 002's AZ Hospital loaded as the demo loads it
 * (examples/az-hospital: its objectives and links): lanes, statuses and scores from the 2016 evaluation, every
 * link checked (and marked, with one year of data), and the designer's edits stored as a new version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { createTestUser } from '../../../test/fixtures/accounts.ts';
import { createTestServer, type TestServer } from '../../../test/fixtures/server.ts';
import type { EvaluationJson } from '../../core/contracts/evaluation.ts';
import type { PutStrategyResult, StrategyJson, StrategyMapJson } from '../../core/contracts/strategy-map.ts';
import { objectiveScore } from '../../core/strategy/strategy-map.ts';
import { loadAzHospital } from '../demo/load-demo.ts';
import { evaluationRoutes } from '../evaluation/evaluation.routes.ts';
import { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { strategyMapRoutes } from './strategy-map.routes.ts';

const MAP = '/api/strategy-map?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016&grain=year&history=3';

describeEachEngine('the strategy map over HTTP', (getDb) => {
  let server: TestServer;
  beforeAll(async () => {
    const db = getDb();
    server = await createTestServer(db, {
      routesFor: (ctx) => {
        const engine = new EvaluationEngine(db, ctx.changes);
        return [evaluationRoutes(engine), strategyMapRoutes(engine)];
      },
    });
    await loadAzHospital(server.ctx);
  }, 120_000);
  afterAll(() => server.close());

  async function map(): Promise<StrategyMapJson> {
    const response = await server.request('GET', MAP);
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  describe('reading the AZ map', () => {
    it('draws the five perspectives as lanes, financial on top and social responsibility last', async () => {
      const lanes = (await map()).lanes.map((lane) => [lane.id, lane.kind]);
      expect(lanes).toEqual([
        ['F', 'financial'],
        ['C', 'customer'],
        ['I', 'internal'],
        ['S', 'learning'],
        ['R', 'social'],
      ]);
    });

    it('places each objective of examples/az-hospital in its lane', async () => {
      const objectives = (await map()).lanes.map((lane) => lane.objectives.map((o) => o.id));
      expect(objectives).toEqual([
        ['F-SOUND', 'F-DRUG-MIX'],
        ['C-PATIENTS', 'C-AFFORD'],
        ['I-QUALITY', 'I-BEDS'],
        ['S-SKILLS', 'S-RESEARCH'],
        ['R-PUBLIC', 'R-CARE'],
      ]);
    });

    it("scores an objective as the weighted mean of its indicators' quantified values (global weights)", async () => {
      const evaluation: EvaluationJson = (
        await server.request('GET', '/api/evaluations?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016')
      ).json();
      const figures = new Map(evaluation.perspectives.flatMap((p) => p.indicators.map((i) => [i.id, i])));
      const expected = objectiveScore(
        ['I2', 'I3', 'I4'].map((id) => ({
          quantified: figures.get(id)?.quantified ?? null,
          weight: figures.get(id)?.globalWeight ?? 0,
        })),
      );
      const beds = (await map()).lanes[2]?.objectives[1];
      expect(beds?.score).toBeCloseTo(expected ?? Number.NaN, 12);
    });

    it('gives F-DRUG-MIX, measured by F6 alone, F6’s quantified value and status', async () => {
      const drugMix = (await map()).lanes[0]?.objectives[1];
      const f6 = drugMix?.indicators[0];
      expect([drugMix?.score, drugMix?.status]).toEqual([f6?.quantified, f6?.status]);
    });

    it('keeps the SMART fields of the file, and the owner as text when no user has that e-mail', async () => {
      const [sound, drugMix] = (await map()).lanes[0]?.objectives ?? [];
      expect([sound?.owner, sound?.ownerUser, sound?.ownerName]).toEqual([
        'finance.director@az-hospital.example',
        null,
        'Finance department',
      ]);
      expect([drugMix?.baseline, drugMix?.target, drugMix?.targetDate, drugMix?.role]).toEqual([
        37,
        30,
        '2017-12-31',
        'lagging',
      ]);
    });

    it('checks every link and marks all ten as too few periods: AZ reports one year', async () => {
      const { links, periods } = await map();
      expect(periods).toEqual(['2014', '2015', '2016']);
      expect(links.map((l) => [l.from, l.to, l.check.support, l.check.n])).toEqual([
        ['S-SKILLS', 'I-QUALITY', 'too-few-periods', 1],
        ['S-RESEARCH', 'I-QUALITY', 'too-few-periods', 1],
        ['I-QUALITY', 'C-PATIENTS', 'too-few-periods', 1],
        ['I-BEDS', 'C-PATIENTS', 'too-few-periods', 1],
        ['C-AFFORD', 'C-PATIENTS', 'too-few-periods', 1],
        ['C-AFFORD', 'F-DRUG-MIX', 'too-few-periods', 1],
        ['C-PATIENTS', 'F-SOUND', 'too-few-periods', 1],
        ['I-BEDS', 'F-SOUND', 'too-few-periods', 1],
        ['R-PUBLIC', 'C-PATIENTS', 'too-few-periods', 1],
        ['R-CARE', 'C-PATIENTS', 'too-few-periods', 1],
      ]);
    });
  });

  describe('editing the strategy', () => {
    it('stores an edited link note and a new link as the next structure version, shown on the map', async () => {
      const strategy: StrategyJson = (
        await server.request('GET', '/api/scorecards/AZ-HOSPITAL/strategy')
      ).json();
      const links = [
        { ...strategy.links[0], from: 'S-SKILLS', to: 'I-QUALITY', note: 'Three Basics training' },
        ...strategy.links.slice(1),
        { from: 'S-RESEARCH', to: 'F-SOUND', note: 'Research grants' },
      ];
      const response = await server.request('PUT', '/api/scorecards/AZ-HOSPITAL/strategy', {
        ...strategy,
        links,
      });
      const body: PutStrategyResult = response.json();
      expect([response.statusCode, body.version, body.strategy.links.length]).toEqual([200, 2, 11]);
      const shown = (await map()).links;
      expect([shown[0]?.note, shown.at(-1)?.from, shown.at(-1)?.to]).toEqual([
        'Three Basics training',
        'S-RESEARCH',
        'F-SOUND',
      ]);
    });

    it('names the owner as the user with that e-mail once one exists', async () => {
      const email = await createTestUser(server.ctx, [{ role: 'viewer', orgUnit: null }]);
      const strategy: StrategyJson = (
        await server.request('GET', '/api/scorecards/AZ-HOSPITAL/strategy')
      ).json();
      const objectives = strategy.objectives.map((o) => (o.id === 'F-SOUND' ? { ...o, owner: email } : o));
      await server.request('PUT', '/api/scorecards/AZ-HOSPITAL/strategy', { ...strategy, objectives });
      const sound = (await map()).lanes[0]?.objectives[0];
      expect(sound?.ownerUser?.email).toBe(email);
    });

    it('refuses an objective in a perspective the scorecard does not have (400)', async () => {
      const strategy: StrategyJson = (
        await server.request('GET', '/api/scorecards/AZ-HOSPITAL/strategy')
      ).json();
      const objectives = strategy.objectives.map((o, i) => (i === 0 ? { ...o, perspective: 'X' } : o));
      const response = await server.request('PUT', '/api/scorecards/AZ-HOSPITAL/strategy', {
        ...strategy,
        objectives,
      });
      expect([response.statusCode, response.json().code, response.json().params]).toEqual([
        400,
        'strategy.unknown-perspective',
        { perspective: 'X' },
      ]);
    });

    it('refuses a link to an unknown objective with the scorecard checker’s issue (400)', async () => {
      const strategy: StrategyJson = (
        await server.request('GET', '/api/scorecards/AZ-HOSPITAL/strategy')
      ).json();
      const response = await server.request('PUT', '/api/scorecards/AZ-HOSPITAL/strategy', {
        ...strategy,
        links: [{ from: 'S-SKILLS', to: 'NOPE' }],
      });
      const issues: { code: string; path: unknown[] }[] = response.json().issues ?? [];
      expect([response.statusCode, issues.map((i) => [i.code, i.path])]).toEqual([
        400,
        [['scorecard.unknown-link-end', ['links', 0, 'to']]],
      ]);
    });

    it('refuses a viewer (403)', async () => {
      const session = await server.sessionWith([{ role: 'viewer', orgUnit: null }]);
      const response = await server.requestAs(session, 'PUT', '/api/scorecards/AZ-HOSPITAL/strategy', {
        objectives: [],
        links: [],
      });
      expect(response.statusCode).toBe(403);
    });

    it('records the new version in the audit trail', async () => {
      const audit = (
        await server.request('GET', '/api/audit?entity=scorecard_version&entityKey=AZ-HOSPITAL')
      ).json();
      const notes: unknown[] = (audit.items ?? []).map(
        (row: { newValue: { note?: unknown } }) => row.newValue.note,
      );
      expect(notes).toContain('strategy map');
    });
  });
});
