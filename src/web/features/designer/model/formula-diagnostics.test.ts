import { describe, expect, it } from 'vitest';
import {
  diagnoseFormula,
  formulaReference,
  insertReference,
  suggestElements,
  wordBefore,
} from './formula-diagnostics.ts';

const KNOWN = ['visits_in_county', 'visits_total', 'beds'];

describe('diagnoseFormula', () => {
  it('accepts a ratio of two known elements and lists what it reads', () => {
    expect(diagnoseFormula('visits_in_county / visits_total * 100', KNOWN)).toEqual({
      ok: true,
      diagnostics: [],
      references: ['visits_in_county', 'visits_total'],
    });
  });

  it('reports every unknown data element at its position', () => {
    expect(diagnoseFormula('bedz + beds + cots', KNOWN).diagnostics).toEqual([
      { kind: 'unknown-element', position: 0, message: "unknown data element 'bedz'", code: 'bedz' },
      { kind: 'unknown-element', position: 14, message: "unknown data element 'cots'", code: 'cots' },
    ]);
  });

  it('reports the first syntax error with its position', () => {
    const check = diagnoseFormula('beds + * beds', KNOWN);
    expect(check.ok).toBe(false);
    expect(check.diagnostics).toHaveLength(1);
    expect(check.diagnostics[0]).toMatchObject({ kind: 'syntax', position: 7 });
    expect(check.diagnostics[0]?.message).toMatch(/^unexpected '\*'/);
  });

  it('reports an unclosed parenthesis at the end of the formula', () => {
    expect(diagnoseFormula('(beds + 1', KNOWN).diagnostics[0]).toEqual({
      kind: 'syntax',
      position: 9,
      message: "missing ')' to close the '(' at position 0",
    });
  });

  it('reports an empty formula', () => {
    expect(diagnoseFormula('  ', KNOWN)).toEqual({
      ok: false,
      diagnostics: [{ kind: 'empty', position: 0, message: 'empty formula' }],
      references: [],
    });
  });

  it('reports a call with the wrong number of arguments', () => {
    expect(diagnoseFormula('if(beds, 1)', KNOWN).diagnostics[0]?.kind).toBe('syntax');
  });
});

describe('insert list', () => {
  it('finds the word being typed before the cursor', () => {
    expect(wordBefore('a / visits_t', 12)).toEqual({ start: 4, word: 'visits_t' });
    expect(wordBefore('a / ', 4)).toEqual({ start: 4, word: '' });
  });

  it('suggests codes starting with the word first, then those containing it', () => {
    expect(suggestElements('tot', ['a_total', 'total_b', 'beds'])).toEqual(['total_b', 'a_total']);
    expect(suggestElements('', KNOWN)).toEqual(KNOWN);
  });

  it('replaces the word before the cursor with the chosen code', () => {
    expect(insertReference('a / vis + 1', 7, 'visits_total')).toEqual({
      text: 'a / visits_total + 1',
      cursor: 16,
    });
  });

  it('braces codes the language cannot write bare', () => {
    expect(formulaReference('beds-occupied')).toBe('{beds-occupied}');
    expect(formulaReference('and')).toBe('{and}');
    expect(formulaReference('门诊人次')).toBe('门诊人次');
  });
});
