/**
 * Accounts over HTTP (issue 4): signing in and out, the session the web app reads, users, API tokens, and the
 * server's mode. A session is an httpOnly cookie; every cookie-authenticated write also sends the session's CSRF
 * token in the `x-csrf-token` header (double submit: the token is returned at sign-in and by `GET /api/session`,
 * and set in the readable cookie `healthbsc_csrf`). API tokens are sent as `Authorization: Bearer …`.
 */
import { z } from 'zod';
import { ROLES } from '../access/principal.ts';
import { codeRefSchema, pageSchema, paginationQuerySchema, timestampSchema } from './common.ts';

/** The header a cookie-authenticated write carries its CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';
/** The session cookie (httpOnly, SameSite=Strict). */
export const SESSION_COOKIE = 'healthbsc_session';
/** The CSRF token's cookie, readable by the web app's scripts (SameSite=Strict). */
export const CSRF_COOKIE = 'healthbsc_csrf';

export const roleSchema = z.enum(ROLES);

/** A role over an org unit's subtree (`orgUnit` null: the whole installation). */
export const roleAssignmentSchema = z.object({
  role: roleSchema,
  orgUnit: codeRefSchema.nullable().describe('the subtree top; null for the whole installation'),
});

export const loginBodySchema = z
  .object({
    email: z.string().min(1).max(254),
    password: z.string().min(1).max(1024),
  })
  .strict();

export const sessionUserSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string().nullable(),
  assignments: z.array(roleAssignmentSchema),
  /** An admin over the whole installation (users, tokens, the audit export). */
  administrator: z.boolean(),
});

export const sessionSchema = z.object({
  user: sessionUserSchema,
  /** Send it as `x-csrf-token` with every write. */
  csrfToken: z.string(),
  expiresAt: timestampSchema,
  /** A demo installation: the web app shows a banner. */
  demo: z.boolean(),
});

/**
 * The scorecard and unit a user last looked at (issue 17): kept on the server so that the next sign-in, on any
 * machine, opens them (when they are still in the user's scope). Null parts: nothing remembered yet.
 */
export const lastViewSchema = z.object({
  scorecard: z.string().nullable(),
  orgUnit: z.string().nullable(),
});
export const putLastViewBodySchema = z.object({ scorecard: codeRefSchema, orgUnit: codeRefSchema }).strict();

export const metaSchema = z.object({
  name: z.literal('HealthBSC'),
  version: z.string(),
  mode: z.enum(['demo', 'production']),
  demo: z.boolean(),
  /** Production with no administrator yet: run `healthbsc user create --admin …`. */
  setupRequired: z.boolean(),
  /** Sign-ins besides local accounts (issue 17 §4): the label of each (null: the words of the user's language), or null when off. */
  signIn: z.object({
    oidc: z.object({ name: z.string().nullable() }).nullable(),
    ldap: z.object({ name: z.string().nullable() }).nullable(),
  }),
});

/** Signing in with a directory (LDAP) account: what the user types to sign in (a user name or e-mail) and the password. */
export const directoryLoginBodySchema = z
  .object({
    login: z.string().min(1).max(254),
    password: z.string().min(1).max(1024),
  })
  .strict();
export type DirectoryLoginBody = z.infer<typeof directoryLoginBodySchema>;

export const userSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string().nullable(),
  assignments: z.array(roleAssignmentSchema),
  disabled: z.boolean(),
  createdAt: timestampSchema,
  lastLoginAt: timestampSchema.nullable(),
});

export const createUserBodySchema = z
  .object({
    email: z.email().max(254),
    name: z.string().min(1).max(200).optional(),
    password: z.string().min(1).max(1024),
    assignments: z.array(roleAssignmentSchema).max(50),
  })
  .strict();

export const updateUserBodySchema = z
  .object({
    name: z.string().min(1).max(200).nullable().optional(),
    password: z.string().min(1).max(1024).optional(),
    disabled: z.boolean().optional(),
    assignments: z.array(roleAssignmentSchema).max(50).optional(),
  })
  .strict();

export const userIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const listUsersQuerySchema = paginationQuerySchema.strict();
export const userPageSchema = pageSchema(userSchema);

/**
 * `GET /api/users/directory`: the people a user may name as an owner or a collaborator, without the admin's view of
 * accounts: every enabled user whose scope overlaps the caller's (one subtree holds the other, or either covers
 * the whole installation), searched by name or e-mail (`q`), optionally among those whose scope overlaps one unit's
 * subtree (`unit`, which the caller must read). An installation admin sees every enabled user.
 */
export const userDirectoryQuerySchema = paginationQuerySchema
  .extend({
    q: z.string().trim().max(200).optional(),
    unit: codeRefSchema.optional(),
  })
  .strict();

export const directoryUserSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string().nullable(),
  /** The codes of the units of the user's role assignments (an installation-wide assignment adds none). */
  units: z.array(z.string()),
});
export const userDirectoryPageSchema = pageSchema(directoryUserSchema);

export const apiTokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: roleSchema,
  /** The subtrees it reaches; empty: the whole installation. */
  orgUnits: z.array(z.string()),
  createdBy: z.string(),
  createdAt: timestampSchema,
  expiresAt: timestampSchema.nullable(),
  revokedAt: timestampSchema.nullable(),
  lastUsedAt: timestampSchema.nullable(),
});

export const createApiTokenBodySchema = z
  .object({
    name: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9_.-]+$/, 'token.name-characters'),
    /** Every role but admin, so a leaked integration token cannot manage accounts. */
    role: z.enum(['strategist', 'steward', 'entry', 'approver', 'viewer']),
    orgUnits: z.array(codeRefSchema).max(50).default([]),
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict();

/** The token itself is in this answer only: it is stored hashed. */
export const createdApiTokenSchema = apiTokenSchema.extend({ token: z.string() });
export const apiTokenPageSchema = pageSchema(apiTokenSchema);
export const apiTokenIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const listApiTokensQuerySchema = paginationQuerySchema.strict();

export type RoleAssignmentBody = z.infer<typeof roleAssignmentSchema>;
export type LoginBody = z.infer<typeof loginBodySchema>;

/** A signed-in person changing their own password: the current one, then the new one (the password policy). */
export const changePasswordBodySchema = z
  .object({
    currentPassword: z.string().min(1).max(1024),
    newPassword: z.string().min(1).max(1024),
  })
  .strict();
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;
export type SessionResource = z.infer<typeof sessionSchema>;
export type LastView = z.infer<typeof lastViewSchema>;
export type PutLastViewBody = z.infer<typeof putLastViewBodySchema>;
export type SessionUser = z.infer<typeof sessionUserSchema>;
export type MetaResource = z.infer<typeof metaSchema>;
export type UserResource = z.infer<typeof userSchema>;
export type CreateUserBody = z.infer<typeof createUserBodySchema>;
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;
export type UserDirectoryQuery = z.infer<typeof userDirectoryQuerySchema>;
export type DirectoryUser = z.infer<typeof directoryUserSchema>;
export type ApiTokenResource = z.infer<typeof apiTokenSchema>;
export type CreateApiTokenBody = z.infer<typeof createApiTokenBodySchema>;
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;
