/**
 * How a problem is worded: every problem the product reports carries a stable code (`import.unknown-org-unit`)
 * and its parameters (`{ code: 'X' }`); its words come from a catalog in both of the product's languages. The
 * server sends the code, the parameters and the English wording (`detail`); the web and the CLI word the code in
 * the user's language. One file per domain (`request.ts`, `imports.ts`, …) declares its codes with both
 * wordings side by side, so a code never exists in one language only; `index.ts` collects them.
 *
 * Templates use i18next's interpolation syntax (`{{name}}`), which the web's i18n reads as is and
 * `formatMessage` below reads for the server and the CLI.
 */

/** The product's languages, named as the web's i18n names them. */
export type MessageLang = 'en' | 'zh-CN';

/** One code's wording in each language. The parameters named in both must be the same (checked by tests). */
export interface Wording {
  readonly en: string;
  readonly 'zh-CN': string;
}

/** A parameter's value: a code, a name, a number. Lists are joined by the caller (`'A, B'`). */
export type MessageParam = string | number;

export type MessageParams = Readonly<Record<string, MessageParam>>;

type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;

/**
 * The parameter names of a template, for type-checking the parameters given with a code.
 *
 * @example type P = TemplateParams<'unit {{code}} in {{period, string}}'> // 'code' | 'period'
 */
export type TemplateParams<T extends string> = T extends `${string}{{${infer Name}}}${infer Rest}`
  ? (Name extends `${infer N},${string}` ? Trim<N> : Trim<Name>) | TemplateParams<Rest>
  : never;

/** A domain's codes, prefixed with the domain: `defineMessages('import', { 'x': … })` → `{ 'import.x': … }`. */
export type DomainMessages<D extends string, M extends Record<string, Wording>> = {
  readonly [K in keyof M & string as `${D}.${K}`]: M[K];
};

const CODE_PART = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Declares a domain's problem codes with their wording in both languages. Codes are kebab-case and unique
 * inside the domain; the full code is `<domain>.<code>`.
 *
 * @example
 * export const periodMessages = defineMessages('period', {
 *   'not-a-period': { en: "'{{value}}' is not a period", 'zh-CN': '“{{value}}”不是有效的期间' },
 * });
 * // periodMessages['period.not-a-period'].en === "'{{value}}' is not a period"
 */
export function defineMessages<const D extends string, const M extends Record<string, Wording>>(
  domain: D,
  messages: M,
): DomainMessages<D, M> {
  if (!CODE_PART.test(domain)) throw new Error(`problem domain '${domain}' is not kebab-case`);
  const out: Record<string, Wording> = {};
  for (const [key, wording] of Object.entries(messages)) {
    if (!CODE_PART.test(key)) throw new Error(`problem code '${domain}.${key}' is not kebab-case`);
    out[`${domain}.${key}`] = wording;
  }
  // The mapped type is exactly what the loop built; TypeScript cannot follow a key rename through a loop.
  return out as DomainMessages<D, M>;
}

const PLACEHOLDER = /\{\{\s*([^},\s]+)\s*(?:,[^}]*)?\}\}/g;

/**
 * The names a template interpolates, in order of first use.
 *
 * @example placeholdersOf('{{a}} and {{ b }} and {{a}}') // ['a', 'b']
 */
export function placeholdersOf(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1];
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * Fills a template's `{{name}}` placeholders (a format after a comma, `{{n, number}}`, is ignored here). A
 * parameter that was not given stays visible as `{{name}}`, so a missing one is seen rather than hidden.
 *
 * @example formatMessage('unknown org unit {{code}}', { code: 'X' }) // 'unknown org unit X'
 */
export function formatMessage(template: string, params: MessageParams = {}): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
