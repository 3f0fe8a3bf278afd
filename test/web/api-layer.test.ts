/**
 * The web app reaches the API through lib/api only (src/web/README.md, "Reading data"): one module per resource
 * holds its key factory, its get…QueryOptions() and its writes. This reads the sources and fails when a page,
 * a layout part or a shared component defines a query or a request of its own (TanStack Query's hooks, the HTTP
 * client, fetchAllPages, an `/api/…` path written out), or when lib/api writes a query key or an invalidation as
 * a literal array instead of taking it from a key factory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../scripts/ensure-web-build.ts';

const WEB = join(PACKAGE_ROOT, 'src/web');
const API = 'lib/api/';

/** The app's wiring may make the query client and the HTTP client, and nothing more. */
const WIRING: Readonly<Record<string, ReadonlySet<string>>> = {
  'app/providers.tsx': new Set(['QueryClientProvider', 'createApiClient', 'ApiClientProvider']),
  'app/query-client.ts': new Set(['QueryClient', 'shouldRetry']),
};

/** lib/api modules that only the resource modules may use: the client, the request functions, the helpers. */
const INTERNAL = new Set([
  'api-client.ts',
  'api-context.tsx',
  'fetch-all-pages.ts',
  'ndjson-request.ts',
  'request.ts',
  'query.ts',
  'mutation.ts',
]);

interface Source {
  /** Relative to src/web. */
  readonly file: string;
  readonly source: ts.SourceFile;
}

function sources(dir: string): Source[] {
  const out: Source[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(path));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      const kind = entry.name.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
      const text = readFileSync(path, 'utf8');
      out.push({
        file: relative(WEB, path),
        source: ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind),
      });
    }
  }
  return out;
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

function where({ file, source }: Source, node: ts.Node): string {
  const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
  return `${file}:${line + 1}`;
}

/** The names a value import brings in (type-only imports name no code that runs). */
function importedValues(node: ts.ImportDeclaration): string[] {
  const clause = node.importClause;
  if (clause === undefined || clause.isTypeOnly) return [];
  const names = clause.name === undefined ? [] : [clause.name.text];
  const bindings = clause.namedBindings;
  if (bindings !== undefined && ts.isNamedImports(bindings)) {
    for (const element of bindings.elements) if (!element.isTypeOnly) names.push(element.name.text);
  } else if (bindings !== undefined) names.push(bindings.name.text);
  return names;
}

/**
 * What a file outside lib/api does that only lib/api may do: import TanStack Query or lib/api's internals (as
 * code, not as types), or write an API path.
 */
function ownDataAccess(file: Source): string[] {
  const allowed = WIRING[file.file] ?? new Set<string>();
  const findings: string[] = [];
  walk(file.source, (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const from = node.moduleSpecifier.text;
      const internal = from.includes(API) && INTERNAL.has(from.slice(from.lastIndexOf('/') + 1));
      if (from === '@tanstack/react-query' || internal) {
        for (const name of importedValues(node)) {
          if (!allowed.has(name)) findings.push(`${where(file, node)} imports ${name} from ${from}`);
        }
      }
    } else if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node)) &&
      /^\/api\//.test(node.text)
    ) {
      findings.push(`${where(file, node)} writes the API path ${node.text}`);
    }
  });
  return findings;
}

function isLiteralArray(node: ts.Expression): boolean {
  let inner: ts.Expression = node;
  while (ts.isAsExpression(inner) || ts.isParenthesizedExpression(inner) || ts.isSatisfiesExpression(inner))
    inner = inner.expression;
  return ts.isArrayLiteralExpression(inner);
}

/** A `queryKey:` in lib/api written as an array rather than taken from a key factory. */
function literalKeys(file: Source): string[] {
  const findings: string[] = [];
  walk(file.source, (node) => {
    if (
      ts.isPropertyAssignment(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === 'queryKey' &&
      isLiteralArray(node.initializer)
    ) {
      findings.push(`${where(file, node)} writes a query key as an array`);
    }
  });
  return findings;
}

function parse(file: string, text: string): Source {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return { file, source: ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind) };
}

describe('the rule', () => {
  it('reports a feature that defines its own query for an endpoint', () => {
    const feature = parse(
      'features/overview/use-approvals.ts',
      [
        "import { useQuery } from '@tanstack/react-query';",
        "import { useApiClient } from '../../lib/api/api-context.tsx';",
        "import { fetchAllPages } from '../../lib/api/fetch-all-pages.ts';",
        'export function useApprovals() {',
        '  const client = useApiClient();',
        "  return useQuery({ queryKey: ['approvals'], queryFn: () => fetchAllPages(client, 'GET /api/approvals') });",
        '}',
      ].join('\n'),
    );
    expect(ownDataAccess(feature)).toEqual([
      'features/overview/use-approvals.ts:1 imports useQuery from @tanstack/react-query',
      'features/overview/use-approvals.ts:2 imports useApiClient from ../../lib/api/api-context.tsx',
      'features/overview/use-approvals.ts:3 imports fetchAllPages from ../../lib/api/fetch-all-pages.ts',
    ]);
  });

  it('reports a request to an API path written out', () => {
    const feature = parse(
      'features/admin/links.ts',
      [
        'export const href = (code: string) => `/api/templates/$',
        '{code}`;\nexport const audit = "/api/audit";',
      ].join(''),
    );
    expect(ownDataAccess(feature)).toEqual([
      'features/admin/links.ts:1 writes the API path /api/templates/',
      'features/admin/links.ts:2 writes the API path /api/audit',
    ]);
  });

  it('lets a feature use a resource module and name the API’s types', () => {
    const feature = parse(
      'features/overview/overview-page.tsx',
      [
        "import type { UseQueryResult } from '@tanstack/react-query';",
        "import type { ApiClient } from '../../lib/api/api-client.ts';",
        "import { useEvaluation } from '../../lib/api/evaluations.ts';",
      ].join('\n'),
    );
    expect(ownDataAccess(feature)).toEqual([]);
  });

  it('reports a query key written as an array in lib/api', () => {
    const module = parse(
      'lib/api/things.ts',
      "export const options = { queryKey: ['things', 1] as const, queryFn: () => 1 };",
    );
    expect(literalKeys(module)).toEqual(['lib/api/things.ts:1 writes a query key as an array']);
  });
});

describe('the web app', () => {
  const all = sources(WEB);

  it('reads and writes data only through lib/api', () => {
    const outside = all.filter(({ file }) => !file.startsWith(API) && !/\.test\.tsx?$/.test(file));
    expect(outside.length).toBeGreaterThan(100);
    expect(outside.flatMap(ownDataAccess)).toEqual([]);
  });

  it('takes every query key in lib/api from a key factory', () => {
    const api = all.filter(({ file }) => file.startsWith(API) && !/\.test\.tsx?$/.test(file));
    expect(api.length).toBeGreaterThan(15);
    expect(api.flatMap(literalKeys)).toEqual([]);
  });

  it('has no api/ folder left in a feature: its queries live in lib/api', () => {
    expect(all.filter(({ file }) => /^features\/[^/]+\/api\//.test(file)).map(({ file }) => file)).toEqual(
      [],
    );
  });
});
