/**
 * `/api/scorecards` and `/api/indicators` on PGlite and PostgreSQL, with the AZ Hospital scorecard of seed 002
 * (examples/az-hospital/scorecard.yaml) as the realistic case.
 */
import { afterAll, beforeAll, describe, expect, it, test } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { uniqueCode } from '../../../test/fixtures/codes.ts';
import { createScorecard } from '../../../test/fixtures/evaluation-fixtures.ts';
import { changesOf, observe } from '../../../test/fixtures/observe.ts';
import { createOrgTree } from '../../../test/fixtures/org-units.ts';
import {
  createScorecardFixture,
  loadAzHospitalFile,
  makeScorecardFile,
  makeScorecardFileV2,
} from '../../../test/fixtures/scorecards.ts';
import { createTestServer, TEST_ADMIN, type TestServer } from '../../../test/fixtures/server.ts';
import type { Page } from '../../core/contracts/common.ts';
import type { DataElement } from '../../core/contracts/data-elements.ts';
import type {
  ImportScorecardResult,
  IndicatorSummary,
  ScorecardDetail,
  ScorecardSummary,
  ScorecardVersions,
} from '../../core/contracts/scorecards.ts';
import { compileScorecard } from '../../core/scorecard/index.ts';
import { checkScorecardImport } from '../services/scorecards.service.ts';

const NOW = '2024-06-30T08:00:00.000Z';

describeEachEngine('scorecards over HTTP', (getDb) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(getDb());
  });
  afterAll(() => server.close());

  /** The AZ Hospital file under a fresh code, so each test has its own scorecard. */
  async function azFile(): Promise<Record<string, unknown>> {
    return { ...(await loadAzHospitalFile()), code: uniqueCode('AZ') };
  }

  describe('import and export', () => {
    it('creates a scorecard from a file: version 1 of structure and weights, its data elements, an audit trail', async () => {
      const { file, code, numerator, denominator } = makeScorecardFile();
      const { result, before, after, events } = await observe(server, 'meta', () =>
        server.request('POST', '/api/scorecards?note=first%20draft', file),
      );
      const expected: ImportScorecardResult = {
        code,
        created: true,
        structure: {
          id: expect.any(Number),
          version: 1,
          effectiveFrom: null,
          note: 'first draft',
          createdBy: TEST_ADMIN.email,
          createdAt: NOW,
          created: true,
        },
        weights: {
          id: expect.any(Number),
          version: 1,
          effectiveFrom: null,
          source: 'import',
          sourceRef: null,
          note: 'first draft',
          createdBy: TEST_ADMIN.email,
          createdAt: NOW,
          created: true,
        },
        dataElements: { created: [numerator, denominator], updated: [] },
        warnings: [],
        // The fixture is an @1 file: the result says how it was converted.
        notices: [
          {
            code: 'scorecard.converted',
            params: { from: 'healthbsc/scorecard@1', to: 'healthbsc/scorecard@2' },
            message: 'Converted from healthbsc/scorecard@1 to healthbsc/scorecard@2.',
          },
          {
            code: 'scorecard.v1-indicator-unit',
            params: { unit: '%', en: '%', zh: '%', ids: 'RATE' },
            message: "The unit '%' of RATE is now '%' in English and '%' in Chinese.",
          },
        ],
      };
      expect([result.statusCode, result.json(), after - before, events]).toEqual([
        201,
        expected,
        1,
        [{ kind: 'metadata', revision: after }],
      ]);
      expect({
        scorecard: await changesOf(server, 'scorecard', code),
        structure: await changesOf(server, 'scorecard_version', code),
        weights: await changesOf(server, 'weight_version', code),
        element: (await changesOf(server, 'data_element', numerator)).map((change) => change.action),
      }).toEqual({
        scorecard: [{ action: 'create', oldValue: null, newValue: { code, name: file.name } }],
        structure: [
          {
            action: 'create',
            oldValue: null,
            newValue: { version: 1, effectiveFrom: null, note: 'first draft' },
          },
        ],
        weights: [
          {
            action: 'create',
            oldValue: null,
            newValue: { version: 1, effectiveFrom: null, source: 'import', note: 'first draft' },
          },
        ],
        element: ['create'],
      });
    });

    it('stores the AZ Hospital scorecard of seed 002 with its data elements', async () => {
      const file = await azFile();
      const response = await server.request('POST', '/api/scorecards', file);
      const element = await server.request('GET', '/api/data-elements/average_open_beds');
      expect([response.statusCode, response.json().warnings, element.json<DataElement>()]).toEqual([
        201,
        [],
        expect.objectContaining({
          code: 'average_open_beds',
          name: { en: 'Average open beds', zh: '平均开放床位数' },
          valueType: 'number',
          timeAggregation: 'average',
          min: 0,
        }),
      ]);
    });

    it('exports the file so that importing the export changes nothing (AZ Hospital round trip)', async () => {
      const file = await azFile();
      const code = String(file.code);
      await server.request('POST', '/api/scorecards', file);
      const exported = (await server.request('GET', `/api/scorecards/${code}/export`)).json();
      const { result, before, after, events } = await observe(server, 'meta', () =>
        server.request('PUT', `/api/scorecards/${code}`, exported),
      );
      const again = (await server.request('GET', `/api/scorecards/${code}/export`)).json();
      expect(exported).toEqual(compileScorecard(file).definition);
      expect([result.statusCode, result.json().structure.created, result.json().weights.created]).toEqual([
        200,
        false,
        false,
      ]);
      expect([after - before, events, again]).toEqual([0, [], exported]);
    });

    it('answers an invalid file with 400 listing every problem with its path, and stores nothing', async () => {
      const { file, code } = makeScorecardFile();
      const broken = structuredClone(file);
      const [financial] = broken.perspectives;
      const count = financial?.indicators[1];
      if (count !== undefined) count.formula = 'ghost * 2';
      broken.weights.indicators = { F: broken.weights.indicators.F ?? { manual: {} } };
      const response = await server.request('POST', '/api/scorecards', broken);
      expect([response.statusCode, response.json()]).toEqual([
        400,
        {
          type: 'validation',
          title: 'Invalid input',
          status: 400,
          code: 'scorecard.invalid-file',
          params: {},
          detail: 'The scorecard file is not valid.',
          issues: [
            {
              path: ['perspectives', 0, 'indicators', 1, 'formula'],
              code: 'formula.unknown-data-element',
              params: { code: 'ghost' },
              message: "unknown data element 'ghost'",
              position: 0,
            },
            {
              path: ['weights', 'indicators'],
              code: 'scorecard.no-perspective-weights',
              params: { perspective: 'Q' },
              message: "no weights for perspective 'Q'",
            },
          ],
        },
      ]);
      expect((await server.request('GET', `/api/scorecards/${code}`)).statusCode).toBe(404);
    });

    it('answers a file of an unknown format with 400 from the request schema', async () => {
      const response = await server.request('POST', '/api/scorecards', {
        format: 'healthbsc/scorecard@3',
        code: 'X',
      });
      expect(response.json()).toEqual({
        type: 'validation',
        title: 'Invalid input',
        status: 400,
        code: 'request.invalid-body',
        params: {},
        detail: 'The request body is not valid.',
        issues: [
          {
            path: ['format'],
            code: 'scorecard.unknown-format',
            params: {},
            message: 'unknown format: write healthbsc/scorecard@2 (healthbsc/scorecard@1 is still read)',
          },
        ],
      });
    });

    it('answers an @2 file missing its parts with 400 naming each', async () => {
      const response = await server.request('POST', '/api/scorecards', {
        format: 'healthbsc/scorecard@2',
        code: 'X',
      });
      expect(response.json().issues.map((i: { path: string[]; code: string }) => [i.path, i.code])).toEqual([
        [['name'], 'zod.required'],
        [['perspectives'], 'zod.required'],
        [['weights'], 'zod.required'],
      ]);
    });

    it('answers 409 for a second create, 400 for a file sent to another code, 404 for an unknown scorecard', async () => {
      const { file, code } = makeScorecardFile();
      await server.request('POST', '/api/scorecards', file);
      const again = await server.request('POST', '/api/scorecards', file);
      const elsewhere = await server.request('PUT', '/api/scorecards/OTHER', file);
      const missing = await server.request('GET', '/api/scorecards/NOPE/export');
      const mismatch = `The file's code '${code}' is not the scorecard 'OTHER' it is sent to.`;
      expect(
        [again, elsewhere].map((r) => [r.statusCode, r.json().code, r.json().params, r.json().detail]),
      ).toEqual([
        [
          409,
          'scorecard.exists',
          { code },
          `A scorecard '${code}' already exists; replace it with PUT /api/scorecards/${code}.`,
        ],
        [400, 'scorecard.code-mismatch', { fileCode: code, code: 'OTHER' }, mismatch],
      ]);
      expect(elsewhere.json().issues).toEqual([
        {
          path: ['code'],
          code: 'scorecard.code-mismatch',
          params: { fileCode: code, code: 'OTHER' },
          message: mismatch,
        },
      ]);
      expect([missing.statusCode, missing.json().detail]).toEqual([404, "There is no scorecard 'NOPE'."]);
    });

    it('creates a scorecard with PUT when the code is new', async () => {
      const { file, code } = makeScorecardFile();
      const response = await server.request('PUT', `/api/scorecards/${code}`, file);
      expect([response.statusCode, response.json().created]).toEqual([201, true]);
    });
  });

  describe('format @2 and @1', () => {
    it('round-trips an @2 file: the export is the file imported, and importing it again stores nothing', async () => {
      const { file, code } = makeScorecardFileV2();
      const created = await server.request('POST', '/api/scorecards', file);
      const exported = (await server.request('GET', `/api/scorecards/${code}/export`)).json();
      const again = await server.request('PUT', `/api/scorecards/${code}`, exported);
      expect(exported).toEqual(file);
      expect([again.statusCode, again.json().structure.created, again.json().weights.created]).toEqual([
        200,
        false,
        false,
      ]);
      expect(created.json().notices).toEqual([]);
    });

    it('applies every part of an @2 file: nothing is kept without being applied, so there is no warning', async () => {
      const { file } = makeScorecardFileV2();
      const created = (await server.request('POST', '/api/scorecards', file)).json<ImportScorecardResult>();
      expect(created.warnings.map((w) => [w.code, w.path])).toEqual([]);
    });

    it('stores the data elements of an @2 file with both words of their unit and their roll-up', async () => {
      const { file } = makeScorecardFileV2();
      await server.request('POST', '/api/scorecards', file);
      const waiting = file.dataElements[2]?.code ?? '';
      const element = (await server.request('GET', `/api/data-elements/${waiting}`)).json<DataElement>();
      expect([element.unit, element.periodType, element.timeAggregation, element.missingValues]).toEqual([
        { en: 'persons', zh: '人' },
        'month',
        'max',
        'zero',
      ]);
    });

    it('reads a structure an older import stored as @1 as @2, and stores nothing when its @1 file comes again', async () => {
      const { file, code } = makeScorecardFile();
      await createScorecard(server.ctx.db, file);
      const exported = (await server.request('GET', `/api/scorecards/${code}/export`)).json();
      const again = await server.request('PUT', `/api/scorecards/${code}`, file);
      expect(exported).toEqual(compileScorecard(file).definition);
      expect([
        again.json().structure.created,
        again.json().weights.created,
        again.json().dataElements,
        again.json().notices.map((n: { code: string }) => n.code),
      ]).toEqual([
        false,
        false,
        { created: [], updated: [] },
        ['scorecard.converted', 'scorecard.v1-indicator-unit'],
      ]);
    });

    it('stores @2 weights (by objectives, dated) for a structure stored as @1, and reads both back', async () => {
      const { file, code } = makeScorecardFile();
      await createScorecard(server.ctx.db, {
        ...file,
        perspectives: file.perspectives.map((p) =>
          p.id === 'F'
            ? {
                ...p,
                objectives: [{ id: 'GROW', name: { en: 'Grow' } }],
                indicators: p.indicators.map((i) => ({ ...i, objective: 'GROW' })),
              }
            : p,
        ),
      });
      const weights = {
        effectiveFrom: '2025',
        perspectives: { manual: { F: 0.5, Q: 0.5 } },
        objectives: { F: { manual: { GROW: 1 } } },
        indicators: { GROW: { manual: { RATE: 0.8, COUNT: 0.2 } }, Q: { manual: { CULTURE: 1 } } },
      };
      const put = await server.request('PUT', `/api/scorecards/${code}/weights`, { weights });
      const detail = (await server.request('GET', `/api/scorecards/${code}`)).json<ScorecardDetail>();
      const indicators = (await server.request('GET', `/api/indicators?scorecard=${code}`)).json<
        Page<IndicatorSummary>
      >();
      expect([put.statusCode, detail.file.format, detail.file.weights]).toEqual([
        200,
        'healthbsc/scorecard@2',
        weights,
      ]);
      expect(indicators.items.map((i) => [i.id, i.weight, i.globalWeight])).toEqual([
        ['RATE', 0.8, 0.4],
        ['COUNT', 0.2, 0.1],
        ['CULTURE', 1, 0.5],
      ]);
    });

    it('checks an import without writing: create, then unchanged, then update, with the conversion notes', async () => {
      const { file } = makeScorecardFile();
      const first = await checkScorecardImport(server.ctx, file);
      await server.request('POST', '/api/scorecards', file);
      const same = await checkScorecardImport(server.ctx, file);
      const changed = await checkScorecardImport(server.ctx, { ...file, name: { en: 'Renamed' } });
      expect([first.action, same.action, changed.action]).toEqual(['create', 'unchanged', 'update']);
      expect(first.notices.map((n) => n.code)).toEqual([
        'scorecard.converted',
        'scorecard.v1-indicator-unit',
      ]);
    });
  });

  describe('versions', () => {
    it('stores a new structure version only, when only the structure changes', async () => {
      const { file, code } = makeScorecardFile();
      await server.request('POST', '/api/scorecards', file);
      const changed = structuredClone(file);
      const rate = changed.perspectives[0]?.indicators[0];
      if (rate !== undefined) rate.description = 'Discharges per 100 admissions';
      const response = await server.request('PUT', `/api/scorecards/${code}?note=describe%20RATE`, changed);
      const versions = (
        await server.request('GET', `/api/scorecards/${code}/versions`)
      ).json<ScorecardVersions>();
      expect([response.json().structure, response.json().weights.created]).toEqual([
        {
          id: expect.any(Number),
          version: 2,
          effectiveFrom: null,
          note: 'describe RATE',
          createdBy: TEST_ADMIN.email,
          createdAt: NOW,
          created: true,
        },
        false,
      ]);
      expect([versions.structure.map((v) => v.version), versions.weights.map((v) => v.version)]).toEqual([
        [2, 1],
        [1],
      ]);
    });

    it('reads an earlier version, and answers 404 for one that does not exist', async () => {
      const { file, code } = makeScorecardFile();
      await server.request('POST', '/api/scorecards', file);
      const renamed = { ...structuredClone(file), name: { en: 'Renamed' } };
      await server.request('PUT', `/api/scorecards/${code}`, renamed);
      const first = (
        await server.request('GET', `/api/scorecards/${code}?version=1`)
      ).json<ScorecardDetail>();
      const current = (await server.request('GET', `/api/scorecards/${code}`)).json<ScorecardDetail>();
      const missing = await server.request('GET', `/api/scorecards/${code}?version=7`);
      expect({
        first: [first.structure.version, first.file.name],
        current: [current.structure.version, current.file.name, current.name],
        missing: [missing.statusCode, missing.json().code, missing.json().detail],
      }).toEqual({
        first: [1, file.name],
        current: [2, { en: 'Renamed' }, { en: 'Renamed' }],
        missing: [404, 'scorecard.version-not-found', `The scorecard '${code}' has no version 7.`],
      });
    });

    it('lists scorecards with their current versions, by text, a page at a time', async () => {
      const marker = uniqueCode('LIST');
      for (let i = 0; i < 3; i++) await createScorecardFixture(server.ctx, { code: uniqueCode(marker) });
      const page = (await server.request('GET', `/api/scorecards?q=${marker}&limit=2&offset=2`)).json<
        Page<ScorecardSummary>
      >();
      expect([page.total, page.items.length, page.items[0]?.version, page.items[0]?.weightVersion]).toEqual([
        3, 1, 1, 1,
      ]);
    });
  });

  describe('weights', () => {
    it('stores manual weights as a new weight version and audits it', async () => {
      const scorecard = await createScorecardFixture(server.ctx);
      const weights = {
        perspectives: { manual: { F: 0.5, Q: 0.5 } },
        indicators: { F: { manual: { RATE: 0.8, COUNT: 0.2 } }, Q: { manual: { CULTURE: 1 } } },
      };
      const { result, after, before } = await observe(server, 'meta', () =>
        server.request('PUT', `/api/scorecards/${scorecard.code}/weights`, {
          weights,
          source: 'manual',
          sourceRef: 'board meeting 2024-05',
          note: 'rebalanced',
        }),
      );
      expect([result.statusCode, result.json(), after - before]).toEqual([
        200,
        {
          id: expect.any(Number),
          version: 2,
          // Nothing of the scorecard is published: the weights hold since the beginning.
          effectiveFrom: null,
          source: 'manual',
          sourceRef: 'board meeting 2024-05',
          note: 'rebalanced',
          createdBy: TEST_ADMIN.email,
          createdAt: NOW,
          created: true,
          weights,
          warnings: [],
        },
        1,
      ]);
      expect((await changesOf(server, 'weight_version', scorecard.code)).at(-1)).toEqual({
        action: 'create',
        oldValue: { version: 1, source: 'import' },
        newValue: {
          version: 2,
          effectiveFrom: null,
          source: 'manual',
          sourceRef: 'board meeting 2024-05',
          note: 'rebalanced',
        },
      });
      const indicators = (await server.request('GET', `/api/indicators?scorecard=${scorecard.code}`)).json<
        Page<IndicatorSummary>
      >();
      expect(indicators.items.map((i) => [i.id, i.weight, i.globalWeight])).toEqual([
        ['RATE', 0.8, 0.4],
        ['COUNT', 0.2, 0.1],
        ['CULTURE', 1, 0.5],
      ]);
    });

    it('answers weights that do not fit the structure with 400 at their paths, and stores nothing', async () => {
      const scorecard = await createScorecardFixture(server.ctx);
      const response = await server.request('PUT', `/api/scorecards/${scorecard.code}/weights`, {
        weights: {
          perspectives: { manual: { F: 1, Q: 1 } },
          indicators: { F: { manual: { RATE: 1 } }, Q: { manual: { CULTURE: 1 } }, Z: { manual: {} } },
        },
      });
      const versions = (
        await server.request('GET', `/api/scorecards/${scorecard.code}/versions`)
      ).json<ScorecardVersions>();
      expect([response.statusCode, response.json().issues, versions.weights.length]).toEqual([
        400,
        [
          {
            path: ['weights', 'perspectives', 'manual'],
            code: 'scorecard.weights-sum',
            params: { sum: 2 },
            message: 'weights add up to 2, not 1',
          },
          {
            path: ['weights', 'indicators', 'Z'],
            code: 'scorecard.not-a-perspective',
            params: { id: 'Z' },
            message: "'Z' is not a perspective",
          },
          {
            path: ['weights', 'indicators', 'F', 'manual'],
            code: 'scorecard.missing-weight',
            params: { id: 'COUNT' },
            message: "no weight for 'COUNT'",
          },
        ],
        1,
      ]);
    });

    it('stores nothing when the same weights are sent again', async () => {
      const scorecard = await createScorecardFixture(server.ctx);
      const body = {
        weights: (await server.request('GET', `/api/scorecards/${scorecard.code}`)).json().file.weights,
        source: 'ahp',
      };
      await server.request('PUT', `/api/scorecards/${scorecard.code}/weights`, body);
      const { result, before, after } = await observe(server, 'meta', () =>
        server.request('PUT', `/api/scorecards/${scorecard.code}/weights`, body),
      );
      expect([result.json().version, result.json().created, after - before]).toEqual([2, false, 0]);
    });
  });

  describe('indicators', () => {
    let code = '';
    beforeAll(async () => {
      const file = await azFile();
      code = String(file.code);
      await server.request('POST', '/api/scorecards', file);
    });

    // Seed 002 Table 4.1 via the eigenvector of the corrected matrix (../shared/seeds/README.md), as
    // examples/az-hospital/az-hospital.test.ts checks through the CLI.
    test.each([
      ['F', 6, 0.3764],
      ['C', 6, 0.1403],
      ['I', 9, 0.243],
      ['S', 4, 0.1224],
      ['R', 6, 0.1179],
    ])(
      'lists the %s perspective’s %i indicators with the AHP perspective weight %f',
      async (perspective, count, weight) => {
        const page = (
          await server.request('GET', `/api/indicators?scorecard=${code}&perspective=${perspective}`)
        ).json<Page<IndicatorSummary>>();
        const perspectiveWeights = page.items.map((i) => i.globalWeight / i.weight);
        const localSum = page.items.reduce((sum, i) => sum + i.weight, 0);
        expect(page.total).toBe(count);
        expect(localSum).toBeCloseTo(1, 10);
        for (const w of perspectiveWeights) expect(w).toBeCloseTo(weight, 4);
      },
    );

    it('filters by kind and text, and describes each indicator', async () => {
      const qualitative = (
        await server.request('GET', `/api/indicators?scorecard=${code}&kind=qualitative`)
      ).json<Page<IndicatorSummary>>();
      const byText = (
        await server.request('GET', `/api/indicators?scorecard=${code}&q=${encodeURIComponent('固定资产')}`)
      ).json<Page<IndicatorSummary>>();
      expect(qualitative.items.map((i) => i.id)).toEqual([
        'C1',
        'S1',
        'S2',
        'R1',
        'R2',
        'R3',
        'R4',
        'R5',
        'R6',
      ]);
      expect(byText.items.map(({ weight: _w, globalWeight: _g, ...rest }) => rest)).toEqual([
        {
          scorecard: code,
          perspective: 'F',
          id: 'F1',
          name: { en: 'Total fixed assets', zh: '固定资产总额' },
          kind: 'quantitative',
          objective: null,
          unit: { en: '100 million yuan', zh: '亿元' },
          direction: 'higher',
          role: 'lagging',
          owner: null,
          ownerName: 'Finance department',
          formulaText: 'Amount of fixed assets',
          scored: true,
        },
      ]);
    });

    it('answers 404 for an unknown scorecard', async () => {
      expect((await server.request('GET', '/api/indicators?scorecard=NOPE')).statusCode).toBe(404);
    });
  });

  describe('org units of a scorecard', () => {
    it('assigns org units, sorted, and audits old → new', async () => {
      const tree = await createOrgTree(server.ctx, { hospitals: 2, departmentsPerHospital: 0 });
      const scorecard = await createScorecardFixture(server.ctx);
      const [h1 = '', h2 = ''] = tree.hospitals;
      const url = `/api/scorecards/${scorecard.code}/org-units`;
      await server.request('PUT', url, { orgUnits: [{ orgUnit: h1 }] });
      const response = await server.request('PUT', url, {
        orgUnits: [{ orgUnit: h2, includeDescendants: false }, { orgUnit: h1 }],
      });
      const expected = [
        { orgUnit: h1, includeDescendants: true },
        { orgUnit: h2, includeDescendants: false },
      ];
      expect([response.json(), (await server.request('GET', url)).json()]).toEqual([
        { orgUnits: expected },
        { orgUnits: expected },
      ]);
      expect(await changesOf(server, 'scorecard_org_unit', scorecard.code)).toEqual([
        { action: 'update', oldValue: [], newValue: [{ orgUnit: h1, includeDescendants: true }] },
        { action: 'update', oldValue: [{ orgUnit: h1, includeDescendants: true }], newValue: expected },
      ]);
    });

    it('answers unknown and repeated units with 400 by index', async () => {
      const tree = await createOrgTree(server.ctx, { hospitals: 1, departmentsPerHospital: 0 });
      const scorecard = await createScorecardFixture(server.ctx);
      const response = await server.request('PUT', `/api/scorecards/${scorecard.code}/org-units`, {
        orgUnits: [{ orgUnit: tree.group }, { orgUnit: 'NOPE' }, { orgUnit: tree.group }],
      });
      expect([response.json().code, response.json().issues]).toEqual([
        'org-unit.assignment-invalid',
        [
          {
            path: ['orgUnits', 1, 'orgUnit'],
            code: 'org-unit.unknown',
            params: { code: 'NOPE' },
            message: "there is no org unit 'NOPE'",
          },
          {
            path: ['orgUnits', 2, 'orgUnit'],
            code: 'org-unit.listed-twice',
            params: { code: tree.group, first: 0 },
            message: `'${tree.group}' is already listed at orgUnits[0]`,
          },
        ],
      ]);
    });
  });
});
