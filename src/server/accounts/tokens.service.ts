/**
 * API tokens for integrations: created by an installation admin with one role over some org units (none: the
 * whole installation), shown once, stored as their SHA-256, revocable, optionally expiring. Creation and
 * revocation are audited (never the token).
 */
import type { ApiTokenResource, CreateApiTokenBody, CreatedApiToken } from '../../core/contracts/accounts.ts';
import type { Page, PaginationQuery } from '../../core/contracts/common.ts';
import { badRequest, conflict, notFound } from '../../core/errors/problem.ts';
import {
  type ApiTokenRecord,
  findApiTokenById,
  findApiTokenByName,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
} from '../../db/repositories/api-token.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import {
  type AssignmentRecord,
  listAssignments,
  replaceAssignments,
} from '../../db/repositories/user.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireAdministrator } from '../services/access.ts';
import { commitWrite } from '../services/commit-write.ts';
import { isoTime } from '../services/format.ts';
import { API_TOKEN_PREFIX, randomToken, sha256Hex } from './secrets.ts';
import { resolveAssignments } from './users.service.ts';

const DAY_MS = 86_400_000;

function toToken(row: ApiTokenRecord, assignments: readonly AssignmentRecord[]): ApiTokenResource {
  return {
    id: row.id,
    name: row.name,
    role: assignments[0]?.role ?? 'viewer',
    orgUnits: assignments.flatMap((a) => (a.orgUnitCode === null ? [] : [a.orgUnitCode])),
    createdBy: row.createdBy,
    createdAt: isoTime(row.createdAt),
    expiresAt: row.expiresAt === null ? null : isoTime(row.expiresAt),
    revokedAt: row.revokedAt === null ? null : isoTime(row.revokedAt),
    lastUsedAt: row.lastUsedAt === null ? null : isoTime(row.lastUsedAt),
  };
}

async function assignmentsOf(db: Executor, tokenId: number): Promise<AssignmentRecord[]> {
  return (await listAssignments(db, { tokenIds: [tokenId] })).get(tokenId) ?? [];
}

/**
 * Creates a token and returns it with its secret, which is shown this once. 409 when the name is taken.
 *
 * @example const { token } = await createApiToken(ctx, admin, { name: 'his-feed', role: 'steward', orgUnits: ['UMG'] });
 */
export async function createApiToken(
  ctx: ServerContext,
  actor: Actor,
  body: CreateApiTokenBody,
): Promise<CreatedApiToken> {
  requireAdministrator(actor);
  const token = randomToken(API_TOKEN_PREFIX);
  return commitWrite(ctx, actor, async (trx) => {
    if ((await findApiTokenByName(trx, body.name)) !== undefined) {
      throw conflict('token.exists', { name: body.name });
    }
    const orgUnits = body.orgUnits ?? [];
    // A token over the whole installation is one leaked secret away from every unit's data: name the units.
    if (orgUnits.length === 0) throw badRequest('guard.token-needs-org-units', {}, ['orgUnits']);
    const assignments = await resolveAssignments(
      trx,
      orgUnits.map((orgUnit) => ({ role: body.role, orgUnit })),
      'orgUnits',
    );
    const now = ctx.now();
    const row = await insertApiToken(trx, {
      name: body.name,
      tokenHash: sha256Hex(token),
      createdBy: actor.id,
      now,
      expiresAt:
        body.expiresInDays === undefined ? null : new Date(now.getTime() + body.expiresInDays * DAY_MS),
    });
    await replaceAssignments(trx, { tokenId: row.id }, assignments);
    const created = toToken(row, await assignmentsOf(trx, row.id));
    return {
      result: { ...created, token },
      audit: [{ action: 'create', entity: 'api_token', entityKey: row.name, newValue: created }],
      touched: [{ kind: 'accounts' }],
    };
  });
}

/** A page of tokens, newest first (installation admins only). */
export async function listApiTokensPage(
  ctx: ServerContext,
  actor: Actor,
  window: PaginationQuery,
): Promise<Page<ApiTokenResource>> {
  requireAdministrator(actor);
  const db = ctx.db.kysely;
  const page = await listApiTokens(db, window);
  const assignments = await listAssignments(db, { tokenIds: page.rows.map((r) => r.id) });
  return {
    items: page.rows.map((row) => toToken(row, assignments.get(row.id) ?? [])),
    total: page.total,
    limit: window.limit,
    offset: window.offset,
  };
}

/** Revokes a token named by id or name; revoking a revoked token changes nothing. 404 when there is none. */
export async function revokeApiTokenBy(
  ctx: ServerContext,
  actor: Actor,
  which: { readonly id: number } | { readonly name: string },
): Promise<ApiTokenResource> {
  requireAdministrator(actor);
  return commitWrite(ctx, actor, async (trx) => {
    const row =
      'id' in which ? await findApiTokenById(trx, which.id) : await findApiTokenByName(trx, which.name);
    if (row === undefined) {
      throw 'id' in which
        ? notFound('token.not-found', { id: which.id })
        : notFound('token.not-found-by-name', { name: which.name });
    }
    const assignments = await assignmentsOf(trx, row.id);
    if (row.revokedAt !== null) return { result: toToken(row, assignments), audit: [], touched: [] };
    const revoked = toToken(await revokeApiToken(trx, row.id, actor.id, ctx.now()), assignments);
    return {
      result: revoked,
      audit: [
        {
          action: 'revoke',
          entity: 'api_token',
          entityKey: row.name,
          oldValue: toToken(row, assignments),
          newValue: revoked,
        },
      ],
      touched: [{ kind: 'accounts' }],
    };
  });
}
