/**
 * The registry of import kinds (README.md "Adding a kind"): every kind of the contracts has one definition and
 * nothing else in the code lists the kinds, so adding a kind touches its new file, its registry entry and the
 * contracts' list — and no migration.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it, test } from 'vitest';
import { describeEachEngine } from '../../../../test/engines.ts';
import { hasRole, hasRoleOver } from '../../../core/access/policy.ts';
import type { Principal, Role } from '../../../core/access/principal.ts';
import { importKindSchema } from '../../../core/contracts/import.ts';
import { ProblemError } from '../../../core/errors/problem.ts';
import { exportCommands, IMPORT_KINDS, importKind, kindOfFile } from './index.ts';

const SRC = join(import.meta.dirname, '..', '..', '..');
const KINDS = importKindSchema.options;

/** Where the kinds may be named: the contracts' list and the kinds' own files. */
const ALLOWED = ['core/contracts/import.ts', 'server/imports/kinds/'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const NAME = `(${KINDS.join('|')})`;
/** Two kinds side by side in a list, a union or a usage text: `'data', 'targets'`, `'data' | 'targets'`, `data|targets`. */
const LIST = new RegExp(`['"\`]${NAME}['"\`]\\s*[,|]\\s*['"\`]${NAME}['"\`]|\\b${NAME}\\|${NAME}\\b`, 'g');
/** A branch on one kind: `kind === 'reported'`, `case 'assessments':`. */
const BRANCH = new RegExp(`\\bkind\\s*[!=]==?\\s*['"]${NAME}['"]|\\bcase\\s+['"]${NAME}['"]\\s*:`, 'g');
/**
 * Code about imports: a branch on `'metadata'` elsewhere is about a change event's kind (change-bus.ts), which
 * shares the word, not about an import's.
 */
const ABOUT_IMPORTS = /\bImportKind\b|\bimportKind|\bImportInput\b|\bimport_batch\b|ImportBatch/;

/** The lines of a text that list two or more kinds, or (in code about imports) branch on one: `12: 'data', …`. */
function kindListings(text: string): string[] {
  const lists = [...text.matchAll(LIST)].filter((m) => {
    const names = m.slice(1).filter((n) => n !== undefined);
    return new Set(names).size > 1;
  });
  const branches = ABOUT_IMPORTS.test(text) ? [...text.matchAll(BRANCH)] : [];
  const lines = new Map<number, string>();
  for (const match of [...lists, ...branches]) {
    const line = text.slice(0, match.index).split('\n').length;
    lines.set(line, `${line}: ${(text.split('\n')[line - 1] ?? '').trim()}`);
  }
  return [...lines.values()];
}

describe('the registry of import kinds', () => {
  it('defines every kind of the contracts, and only those', () => {
    expect(Object.keys(IMPORT_KINDS).sort()).toEqual([...KINDS].sort());
  });

  it('finds the kinds listed once in the code: in the contracts, and nowhere else outside the kinds', () => {
    const found = sourceFiles(SRC).flatMap((path) => {
      const file = relative(SRC, path).replaceAll('\\', '/');
      return kindListings(readFileSync(path, 'utf8')).map((match) => `${file}: ${match}`);
    });
    const outside = found.filter((where) => !ALLOWED.some((prefix) => where.startsWith(prefix)));
    const inContracts = found.filter((where) => where.startsWith('core/contracts/import.ts'));
    expect({ outside, inContracts }).toEqual({
      outside: [],
      inContracts: [
        expect.stringMatching(/^core\/contracts\/import\.ts: \d+: export const importKindSchema = /),
      ],
    });
  });

  test.each([
    ['a list', "const KINDS = ['data', 'targets'] as const;", 1],
    ['a union', "type K = 'assessments' | 'reported';", 1],
    ['a usage text', '--type data|metadata', 1],
    ['a branch on an import kind', "(input: ImportInput) => input.kind === 'reported'", 1],
    ['a branch on an event kind', "(event: ChangeEvent) => event.kind === 'metadata'", 0],
    ['one kind named', "const x = 'data';", 0],
    ['a repeated word', "['data', 'data']", 0],
  ])('the scan sees %s', (_name, text, count) => {
    expect(kindListings(text)).toHaveLength(count);
  });

  const holder = (role: Role): Principal => ({
    userId: `${role}@example.org`,
    kind: 'user',
    assignments: [{ role, orgUnitPath: '/1/5/12/' }],
  });

  test.each([
    ['data', 'steward', true],
    ['assessments', 'entry', true],
    ['reported', 'viewer', false],
    ['targets', 'steward', false],
    ['targets', 'strategist', true],
    ['metadata', 'entry', false],
  ] as const)('lets a %s import by %s: %s, for rows of the units the role covers', (kind, role, allowed) => {
    const { roles } = IMPORT_KINDS[kind];
    const p = holder(role);
    expect([hasRole(p, roles), hasRoleOver(p, roles, '/1/5/12/'), hasRoleOver(p, roles, '/1/6/13/')]).toEqual(
      [allowed, allowed, false],
    );
  });

  test.each([
    ['bsc.yaml', 'metadata'],
    ['BSC.JSON', 'metadata'],
    ['march.csv', 'data'],
    ['values.xlsx', 'data'],
  ])('takes %s for a %s file when no kind is named', (fileName, kind) => {
    expect(kindOfFile(fileName)).toBe(kind);
  });

  it('names the exports after the kinds, the scorecard file by its own word', () => {
    expect([...exportCommands().keys()]).toEqual(['data', 'targets', 'assessments', 'reported', 'scorecard']);
  });

  it('refuses a kind it does not define with 409 import.unknown-kind', () => {
    let thrown: unknown;
    try {
      importKind('profiles');
    } catch (error) {
      thrown = error;
    }
    expect(thrown instanceof ProblemError ? [thrown.problem.status, thrown.problem.code] : thrown).toEqual([
      409,
      'import.unknown-kind',
    ]);
  });
});

describeEachEngine('import_batch.kind', (getDb) => {
  it('accepts a kind the database was never told of (the registry, not SQL, lists the kinds)', async () => {
    const { rows } = await sql<{ kind: string }>`
      insert into import_batch
        (kind, file_name, format, checksum, status, rows_read, created, updated, unchanged, created_by)
      values ('profiles', 'p.csv', 'csv', 'x', 'committed', 0, 0, 0, 0, 'test') returning kind`.execute(
      getDb().kysely,
    );
    expect(rows).toEqual([{ kind: 'profiles' }]);
  });
});
