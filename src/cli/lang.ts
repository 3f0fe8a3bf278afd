/**
 * The language the command words its problems and tables in: `--lang en|zh-CN` (`zh` also means zh-CN), else
 * `HEALTHBSC_LANG`, else Chinese when the locale (`LANG`) starts with `zh`, else English.
 */
import type { MessageLang } from '../core/errors/messages/index.ts';
import { usageError } from './errors.ts';

/**
 * A language as the user may write it, or null when it is none of the product's.
 *
 * @example readLang('zh') // 'zh-CN'
 * @example readLang('fr') // null
 */
export function readLang(value: string): MessageLang | null {
  const folded = value.trim().toLowerCase().replace('_', '-');
  if (folded === 'en' || folded.startsWith('en-')) return 'en';
  if (folded === 'zh' || folded === 'zh-cn' || folded === 'zh-hans') return 'zh-CN';
  return null;
}

/**
 * The language when no `--lang` is given: `HEALTHBSC_LANG` (which must be a product language), else zh-CN for a
 * Chinese locale (`LANG=zh_CN.UTF-8`), else en.
 *
 * @example defaultLang({ LANG: 'zh_CN.UTF-8' }) // 'zh-CN'
 */
export function defaultLang(env: Readonly<Record<string, string | undefined>>): MessageLang {
  const chosen = env.HEALTHBSC_LANG;
  if (chosen !== undefined && chosen !== '') {
    const lang = readLang(chosen);
    if (lang === null) throw usageError(undefined, 'cli.lang-env', { value: chosen });
    return lang;
  }
  return (env.LANG ?? '').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * Takes `--lang X` or `--lang=X` out of the arguments (anywhere: before or after the command), so every command
 * accepts it. Returns the language asked for (undefined when none) and the other arguments.
 *
 * @example takeLangOption(['ahp', 'm.json', '--lang', 'zh']) // { lang: 'zh-CN', rest: ['ahp', 'm.json'] }
 */
export function takeLangOption(argv: readonly string[]): { lang: MessageLang | undefined; rest: string[] } {
  const rest: string[] = [];
  let lang: MessageLang | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    let value: string | undefined;
    if (arg === '--lang') {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw usageError(undefined, 'cli.lang-missing');
      i += 1;
    } else if (arg.startsWith('--lang=')) {
      value = arg.slice('--lang='.length);
    } else {
      rest.push(arg);
      continue;
    }
    const read = readLang(value);
    if (read === null) throw usageError(undefined, 'cli.lang-value', { value });
    lang = read;
  }
  return { lang, rest };
}
