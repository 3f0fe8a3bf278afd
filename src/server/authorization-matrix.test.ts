/**
 * The authorization matrix (issue 4, ../shared/STYLE.md habit 5): every route of the OpenAPI document × no
 * session and every role × an org unit inside and outside the role's subtree, with the exact status and, for
 * 401 and 403, the exact problem body. A route added without an entry here fails the first test.
 *
 * The admin holds the whole installation; every other role holds hospital H1's subtree (test/fixtures/
 * access-world.ts). "In scope" is a department of H1, "out of scope" a department of H2. The expected 403
 * details are written out here, not imported from the policy, so a change of the policy shows as a failure.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/engines.ts';
import { type AccessWorld, createAccessWorld, DATA_MONTH } from '../../test/fixtures/access-world.ts';
import { createTestUser, TEST_PASSWORD } from '../../test/fixtures/accounts.ts';
import { uniqueCode } from '../../test/fixtures/codes.ts';
import { csv } from '../../test/fixtures/imports/world.ts';
import { makeScorecardFile } from '../../test/fixtures/scorecards.ts';
import {
  FIXTURE_ACTOR,
  FIXTURE_APPROVER,
  type Method,
  send,
  type TestSession,
} from '../../test/fixtures/server.ts';
import { surveyFor } from '../../test/fixtures/survey-world.ts';
import { ROLES, type Role } from '../core/access/principal.ts';
import { importProfileSchema } from '../core/contracts/import-profiles.ts';
import type { LibraryEntryBody } from '../core/contracts/indicator-library.ts';
import { pullBodySchema } from '../core/contracts/pulls.ts';
import { populationElementCode } from '../core/fhir/index.ts';
import { insertAction, insertAttachment, insertComment } from '../db/repositories/action.repository.ts';
import { insertAlert } from '../db/repositories/alert.repository.ts';
import { insertSubscription } from '../db/repositories/alert-config.repository.ts';
import { findOrgUnitByCode } from '../db/repositories/org-unit.repository.ts';
import { findScorecardByCode } from '../db/repositories/scorecard.repository.ts';
import { findUserByEmail } from '../db/repositories/user.repository.ts';
import { createApiToken } from './accounts/tokens.service.ts';
import { createRule, createWebhook, putDeadline } from './alerts/alert-config.service.ts';
import { saveProfile } from './import-profiles/saved-profiles.service.ts';
import { commitImport } from './imports/import.service.ts';
import { createAllocation } from './incentives/incentives.service.ts';
import { createLibraryEntry } from './indicator-library/indicator-library.service.ts';
import { createConnection, createPull } from './pulls/pulls.service.ts';
import { subscribeToReport } from './reports/report-subscriptions.ts';
import { approveData, submitApproval } from './services/approvals.service.ts';
import { createDataElement } from './services/data-elements.service.ts';
import { createOrgUnitGroup } from './services/org-unit-groups.service.ts';
import { importScorecard } from './services/scorecards.service.ts';
import { putTargets } from './services/targets.service.ts';
import { saveStudy } from './studies/studies.service.ts';

/** A MeasureReport (FHIR) of one count for H1's department, its data element created first. */
async function fhirReport(w: AccessWorld): Promise<{ payload: Uint8Array; contentType: string }> {
  const name = uniqueCode('mx');
  await createDataElement(w.server.ctx, FIXTURE_ACTOR, {
    ...ELEMENT,
    code: populationElementCode(name, 'numerator'),
  });
  const report = {
    resourceType: 'MeasureReport',
    status: 'complete',
    type: 'summary',
    measure: `https://example.org/Measure/${name}`,
    reporter: { identifier: { value: w.units.inside } },
    period: { start: `${DATA_MONTH}-01`, end: DATA_MONTH },
    group: [{ population: [{ code: { coding: [{ code: 'numerator' }] }, count: 3 }] }],
  };
  return { contentType: 'application/fhir+json', payload: new TextEncoder().encode(JSON.stringify(report)) };
}

/** A study of the world's rate indicator over one unit (docs/study-format.md). */
function studyOver(w: AccessWorld, unit: string, code: string) {
  return {
    format: 'healthbsc/study@1',
    code,
    name: { en: 'Study' },
    scorecard: w.scorecard.code,
    units: [{ orgUnit: unit }],
    indicators: [w.scorecard.rate],
    baseline: { from: '2024-01', to: '2024-02' },
    followUp: '2024-03',
  } as const;
}

/** A study over one unit, saved by the fixture; its code. */
async function savedStudyOver(w: AccessWorld, unit: string): Promise<string> {
  const code = uniqueCode('ST');
  await saveStudy(w.server.ctx, FIXTURE_ACTOR, { code, body: studyOver(w, unit, code), create: true });
  return code;
}

/** A fresh report subscription over `unit` (each DELETE ends its own). */
async function reportSubscriptionOver(w: AccessWorld, unit: string): Promise<number> {
  return subscribeToReport(w.server.ctx, FIXTURE_ACTOR, {
    scorecard: w.scorecard.code,
    orgUnit: unit,
    recipient: `${uniqueCode('r').toLowerCase()}@example.org`,
    language: 'en',
    format: 'xlsx',
  });
}

/** A database connection's body over `unit` (to a port nothing listens on: a run or test fails at once). */
function connectionBody(unit: string) {
  return {
    code: uniqueCode('db'),
    orgUnit: unit,
    kind: 'postgres',
    host: '127.0.0.1',
    port: 1,
    database: 'his',
    user: 'reader',
    password: 'secret',
    options: {},
  } as const;
}

/** A database connection over `unit`, made by the fixture; its id and code. */
async function connectionOver(w: AccessWorld, unit: string): Promise<{ id: number; code: string }> {
  const made = await createConnection(w.server.ctx, FIXTURE_ACTOR, connectionBody(unit));
  return { id: made.id, code: made.code };
}

/** A pull's body over `unit` reading through `connection`. */
function pullBody(unit: string, connection: string) {
  return {
    code: uniqueCode('pull'),
    orgUnit: unit,
    connection,
    query: 'select 1',
    profile: { format: 'healthbsc/profile@1', code: 'p', unit: { column: 'unit' } },
  } as const;
}

/** A pull over `unit`, made by the fixture; its id. */
async function pullOver(w: AccessWorld, unit: string): Promise<number> {
  const connection = await connectionOver(w, unit);
  const made = await createPull(
    w.server.ctx,
    FIXTURE_ACTOR,
    pullBodySchema.parse(pullBody(unit, connection.code)),
  );
  return made.id;
}

/** Who may call a route. */
type Access =
  | { readonly kind: 'public' }
  /** Holders of `roles` (admin counts as every role); `scoped`: only over the unit the request names. */
  | { readonly kind: 'roles'; readonly roles: readonly Role[]; readonly scoped: boolean }
  | { readonly kind: 'installation-admin' }
  /** The import's author or an installation admin (the matrix's imports are the fixture's). */
  | { readonly kind: 'import-author' };

interface UnitCase {
  /** The department named: inside H1 or inside H2. */
  readonly code: string;
  /** Its hospital. */
  readonly hospital: string;
  readonly inScope: boolean;
}

interface Request {
  readonly url: string;
  readonly body?: unknown;
  /** A raw upload instead of JSON. */
  readonly raw?: { readonly payload: Uint8Array; readonly contentType: string };
}

interface Entry {
  readonly access: Access;
  readonly success: number;
  /** The request ends its session (sign-out): send it in a session of its own with the same role. */
  readonly ownSession?: boolean;
  /** The unit a 403 out of scope names, when the request names the department's hospital (default: the department). */
  readonly deniedUnit?: 'hospital';
  /** `session`: the session the request is sent in (null: none), for routes on the user's own things. */
  build(w: AccessWorld, unit: UnitCase, session: TestSession | null): Promise<Request> | Request;
}

/** A data element's fields as its contract defaults them. */
const ELEMENT = {
  name: { en: 'Beds' },
  valueType: 'integer',
  aggregation: 'sum',
  timeAggregation: 'sum',
} as const;

/** An own indicator-library entry's fields. */
const LIBRARY_ENTRY = {
  name: { en: 'Beds per ward', zh: '每病区床位数' },
  definition: { en: 'Open beds ÷ wards', zh: '开放床位数 ÷ 病区数' },
  numerator: { en: 'Open beds', zh: '开放床位数' },
  denominator: { en: 'Wards', zh: '病区数' },
  perspective: 'internal',
  category: { en: 'Resources', zh: '资源' },
  kind: 'quantitative',
  direction: 'monitor',
  unit: { en: 'beds', zh: '张' },
  periodType: 'year',
  formula: { numerator: 'open_beds', denominator: 'wards', factor: 1 },
  scoring: null,
  dataElements: [
    { code: 'open_beds', name: { en: 'Open beds', zh: '开放床位数' }, valueType: 'integer' },
    { code: 'wards', name: { en: 'Wards', zh: '病区数' }, valueType: 'integer' },
  ],
  reference: 'Hospital statistics office',
} satisfies LibraryEntryBody;

const ANY: Access = { kind: 'roles', roles: ROLES, scoped: false };
const ANY_SCOPED: Access = { kind: 'roles', roles: ROLES, scoped: true };
const DESIGN: Access = { kind: 'roles', roles: ['admin', 'strategist'], scoped: false };
const DESIGN_SCOPED: Access = { kind: 'roles', roles: ['admin', 'strategist'], scoped: true };
const ENTRY_SCOPED: Access = { kind: 'roles', roles: ['admin', 'entry', 'steward'], scoped: true };
const WORK_SCOPED: Access = {
  kind: 'roles',
  roles: ['admin', 'strategist', 'steward', 'entry', 'approver'],
  scoped: true,
};
const INSTALLATION_ADMIN: Access = { kind: 'installation-admin' };
const PROFILE_WRITERS: Access = { kind: 'roles', roles: ['admin', 'steward'], scoped: false };
const ENTRY: Access = { kind: 'roles', roles: ['admin', 'entry', 'steward'], scoped: false };

/** A mapping profile of one value column into `element` (default a fresh code). */
const mappingProfile = (code: string, element = 'beds', scale = 1) => ({
  format: 'healthbsc/profile@1' as const,
  code,
  unit: { column: 'unit' },
  period: { column: 'month', format: 'YYYY-MM' as const },
  values: [{ column: 'beds', dataElement: element, scale }],
});

/** A profile saved by the fixture, mapping into a data element it creates; its code. */
async function savedProfile(w: AccessWorld): Promise<string> {
  const code = uniqueCode('prof');
  const element = uniqueCode('pe').toLowerCase();
  await createDataElement(w.server.ctx, FIXTURE_ACTOR, { ...ELEMENT, code: element });
  await saveProfile(w.server.ctx, FIXTURE_ACTOR, {
    profile: importProfileSchema.parse(mappingProfile(code, element)),
  });
  return code;
}

/** A small source table naming the in-scope unit. */
const profileTable = (w: AccessWorld) => ({
  payload: new TextEncoder().encode(`unit,month,beds\n${w.units.inside},${DATA_MONTH},7\n`),
  contentType: 'text/csv',
});
const PULL_SCOPED: Access = { kind: 'roles', roles: ['admin', 'steward'], scoped: true };

/** The user id behind a session (the fixture's admin when there is none). */
async function userIdOf(w: AccessWorld, session: TestSession | null): Promise<number> {
  const email = session?.email ?? (await w.server.adminSession()).email;
  return (await findUserByEmail(w.server.ctx.db.kysely, email))?.id ?? 0;
}

/** An alert rule of the world's scorecard, made by the fixture; its id. */
async function ruleOf(w: AccessWorld): Promise<number> {
  const rule = await createRule(w.server.ctx, FIXTURE_ACTOR, {
    scorecard: w.scorecard.code,
    kind: 'off-target',
    severity: 'warning',
    orgUnits: [],
    indicators: [],
    includeWatch: false,
    enabled: true,
  });
  return rule.id;
}

/** An open alert on the unit (a fresh month), written by the fixture; its id. */
async function alertOn(w: AccessWorld, unit: UnitCase): Promise<number> {
  const db = w.server.ctx.db.kysely;
  const found = await findOrgUnitByCode(db, unit.code);
  const scorecard = await findScorecardByCode(db, w.scorecard.code);
  const id = await insertAlert(db, {
    rootId: found?.rootId ?? 0,
    ruleId: await ruleOf(w),
    scorecardId: scorecard?.id ?? 0,
    kind: 'off-target',
    severity: 'warning',
    indicator: w.scorecard.count,
    orgUnitId: found?.id ?? 0,
    periodId: w.nextMonth(),
    actionId: null,
    code: 'off-target',
    params: {},
    openedAt: w.server.ctx.now(),
  });
  return id ?? 0;
}

/** An action on the unit owned by the session's user, opened by the fixture; its id. */
async function actionOn(w: AccessWorld, unit: UnitCase, session: TestSession | null): Promise<number> {
  // Read before the transaction: PGlite has one connection, which the transaction holds.
  const ownerId = await userIdOf(w, session);
  const { id } = await w.server.ctx.db.kysely.transaction().execute(async (trx) => {
    const found = await findOrgUnitByCode(trx, unit.code);
    const scorecard = await findScorecardByCode(trx, w.scorecard.code);
    const actionId = await insertAction(trx, {
      rootId: found?.rootId ?? 0,
      title: 'Shorten the wait',
      description: null,
      scorecardId: scorecard?.id ?? 0,
      indicator: w.scorecard.count,
      orgUnitId: found?.id ?? 0,
      periodId: DATA_MONTH,
      ownerId,
      dueDate: '2024-12-31',
      origin: 'cell',
      alertId: null,
      objective: null,
      valueAtOpening: null,
      createdBy: 'fixture',
      at: w.server.ctx.now(),
    });
    return { id: actionId };
  });
  return id;
}

/** A comment on a fresh action of the unit; the action's and the comment's ids. */
async function commentOn(w: AccessWorld, unit: UnitCase, session: TestSession | null) {
  const actionId = await actionOn(w, unit, session);
  const found = await findOrgUnitByCode(w.server.ctx.db.kysely, unit.code);
  const commentId = await insertComment(w.server.ctx.db.kysely, {
    rootId: found?.rootId ?? 0,
    actionId,
    authorId: null,
    text: 'Evidence follows',
    at: w.server.ctx.now(),
  });
  return { actionId, commentId, rootId: found?.rootId ?? 0 };
}

const WEBHOOK = { name: 'Ops', kind: 'generic', url: 'http://127.0.0.1:9/hook', secret: 's' } as const;

/** The approval of a fresh month of the unit, taken to `state` by the fixture first. */
async function approvalKey(w: AccessWorld, unit: UnitCase, state: 'none' | 'submitted' | 'approved') {
  const key = { scorecard: w.scorecard.code, orgUnit: unit.code, period: w.nextMonth() };
  if (state !== 'none') await submitApproval(w.server.ctx, FIXTURE_ACTOR, key);
  if (state === 'approved') await approveData(w.server.ctx, FIXTURE_APPROVER, key);
  return key;
}

/** A fresh month of the unit, published by the installation admin (the matrix reads it). */
async function publishedMonth(w: AccessWorld, unit: UnitCase): Promise<string> {
  const period = w.nextMonth();
  const response = await w.server.request('POST', '/api/publications', {
    scorecard: w.scorecard.code,
    orgUnit: unit.code,
    period,
    unapprovedPeriods: [period],
  });
  if (response.statusCode !== 201) throw new Error(response.body);
  return period;
}

/** An allocation body of the unit's hospital's pool in DATA_MONTH, published first (a reason keeps it repeatable). */
async function allocationBody(w: AccessWorld, unit: UnitCase) {
  const published = await w.server.request('POST', '/api/publications', {
    scorecard: w.scorecard.code,
    orgUnit: unit.hospital,
    period: DATA_MONTH,
    unapprovedPeriods: [DATA_MONTH],
    reason: 'the matrix publishes again',
  });
  if (published.statusCode !== 201) throw new Error(published.body);
  return {
    scorecard: w.scorecard.code,
    orgUnit: unit.hospital,
    period: DATA_MONTH,
    pool: 1000,
    currency: 'CNY',
    rule: { base: 'equal', rounding: 1 },
    reason: 'the matrix allocates again',
  } as const;
}

/** A draft allocation of the unit's hospital, made by the fixture (so no role approves their own). */
async function draftAllocation(w: AccessWorld, unit: UnitCase): Promise<number> {
  return (await createAllocation(w.server.ctx, FIXTURE_ACTOR, await allocationBody(w, unit))).id;
}

/** A committed import of a fresh month of the world's inside unit, by the fixture. */
async function committedImport(w: AccessWorld): Promise<number> {
  const report = await commitImport(w.server.ctx, FIXTURE_ACTOR, {
    bytes: csv([
      'org_unit,period,data_element,value',
      `${w.units.inside},${w.nextMonth()},${w.scorecard.numerator},7`,
    ]),
    fileName: 'matrix.csv',
    kind: 'data',
  });
  return report.batchId ?? 0;
}

const MATRIX: Readonly<Record<string, Entry>> = {
  'GET /api/meta': { access: { kind: 'public' }, success: 200, build: () => ({ url: '/api/meta' }) },
  'POST /api/session': {
    access: { kind: 'public' },
    success: 200,
    build: async (w) => ({
      url: '/api/session',
      body: {
        email: await createTestUser(w.server.ctx, [{ role: 'viewer', orgUnit: null }]),
        password: TEST_PASSWORD,
      },
    }),
  },
  'GET /api/session': { access: ANY, success: 200, build: () => ({ url: '/api/session' }) },
  'DELETE /api/session': {
    access: ANY,
    success: 204,
    ownSession: true,
    build: () => ({ url: '/api/session' }),
  },
  'POST /api/session/password': {
    access: ANY,
    success: 204,
    // Its own user and session: the password changes and the account's other sessions end.
    ownSession: true,
    build: () => ({
      url: '/api/session/password',
      body: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase 2026' },
    }),
  },

  'GET /api/users': {
    access: { kind: 'installation-admin' },
    success: 200,
    build: () => ({ url: '/api/users' }),
  },
  'GET /api/users/directory': {
    access: ANY_SCOPED,
    success: 200,
    build: (_w, u) => ({ url: `/api/users/directory?unit=${u.code}&q=a` }),
  },
  'POST /api/users': {
    access: { kind: 'installation-admin' },
    success: 201,
    build: () => ({
      url: '/api/users',
      body: {
        email: `${uniqueCode('new').toLowerCase()}@test.healthbsc`,
        password: TEST_PASSWORD,
        assignments: [{ role: 'viewer', orgUnit: null }],
      },
    }),
  },
  'PATCH /api/users/{id}': {
    access: { kind: 'installation-admin' },
    success: 200,
    build: async (w) => {
      const email = await createTestUser(w.server.ctx, []);
      const list = await w.server.request('GET', '/api/users?limit=1000');
      const id = list
        .json<{ items: { id: number; email: string }[] }>()
        .items.find((u) => u.email === email)?.id;
      return { url: `/api/users/${id}`, body: { name: 'Renamed' } };
    },
  },
  'GET /api/tokens': {
    access: { kind: 'installation-admin' },
    success: 200,
    build: () => ({ url: '/api/tokens' }),
  },
  'POST /api/tokens': {
    access: { kind: 'installation-admin' },
    success: 201,
    build: (w) => ({
      url: '/api/tokens',
      body: { name: uniqueCode('token'), role: 'viewer', orgUnits: [w.units.scopeTop] },
    }),
  },
  'DELETE /api/tokens/{id}': {
    access: { kind: 'installation-admin' },
    success: 200,
    build: async (w) => {
      const token = await createApiToken(w.server.ctx, FIXTURE_ACTOR, {
        name: uniqueCode('token'),
        role: 'viewer',
        orgUnits: [w.units.scopeTop],
      });
      return { url: `/api/tokens/${token.id}` };
    },
  },

  'GET /api/org-units': {
    access: ANY_SCOPED,
    success: 200,
    build: (_w, u) => ({ url: `/api/org-units?parent=${u.code}` }),
  },
  'POST /api/org-units': {
    access: DESIGN_SCOPED,
    success: 201,
    build: (_w, u) => ({
      url: '/api/org-units',
      body: { code: uniqueCode('NEW'), name: { en: 'Ward' }, type: 'unit', parent: u.code },
    }),
  },
  'GET /api/org-units/{code}': {
    access: ANY_SCOPED,
    success: 200,
    build: (_w, u) => ({ url: `/api/org-units/${u.code}` }),
  },
  'PATCH /api/org-units/{code}': {
    access: DESIGN_SCOPED,
    success: 200,
    build: (_w, u) => ({ url: `/api/org-units/${u.code}`, body: { sortOrder: 3 } }),
  },
  'GET /api/org-units/{code}/children': {
    access: ANY_SCOPED,
    success: 200,
    build: (_w, u) => ({ url: `/api/org-units/${u.code}/children` }),
  },
  'GET /api/org-units/{code}/identifiers': {
    access: ANY_SCOPED,
    success: 200,
    build: (_w, u) => ({ url: `/api/org-units/${u.code}/identifiers` }),
  },
  'POST /api/org-units/{code}/identifiers': {
    access: DESIGN_SCOPED,
    success: 201,
    build: (_w, u) => ({
      url: `/api/org-units/${u.code}/identifiers`,
      body: { system: 'https://example.org/ids', value: uniqueCode('id') },
    }),
  },
  'GET /api/import-profiles': { access: ANY, success: 200, build: () => ({ url: '/api/import-profiles' }) },
  'POST /api/import-profiles': {
    access: PROFILE_WRITERS,
    success: 201,
    build: () => ({ url: '/api/import-profiles', body: { profile: mappingProfile(uniqueCode('prof')) } }),
  },
  'POST /api/import-profiles/files': {
    access: PROFILE_WRITERS,
    success: 201,
    build: () => ({
      url: '/api/import-profiles/files',
      body: { file: JSON.stringify(mappingProfile(uniqueCode('prof'))) },
    }),
  },
  'GET /api/import-profiles/{code}': {
    access: ANY,
    success: 200,
    build: async (w) => ({ url: `/api/import-profiles/${await savedProfile(w)}` }),
  },
  'POST /api/import-profiles/{code}/versions': {
    access: PROFILE_WRITERS,
    success: 201,
    build: async (w) => {
      const code = await savedProfile(w);
      return {
        url: `/api/import-profiles/${code}/versions`,
        body: { profile: mappingProfile(code, 'beds', 2) },
      };
    },
  },
  'GET /api/import-profiles/{code}/file': {
    access: ANY,
    success: 200,
    build: async (w) => ({ url: `/api/import-profiles/${await savedProfile(w)}/file` }),
  },
  'POST /api/profile-imports/inspect': {
    access: ANY,
    success: 200,
    build: (w) => ({ url: '/api/profile-imports/inspect', raw: profileTable(w) }),
  },
  'POST /api/profile-imports/preview': {
    access: ANY,
    success: 200,
    build: async (w) => ({
      url: `/api/profile-imports/preview?code=${await savedProfile(w)}`,
      raw: profileTable(w),
    }),
  },
  'POST /api/profile-imports': {
    access: ENTRY,
    success: 200,
    build: async (w) => ({
      url: `/api/profile-imports?code=${await savedProfile(w)}&dryRun=true`,
      raw: profileTable(w),
    }),
  },
  'GET /api/org-units/{code}/subtree': {
    access: ANY_SCOPED,
    success: 200,
    build: (_w, u) => ({ url: `/api/org-units/${u.code}/subtree` }),
  },
  'GET /api/org-units/{code}/ancestors': {
    access: ANY_SCOPED,
    success: 200,
    build: (_w, u) => ({ url: `/api/org-units/${u.code}/ancestors` }),
  },

  'POST /api/ahp/sensitivity': {
    access: ANY,
    success: 200,
    build: () => ({
      url: '/api/ahp/sensitivity',
      body: {
        hierarchy: {
          matrix: [
            [1, 3],
            ['1/3', 1],
          ],
        },
        scores: [
          [0.9, 0.2],
          [0.4, 0.8],
        ],
        draws: 20,
      },
    }),
  },
  'GET /api/org-unit-groups': { access: ANY, success: 200, build: () => ({ url: '/api/org-unit-groups' }) },
  'POST /api/org-unit-groups': {
    access: DESIGN_SCOPED,
    success: 201,
    build: (_w, u) => ({
      url: '/api/org-unit-groups',
      body: { code: uniqueCode('GRP'), name: { en: 'Group' }, members: [u.code] },
    }),
  },
  'GET /api/org-unit-groups/{code}': {
    access: ANY,
    success: 200,
    build: async (w) => {
      const code = uniqueCode('GRP');
      await createOrgUnitGroup(w.server.ctx, FIXTURE_ACTOR, { code, name: { en: 'G' }, members: [] });
      return { url: `/api/org-unit-groups/${code}` };
    },
  },
  'PATCH /api/org-unit-groups/{code}': {
    access: DESIGN_SCOPED,
    success: 200,
    build: async (w, u) => {
      const code = uniqueCode('GRP');
      await createOrgUnitGroup(w.server.ctx, FIXTURE_ACTOR, {
        code,
        name: { en: 'G' },
        members: [w.units.inside],
      });
      return { url: `/api/org-unit-groups/${code}`, body: { members: [u.code] } };
    },
  },

  'POST /api/studies/evaluate': {
    access: ANY_SCOPED,
    success: 200,
    build: (w, u) => ({ url: '/api/studies/evaluate', body: studyOver(w, u.code, uniqueCode('ST')) }),
  },
  'GET /api/studies': { access: ANY, success: 200, build: () => ({ url: '/api/studies' }) },
  'GET /api/studies/{code}': {
    access: ANY_SCOPED,
    success: 200,
    build: async (w, u) => ({ url: `/api/studies/${await savedStudyOver(w, u.code)}` }),
  },
  'PUT /api/studies/{code}': {
    access: DESIGN_SCOPED,
    success: 200,
    build: (w, u) => {
      const code = uniqueCode('ST');
      return { url: `/api/studies/${code}`, body: studyOver(w, u.code, code) };
    },
  },
  'DELETE /api/studies/{code}': {
    access: DESIGN_SCOPED,
    success: 204,
    build: async (w, u) => ({ url: `/api/studies/${await savedStudyOver(w, u.code)}` }),
  },

  'GET /api/periods': { access: ANY, success: 200, build: () => ({ url: '/api/periods' }) },
  'GET /api/periods/{id}': { access: ANY, success: 200, build: () => ({ url: '/api/periods/2024Q1' }) },

  'GET /api/data-elements': { access: ANY, success: 200, build: () => ({ url: '/api/data-elements' }) },
  'POST /api/data-elements': {
    access: DESIGN,
    success: 201,
    build: () => ({ url: '/api/data-elements', body: { code: uniqueCode('el'), name: { en: 'Beds' } } }),
  },
  'GET /api/data-elements/{code}': {
    access: ANY,
    success: 200,
    build: (w) => ({ url: `/api/data-elements/${w.scorecard.numerator}` }),
  },
  'PATCH /api/data-elements/{code}': {
    access: DESIGN,
    success: 200,
    build: async (w) => {
      const code = uniqueCode('el');
      await createDataElement(w.server.ctx, FIXTURE_ACTOR, { ...ELEMENT, code });
      return { url: `/api/data-elements/${code}`, body: { unit: { en: 'beds', zh: '床' } } };
    },
  },
  'DELETE /api/data-elements/{code}': {
    access: DESIGN,
    success: 204,
    build: async (w) => {
      const code = uniqueCode('el');
      await createDataElement(w.server.ctx, FIXTURE_ACTOR, { ...ELEMENT, code });
      return { url: `/api/data-elements/${code}` };
    },
  },

  'GET /api/indicator-library': {
    access: ANY,
    success: 200,
    build: () => ({ url: '/api/indicator-library?q=%E9%97%A8%E8%AF%8A' }),
  },
  'POST /api/indicator-library': {
    access: DESIGN,
    success: 201,
    build: () => ({ url: '/api/indicator-library', body: LIBRARY_ENTRY }),
  },
  'PUT /api/indicator-library/{id}': {
    access: DESIGN,
    success: 200,
    build: async (w) => {
      const created = await createLibraryEntry(w.server.ctx, FIXTURE_ACTOR, LIBRARY_ENTRY);
      return { url: `/api/indicator-library/${created.id}`, body: LIBRARY_ENTRY };
    },
  },
  'DELETE /api/indicator-library/{id}': {
    access: DESIGN,
    success: 204,
    build: async (w) => {
      const created = await createLibraryEntry(w.server.ctx, FIXTURE_ACTOR, LIBRARY_ENTRY);
      return { url: `/api/indicator-library/${created.id}` };
    },
  },

  'GET /api/scorecards': { access: ANY, success: 200, build: () => ({ url: '/api/scorecards' }) },
  'POST /api/scorecards': {
    access: DESIGN,
    success: 201,
    build: () => ({ url: '/api/scorecards', body: makeScorecardFile().file }),
  },
  'GET /api/scorecards/{code}': {
    access: ANY,
    success: 200,
    build: (w) => ({ url: `/api/scorecards/${w.scorecard.code}` }),
  },
  'PUT /api/scorecards/{code}': {
    access: DESIGN,
    success: 200,
    build: (w) => ({ url: `/api/scorecards/${w.scorecard.code}`, body: w.scorecard.file }),
  },
  'GET /api/scorecards/{code}/export': {
    access: ANY,
    success: 200,
    build: (w) => ({ url: `/api/scorecards/${w.scorecard.code}/export` }),
  },
  'GET /api/scorecards/{code}/versions': {
    access: ANY,
    success: 200,
    build: (w) => ({ url: `/api/scorecards/${w.scorecard.code}/versions` }),
  },
  'GET /api/scorecards/{code}/strategy': {
    access: ANY,
    success: 200,
    build: (w) => ({ url: `/api/scorecards/${w.scorecard.code}/strategy` }),
  },
  'PUT /api/scorecards/{code}/strategy': {
    access: DESIGN,
    success: 200,
    build: (w) => ({
      url: `/api/scorecards/${w.scorecard.code}/strategy`,
      body: { objectives: [], links: [] },
    }),
  },
  'PUT /api/scorecards/{code}/weights': {
    access: DESIGN,
    success: 200,
    build: (w) => ({
      url: `/api/scorecards/${w.scorecard.code}/weights`,
      body: { weights: w.scorecard.file.weights },
    }),
  },
  'GET /api/scorecards/{code}/org-units': {
    access: ANY,
    success: 200,
    build: (w) => ({ url: `/api/scorecards/${w.scorecard.code}/org-units` }),
  },
  'PUT /api/scorecards/{code}/org-units': {
    access: DESIGN_SCOPED,
    success: 200,
    build: async (w, u) => {
      const fixture = makeScorecardFile();
      await importScorecard(w.server.ctx, FIXTURE_ACTOR, { file: fixture.file, mode: 'create' });
      return {
        url: `/api/scorecards/${fixture.code}/org-units`,
        body: { orgUnits: [{ orgUnit: u.code, includeDescendants: true }] },
      };
    },
  },
  'GET /api/indicators': { access: ANY, success: 200, build: () => ({ url: '/api/indicators' }) },

  'GET /api/targets': {
    access: ANY_SCOPED,
    success: 200,
    build: (_w, u) => ({ url: `/api/targets?orgUnit=${u.code}` }),
  },
  'PUT /api/targets': {
    access: DESIGN_SCOPED,
    success: 200,
    build: (w, u) => ({
      url: '/api/targets',
      body: {
        targets: [
          {
            scorecard: w.scorecard.code,
            indicator: w.scorecard.rate,
            orgUnit: u.code,
            period: '2024',
            target: 85,
          },
        ],
      },
    }),
  },
  'DELETE /api/targets': {
    access: DESIGN_SCOPED,
    success: 204,
    build: async (w, u) => {
      const period = w.nextMonth();
      const key = { scorecard: w.scorecard.code, indicator: w.scorecard.rate, orgUnit: u.code, period };
      await putTargets(w.server.ctx, FIXTURE_ACTOR, { targets: [{ ...key, target: 90 }] });
      return { url: `/api/targets?${new URLSearchParams(key)}` };
    },
  },

  'GET /api/data-values': {
    access: ANY_SCOPED,
    success: 200,
    build: (_w, u) => ({ url: `/api/data-values?orgUnit=${u.code}` }),
  },
  'POST /api/data-values': {
    access: ENTRY_SCOPED,
    success: 200,
    build: (w, u) => ({
      url: '/api/data-values',
      body: {
        values: [{ orgUnit: u.code, dataElement: w.scorecard.numerator, period: DATA_MONTH, value: 41 }],
      },
    }),
  },
  'GET /api/reported-values': {
    access: ANY_SCOPED,
    success: 200,
    build: (_w, u) => ({ url: `/api/reported-values?orgUnit=${u.code}` }),
  },
  'POST /api/reported-values': {
    access: ENTRY_SCOPED,
    success: 200,
    build: (w, u) => ({
      url: '/api/reported-values',
      body: {
        values: [
          {
            scorecard: w.scorecard.code,
            indicator: w.scorecard.rate,
            orgUnit: u.code,
            period: '2024Q1',
            value: 77,
          },
        ],
      },
    }),
  },
  'GET /api/assessments': {
    access: ANY_SCOPED,
    success: 200,
    build: (_w, u) => ({ url: `/api/assessments?orgUnit=${u.code}` }),
  },
  'POST /api/assessments': {
    access: ENTRY_SCOPED,
    success: 200,
    build: (w, u) => ({
      url: '/api/assessments',
      body: {
        assessments: [
          {
            scorecard: w.scorecard.code,
            indicator: w.scorecard.rated,
            orgUnit: u.code,
            period: DATA_MONTH,
            score: 70,
          },
        ],
      },
    }),
  },

  'GET /api/approvals': {
    access: ANY_SCOPED,
    success: 200,
    build: (_w, u) => ({ url: `/api/approvals?orgUnit=${u.code}` }),
  },
  'POST /api/approvals/submit': {
    access: { kind: 'roles', roles: ['admin', 'entry', 'steward', 'approver'], scoped: true },
    success: 200,
    build: async (w, u) => ({ url: '/api/approvals/submit', body: await approvalKey(w, u, 'none') }),
  },
  'POST /api/approvals/approve': {
    access: { kind: 'roles', roles: ['admin', 'approver'], scoped: true },
    success: 200,
    build: async (w, u) => ({ url: '/api/approvals/approve', body: await approvalKey(w, u, 'submitted') }),
  },
  'GET /api/data-quality': {
    access: ANY_SCOPED,
    success: 200,
    build: (_w, u) => ({ url: `/api/data-quality?orgUnit=${u.code}&period=2024` }),
  },
  'POST /api/approvals/reopen': {
    access: { kind: 'roles', roles: ['admin', 'approver'], scoped: true },
    success: 200,
    build: async (w, u) => ({
      url: '/api/approvals/reopen',
      body: { ...(await approvalKey(w, u, 'approved')), reason: 'a late correction' },
    }),
  },

  'GET /api/audit': {
    access: { kind: 'roles', roles: ['admin', 'approver'], scoped: true },
    success: 200,
    build: (_w, u) => ({ url: `/api/audit?orgUnit=${u.code}` }),
  },
  'GET /api/audit/export': {
    access: { kind: 'installation-admin' },
    success: 200,
    build: () => ({ url: '/api/audit/export?entity=org_unit' }),
  },

  'GET /api/evaluations': {
    access: ANY_SCOPED,
    success: 200,
    build: (w, u) => ({
      url: `/api/evaluations?scorecard=${w.scorecard.code}&orgUnit=${u.code}&period=${DATA_MONTH}`,
    }),
  },
  'GET /api/reports/evaluation': {
    access: ANY_SCOPED,
    success: 200,
    build: (w, u) => ({
      url: `/api/reports/evaluation?scorecard=${w.scorecard.code}&orgUnit=${u.code}&period=${DATA_MONTH}&format=xlsx&lang=en`,
    }),
  },
  'GET /api/reports/group': {
    access: ANY_SCOPED,
    success: 200,
    build: (w, u) => ({
      url: `/api/reports/group?scorecard=${w.scorecard.code}&orgUnit=${u.code}&period=${DATA_MONTH}&format=xlsx&lang=en`,
    }),
  },
  'GET /api/report-subscriptions': {
    access: ANY_SCOPED,
    success: 200,
    build: (w, u) => ({ url: `/api/report-subscriptions?scorecard=${w.scorecard.code}&orgUnit=${u.code}` }),
  },
  'POST /api/report-subscriptions': {
    access: ANY_SCOPED,
    success: 201,
    build: (w, u) => ({
      url: '/api/report-subscriptions',
      body: {
        scorecard: w.scorecard.code,
        orgUnit: u.code,
        recipient: `${uniqueCode('r').toLowerCase()}@example.org`,
      },
    }),
  },
  'DELETE /api/report-subscriptions/{id}': {
    access: ANY_SCOPED,
    success: 204,
    build: async (w, u) => ({ url: `/api/report-subscriptions/${await reportSubscriptionOver(w, u.code)}` }),
  },
  'GET /api/pull-connections': {
    access: PULL_SCOPED,
    success: 200,
    build: (_w, u) => ({ url: `/api/pull-connections?orgUnit=${u.code}` }),
  },
  'POST /api/pull-connections': {
    access: PULL_SCOPED,
    success: 201,
    build: (_w, u) => ({ url: '/api/pull-connections', body: connectionBody(u.code) }),
  },
  'PUT /api/pull-connections/{id}': {
    access: PULL_SCOPED,
    success: 200,
    build: async (w, u) => {
      const { id, code } = await connectionOver(w, u.code);
      return { url: `/api/pull-connections/${id}`, body: { ...connectionBody(u.code), code } };
    },
  },
  'DELETE /api/pull-connections/{id}': {
    access: PULL_SCOPED,
    success: 204,
    build: async (w, u) => ({ url: `/api/pull-connections/${(await connectionOver(w, u.code)).id}` }),
  },
  'POST /api/pull-connections/{id}/test': {
    access: PULL_SCOPED,
    success: 200,
    build: async (w, u) => ({ url: `/api/pull-connections/${(await connectionOver(w, u.code)).id}/test` }),
  },
  'GET /api/pulls': {
    access: PULL_SCOPED,
    success: 200,
    build: (_w, u) => ({ url: `/api/pulls?orgUnit=${u.code}` }),
  },
  'POST /api/pulls': {
    access: PULL_SCOPED,
    success: 201,
    build: async (w, u) => ({
      url: '/api/pulls',
      body: pullBody(u.code, (await connectionOver(w, u.code)).code),
    }),
  },
  'GET /api/pulls/{id}': {
    access: PULL_SCOPED,
    success: 200,
    build: async (w, u) => ({ url: `/api/pulls/${await pullOver(w, u.code)}` }),
  },
  'PUT /api/pulls/{id}': {
    access: PULL_SCOPED,
    success: 200,
    build: async (w, u) => {
      const connection = await connectionOver(w, u.code);
      const id = await pullOver(w, u.code);
      return { url: `/api/pulls/${id}`, body: pullBody(u.code, connection.code) };
    },
  },
  'DELETE /api/pulls/{id}': {
    access: PULL_SCOPED,
    success: 204,
    build: async (w, u) => ({ url: `/api/pulls/${await pullOver(w, u.code)}` }),
  },
  'POST /api/pulls/{id}/run': {
    access: PULL_SCOPED,
    success: 202,
    build: async (w, u) => ({ url: `/api/pulls/${await pullOver(w, u.code)}/run`, body: { dryRun: true } }),
  },
  'GET /api/pulls/{id}/runs': {
    access: PULL_SCOPED,
    success: 200,
    build: async (w, u) => ({ url: `/api/pulls/${await pullOver(w, u.code)}/runs` }),
  },
  'GET /api/evaluations/restatement': {
    access: ANY_SCOPED,
    success: 200,
    build: async (w, u) => ({
      url: `/api/evaluations/restatement?scorecard=${w.scorecard.code}&orgUnit=${u.code}&period=${await publishedMonth(w, u)}`,
    }),
  },
  'POST /api/publications': {
    access: DESIGN_SCOPED,
    success: 201,
    build: (w, u) => {
      const period = w.nextMonth();
      return {
        url: '/api/publications',
        body: { scorecard: w.scorecard.code, orgUnit: u.code, period, unapprovedPeriods: [period] },
      };
    },
  },
  'GET /api/publications/check': {
    access: DESIGN_SCOPED,
    success: 200,
    build: (w, u) => ({
      url: `/api/publications/check?scorecard=${w.scorecard.code}&orgUnit=${u.code}&period=${w.nextMonth()}`,
    }),
  },
  'GET /api/publications': {
    access: ANY,
    success: 200,
    build: (w) => ({ url: `/api/publications?scorecard=${w.scorecard.code}` }),
  },
  'GET /api/publications/{id}': {
    access: ANY_SCOPED,
    success: 200,
    build: async (w, u) => {
      const period = await publishedMonth(w, u);
      const list = await w.server.request(
        'GET',
        `/api/publications?scorecard=${w.scorecard.code}&orgUnit=${u.code}&period=${period}`,
      );
      return { url: `/api/publications/${list.json().items[0]?.id ?? 0}` };
    },
  },
  'POST /api/incentives/preview': {
    deniedUnit: 'hospital',
    access: DESIGN_SCOPED,
    success: 200,
    build: async (w, u) => ({ url: '/api/incentives/preview', body: await allocationBody(w, u) }),
  },
  'POST /api/incentives': {
    deniedUnit: 'hospital',
    access: DESIGN_SCOPED,
    success: 201,
    build: async (w, u) => ({ url: '/api/incentives', body: await allocationBody(w, u) }),
  },
  'GET /api/incentives': {
    access: ANY,
    success: 200,
    build: (w) => ({ url: `/api/incentives?scorecard=${w.scorecard.code}` }),
  },
  'GET /api/incentives/{id}': {
    deniedUnit: 'hospital',
    access: ANY_SCOPED,
    success: 200,
    build: async (w, u) => ({ url: `/api/incentives/${await draftAllocation(w, u)}` }),
  },
  'POST /api/incentives/{id}/approve': {
    deniedUnit: 'hospital',
    access: { kind: 'roles', roles: ['admin', 'approver'], scoped: true },
    success: 200,
    build: async (w, u) => ({ url: `/api/incentives/${await draftAllocation(w, u)}/approve` }),
  },
  'GET /api/incentives/{id}/export': {
    deniedUnit: 'hospital',
    access: ANY_SCOPED,
    success: 200,
    build: async (w, u) => ({ url: `/api/incentives/${await draftAllocation(w, u)}/export` }),
  },
  'GET /api/rankings': {
    access: ANY_SCOPED,
    success: 200,
    // In scope: H1's departments. Out of scope: under a department of H2, of which the role reads nothing.
    build: (w, u) => ({
      url: `/api/rankings?scorecard=${w.scorecard.code}&parent=${u.inScope ? u.hospital : u.code}&period=${DATA_MONTH}`,
    }),
  },
  'GET /api/rankings/matrix': {
    access: ANY_SCOPED,
    success: 200,
    // As GET /api/rankings.
    build: (w, u) => ({
      url: `/api/rankings/matrix?scorecard=${w.scorecard.code}&parent=${u.inScope ? u.hospital : u.code}&period=${DATA_MONTH}`,
    }),
  },
  'GET /api/objective-rankings': {
    access: ANY_SCOPED,
    // Access as GET /api/rankings. The world has data in one department per hospital, so a ranking of H1's
    // departments is refused for its missing cells (400) once access is granted; out of scope is 403.
    success: 400,
    build: (w, u) => ({
      url: `/api/objective-rankings?scorecard=${w.scorecard.code}&parent=${u.inScope ? u.hospital : u.code}&period=${DATA_MONTH}`,
    }),
  },
  'GET /api/series': {
    access: ANY_SCOPED,
    success: 200,
    build: (w, u) => ({
      url: `/api/series?scorecard=${w.scorecard.code}&orgUnit=${u.code}&from=2024-01&to=2024-03`,
    }),
  },
  'GET /api/pivot': {
    access: ANY_SCOPED,
    success: 200,
    // As GET /api/rankings: in scope H1's departments, out of scope the (empty) children of an H2 department.
    build: (w, u) => ({
      url: `/api/pivot?scorecard=${w.scorecard.code}&indicator=${w.scorecard.rate}&parent=${u.inScope ? u.hospital : u.code}&from=${DATA_MONTH}&to=${DATA_MONTH}`,
    }),
  },
  'GET /api/strategy-map': {
    access: ANY_SCOPED,
    success: 200,
    build: (w, u) => ({
      url: `/api/strategy-map?scorecard=${w.scorecard.code}&orgUnit=${u.code}&period=${DATA_MONTH}&history=3`,
    }),
  },
  'GET /api/monitoring/funnel': {
    access: ANY_SCOPED,
    success: 200,
    build: (w, u) => ({
      url: `/api/monitoring/funnel?scorecard=${w.scorecard.code}&indicator=${w.scorecard.rate}&period=${DATA_MONTH}&orgUnit=${u.code}`,
    }),
  },
  'GET /api/monitoring/forecast': {
    access: ANY_SCOPED,
    success: 200,
    build: (w, u) => ({
      url: `/api/monitoring/forecast?scorecard=${w.scorecard.code}&indicator=${w.scorecard.rate}&through=${DATA_MONTH}&orgUnit=${u.code}`,
    }),
  },
  'GET /api/evaluations/explain': {
    access: ANY_SCOPED,
    success: 200,
    build: (w, u) => ({
      url: `/api/evaluations/explain?scorecard=${w.scorecard.code}&orgUnit=${u.code}&period=${DATA_MONTH}&indicator=${w.scorecard.rate}`,
    }),
  },

  'POST /api/imports': {
    // Rows of units outside the importer's subtrees are errors of the report (tested in access-isolation),
    // so the unit does not change the status here.
    access: { kind: 'roles', roles: ['admin', 'entry', 'steward'], scoped: false },
    success: 200,
    build: (w, u) => ({
      url: '/api/imports?kind=data&dryRun=true',
      raw: {
        payload: csv([
          'org_unit,period,data_element,value',
          `${u.code},${DATA_MONTH},${w.scorecard.numerator},3`,
        ]),
        contentType: 'text/csv',
      },
    }),
  },
  'GET /api/imports': { access: ANY, success: 200, build: () => ({ url: '/api/imports' }) },
  // FHIR: the report names a unit inside every role's subtree (out-of-scope units are OperationOutcome issues).
  'POST /api/fhir/MeasureReport': {
    access: { kind: 'roles', roles: ['admin', 'entry', 'steward'], scoped: false },
    success: 200,
    build: async (w) => ({ url: '/api/fhir/MeasureReport?dryRun=true', raw: await fhirReport(w) }),
  },
  'POST /api/fhir': {
    access: { kind: 'roles', roles: ['admin', 'entry', 'steward'], scoped: false },
    success: 200,
    build: async (w) => {
      const report = await fhirReport(w);
      const resource = JSON.parse(new TextDecoder().decode(report.payload));
      const bundle = { resourceType: 'Bundle', type: 'collection', entry: [{ resource }] };
      return {
        url: '/api/fhir?dryRun=true',
        raw: { ...report, payload: new TextEncoder().encode(JSON.stringify(bundle)) },
      };
    },
  },
  'POST /api/fhir/Measure': {
    access: DESIGN,
    success: 200,
    build: () => ({
      url: '/api/fhir/Measure?dryRun=true',
      raw: {
        contentType: 'application/fhir+json',
        payload: new TextEncoder().encode(
          JSON.stringify({
            resourceType: 'Measure',
            status: 'active',
            name: uniqueCode('mx'),
            group: [{ population: [{ code: { coding: [{ code: 'initial-population' }] } }] }],
          }),
        ),
      },
    }),
  },
  'GET /api/imports/{id}': {
    access: { kind: 'import-author' },
    success: 200,
    build: async (w) => ({ url: `/api/imports/${await committedImport(w)}` }),
  },
  'POST /api/imports/{id}/undo': {
    access: { kind: 'import-author' },
    success: 200,
    build: async (w) => ({
      url: `/api/imports/${await committedImport(w)}/undo`,
      body: { reason: 'matrix' },
    }),
  },
  'GET /api/templates/{code}': {
    access: ANY_SCOPED,
    success: 200,
    build: (w, u) => ({
      url: `/api/templates/${w.scorecard.code}?format=csv&orgUnit=${u.code}&from=2024-01&to=2024-02`,
    }),
  },
  'GET /api/exports/data-values': {
    access: ANY_SCOPED,
    success: 200,
    build: (_w, u) => ({ url: `/api/exports/data-values?orgUnit=${u.code}` }),
  },
  'GET /api/exports/scorecards/{code}': {
    access: ANY,
    success: 200,
    build: (w) => ({ url: `/api/exports/scorecards/${w.scorecard.code}` }),
  },

  'GET /api/jobs': {
    access: { kind: 'installation-admin' },
    success: 200,
    build: () => ({ url: '/api/jobs' }),
  },
  'GET /api/surveys': { access: DESIGN, success: 200, build: () => ({ url: '/api/surveys' }) },
  'POST /api/surveys': {
    access: DESIGN,
    success: 201,
    build: (w) => ({
      url: '/api/surveys',
      body: { scorecard: w.scorecard.code, title: 'Weights', experts: [{ name: 'Expert' }] },
    }),
  },
  'GET /api/surveys/{id}': {
    access: DESIGN,
    success: 200,
    build: async (w) => ({ url: `/api/surveys/${(await surveyFor(w.server.ctx, w.scorecard.code)).id}` }),
  },
  'POST /api/surveys/{id}/experts': {
    access: DESIGN,
    success: 201,
    build: async (w) => ({
      url: `/api/surveys/${(await surveyFor(w.server.ctx, w.scorecard.code)).id}/experts`,
      body: { name: 'Another expert' },
    }),
  },
  'POST /api/surveys/{id}/experts/{expertId}/link': {
    access: DESIGN,
    success: 201,
    build: async (w) => {
      const s = await surveyFor(w.server.ctx, w.scorecard.code);
      return { url: `/api/surveys/${s.id}/experts/${s.expertId}/link`, body: {} };
    },
  },
  'DELETE /api/surveys/{id}/experts/{expertId}/link': {
    access: DESIGN,
    success: 200,
    build: async (w) => {
      const s = await surveyFor(w.server.ctx, w.scorecard.code, { link: true });
      return { url: `/api/surveys/${s.id}/experts/${s.expertId}/link` };
    },
  },
  'GET /api/surveys/{id}/progress': {
    access: DESIGN,
    success: 200,
    build: async (w) => ({
      url: `/api/surveys/${(await surveyFor(w.server.ctx, w.scorecard.code)).id}/progress`,
    }),
  },
  'POST /api/surveys/{id}/close': {
    access: DESIGN,
    success: 200,
    build: async (w) => ({
      url: `/api/surveys/${(await surveyFor(w.server.ctx, w.scorecard.code)).id}/close`,
      body: {},
    }),
  },
  'GET /api/surveys/{id}/results': {
    access: DESIGN,
    success: 200,
    build: async (w) => ({
      url: `/api/surveys/${(await surveyFor(w.server.ctx, w.scorecard.code)).id}/results`,
    }),
  },
  'POST /api/surveys/{id}/apply': {
    access: DESIGN,
    success: 201,
    build: async (w) => {
      const s = await surveyFor(w.server.ctx, w.scorecard.code, { answered: true, closed: true });
      return { url: `/api/surveys/${s.id}/apply`, body: {} };
    },
  },
  'GET /api/surveys/{id}/experts/{expertId}/questionnaire': {
    access: DESIGN,
    success: 200,
    build: async (w) => {
      const s = await surveyFor(w.server.ctx, w.scorecard.code);
      return { url: `/api/surveys/${s.id}/experts/${s.expertId}/questionnaire?format=xlsx` };
    },
  },
  'POST /api/surveys/{id}/experts/{expertId}/answers/import': {
    access: DESIGN,
    success: 200,
    build: async (w) => {
      const s = await surveyFor(w.server.ctx, w.scorecard.code);
      return { url: `/api/surveys/${s.id}/experts/${s.expertId}/answers/import`, body: { file: 'UEsDBA==' } };
    },
  },
  'GET /api/survey-links/{token}/questionnaire': {
    access: { kind: 'public' },
    success: 200,
    build: async (w) => ({
      url: `/api/survey-links/${(await surveyFor(w.server.ctx, w.scorecard.code, { link: true })).token}/questionnaire`,
    }),
  },
  'GET /api/survey-links/{token}': {
    access: { kind: 'public' },
    success: 200,
    build: async (w) => ({
      url: `/api/survey-links/${(await surveyFor(w.server.ctx, w.scorecard.code, { link: true })).token}`,
    }),
  },
  'PUT /api/survey-links/{token}/answers': {
    access: { kind: 'public' },
    success: 200,
    build: async (w) => {
      const s = await surveyFor(w.server.ctx, w.scorecard.code, { link: true });
      return {
        url: `/api/survey-links/${s.token}/answers`,
        body: { node: 'perspectives', i: 0, j: 1, value: 3 },
      };
    },
  },
  'POST /api/survey-links/{token}/submit': {
    access: { kind: 'public' },
    success: 200,
    build: async (w) => ({
      url: `/api/survey-links/${(await surveyFor(w.server.ctx, w.scorecard.code, { link: true })).token}/submit`,
    }),
  },
  'POST /api/jobs/{name}/run': {
    access: { kind: 'installation-admin' },
    success: 202,
    build: () => ({ url: '/api/jobs/session-cleanup/run' }),
  },
  'GET /api/surveys/{id}/reminders': {
    access: DESIGN,
    success: 200,
    build: async (w) => ({
      url: `/api/surveys/${(await surveyFor(w.server.ctx, w.scorecard.code)).id}/reminders`,
    }),
  },
  'PUT /api/surveys/{id}/reminders': {
    access: DESIGN,
    success: 200,
    build: async (w) => ({
      url: `/api/surveys/${(await surveyFor(w.server.ctx, w.scorecard.code)).id}/reminders`,
      body: { deadline: '2099-01-01T00:00:00.000Z', remindDaysBefore: 3 },
    }),
  },
  'POST /api/surveys/{id}/reminders': {
    access: DESIGN,
    success: 200,
    build: async (w) => ({
      url: `/api/surveys/${(await surveyFor(w.server.ctx, w.scorecard.code)).id}/reminders`,
    }),
  },
  'GET /api/deadlines': { access: ANY, success: 200, build: () => ({ url: '/api/deadlines' }) },
  'PUT /api/scorecards/{code}/deadlines/{periodType}': {
    access: DESIGN,
    success: 200,
    build: (w) => ({ url: `/api/scorecards/${w.scorecard.code}/deadlines/month`, body: { dueDay: 10 } }),
  },
  'DELETE /api/scorecards/{code}/deadlines/{periodType}': {
    access: DESIGN,
    success: 204,
    build: async (w) => {
      await putDeadline(w.server.ctx, FIXTURE_ACTOR, {
        scorecard: w.scorecard.code,
        periodType: 'quarter',
        dueDay: 15,
      });
      return { url: `/api/scorecards/${w.scorecard.code}/deadlines/quarter` };
    },
  },
  'GET /api/alert-rules': { access: ANY, success: 200, build: () => ({ url: '/api/alert-rules' }) },
  'POST /api/alert-rules': {
    access: DESIGN,
    success: 201,
    build: (w) => ({ url: '/api/alert-rules', body: { scorecard: w.scorecard.code, kind: 'data-late' } }),
  },
  'PUT /api/alert-rules/{id}': {
    access: DESIGN,
    success: 200,
    build: async (w) => ({
      url: `/api/alert-rules/${await ruleOf(w)}`,
      body: { scorecard: w.scorecard.code, kind: 'off-target', includeWatch: true },
    }),
  },
  'DELETE /api/alert-rules/{id}': {
    access: DESIGN,
    success: 204,
    build: async (w) => ({ url: `/api/alert-rules/${await ruleOf(w)}` }),
  },
  'GET /api/alerts': {
    access: ANY_SCOPED,
    success: 200,
    build: (_w, u) => ({ url: `/api/alerts?orgUnit=${u.code}` }),
  },
  'GET /api/alerts/{id}': {
    access: ANY_SCOPED,
    success: 200,
    build: async (w, u) => ({ url: `/api/alerts/${await alertOn(w, u)}` }),
  },
  'POST /api/alerts/evaluate': {
    access: DESIGN,
    success: 200,
    build: (w) => ({ url: '/api/alerts/evaluate', body: { scorecard: w.scorecard.code } }),
  },
  'GET /api/inbox': { access: ANY, success: 200, build: () => ({ url: '/api/inbox' }) },
  'GET /api/inbox/unread-count': {
    access: ANY,
    success: 200,
    build: () => ({ url: '/api/inbox/unread-count' }),
  },
  'POST /api/inbox/read': {
    access: ANY,
    success: 200,
    build: () => ({ url: '/api/inbox/read', body: { all: true } }),
  },
  'GET /api/subscriptions': { access: ANY, success: 200, build: () => ({ url: '/api/subscriptions' }) },
  'POST /api/subscriptions': {
    access: ANY,
    success: 201,
    build: () => ({ url: '/api/subscriptions', body: { kind: 'off-target' } }),
  },
  'PUT /api/subscriptions/{id}': {
    access: ANY,
    success: 200,
    build: async (w, _u, session) => {
      const id = await insertSubscription(
        w.server.ctx.db.kysely,
        await userIdOf(w, session),
        { orgUnitId: null, kind: null, email: true, digest: 'none' },
        w.server.ctx.now(),
      );
      return { url: `/api/subscriptions/${id}`, body: { digest: 'daily' } };
    },
  },
  'DELETE /api/subscriptions/{id}': {
    access: ANY,
    success: 204,
    build: async (w, _u, session) => {
      const id = await insertSubscription(
        w.server.ctx.db.kysely,
        await userIdOf(w, session),
        { orgUnitId: null, kind: null, email: true, digest: 'none' },
        w.server.ctx.now(),
      );
      return { url: `/api/subscriptions/${id}` };
    },
  },
  'GET /api/me/preferences': { access: ANY, success: 200, build: () => ({ url: '/api/me/preferences' }) },
  'PUT /api/me/preferences': {
    access: ANY,
    success: 200,
    build: () => ({ url: '/api/me/preferences', body: { language: 'zh-CN' } }),
  },
  'GET /api/me/last-view': { access: ANY, success: 200, build: () => ({ url: '/api/me/last-view' }) },
  'PUT /api/me/last-view': {
    access: ANY,
    success: 200,
    build: (w) => ({
      url: '/api/me/last-view',
      body: { scorecard: w.scorecard.code, orgUnit: w.units.inside },
    }),
  },
  'PUT /api/users/{id}/preferences': {
    access: INSTALLATION_ADMIN,
    success: 200,
    build: async (w) => {
      const email = await createTestUser(w.server.ctx, []);
      const user = await findUserByEmail(w.server.ctx.db.kysely, email);
      return { url: `/api/users/${user?.id ?? 0}/preferences`, body: { language: 'en' } };
    },
  },
  'GET /api/webhooks': { access: INSTALLATION_ADMIN, success: 200, build: () => ({ url: '/api/webhooks' }) },
  'POST /api/webhooks': {
    access: INSTALLATION_ADMIN,
    success: 201,
    build: () => ({ url: '/api/webhooks', body: WEBHOOK }),
  },
  'PUT /api/webhooks/{id}': {
    access: INSTALLATION_ADMIN,
    success: 200,
    build: async (w) => ({
      url: `/api/webhooks/${(await createWebhook(w.server.ctx, FIXTURE_ACTOR, { ...WEBHOOK, scorecard: null, kinds: [], minSeverity: 'warning', enabled: true })).id}`,
      body: { ...WEBHOOK, enabled: false },
    }),
  },
  'DELETE /api/webhooks/{id}': {
    access: INSTALLATION_ADMIN,
    success: 204,
    build: async (w) => ({
      url: `/api/webhooks/${(await createWebhook(w.server.ctx, FIXTURE_ACTOR, { ...WEBHOOK, scorecard: null, kinds: [], minSeverity: 'warning', enabled: true })).id}`,
    }),
  },
  'GET /api/webhooks/{id}/deliveries': {
    access: INSTALLATION_ADMIN,
    success: 200,
    build: () => ({ url: '/api/webhooks/1/deliveries' }),
  },
  'GET /api/actions': { access: ANY, success: 200, build: () => ({ url: '/api/actions' }) },
  'POST /api/actions': {
    access: WORK_SCOPED,
    success: 201,
    build: (w, u) => ({
      url: '/api/actions',
      body: {
        title: 'Shorten the wait',
        scorecard: w.scorecard.code,
        indicator: w.scorecard.count,
        orgUnit: u.code,
        period: DATA_MONTH,
        dueDate: '2024-12-31',
      },
    }),
  },
  'GET /api/actions/{id}': {
    access: ANY_SCOPED,
    success: 200,
    build: async (w, u, session) => ({ url: `/api/actions/${await actionOn(w, u, session)}` }),
  },
  'PATCH /api/actions/{id}': {
    access: ANY_SCOPED,
    success: 200,
    build: async (w, u, session) => ({
      url: `/api/actions/${await actionOn(w, u, session)}`,
      body: { status: 'in-progress', progress: 40 },
    }),
  },
  'GET /api/actions/{id}/comments': {
    access: ANY_SCOPED,
    success: 200,
    build: async (w, u, session) => ({ url: `/api/actions/${await actionOn(w, u, session)}/comments` }),
  },
  'POST /api/actions/{id}/comments': {
    access: ANY_SCOPED,
    success: 201,
    build: async (w, u, session) => ({
      url: `/api/actions/${await actionOn(w, u, session)}/comments`,
      body: { text: 'Started the pilot' },
    }),
  },
  'POST /api/actions/{id}/comments/{commentId}/attachments': {
    access: ANY_SCOPED,
    success: 201,
    build: async (w, u, session) => {
      const { actionId, commentId } = await commentOn(w, u, session);
      return {
        url: `/api/actions/${actionId}/comments/${commentId}/attachments?name=evidence.txt`,
        raw: { payload: new TextEncoder().encode('minutes of the meeting'), contentType: 'text/plain' },
      };
    },
  },
  'GET /api/action-attachments/{id}': {
    access: ANY_SCOPED,
    success: 200,
    build: async (w, u, session) => {
      const { commentId, rootId } = await commentOn(w, u, session);
      const id = await insertAttachment(w.server.ctx.db.kysely, {
        rootId,
        commentId,
        name: 'evidence.txt',
        mediaType: 'text/plain',
        content: new TextEncoder().encode('minutes'),
        at: w.server.ctx.now(),
      });
      return { url: `/api/action-attachments/${id}` };
    },
  },
  'GET /api/my-work': { access: ANY, success: 200, build: () => ({ url: '/api/my-work' }) },
  'GET /api/my-work/reviews': { access: ANY, success: 200, build: () => ({ url: '/api/my-work/reviews' }) },
  'GET /api/mail/outbox': {
    access: { kind: 'installation-admin' },
    success: 200,
    build: () => ({ url: '/api/mail/outbox' }),
  },
  'POST /api/mail/test': {
    access: { kind: 'installation-admin' },
    success: 202,
    build: () => ({ url: '/api/mail/test', body: { to: 'admin@hospital.example', language: 'en' } }),
  },
};

const UNAUTHORIZED = {
  type: 'unauthorized',
  title: 'Unauthorized',
  status: 401,
  code: 'access.sign-in-first',
  params: {},
  detail: 'Sign in first.',
  issues: [],
};

function forbidden(code: string, params: Record<string, string>, detail: string) {
  return { type: 'forbidden', title: 'Forbidden', status: 403, code, params, detail, issues: [] };
}

/** The 403 of a principal who holds none of `roles`: one role, or a list ending with "or". */
function needsRoles(roles: readonly Role[]) {
  const last = roles[roles.length - 1] ?? '';
  if (roles.length === 1)
    return forbidden('access.needs-role', { role: last }, `This needs the role ${last}.`);
  const first = roles.slice(0, -1).join(', ');
  return forbidden(
    'access.needs-one-of-roles',
    { roles: first, last },
    `This needs the role ${first} or ${last}.`,
  );
}

type Outcome = number | { readonly status: number; readonly body: unknown };

/** What a principal (a role, or none) must get for a unit case. */
function expected(entry: Entry, role: Role | null, unit: UnitCase): Outcome {
  const { access } = entry;
  if (access.kind === 'public') return entry.success;
  if (role === null) return { status: 401, body: UNAUTHORIZED };
  if (access.kind === 'installation-admin') {
    return role === 'admin'
      ? entry.success
      : {
          status: 403,
          body: forbidden(
            'access.needs-installation-admin',
            {},
            'This needs the role admin over the whole installation.',
          ),
        };
  }
  if (access.kind === 'import-author') {
    return role === 'admin'
      ? entry.success
      : {
          status: 403,
          body: forbidden(
            'import.owner-only',
            {},
            "Only the import's author or an admin over the whole installation may see or undo an import.",
          ),
        };
  }
  if (role !== 'admin' && !access.roles.includes(role)) {
    return { status: 403, body: needsRoles(access.roles) };
  }
  if (access.scoped && !unit.inScope && role !== 'admin') {
    return {
      status: 403,
      body: forbidden(
        'access.no-access-to-unit',
        { code: entry.deniedUnit === 'hospital' ? unit.hospital : unit.code },
        `You have no access to org unit '${entry.deniedUnit === 'hospital' ? unit.hospital : unit.code}'.`,
      ),
    };
  }
  return entry.success;
}

function sendRequest(w: AccessWorld, session: TestSession | null, method: Method, request: Request) {
  const headers = session?.headers ?? {};
  if (request.raw !== undefined) {
    return w.server.app.inject({
      method,
      url: request.url,
      payload: Buffer.from(request.raw.payload),
      headers: { ...headers, 'content-type': request.raw.contentType },
    });
  }
  return send(w.server.app, method, request.url, request.body, headers);
}

describeEachEngine('the authorization matrix', (getDb) => {
  let w: AccessWorld;
  beforeAll(async () => {
    w = await createAccessWorld(getDb());
  });
  afterAll(() => w.server.close());

  it('has an entry for every route of the OpenAPI document, and none for a route that does not exist', async () => {
    const document = (await w.server.request('GET', '/api/openapi.json')).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const routes = Object.entries(document.paths)
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      )
      .sort();
    expect(Object.keys(MATRIX).sort()).toEqual(routes);
  });

  describe.each(Object.keys(MATRIX).sort())('%s', (route) => {
    it('answers no session with 401, each role as its roles and subtree allow, with the exact problem', async () => {
      const entry = MATRIX[route];
      if (entry === undefined) throw new Error(`no matrix entry for ${route}`);
      const [method = 'GET'] = route.split(' ');
      const verb: Method =
        method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE' ? method : 'GET';
      const inside: UnitCase = { code: w.units.inside, hospital: w.units.scopeTop, inScope: true };
      const outside: UnitCase = { code: w.units.outside, hospital: w.units.outsideHospital, inScope: false };
      const scoped = entry.access.kind === 'roles' && entry.access.scoped;
      const cases: [string, Role | null, UnitCase][] =
        entry.access.kind === 'public'
          ? [['nobody', null, inside]]
          : [
              ['nobody', null, inside],
              ...ROLES.flatMap((role): [string, Role, UnitCase][] =>
                scoped
                  ? [
                      [`${role} in scope`, role, inside],
                      [`${role} out of scope`, role, outside],
                    ]
                  : [[role, role, inside]],
              ),
            ];
      const actual: Record<string, Outcome> = {};
      const wanted: Record<string, Outcome> = {};
      // A refused request (401, 403) leaves what it names as it was, so the refused cases of a route share one
      // request per unit, built once: building (an import, a publication, an allocation) is most of this file's
      // time. A build that reads the session (it declares the parameter) is built for each case, as is every
      // request that is to succeed.
      const refusedRequests = new Map<string, Request>();
      for (const [name, role, unit] of cases) {
        let session: TestSession | null = role === null ? null : w.session(role);
        if (role !== null && entry.ownSession) {
          session = await w.server.sessionWith([
            { role, orgUnit: role === 'admin' ? null : w.units.scopeTop },
          ]);
        }
        const outcome = expected(entry, role, unit);
        const shared = typeof outcome !== 'number' && entry.build.length < 3;
        let request = shared ? refusedRequests.get(unit.code) : undefined;
        if (request === undefined) {
          request = await entry.build(w, unit, session);
          if (shared) refusedRequests.set(unit.code, request);
        }
        const response = await sendRequest(w, session, verb, request);
        wanted[name] = outcome;
        actual[name] =
          typeof outcome === 'number'
            ? response.statusCode
            : {
                status: response.statusCode,
                body:
                  response.headers['content-type'] === 'application/problem+json'
                    ? response.json()
                    : response.body,
              };
      }
      expect(actual).toEqual(wanted);
    });
  });
});
