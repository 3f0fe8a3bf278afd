/**
 * The tokenizer of the formula language (see ./README.md for the language).
 *
 * Hand-written, like the parser, because no maintained npm library provides this exact small,
 * safe language with source positions and "no value" semantics: expression libraries such as
 * expr-eval or mathjs accept far more (assignment, member access, user functions), some compile
 * with `Function`/eval-like features, and none propagates missing values the way an indicator
 * needs. A tokenizer this small is easier to audit than a dependency.
 */

import { type FormulaError, formulaError } from './formula-node.ts';

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
  /** `{code}`: `code` is the trimmed text between the braces; `periodOffset` when `.periodOffset` follows. */
  | {
      readonly kind: 'braced';
      readonly code: string;
      readonly periodOffset: boolean;
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
  | { readonly kind: 'error'; readonly error: FormulaError; readonly start: number; readonly end: number };

const WHITESPACE = /\s+/y;
/** Letters of any script (Chinese codes are common), then letters, marks, digits, `_` and `.`. */
const NAME = /[\p{L}_][\p{L}\p{M}\p{Nd}_.]*/uy;
/** Everything that looks like part of a number, so `1.2.3` and `12abc` are one malformed token. */
const NUMBER_LIKE = /[0-9.]*(?:[eE][+-]?[0-9]+)?[\p{L}\p{M}\p{N}_.]*/uy;
const VALID_NUMBER = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const INVISIBLE = /^\p{C}$/u;
/** `.periodOffset` right after a braced code (a bare code takes it into its name, which may hold `.`). */
const OFFSET_SUFFIX = /\.periodOffset(?![\p{L}\p{M}\p{Nd}_.])/iuy;

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

/** What people meant by characters they type from other notations (Excel, C, the seeds' "×"). */
const DID_YOU_MEAN: Readonly<Record<string, string>> = { '=': '==', '<>': '!=' };
const USE_INSTEAD: Readonly<Record<string, string>> = { '&': 'and', '|': 'or', '×': '*', '÷': '/' };

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
    const error = /^[0-9]+[\p{L}_]/u.test(text)
      ? formulaError('formula.malformed-number-braces', { text, braced: `{${text}}` }, start)
      : formulaError('formula.malformed-number', { text }, start);
    return { kind: 'error', error, start, end };
  }
  const value = Number(text);
  if (!Number.isFinite(value)) {
    return { kind: 'error', error: formulaError('formula.number-too-large', { text }, start), start, end };
  }
  return { kind: 'number', value, text, start, end };
}

function readBraced(source: string, start: number): Token {
  const close = source.indexOf('}', start + 1);
  if (close < 0) {
    return {
      kind: 'error',
      error: formulaError('formula.unterminated-brace', {}, start),
      start,
      end: source.length,
    };
  }
  const text = source.slice(start, close + 1);
  const code = source.slice(start + 1, close).trim();
  if (code === '') {
    return { kind: 'error', error: formulaError('formula.empty-braces', {}, start), start, end: close + 1 };
  }
  OFFSET_SUFFIX.lastIndex = close + 1;
  if (OFFSET_SUFFIX.test(source)) {
    const end = OFFSET_SUFFIX.lastIndex;
    return { kind: 'braced', code, periodOffset: true, text: source.slice(start, end), start, end };
  }
  return { kind: 'braced', code, periodOffset: false, text, start, end: close + 1 };
}

function unexpected(text: string, start: number): Token {
  return { kind: 'error', error: unexpectedCharacter(text, start), start, end: start + text.length };
}

function unexpectedCharacter(character: string, start: number): FormulaError {
  if (INVISIBLE.test(character)) {
    const shown = `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    return formulaError('formula.unexpected-invisible-character', { character: shown }, start);
  }
  if (character === '!') return formulaError('formula.unexpected-exclamation', {}, start);
  if (character === '%') return formulaError('formula.unexpected-percent', {}, start);
  if (character === '}') return formulaError('formula.unexpected-closing-brace', {}, start);
  const use = USE_INSTEAD[character];
  if (use !== undefined) {
    return formulaError('formula.unexpected-character-use', { character, suggestion: use }, start);
  }
  const meant = DID_YOU_MEAN[character] ?? fullWidthMeaning(character);
  if (meant !== undefined) {
    return formulaError('formula.unexpected-character-did-you-mean', { character, suggestion: meant }, start);
  }
  return formulaError('formula.unexpected-character', { character }, start);
}

/** Chinese input methods type full-width `（`, `）`, `，`, `＋`…: the ASCII character meant. */
function fullWidthMeaning(text: string): string | undefined {
  const code = text.codePointAt(0) ?? 0;
  if (code < 0xff01 || code > 0xff5e) return undefined;
  return String.fromCharCode(code - 0xfee0);
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}
