/**
 * The tokenizer of the formula language (see ./README.md for the language).
 *
 * Hand-written, like the parser, because no maintained npm library provides this exact small,
 * safe language with source positions and "no value" semantics: expression libraries such as
 * expr-eval or mathjs accept far more (assignment, member access, user functions), some compile
 * with `Function`/eval-like features, and none propagates missing values the way an indicator
 * needs. A tokenizer this small is easier to audit than a dependency.
 */

export type Punctuator = '+' | '-' | '*' | '/' | '(' | ')' | ',' | '<' | '<=' | '>' | '>=' | '==' | '!=';

export type Keyword = 'and' | 'or' | 'not';

export type Token =
  | {
      readonly kind: 'number';
      readonly value: number;
      readonly text: string;
      readonly start: number;
      readonly end: number;
    }
  /** A bare identifier: a data element, or a function name when `(` follows. */
  | { readonly kind: 'name'; readonly text: string; readonly start: number; readonly end: number }
  /** `{code}`: `code` is the trimmed text between the braces. */
  | {
      readonly kind: 'braced';
      readonly code: string;
      readonly text: string;
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly kind: 'keyword';
      readonly keyword: Keyword;
      readonly text: string;
      readonly start: number;
      readonly end: number;
    }
  | { readonly kind: 'punct'; readonly punct: Punctuator; readonly start: number; readonly end: number }
  | { readonly kind: 'end'; readonly start: number; readonly end: number }
  /** A lexical error; the tokenizer stops after it, so the parser meets it in source order. */
  | { readonly kind: 'error'; readonly message: string; readonly start: number; readonly end: number };

const WHITESPACE = /\s+/y;
/** Letters of any script (Chinese codes are common), then letters, marks, digits, `_` and `.`. */
const NAME = /[\p{L}_][\p{L}\p{M}\p{Nd}_.]*/uy;
/** Everything that looks like part of a number, so `1.2.3` and `12abc` are one malformed token. */
const NUMBER_LIKE = /[0-9.]*(?:[eE][+-]?[0-9]+)?[\p{L}\p{M}\p{N}_.]*/uy;
const VALID_NUMBER = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const INVISIBLE = /^\p{C}$/u;

const TWO_CHAR: Readonly<Record<string, Punctuator>> = { '<=': '<=', '>=': '>=', '==': '==', '!=': '!=' };
const ONE_CHAR: Readonly<Record<string, Punctuator>> = {
  '+': '+',
  '-': '-',
  '*': '*',
  '/': '/',
  '(': '(',
  ')': ')',
  ',': ',',
  '<': '<',
  '>': '>',
};

/** Hints for characters people type from other notations (Excel, C, the seeds' "×"). */
const HINTS: Readonly<Record<string, string>> = {
  '=': "did you mean '=='?",
  '<>': "did you mean '!='?",
  '!': "use '!=' or 'not'",
  '&': "use 'and'",
  '|': "use 'or'",
  '×': "use '*'",
  '÷': "use '/'",
  '%': "write the factor out, e.g. '* 100'",
  '}': "a '}' must close a '{'",
};

/** Splits a formula into tokens; the last token is `end` or `error`. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (true) {
    WHITESPACE.lastIndex = i;
    if (WHITESPACE.test(source)) i = WHITESPACE.lastIndex;
    if (i >= source.length) {
      tokens.push({ kind: 'end', start: source.length, end: source.length });
      return tokens;
    }
    const token = readToken(source, i);
    tokens.push(token);
    if (token.kind === 'error') return tokens;
    i = token.end;
  }
}

function readToken(source: string, i: number): Token {
  const ch = source.charAt(i);
  const next = source.charAt(i + 1);
  if (isDigit(ch) || (ch === '.' && isDigit(next))) return readNumber(source, i);
  if (ch === '{') return readBraced(source, i);

  NAME.lastIndex = i;
  const name = NAME.exec(source);
  if (name !== null) {
    const text = name[0];
    const end = i + text.length;
    const lower = text.toLowerCase();
    if (lower === 'and' || lower === 'or' || lower === 'not') {
      return { kind: 'keyword', keyword: lower, text, start: i, end };
    }
    return { kind: 'name', text, start: i, end };
  }

  const two = TWO_CHAR[ch + next];
  if (two !== undefined) return { kind: 'punct', punct: two, start: i, end: i + 2 };
  if (ch + next === '<>') return unexpected('<>', i);
  const one = ONE_CHAR[ch];
  if (one !== undefined) return { kind: 'punct', punct: one, start: i, end: i + 1 };

  const codePoint = source.codePointAt(i) ?? 0;
  return unexpected(String.fromCodePoint(codePoint), i);
}

function readNumber(source: string, start: number): Token {
  NUMBER_LIKE.lastIndex = start;
  const text = NUMBER_LIKE.exec(source)?.[0] ?? '';
  const end = start + text.length;
  if (!VALID_NUMBER.test(text)) {
    const hint = /^[0-9]+[\p{L}_]/u.test(text)
      ? `; a data-element code that starts with a digit must be written in braces, e.g. '{${text}}'`
      : '';
    return { kind: 'error', message: `malformed number '${text}'${hint}`, start, end };
  }
  const value = Number(text);
  if (!Number.isFinite(value)) {
    return { kind: 'error', message: `number '${text}' is too large`, start, end };
  }
  return { kind: 'number', value, text, start, end };
}

function readBraced(source: string, start: number): Token {
  const close = source.indexOf('}', start + 1);
  if (close < 0) {
    return { kind: 'error', message: "unterminated '{': missing '}'", start, end: source.length };
  }
  const text = source.slice(start, close + 1);
  const code = source.slice(start + 1, close).trim();
  if (code === '') return { kind: 'error', message: "empty data-element code '{}'", start, end: close + 1 };
  return { kind: 'braced', code, text, start, end: close + 1 };
}

function unexpected(text: string, start: number): Token {
  const shown = INVISIBLE.test(text)
    ? `U+${(text.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
    : `'${text}'`;
  const hint = HINTS[text] ?? fullWidthHint(text);
  return {
    kind: 'error',
    message: `unexpected character ${shown}${hint === undefined ? '' : `; ${hint}`}`,
    start,
    end: start + text.length,
  };
}

/** Chinese input methods type full-width `（`, `）`, `，`, `＋`…; name the ASCII character meant. */
function fullWidthHint(text: string): string | undefined {
  const code = text.codePointAt(0) ?? 0;
  if (code < 0xff01 || code > 0xff5e) return undefined;
  return `did you mean '${String.fromCharCode(code - 0xfee0)}'?`;
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}
