/**
 * Org units (a tree: medical group → hospital → department) and org-unit groups (named sets of units), as the
 * HTTP API reads and writes them. Units are named by their code everywhere; the database's ids stay inside.
 */
import { z } from 'zod';
import {
  codeRefSchema,
  localizedTextSchema,
  pageSchema,
  paginationQuerySchema,
  timestampSchema,
  unitCodeSchema,
} from './common.ts';

export const orgUnitTypeSchema = z.enum(['group', 'hospital', 'department', 'unit']);
/** A hospital's role in a medical group: the head hospital or a branch. */
export const orgUnitRoleSchema = z.enum(['head', 'branch']);

export const orgUnitSchema = z.object({
  code: z.string(),
  name: localizedTextSchema,
  type: orgUnitTypeSchema,
  role: orgUnitRoleSchema.nullable(),
  /** The parent's code; null for a top-level unit. */
  parent: z.string().nullable(),
  /** The top-level ancestor's code (the unit's own code for a top-level unit). */
  root: z.string(),
  /** Depth in the tree: 1 for a top-level unit. */
  level: z.number().int().min(1),
  sortOrder: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

/**
 * The units above one unit, top first (the group, then the hospital): their names label the unit wherever it is
 * shown (breadcrumbs, "内科 · 东城分院"), also for a reader whose scope starts below them.
 */
export const orgUnitAncestorsSchema = z.object({ ancestors: z.array(orgUnitSchema) });
export type OrgUnitAncestors = z.infer<typeof orgUnitAncestorsSchema>;

export const createOrgUnitBodySchema = z
  .object({
    code: unitCodeSchema,
    name: localizedTextSchema,
    type: orgUnitTypeSchema,
    role: orgUnitRoleSchema.nullable().optional(),
    /** The parent's code; absent or null for a top-level unit. */
    parent: codeRefSchema.nullable().optional(),
    sortOrder: z.number().int().optional(),
  })
  .strict();

/** A unit's code, type and parent never change (moving a unit would move its history); names, role and order do. */
export const updateOrgUnitBodySchema = z
  .object({
    name: localizedTextSchema.optional(),
    role: orgUnitRoleSchema.nullable().optional(),
    sortOrder: z.number().int().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'org-unit.no-change' });

export const listOrgUnitsQuerySchema = paginationQuerySchema
  .extend({
    /** Only the children of this unit. */
    parent: codeRefSchema.optional(),
    type: orgUnitTypeSchema.optional(),
    role: orgUnitRoleSchema.optional(),
    level: z.coerce.number().int().min(1).optional(),
    /** Only units under this top-level unit. */
    root: codeRefSchema.optional(),
    /** Text found in the code or either name (case-insensitive). */
    q: z.string().min(1).max(100).optional(),
  })
  .strict();

export const orgUnitPageSchema = pageSchema(orgUnitSchema);

export const orgUnitGroupSchema = z.object({
  code: z.string(),
  name: localizedTextSchema,
  /** Member units' codes, sorted. */
  members: z.array(z.string()),
  createdAt: timestampSchema,
});

export const createOrgUnitGroupBodySchema = z
  .object({
    code: unitCodeSchema,
    name: localizedTextSchema,
    members: z.array(codeRefSchema).max(10_000).default([]),
  })
  .strict();

/** `members`, when given, replaces the whole membership. */
export const updateOrgUnitGroupBodySchema = z
  .object({
    name: localizedTextSchema.optional(),
    members: z.array(codeRefSchema).max(10_000).optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'org-unit.group-no-change' });

export const listOrgUnitGroupsQuerySchema = paginationQuerySchema
  .extend({ q: z.string().min(1).max(100).optional() })
  .strict();

export const orgUnitGroupPageSchema = pageSchema(orgUnitGroupSchema);

export type OrgUnit = z.infer<typeof orgUnitSchema>;
export type OrgUnitType = z.infer<typeof orgUnitTypeSchema>;
export type CreateOrgUnitBody = z.infer<typeof createOrgUnitBodySchema>;
export type UpdateOrgUnitBody = z.infer<typeof updateOrgUnitBodySchema>;
export type ListOrgUnitsQuery = z.infer<typeof listOrgUnitsQuerySchema>;
export type OrgUnitGroup = z.infer<typeof orgUnitGroupSchema>;
export type CreateOrgUnitGroupBody = z.infer<typeof createOrgUnitGroupBodySchema>;
export type UpdateOrgUnitGroupBody = z.infer<typeof updateOrgUnitGroupBodySchema>;
export type ListOrgUnitGroupsQuery = z.infer<typeof listOrgUnitGroupsQuerySchema>;
