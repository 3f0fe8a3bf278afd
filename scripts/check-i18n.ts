/**
 * `npm run check:i18n` (part of `npm run check`, so of `npm test`): every string a user reads in the web app
 * goes through i18n (../shared/STYLE.md habit 16), and the two translation files agree.
 *
 * In src/web (not tests), it reports:
 * - JSX text with a letter in it (`<h2>Overview</h2>`), and string literals as JSX children (`{'Overview'}`);
 * - string literals with a letter in UI props, as JSX attributes or object properties (`title="…"`,
 *   `{ label: '…' }`, `aria-label`, `placeholder`, … see UI_PROPS);
 * - translation keys used (`t('nav.overview')`, or any literal that starts with a top-level key of en.json)
 *   that are missing from en.json or zh-CN.json.
 * The translation files are src/web/locales/<language>.json (shared strings) and each feature's
 * src/web/features/<feature>/locales/<language>.json, one or more top-level namespaces each, all imported by
 * src/web/lib/i18n/catalog.ts.
 * In the translation files: keys present in one language only, empty values, `{{placeholders}}` that differ
 * between the languages, and keys no source file mentions.
 * A line preceded by `// i18n-ignore: <why>` is skipped.
 *
 * Beyond the web app (checkCodeWording): every code the server sends for the client to word — problem codes,
 * import-row codes, unit codes, the reasons an indicator has no value — has Chinese words, and no Chinese
 * text is the English one copied (what a zh-CN page would then show in English).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { importErrorCodeSchema } from '../src/core/contracts/import.ts';
import { isProblemCode, problemCatalog, problemCodes } from '../src/core/errors/messages/index.ts';
import { UNIT_CATALOG, type UnitWords } from '../src/core/scorecard/unit-codes.ts';
import { NO_VALUE_REASONS } from '../src/core/scoring/index.ts';

/** Props whose string values are shown to the user (Ant Design, ECharts, HTML and ARIA). */
export const UI_PROPS: ReadonlySet<string> = new Set([
  'title',
  'subTitle',
  'label',
  'placeholder',
  'alt',
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'ariaLabel',
  'tooltip',
  'description',
  'emptyText',
  'okText',
  'cancelText',
  'message',
  'content',
  'extra',
  'text',
  'caption',
  'summary',
  'addonBefore',
  'addonAfter',
  'prefix',
  'suffix',
  'notFoundContent',
  'name',
  'subtext',
]);

export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** Nested translation JSON → `{ 'nav.overview': 'Overview', … }`. */
export function flattenKeys(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) {
    out.set(prefix, tree);
    return out;
  }
  for (const [key, value] of Object.entries(tree)) {
    for (const [flat, leaf] of flattenKeys(value, prefix === '' ? key : `${prefix}.${key}`))
      out.set(flat, leaf);
  }
  return out;
}

const LETTER = /\p{L}/u;

function hasLetter(text: string): boolean {
  return LETTER.test(text);
}

function propName(name: ts.PropertyName | ts.JsxAttributeName): string | null {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  if (ts.isJsxNamespacedName(name)) return `${name.namespace.text}:${name.name.text}`;
  return null;
}

function stringValue(node: ts.Node | undefined): string | null {
  if (node === undefined) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isJsxExpression(node)) return stringValue(node.expression);
  if (ts.isParenthesizedExpression(node)) return stringValue(node.expression);
  return null;
}

/** Whether `t(…)` / `i18n.t(…)` is being called. */
function isTranslateCall(node: ts.CallExpression): boolean {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text === 't';
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't';
}

export interface ScanResult {
  readonly findings: Finding[];
  /** Translation keys this file names (in t() calls or as key-like literals). */
  readonly keys: Set<string>;
}

/**
 * Scans one source file. `namespaces` are the top-level keys of en.json: a string literal that starts with
 * one of them and a dot (`'status.met'`) is taken as a translation key.
 *
 * @example scanSource('a.tsx', '<p>Hello</p>', new Set()).findings[0].message // 'JSX text "Hello" is not translated'
 */
export function scanSource(file: string, text: string, namespaces: ReadonlySet<string>): ScanResult {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const lines = text.split('\n');
  const findings: Finding[] = [];
  const keys = new Set<string>();

  const report = (node: ts.Node, message: string) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    if (/\/\/\s*i18n-ignore\b/.test(lines[line - 1] ?? '')) return;
    findings.push({ file, line: line + 1, column: character + 1, message });
  };
  const keyLike = (value: string) => {
    const dot = value.indexOf('.');
    return dot > 0 && namespaces.has(value.slice(0, dot)) && /^[A-Za-z0-9_.]+$/.test(value);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      const content = node.text.trim();
      if (content !== '' && hasLetter(content)) report(node, `JSX text "${content}" is not translated`);
    } else if (
      ts.isJsxExpression(node) &&
      node.parent !== undefined &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      const value = stringValue(node.expression);
      if (value !== null && hasLetter(value)) report(node, `The string "${value}" in JSX is not translated`);
    } else if (ts.isJsxAttribute(node)) {
      const name = propName(node.name);
      const value = stringValue(node.initializer);
      if (name !== null && UI_PROPS.has(name) && value !== null && hasLetter(value) && !keyLike(value)) {
        report(node, `The ${name} "${value}" is not translated`);
      }
    } else if (ts.isPropertyAssignment(node)) {
      const name = propName(node.name);
      const value = stringValue(node.initializer);
      if (name !== null && UI_PROPS.has(name) && value !== null && hasLetter(value) && !keyLike(value)) {
        report(node, `The ${name} "${value}" is not translated`);
      }
    } else if (ts.isCallExpression(node) && isTranslateCall(node)) {
      const value = stringValue(node.arguments[0]);
      if (value !== null) keys.add(value);
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (keyLike(node.text)) keys.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { findings, keys };
}

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

function placeholders(value: unknown): string[] {
  return typeof value === 'string'
    ? [...value.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '').sort()
    : [];
}

/**
 * Compares the translation files: the same keys, no empty values, the same placeholders.
 *
 * @example checkLocales({ a: 'A {{x}}' }, { a: '甲' }, 'en.json', 'zh-CN.json')[0].message
 * // 'a has the placeholders {{x}} in en.json but none in zh-CN.json'
 */
export function checkLocales(en: unknown, zh: unknown, enFile: string, zhFile: string): Finding[] {
  const findings: Finding[] = [];
  const enKeys = flattenKeys(en);
  const zhKeys = flattenKeys(zh);
  const at = (file: string, message: string): Finding => ({ file, line: 1, column: 1, message });
  for (const [key, value] of enKeys) {
    if (!zhKeys.has(key)) findings.push(at(zhFile, `${key} is missing (it is in ${enFile})`));
    if (typeof value !== 'string' || value.trim() === '') findings.push(at(enFile, `${key} has no text`));
  }
  for (const [key, value] of zhKeys) {
    if (!enKeys.has(key)) findings.push(at(enFile, `${key} is missing (it is in ${zhFile})`));
    else if (typeof value !== 'string' || value.trim() === '')
      findings.push(at(zhFile, `${key} has no text`));
    else {
      const expected = placeholders(enKeys.get(key)).join(', ');
      const actual = placeholders(value).join(', ');
      if (expected !== actual) {
        const show = (names: string) => (names === '' ? 'none' : `{{${names.split(', ').join('}}, {{')}}}`);
        findings.push(
          at(
            zhFile,
            `${key} has the placeholders ${show(expected)} in ${enFile} but ${show(actual)} in ${zhFile}`,
          ),
        );
      }
    }
  }
  return findings;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry.name) && !/\.(test|d)\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out.sort();
}

export interface LocaleFile {
  /** Relative to the package root. */
  readonly file: string;
  readonly content: unknown;
}

/**
 * The translation files of one language: the shared file (src/web/locales/<language>.json) and every
 * feature's (src/web/features/<feature>/locales/<language>.json), in that order.
 */
export function localeFiles(root: string, language: string): LocaleFile[] {
  const webDir = join(root, 'src/web');
  const paths = [join(webDir, `locales/${language}.json`)];
  const featuresDir = join(webDir, 'features');
  for (const entry of readdirSync(featuresDir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(featuresDir, entry.name, `locales/${language}.json`);
    if (entry.isDirectory() && existsSync(path)) paths.push(path);
  }
  return paths.map((path) => ({
    file: relative(root, path),
    content: JSON.parse(readFileSync(path, 'utf8')) as unknown,
  }));
}

/**
 * One language's catalog: the files' top-level namespaces merged, with a finding for a namespace that two
 * files define and for a file that src/web/lib/i18n/catalog.ts does not import (the app would not have it).
 */
export function mergeLocaleFiles(
  files: readonly LocaleFile[],
  catalogSource: string,
): { merged: Record<string, unknown>; findings: Finding[] } {
  const merged: Record<string, unknown> = {};
  const owner = new Map<string, string>();
  const findings: Finding[] = [];
  const at = (file: string, message: string): Finding => ({ file, line: 1, column: 1, message });
  for (const { file, content } of files) {
    if (typeof content !== 'object' || content === null || Array.isArray(content)) {
      findings.push(at(file, 'is not a JSON object of namespaces'));
      continue;
    }
    const importPath = file.replace(/^src\/web\//, '../../');
    if (!catalogSource.includes(`'${importPath}'`)) {
      findings.push(at(file, `is not imported by src/web/lib/i18n/catalog.ts ('${importPath}')`));
    }
    for (const [namespace, value] of Object.entries(content)) {
      const first = owner.get(namespace);
      if (first !== undefined) {
        findings.push(at(file, `the namespace ${namespace} is already defined in ${first}`));
        continue;
      }
      owner.set(namespace, file);
      merged[namespace] = value;
    }
  }
  return { merged, findings };
}

/** Checks the whole web app under `root` (the package's root). */
export function checkI18n(root: string): Finding[] {
  const webDir = join(root, 'src/web');
  const enFile = "src/web/locales/en.json and the features' en.json";
  const zhFile = "src/web/locales/zh-CN.json and the features' zh-CN.json";
  const catalogSource = readFileSync(join(webDir, 'lib/i18n/catalog.ts'), 'utf8');
  const enCatalog = mergeLocaleFiles(localeFiles(root, 'en'), catalogSource);
  const zhCatalog = mergeLocaleFiles(localeFiles(root, 'zh-CN'), catalogSource);
  const en: unknown = enCatalog.merged;
  const zh: unknown = zhCatalog.merged;
  const rel = (path: string) => relative(root, path);
  const findings = [...enCatalog.findings, ...zhCatalog.findings, ...checkLocales(en, zh, enFile, zhFile)];
  const enKeys = flattenKeys(en);
  const zhKeys = flattenKeys(zh);
  // `problems.*` is core's catalog of problem codes, which lib/i18n/catalog.ts adds as a namespace: the web
  // words codes at run time (`t('problems.' + code, params)`), so none of them is reported unused, and a literal
  // key of it is known; checkProblemCodes checks that both languages word every code.
  const problemKeys = flattenKeys({ problems: problemCatalog('en') });
  const namespaces = new Set(Object.keys(typeof en === 'object' && en !== null ? en : {}));
  const used = new Set<string>();
  for (const file of sourceFiles(webDir)) {
    const result = scanSource(rel(file), readFileSync(file, 'utf8'), namespaces);
    findings.push(...result.findings);
    for (const key of result.keys) {
      used.add(key);
      if (problemKeys.has(key)) continue;
      if (!enKeys.has(key))
        findings.push({ file: rel(file), line: 1, column: 1, message: `The key ${key} is not in en.json` });
      if (!zhKeys.has(key))
        findings.push({
          file: rel(file),
          line: 1,
          column: 1,
          message: `The key ${key} is not in zh-CN.json`,
        });
    }
  }
  for (const key of enKeys.keys()) {
    if (!used.has(key))
      findings.push({
        file: enFile,
        line: 1,
        column: 1,
        message: `${key} is not used by any source file`,
      });
  }
  return findings;
}

/** The folders whose code can report a problem (everything but the web app, which words them). */
const PROBLEM_SOURCE_DIRS = ['src/core', 'src/db', 'src/ingest', 'src/server', 'src/cli', 'src/demo'];

/**
 * Problem codes (core/errors/messages): every code has its words in en and zh-CN with the same placeholders,
 * and every code-like literal in the code that reports problems (`'import.unknown-org-unit'`: a known
 * domain, a dot, kebab-case) is a registered code. The second catches the codes the type system does not
 * see, such as a zod check's message (`.regex(re, 'scorecard.code-format')`) or a code built from data.
 *
 * @example checkProblemCodes(root) // [] when every code the server can send is worded in both languages
 */
export function checkProblemCodes(root: string): Finding[] {
  const catalogFile = 'src/core/errors/messages';
  const findings = checkLocales(
    problemCatalog('en'),
    problemCatalog('zh-CN'),
    `${catalogFile} (en)`,
    `${catalogFile} (zh-CN)`,
  );
  const domains = new Set(problemCodes().map((code) => code.slice(0, code.indexOf('.'))));
  const codeLike = /^([a-z][a-z0-9-]*)\.[a-z0-9]+(?:-[a-z0-9]+)*$/;
  for (const dir of PROBLEM_SOURCE_DIRS) {
    for (const file of sourceFiles(join(root, dir))) {
      const text = readFileSync(file, 'utf8');
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      const visit = (node: ts.Node): void => {
        if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
          const match = codeLike.exec(node.text);
          if (match !== null && domains.has(match[1] ?? '') && !isProblemCode(node.text)) {
            const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
            findings.push({
              file: relative(root, file),
              line: line + 1,
              column: character + 1,
              message: `The problem code ${node.text} has no wording in ${catalogFile}`,
            });
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return findings;
}

/** Two or more lower-case English words: a text a Chinese reader should not be shown as it is. */
const ENGLISH_WORDS = /\b[a-z]{3,}\b.*\b[a-z]{3,}\b/;

/** A text without its `{{placeholders}}` and markup, which are not words. */
function wordsOf(text: string): string {
  return text.replace(/\{\{[^}]*\}\}/g, '').replace(/<[^>]*>/g, '');
}

/** `missing-actual` → `missingActual`, as the translation keys name codes. */
export function camelCase(code: string): string {
  return code.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * Units by code: each has an English and a Chinese word, and the Chinese one is not written in Latin letters.
 *
 * @example checkUnitWords({ yuan: { en: 'yuan', zh: 'yuan' } })[0].message // 'The unit code yuan has no Chinese word (zh is "yuan")'
 */
export function checkUnitWords(catalog: Readonly<Record<string, UnitWords>>): Finding[] {
  const file = 'src/core/scorecard/unit-codes.ts';
  const findings: Finding[] = [];
  for (const [code, words] of Object.entries(catalog)) {
    if (words.en.trim() === '')
      findings.push({ file, line: 1, column: 1, message: `The unit code ${code} has no English word` });
    if (words.zh.trim() === '' || /[A-Za-z]{2,}/.test(words.zh))
      findings.push({
        file,
        line: 1,
        column: 1,
        message: `The unit code ${code} has no Chinese word (zh is "${words.zh}")`,
      });
  }
  return findings;
}

/**
 * Chinese texts that are the English ones copied: the same text in both languages with English words in it.
 * Names (HealthBSC, Excel) and notation (`λmax · CI`) are not words and pass.
 *
 * @example checkCopiedEnglish({ a: 'No data yet' }, { a: 'No data yet' }, 'x')[0].message // 'a is the English text in zh-CN: "No data yet"'
 */
export function checkCopiedEnglish(en: unknown, zh: unknown, zhFile: string): Finding[] {
  const enKeys = flattenKeys(en);
  const findings: Finding[] = [];
  for (const [key, value] of flattenKeys(zh)) {
    if (typeof value !== 'string' || enKeys.get(key) !== value) continue;
    if (ENGLISH_WORDS.test(wordsOf(value)))
      findings.push({
        file: zhFile,
        line: 1,
        column: 1,
        message: `${key} is the English text in zh-CN: "${value}"`,
      });
  }
  return findings;
}

/**
 * The codes the client words (the server sends a code; the page shows its words): every import-row code of
 * the import report is a worded problem code, every reason an indicator has no value has words under
 * `noValueReasons` in both languages, every unit code has a Chinese word, and no Chinese text of the web
 * catalog or of the problem codes is the English text copied.
 *
 * @example checkCodeWording(root) // [] when a zh-CN page can word every code the server sends
 */
export function checkCodeWording(root: string): Finding[] {
  const catalogSource = readFileSync(join(root, 'src/web/lib/i18n/catalog.ts'), 'utf8');
  const en = mergeLocaleFiles(localeFiles(root, 'en'), catalogSource).merged;
  const zh = mergeLocaleFiles(localeFiles(root, 'zh-CN'), catalogSource).merged;
  const enKeys = flattenKeys(en);
  const zhKeys = flattenKeys(zh);
  const at = (file: string, message: string): Finding => ({ file, line: 1, column: 1, message });
  const findings: Finding[] = [];
  for (const code of importErrorCodeSchema.options) {
    if (!isProblemCode(`import-row.${code}`))
      findings.push(
        at(
          'src/core/errors/messages/import-rows.ts',
          `The import-row code ${code} has no wording (import-row.${code})`,
        ),
      );
  }
  for (const reason of NO_VALUE_REASONS) {
    const key = `noValueReasons.${camelCase(reason)}`;
    for (const [language, keys] of [
      ['en', enKeys],
      ['zh-CN', zhKeys],
    ] as const) {
      if (typeof keys.get(key) !== 'string')
        findings.push(
          at(`src/web/locales/${language}.json`, `The reason ${reason} has no words (${key} is missing)`),
        );
    }
  }
  findings.push(...checkUnitWords(UNIT_CATALOG));
  findings.push(...checkCopiedEnglish(en, zh, "src/web/locales/zh-CN.json and the features' zh-CN.json"));
  findings.push(
    ...checkCopiedEnglish(problemCatalog('en'), problemCatalog('zh-CN'), 'src/core/errors/messages (zh-CN)'),
  );
  return findings;
}

if (import.meta.main) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const findings = [...checkI18n(root), ...checkProblemCodes(root), ...checkCodeWording(root)];
  for (const finding of findings) {
    process.stderr.write(`${finding.file}:${finding.line}:${finding.column} ${finding.message}\n`);
  }
  if (findings.length > 0) {
    process.stderr.write(
      `check-i18n: ${findings.length} problem(s). Put the text in the feature's locales/*.json (or src/web/locales/*.json when shared) and use t().\n`,
    );
    process.exitCode = 1;
  } else {
    process.stdout.write(
      'check-i18n: every UI string is translated; en and zh-CN agree; every code the client words has Chinese words.\n',
    );
  }
}
