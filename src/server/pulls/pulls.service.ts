/**
 * Connections and pulls of an org unit (a hospital, or the group): listed, created, changed and deleted by the
 * data stewards and admins over that unit (PULL_ROLES); every change audited, passwords never (the audit row
 * says only whether it changed). A password is encrypted with HEALTHBSC_PULL_KEY before it is stored.
 */

import { hasRoleOver } from '../../core/access/policy.ts';
import type { Role } from '../../core/access/principal.ts';
import type {
  PullBody,
  PullConnectionBody,
  PullConnectionResource,
  PullConnectionTest,
  PullResource,
} from '../../core/contracts/pulls.ts';
import { badRequest, conflict, isProblemError, notFound } from '../../core/errors/problem.ts';
import { isTimeZone } from '../../core/pulls/pull-period.ts';
import {
  countPullsOfConnection,
  deletePullConnection,
  deletePullDefinition,
  findPullConnection,
  findPullConnectionByCode,
  findPullDefinition,
  hasRunningPullRun,
  insertPullConnection,
  insertPullDefinition,
  listPullConnections,
  listPullDefinitions,
  type PullConnectionRecord,
  type PullDefinitionRecord,
  updatePullConnection,
  updatePullDefinition,
} from '../../db/repositories/pull.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireRoleOver } from '../services/access.ts';
import { commitWrite } from '../services/commit-write.ts';
import { requireOrgUnit } from '../services/lookups.ts';
import { decryptSecret, encryptSecret } from './credentials.ts';
import { checkPullSchedule } from './pull-calendar.ts';
import { toConnectionResource, toPullResource } from './pull-resources.ts';
import { runPullQuery } from './run-pull-query.ts';

/** Who manages a unit's connections and pulls: the admins and data stewards over it. */
export const PULL_ROLES: readonly Role[] = ['admin', 'steward'];

/** The unit named by `code` (404), managed by the actor (403). */
async function requireOrganisation(db: Executor, actor: Actor, code: string) {
  const unit = await requireOrgUnit(db, code);
  requireRoleOver(actor, PULL_ROLES, unit);
  return unit;
}

function requireManaged(actor: Actor, thing: { readonly unitCode: string; readonly unitPath: string }): void {
  requireRoleOver(actor, PULL_ROLES, { code: thing.unitCode, path: thing.unitPath });
}

const manages = (actor: Actor) => (thing: { readonly unitPath: string }) =>
  hasRoleOver(actor.principal, PULL_ROLES, thing.unitPath);

function requireKey(ctx: ServerContext): Buffer {
  if (ctx.pullKey === undefined || ctx.pullKey === null) throw badRequest('pull.no-key', {});
  return ctx.pullKey;
}

/** The connection of an id the actor manages (404, 403). */
export async function requireConnection(
  ctx: ServerContext,
  actor: Actor,
  id: number,
): Promise<PullConnectionRecord> {
  const connection = await findPullConnection(ctx.db.kysely, id);
  if (connection === undefined) throw notFound('pull.connection-not-found', { connection: String(id) });
  requireManaged(actor, connection);
  return connection;
}

/** The pull of an id the actor manages (404, 403). */
export async function requirePull(
  ctx: ServerContext,
  actor: Actor,
  id: number,
): Promise<PullDefinitionRecord> {
  const pull = await findPullDefinition(ctx.db.kysely, id);
  if (pull === undefined) throw notFound('pull.not-found', { id });
  requireManaged(actor, pull);
  return pull;
}

/** What the audit keeps of a connection: everything but the password. */
function connectionAudit(c: Omit<PullConnectionBody, 'password'>) {
  return {
    code: c.code,
    orgUnit: c.orgUnit,
    kind: c.kind,
    host: c.host,
    port: c.port,
    database: c.database,
    user: c.user,
    options: c.options,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Connections

export async function listConnectionsAs(
  ctx: ServerContext,
  actor: Actor,
  orgUnit?: string,
): Promise<PullConnectionResource[]> {
  const db = ctx.db.kysely;
  const root = orgUnit === undefined ? undefined : await requireOrganisation(db, actor, orgUnit);
  return (await listPullConnections(db, root?.id)).filter(manages(actor)).map(toConnectionResource);
}

export async function createConnection(
  ctx: ServerContext,
  actor: Actor,
  body: PullConnectionBody,
): Promise<PullConnectionResource> {
  const db = ctx.db.kysely;
  const root = await requireOrganisation(db, actor, body.orgUnit);
  if (body.password === undefined) throw badRequest('pull.password-needed', {}, ['password']);
  const passwordEncrypted = encryptSecret(requireKey(ctx), body.password);
  if ((await findPullConnectionByCode(db, root.id, body.code)) !== undefined) {
    throw conflict('pull.code-taken', { code: body.code });
  }
  const at = ctx.now();
  const id = await commitWrite(ctx, actor, async (trx) => {
    const created = await insertPullConnection(trx, {
      ...body,
      unitId: root.id,
      rootId: root.rootId,
      passwordEncrypted,
      createdBy: actor.id,
      at,
    });
    return {
      result: created,
      audit: [
        {
          action: 'create',
          entity: 'pull_connection',
          entityKey: `${root.code}/${body.code}`,
          newValue: { ...connectionAudit(body), passwordSet: true },
          orgUnitId: root.id,
        },
      ],
      touched: [],
    };
  });
  return toConnectionResource(await requireConnection(ctx, actor, id));
}

export async function updateConnection(
  ctx: ServerContext,
  actor: Actor,
  id: number,
  body: PullConnectionBody,
): Promise<PullConnectionResource> {
  const old = await requireConnection(ctx, actor, id);
  const root = await requireOrganisation(ctx.db.kysely, actor, body.orgUnit);
  if (root.id !== old.unitId) throw badRequest('pull.unit-fixed', { orgUnit: old.unitCode }, ['orgUnit']);
  const passwordEncrypted =
    body.password === undefined ? old.passwordEncrypted : encryptSecret(requireKey(ctx), body.password);
  const taken = await findPullConnectionByCode(ctx.db.kysely, root.id, body.code);
  if (taken !== undefined && taken.id !== id) throw conflict('pull.code-taken', { code: body.code });
  await commitWrite(ctx, actor, async (trx) => {
    await updatePullConnection(trx, id, {
      ...body,
      unitId: root.id,
      rootId: root.rootId,
      passwordEncrypted,
      at: ctx.now(),
    });
    return {
      result: undefined,
      audit: [
        {
          action: 'update',
          entity: 'pull_connection',
          entityKey: `${root.code}/${body.code}`,
          oldValue: connectionAudit({ ...old, orgUnit: old.unitCode }),
          newValue: { ...connectionAudit(body), passwordChanged: body.password !== undefined },
          orgUnitId: root.id,
        },
      ],
      touched: [],
    };
  });
  return toConnectionResource(await requireConnection(ctx, actor, id));
}

export async function removeConnection(ctx: ServerContext, actor: Actor, id: number): Promise<void> {
  const old = await requireConnection(ctx, actor, id);
  const count = await countPullsOfConnection(ctx.db.kysely, id);
  if (count > 0) throw conflict('pull.connection-in-use', { connection: old.code, count });
  await commitWrite(ctx, actor, async (trx) => {
    await deletePullConnection(trx, id);
    return {
      result: undefined,
      audit: [
        {
          action: 'delete',
          entity: 'pull_connection',
          entityKey: `${old.unitCode}/${old.code}`,
          oldValue: connectionAudit({ ...old, orgUnit: old.unitCode }),
          orgUnitId: old.unitId,
        },
      ],
      touched: [],
    };
  });
}

/** The connection as a run uses it: the password decrypted (for this run only). */
export function openableConnection(ctx: ServerContext, connection: PullConnectionRecord) {
  return {
    dialect: connection.kind,
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    password: decryptSecret(requireKey(ctx), connection.passwordEncrypted),
    options: connection.options,
  };
}

/** Whether the database answers a read-only `select 1` as the connection's user; a failure is worded by code. */
export async function testConnection(
  ctx: ServerContext,
  actor: Actor,
  id: number,
): Promise<PullConnectionTest> {
  const connection = await requireConnection(ctx, actor, id);
  const probe = connection.kind === 'oracle' ? 'select 1 from dual' : 'select 1';
  try {
    await runPullQuery(
      openableConnection(ctx, connection),
      probe,
      { period_start: '', period_end: '' },
      {
        timeoutMs: 15_000,
      },
    );
    return { ok: true, code: null, params: {} };
  } catch (error) {
    if (!isProblemError(error)) throw error;
    const params = Object.fromEntries(
      Object.entries(error.problem.params).filter(
        (e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number',
      ),
    );
    return { ok: false, code: error.problem.code, params };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Pulls

export async function listPullsAs(
  ctx: ServerContext,
  actor: Actor,
  orgUnit?: string,
): Promise<PullResource[]> {
  const db = ctx.db.kysely;
  const root = orgUnit === undefined ? undefined : await requireOrganisation(db, actor, orgUnit);
  const now = ctx.now();
  return (await listPullDefinitions(db, root === undefined ? {} : { unitId: root.id }))
    .filter(manages(actor))
    .map((p) => toPullResource(p, now));
}

export async function getPullAs(ctx: ServerContext, actor: Actor, id: number): Promise<PullResource> {
  return toPullResource(await requirePull(ctx, actor, id), ctx.now());
}

async function checkedPullRow(ctx: ServerContext, actor: Actor, body: PullBody) {
  const db = ctx.db.kysely;
  const root = await requireOrganisation(db, actor, body.orgUnit);
  if (!isTimeZone(body.timeZone))
    throw badRequest('pull.bad-time-zone', { zone: body.timeZone }, ['timeZone']);
  if (body.schedule !== null) checkPullSchedule(body.schedule, body.timeZone, ctx.now());
  const connection = await findPullConnectionByCode(db, root.id, body.connection);
  if (connection === undefined) {
    throw badRequest('pull.connection-not-found', { connection: body.connection }, ['connection']);
  }
  return {
    root,
    row: {
      unitId: root.id,
      rootId: root.rootId,
      code: body.code,
      connectionId: connection.id,
      query: body.query,
      profile: body.profile,
      schedule: body.schedule,
      timeZone: body.timeZone,
      periodType: body.periodType,
      periodOffset: body.periodOffset,
      timeoutSeconds: body.timeoutSeconds,
      enabled: body.enabled,
    },
  };
}

/** What the audit keeps of a pull (the profile by its code: the whole document is in the pull). */
function pullAudit(body: Omit<PullBody, 'profile'> & { readonly profile: { readonly code: string } }) {
  return {
    connection: body.connection,
    query: body.query,
    profile: body.profile.code,
    schedule: body.schedule,
    timeZone: body.timeZone,
    periodType: body.periodType,
    periodOffset: body.periodOffset,
    timeoutSeconds: body.timeoutSeconds,
    enabled: body.enabled,
  };
}

export async function createPull(ctx: ServerContext, actor: Actor, body: PullBody): Promise<PullResource> {
  const { root, row } = await checkedPullRow(ctx, actor, body);
  const existing = await listPullDefinitions(ctx.db.kysely, { unitId: root.id });
  if (existing.some((p) => p.code === body.code)) throw conflict('pull.code-taken', { code: body.code });
  const id = await commitWrite(ctx, actor, async (trx) => {
    const created = await insertPullDefinition(trx, { ...row, createdBy: actor.id, at: ctx.now() });
    return {
      result: created,
      audit: [
        {
          action: 'create',
          entity: 'pull',
          entityKey: `${root.code}/${body.code}`,
          newValue: pullAudit(body),
          orgUnitId: root.id,
        },
      ],
      touched: [],
    };
  });
  return getPullAs(ctx, actor, id);
}

export async function updatePull(
  ctx: ServerContext,
  actor: Actor,
  id: number,
  body: PullBody,
): Promise<PullResource> {
  const old = await requirePull(ctx, actor, id);
  const { root, row } = await checkedPullRow(ctx, actor, body);
  if (root.id !== old.unitId) throw badRequest('pull.unit-fixed', { orgUnit: old.unitCode }, ['orgUnit']);
  const existing = await listPullDefinitions(ctx.db.kysely, { unitId: root.id });
  if (existing.some((p) => p.code === body.code && p.id !== id)) {
    throw conflict('pull.code-taken', { code: body.code });
  }
  const at = ctx.now();
  // A new schedule or zone counts from now: occurrences of the old one that were missed do not run.
  const rescheduled = old.schedule !== body.schedule || old.timeZone !== body.timeZone || !old.enabled;
  await commitWrite(ctx, actor, async (trx) => {
    await updatePullDefinition(trx, id, { ...row, at, lastDueAt: rescheduled ? at : old.lastDueAt });
    return {
      result: undefined,
      audit: [
        {
          action: 'update',
          entity: 'pull',
          entityKey: `${root.code}/${body.code}`,
          oldValue: pullAudit({
            ...old,
            orgUnit: old.unitCode,
            connection: old.connectionCode,
            profile: { code: profileCode(old.profile) },
          }),
          newValue: pullAudit(body),
          orgUnitId: root.id,
        },
      ],
      touched: [],
    };
  });
  return getPullAs(ctx, actor, id);
}

function profileCode(profile: unknown): string {
  const code: unknown = typeof profile === 'object' && profile !== null ? Reflect.get(profile, 'code') : '';
  return typeof code === 'string' ? code : '';
}

/**
 * Deletes a pull and its run history (the values it imported stay, in their undoable batches): the history
 * describes a pull that no longer exists. Refused (409 `pull.delete-running`) while a run of it is going or queued.
 */
export async function removePull(ctx: ServerContext, actor: Actor, id: number): Promise<void> {
  const old = await requirePull(ctx, actor, id);
  const since = new Date(ctx.now().getTime() - (old.timeoutSeconds + 300) * 1000);
  if (await hasRunningPullRun(ctx.db.kysely, id, since))
    throw conflict('pull.delete-running', { pull: old.code });
  await commitWrite(ctx, actor, async (trx) => {
    await deletePullDefinition(trx, id);
    return {
      result: undefined,
      audit: [
        {
          action: 'delete',
          entity: 'pull',
          entityKey: `${old.unitCode}/${old.code}`,
          oldValue: { query: old.query, profile: profileCode(old.profile), schedule: old.schedule },
          orgUnitId: old.unitId,
        },
      ],
      touched: [],
    };
  });
}
