/**
 * `healthbsc token create|list|revoke`: API tokens for integrations (`Authorization: Bearer hbsc_…`), scoped to
 * one role over org units. `create` prints the token alone on stdout, once: it is stored only as a hash.
 */
import { parseArgs } from 'node:util';
import {
  type ApiTokenResource,
  type CreateApiTokenBody,
  createApiTokenBodySchema,
} from '../../core/contracts/accounts.ts';
import { invalid } from '../../core/errors/problem.ts';
import { toProblemIssues } from '../../core/errors/zod-issues.ts';
import { createApiToken, listApiTokensPage, revokeApiTokenBy } from '../../server/accounts/tokens.service.ts';
import { type Env, withDbSession } from '../db-session.ts';
import { usageError } from '../errors.ts';
import type { Io } from '../io.ts';
import { renderTable } from '../text-table.ts';

export const TOKEN_USAGE = `Usage: healthbsc token create --name NAME --role ROLE [--org-unit CODE]… [--expires DAYS]
       healthbsc token list
       healthbsc token revoke NAME
Roles: strategist, steward, entry, approver, viewer (a token cannot be admin), over the subtrees of the
--org-unit codes (repeatable, at least one: a token never covers the whole installation). The token is printed once, on stdout;
send it as "Authorization: Bearer <token>". A revoked token stops working at once.`;

function describe(token: ApiTokenResource): string {
  const where = token.orgUnits.length === 0 ? 'everything' : token.orgUnits.join(', ');
  const expires = token.expiresAt === null ? 'never expires' : `expires ${token.expiresAt}`;
  return `${token.role} over ${where}, ${expires}`;
}

export async function runToken(args: readonly string[], io: Io, env?: Env): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      'org-unit': { type: 'string', multiple: true },
      expires: { type: 'string' },
    },
  });
  const [action, target, ...rest] = positionals;
  if (rest.length > 0) throw usageError(TOKEN_USAGE, 'cli.unexpected-argument', { argument: rest[0] ?? '' });
  const session = { owner: 'healthbsc token', ...(env === undefined ? {} : { env }) };
  if (action === 'list') {
    const page = await withDbSession(session, (s) =>
      listApiTokensPage(s.ctx, s.actor, { limit: 1000, offset: 0 }),
    );
    io.out(
      renderTable(
        ['name', 'access', 'created by', 'revoked', 'last used'],
        page.items.map((t) => [t.name, describe(t), t.createdBy, t.revokedAt ?? '', t.lastUsedAt ?? '']),
      ),
    );
    return 0;
  }
  if (action === 'revoke') {
    const name = target ?? values.name;
    if (name === undefined) throw usageError(TOKEN_USAGE, 'cli.token-revoke-needs-name');
    const revoked = await withDbSession(session, (s) => revokeApiTokenBy(s.ctx, s.actor, { name }));
    io.out(`Revoked API token ${revoked.name} at ${revoked.revokedAt ?? ''}.`);
    return 0;
  }
  if (action !== 'create' || target !== undefined) throw usageError(TOKEN_USAGE, 'cli.token-action');
  if (values.expires !== undefined && !/^\d+$/.test(values.expires)) {
    throw usageError(TOKEN_USAGE, 'cli.expires-days');
  }
  const parsed = createApiTokenBodySchema.safeParse({
    name: values.name,
    role: values.role,
    orgUnits: values['org-unit'] ?? [],
    ...(values.expires === undefined ? {} : { expiresInDays: Number(values.expires) }),
  });
  if (!parsed.success) throw invalid('cli.token-settings-invalid', {}, toProblemIssues(parsed.error.issues));
  const body: CreateApiTokenBody = parsed.data;
  const created = await withDbSession(session, (s) => createApiToken(s.ctx, s.actor, body));
  io.err(`Created API token ${created.name} (${describe(created)}). It is shown once, below: store it now.`);
  io.out(created.token);
  return 0;
}
