/**
 * What the zh-CN crawl (zh-crawl.e2e.test.ts) looks for in a page's visible text: a text of the English catalog
 * (the web's en.json files and the problem codes' English words, where they differ from the Chinese), and a raw
 * code: one of the codes the client words (problem codes, reasons an indicator has no value, statuses, import-row
 * codes) shown as the code instead of its words. Hyphenated English words ("five-dimension"), names of units as
 * entered, actor ids (demo-loader), codes people type (UMG-B1-INTM, county_visit_rate), e-mail addresses and
 * numbers are not such codes and pass.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localeFiles, mergeLocaleFiles } from '../../scripts/check-i18n.ts';
import { PACKAGE_ROOT } from '../../scripts/ensure-web-build.ts';
import { problemCatalog, problemCodes } from '../../src/core/errors/messages/index.ts';
import { INDICATOR_STATUSES, NO_VALUE_REASONS } from '../../src/core/scoring/index.ts';

/** One offending text on a page. */
export interface Offence {
  readonly kind: 'english' | 'raw-code';
  /** The text as shown. */
  readonly text: string;
  /** The catalog key whose English words it shows, or the code. */
  readonly what: string;
}

/** Catalog texts (with their keys) a zh-CN page must not show. */
export interface EnglishNeedles {
  /** Short texts matched as a whole text node ("Score", "No data"). */
  readonly whole: ReadonlyMap<string, string>;
  /** Longer fragments (two English words or more) matched inside a text node. */
  readonly inside: ReadonlyMap<string, string>;
}

function flatten(tree: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  if (typeof tree === 'string') out.set(prefix, tree);
  else if (typeof tree === 'object' && tree !== null)
    for (const [key, value] of Object.entries(tree))
      flatten(value, prefix === '' ? key : `${prefix}.${key}`, out);
  return out;
}

const PLACEHOLDER = /\{\{[^}]*\}\}|<\/?\d+>|\$t\([^)]*\)/g;
const TWO_WORDS = /[A-Za-z]{3,}\W+[A-Za-z]{2,}/;

/**
 * The needles of two catalogs (English and Chinese, as nested objects): every English text that the Chinese
 * catalog words differently.
 *
 * @example englishNeedles({ a: 'No data' }, { a: '无数据' }).whole.get('No data') // 'a'
 */
export function englishNeedles(enTree: unknown, zhTree: unknown): EnglishNeedles {
  const english = flatten(enTree, '', new Map());
  const chinese = flatten(zhTree, '', new Map());
  const whole = new Map<string, string>();
  const inside = new Map<string, string>();
  for (const [key, value] of english) {
    if (chinese.get(key) === value || !/[A-Za-z]{2,}/.test(value)) continue;
    const fragments = value
      .split(PLACEHOLDER)
      .map((part) => part.trim())
      .filter((part) => part !== '');
    if (fragments.length === 1 && fragments[0] === value.trim()) whole.set(value.trim(), key);
    for (const fragment of fragments) {
      if (fragment.length >= 10 && TWO_WORDS.test(fragment)) inside.set(fragment, key);
    }
  }
  return { whole, inside };
}

/** The web app's catalogs (the problem codes' words among them), as the app has them. */
export function appNeedles(): EnglishNeedles {
  const catalogSource = readFileSync(join(PACKAGE_ROOT, 'src/web/lib/i18n/catalog.ts'), 'utf8');
  const catalog = (language: 'en' | 'zh-CN') => ({
    ...mergeLocaleFiles(localeFiles(PACKAGE_ROOT, language), catalogSource).merged,
    problems: problemCatalog(language),
  });
  return englishNeedles(catalog('en'), catalog('zh-CN'));
}

/**
 * The codes the client words and a page must never show raw: the problem codes (`import-row.non-numeric`, and the
 * short row codes `non-numeric` a row error carries), the reasons an indicator has no value (`missing-actual`) and
 * the statuses with a hyphen (`off-track`, `no-data`). Single words (`met`, `watch`) are left out: they are
 * ordinary English words the catalog rule already finds as "Met", "Watch".
 */
export const KNOWN_CODES: ReadonlySet<string> = new Set(
  [
    ...problemCodes(),
    ...problemCodes()
      .filter((code) => code.startsWith('import-row.'))
      .map((code) => code.slice('import-row.'.length)),
    ...NO_VALUE_REASONS,
    ...INDICATOR_STATUSES,
  ].filter((code) => /[-.]/.test(code)),
);

/** A token that may be a code: lower-case words joined by hyphens, dots or underscores. */
const CODE_LIKE = /(?<![\w@./-])[a-z][a-z0-9]*(?:[-._][a-z0-9]+)+(?![\w@/-])/g;

/**
 * The offences in a page's visible texts (one entry per text node or attribute shown).
 *
 * @example findOffences(['评分', 'Score'], englishNeedles({ s: 'Score' }, { s: '评分' }), [])[0] // { kind: 'english', text: 'Score', what: 's' }
 */
export function findOffences(
  texts: readonly string[],
  needles: EnglishNeedles,
  allowed: readonly string[],
): Offence[] {
  const offences: Offence[] = [];
  for (const raw of texts) {
    const text = raw.trim();
    if (text === '' || allowed.includes(text)) continue;
    const key = needles.whole.get(text);
    if (key !== undefined) {
      offences.push({ kind: 'english', text, what: key });
      continue;
    }
    const fragment = [...needles.inside.keys()].find((needle) => text.includes(needle));
    if (fragment !== undefined) {
      offences.push({ kind: 'english', text, what: needles.inside.get(fragment) ?? fragment });
      continue;
    }
    for (const match of text.matchAll(CODE_LIKE)) {
      const code = match[0].replace(/\.$/, '');
      if (KNOWN_CODES.has(code) && !allowed.includes(code))
        offences.push({ kind: 'raw-code', text, what: code });
    }
  }
  return offences;
}
