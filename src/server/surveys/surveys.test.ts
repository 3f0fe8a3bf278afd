/**
 * An AHP survey of AZ Hospital end to end over HTTP, on PGlite and PostgreSQL (seed 002 §4.1): a strategist
 * creates it, three experts answer through their links (the third inconsistent on the perspectives, fixed with
 * the suggested value), the survey closes, the panel's AIJ weights are applied as a dated weight version with
 * its provenance, 2017 is evaluated with them and the published 2016 keeps V = 92.57.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { changesOf } from '../../../test/fixtures/observe.ts';
import {
  answerNode,
  createAzSurvey,
  createSurveyWorld,
  linkOf,
  type SurveyWorld,
  seedAnswers,
  sendAnswer,
} from '../../../test/fixtures/survey-world.ts';
import type { ScorecardDetail } from '../../core/contracts/scorecards.ts';
import type {
  ApplySurveyResult,
  SaveAnswerResult,
  Survey,
  SurveyProgress,
  SurveyResults,
} from '../../core/contracts/surveys.ts';

describeEachEngine('AHP surveys', (getDb) => {
  let w: SurveyWorld;
  let survey: Survey;
  let tokens: string[];
  let seed: Map<string, number[]>;
  /** The third expert's first answer on the perspectives after the inconsistent judgment. */
  let inconsistent: SaveAnswerResult | undefined;
  let repaired: SaveAnswerResult | undefined;

  beforeAll(async () => {
    w = await createSurveyWorld(getDb());
    survey = await createAzSurvey(w.server);
    tokens = [];
    for (const expert of survey.experts) tokens.push((await linkOf(w.server, survey.id, expert.id)).token);
    seed = await seedAnswers(survey.nodes);
  });
  afterAll(() => w.server.close());

  /** The perspectives' node comes first. */
  const perspectives = 0;

  describe('creating', () => {
    it("asks about AZ Hospital's perspectives, then each perspective's indicators: 97 pairs", () => {
      expect([survey.nodes.map((n) => n.key), survey.experts[0]?.total]).toEqual([
        ['perspectives', 'perspective:F', 'perspective:C', 'perspective:I', 'perspective:S', 'perspective:R'],
        97,
      ]);
    });

    it('shows the scale with its meanings and each expert without a link yet made when created', () => {
      expect([survey.scale, survey.scaleMeanings[2], survey.threshold, survey.riTable]).toEqual([
        'saaty',
        { value: 3, meaning: { en: 'Moderately more important', zh: '稍微重要' } },
        0.1,
        'seed002',
      ]);
    });
  });

  describe('answering through the links', () => {
    beforeAll(async () => {
      // Experts 1 and 2 give seed 002's matrices; expert 3 too, but first says F is 1/5 as important as C.
      for (const [e, token] of tokens.entries()) {
        for (const [k, n] of survey.nodes.entries()) {
          const values = [...(seed.get(n.key) ?? [])];
          if (e === 2 && k === perspectives) values[0] = 1 / 5;
          const last = await answerNode(w.server, token, n, values);
          if (e === 2 && k === perspectives) inconsistent = last;
        }
      }
      const top = inconsistent?.consistency?.repairs[0];
      if (top === undefined) throw new Error('no repair suggested');
      repaired = (
        await sendAnswer(w.server, tokens[2] ?? '', {
          node: 'perspectives',
          i: top.i,
          j: top.j,
          value: top.suggestedOnScale,
        })
      ).json<SaveAnswerResult>();
      for (const token of tokens) {
        await w.server.requestAs(null, 'POST', `/api/survey-links/${token}/submit`);
      }
    });

    it("returns the node's CR after each answer and, above 0.1, the three most inconsistent judgments", () => {
      const c = inconsistent?.consistency;
      expect([c?.cr.toFixed(4), c?.consistent, c?.repairs.length]).toEqual(['0.2782', false, 3]);
    });

    it('suggests F against C = 1, which brings CR under the threshold when accepted', () => {
      const top = inconsistent?.consistency?.repairs[0];
      expect([top?.i, top?.j, top?.suggestedOnScale, repaired?.consistency?.cr.toFixed(4)]).toEqual([
        0,
        1,
        1,
        '0.0974',
      ]);
    });

    it('shows every expert as submitted with all 97 judgments', async () => {
      const progress = (
        await w.server.request('GET', `/api/surveys/${survey.id}/progress`)
      ).json<SurveyProgress>();
      expect(progress.experts.map((e) => [e.answered, e.completeNodes, e.submittedAt !== null])).toEqual([
        [97, 6, true],
        [97, 6, true],
        [97, 6, true],
      ]);
    });

    it('audits every answer as the expert, old → new', async () => {
      const expert = survey.experts[2]?.id ?? 0;
      const changes = await changesOf(w.server, 'survey_answer', `${survey.id}/${expert}/perspectives/0-1`);
      expect(changes).toEqual([
        { action: 'create', oldValue: null, newValue: { value: 0.2, source: 'link' } },
        { action: 'update', oldValue: { value: 0.2 }, newValue: { value: 1, source: 'link' } },
      ]);
    });
  });

  describe('results and applying them', () => {
    let applied: ApplySurveyResult;
    let results: SurveyResults;

    beforeAll(async () => {
      const closed = await w.server.request('POST', `/api/surveys/${survey.id}/close`, {});
      if (closed.statusCode !== 200) throw new Error(closed.body);
      results = (await w.server.request('GET', `/api/surveys/${survey.id}/results`)).json<SurveyResults>();
      const response = await w.server.request('POST', `/api/surveys/${survey.id}/apply`, {});
      if (response.statusCode !== 201) throw new Error(response.body);
      applied = response.json<ApplySurveyResult>();
    });

    it("gives each expert's weights and CR per node: seed 002's Table 4.1 for the first", () => {
      const first = results.experts[0]?.nodes[0];
      expect([first?.weights?.map((x) => x.toFixed(4)), first?.cr?.toFixed(4)]).toEqual([
        ['0.3764', '0.1403', '0.2430', '0.1224', '0.1179'],
        '0.0753',
      ]);
    });

    it("aggregates the three experts' perspectives by AIJ, all counted", () => {
      const p = results.nodes[0];
      expect([p?.experts.length, p?.weights?.map((x) => x.toFixed(4))]).toEqual([
        3,
        ['0.3569', '0.1526', '0.2464', '0.1249', '0.1191'],
      ]);
    });

    it('refuses answers once the survey is closed', async () => {
      const response = await sendAnswer(w.server, tokens[0] ?? '', {
        node: 'perspectives',
        i: 0,
        j: 1,
        value: 2,
      });
      expect([response.statusCode, response.json().code]).toEqual([409, 'survey.closed']);
    });

    it('applies the result as weight version 2 from 2017, the first unpublished period', () => {
      expect([applied.weights.version, applied.weights.effectiveFrom, applied.weights.source]).toEqual([
        2,
        '2017',
        'survey',
      ]);
    });

    it('returns the provenance with the scorecard: the survey, three experts counted, AIJ', async () => {
      const detail = (await w.server.request('GET', '/api/scorecards/AZ-HOSPITAL')).json<ScorecardDetail>();
      expect(detail.weights.provenance).toMatchObject({
        survey: survey.id,
        expertsCounted: 3,
        expertsTotal: 3,
        aggregation: 'aij',
        inconsistent: 'include',
        overridden: false,
      });
    });

    it('evaluates 2017 with the panel’s weights', async () => {
      const result = await w.engine.evaluate({ scorecard: 'AZ-HOSPITAL', orgUnit: 'AZ', period: '2017' });
      expect(result.perspectives.map((p) => p.weight.toFixed(4))).toEqual(
        (results.nodes[0]?.weights ?? []).map((x) => x.toFixed(4)),
      );
    });

    it('keeps 2016 at V = 92.57 with the weights that held for it', async () => {
      const result = await w.engine.evaluate({ scorecard: 'AZ-HOSPITAL', orgUnit: 'AZ', period: '2016' });
      expect(result.total?.toFixed(2)).toBe('92.57');
    });

    it('marks a manual edit of the survey’s weights as overridden, keeping the provenance', async () => {
      const current = (await w.server.request('GET', '/api/scorecards/AZ-HOSPITAL')).json<ScorecardDetail>();
      const weights = {
        ...current.file.weights,
        perspectives: { manual: { F: 0.4, C: 0.15, I: 0.25, S: 0.1, R: 0.1 } },
      };
      const put = await w.server.request('PUT', '/api/scorecards/AZ-HOSPITAL/weights', {
        weights,
        effectiveFrom: '2017',
      });
      if (put.statusCode !== 200) throw new Error(put.body);
      const detail = (await w.server.request('GET', '/api/scorecards/AZ-HOSPITAL')).json<ScorecardDetail>();
      expect([
        detail.weights.source,
        detail.weights.provenance?.survey,
        detail.weights.provenance?.overridden,
      ]).toEqual(['manual', survey.id, true]);
    });
  });
});
