/**
 * The directory-group mapping (`HEALTHBSC_SSO_GROUP_MAP`, issue 17 §4): a YAML or JSON file read when the
 * server starts, a list of groups with the role each gives over an org unit (by code; omitted or null: the
 * whole installation). Every entry and every unit code is checked then, so a typo stops the start with the
 * entry named rather than silently giving nobody a role.
 *
 * ```yaml
 * - group: cn=Surgery Nurses,ou=groups,dc=hospital,dc=example   # a DN (memberOf, groupOfNames)
 *   role: entry
 *   unit: AZ-SURG
 * - group: Quality Office                                        # or a group's name (an OIDC groups claim)
 *   role: strategist
 * ```
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import type { GroupMapping } from '../../core/access/directory-mapping.ts';
import { ROLES } from '../../core/access/principal.ts';
import { wordProblem } from '../../core/errors/messages/index.ts';
import { findOrgUnitsByCodes } from '../../db/repositories/org-unit.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';

const entrySchema = z
  .object({
    group: z.string().trim().min(1),
    role: z.enum(ROLES),
    unit: z.string().trim().min(1).nullable().default(null),
  })
  .strict();

/** A group mapping that cannot be used: its message names the file and the entry. */
export class GroupMapError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GroupMapError';
  }
}

function fail(file: string, reason: string): never {
  throw new GroupMapError(wordProblem('sso.group-map-file', { file, reason }));
}

/**
 * The mapping in `file`, every unit code found in the database; throws GroupMapError otherwise.
 *
 * @example await readGroupMap(db, 'sso-groups.yaml') // [{ group: 'Quality Office', role: 'strategist', unit: null }]
 */
export async function readGroupMap(db: Executor, file: string): Promise<readonly GroupMapping[]> {
  let document: unknown;
  try {
    document = parse(await readFile(file, 'utf8'));
  } catch (error) {
    fail(file, error instanceof Error ? error.message : String(error));
  }
  if (!Array.isArray(document)) fail(file, 'expected a list of { group, role, unit }');
  const mapping: GroupMapping[] = [];
  for (const [index, item] of document.entries()) {
    const parsed = entrySchema.safeParse(item);
    if (!parsed.success) {
      const reason = parsed.error.issues
        .map((issue) => `${issue.path.join('.') || 'entry'}: ${issue.message}`)
        .join('; ');
      fail(file, wordProblem('sso.group-map-entry', { index: index + 1, reason }));
    }
    mapping.push(parsed.data);
  }
  const codes = [...new Set(mapping.flatMap((entry) => (entry.unit === null ? [] : [entry.unit])))];
  const found = await findOrgUnitsByCodes(db, codes);
  const missing = codes.find((code) => !found.has(code));
  if (missing !== undefined) fail(file, wordProblem('sso.group-map-unit', { unit: missing }));
  return mapping;
}
