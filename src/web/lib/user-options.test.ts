import { describe, expect, it } from 'vitest';
import { pickerOptions, userLabel } from './user-options.ts';

const LI = { id: 1, email: 'li.na@h.example', name: '李娜' };
const WANG = { id: 2, email: 'wang@h.example', name: null };

describe('userLabel', () => {
  it('reads name · e-mail when the user has a name', () => {
    expect(userLabel(LI)).toBe('李娜 · li.na@h.example');
  });

  it('reads the e-mail alone when the user has no name', () => {
    expect(userLabel(WANG)).toBe('wang@h.example');
  });
});

describe('pickerOptions', () => {
  it('offers the matches by id, then a chosen user who is not among them, named from what is known', () => {
    expect(pickerOptions<number>('id', [WANG], [1], [LI])).toEqual([
      { value: 2, label: 'wang@h.example' },
      { value: 1, label: '李娜 · li.na@h.example' },
    ]);
  });

  it('keeps a chosen e-mail address no one has, as it is', () => {
    expect(pickerOptions<string>('email', [LI], ['nobody@h.example'], [])).toEqual([
      { value: 'li.na@h.example', label: '李娜 · li.na@h.example' },
      { value: 'nobody@h.example', label: 'nobody@h.example' },
    ]);
  });

  it('lists a chosen user who is also a match once', () => {
    expect(pickerOptions<number>('id', [LI, WANG], [2], [WANG]).map((o) => o.value)).toEqual([1, 2]);
  });
});
