/**
 * The dependency direction of ../shared/STYLE.md, enforced on every `npm test`:
 * core imports nothing of ours and no Node built-ins (it is pure, no I/O);
 * db and ingest import only core; server and cli import db, ingest, core; web imports only core;
 * features of the web app do not import each other; no cycles anywhere.
 */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'core-is-pure',
      comment: 'src/core is pure TypeScript: no imports from other layers.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(?!core/)' },
    },
    {
      name: 'core-has-no-io',
      comment: 'src/core does no I/O: no Node built-ins.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'db-and-ingest-import-only-core',
      severity: 'error',
      from: { path: '^src/(db|ingest)/' },
      to: { path: '^src/(server|cli|web)/' },
    },
    {
      name: 'db-and-ingest-are-separate',
      severity: 'error',
      from: { path: '^src/ingest/' },
      to: { path: '^src/db/' },
    },
    {
      name: 'demo-imports-only-core',
      comment: 'src/demo is a pure generator: the server and tests call it, it calls only the core.',
      severity: 'error',
      from: { path: '^src/demo/' },
      to: { path: '^src/(?!core/|demo/)' },
    },
    {
      name: 'server-and-cli-never-import-web',
      severity: 'error',
      from: { path: '^src/(server|cli)/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'server-does-not-import-cli',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'web-imports-only-core',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/(db|ingest|server|cli)/' },
    },
    {
      name: 'web-features-are-independent',
      severity: 'error',
      from: { path: '^src/web/features/([^/]+)/' },
      to: { path: '^src/web/features/([^/]+)/', pathNot: '^src/web/features/$1/' },
    },
    {
      name: 'web-shared-code-imports-no-pages',
      comment:
        'src/web/components and src/web/lib serve every feature: they import neither features nor the app shell ' +
        "(only the features' translation files, which lib/i18n/catalog.ts bundles).",
      severity: 'error',
      from: { path: '^src/web/(components|lib)/' },
      to: { path: '^src/web/(features|app)/', pathNot: '^src/web/features/[^/]+/locales/[^/]+[.]json$' },
    },
    {
      name: 'web-features-do-not-import-the-app-shell',
      comment:
        'src/web/app composes the features; a feature reaches shared code through components/ and lib/.',
      severity: 'error',
      from: { path: '^src/web/features/' },
      to: { path: '^src/web/app/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      // Type-only packages (@medplum/fhirtypes) have an empty main and only `types`.
      mainFields: ['module', 'main', 'types'],
    },
    exclude: { path: '(^|/)node_modules/' },
  },
};
