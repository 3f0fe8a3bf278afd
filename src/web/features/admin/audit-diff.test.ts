import { describe, expect, it } from 'vitest';
import { auditDiffRows, leafText, meaningfulDiffRows } from './audit-diff.ts';

describe('auditDiffRows', () => {
  it('lists only the changed leaf of an update, by its dotted path', () => {
    expect(
      auditDiffRows(
        { code: 'UMG-B1', name: { en: 'Branch 1', zh: '分院一' }, sortOrder: 1 },
        { code: 'UMG-B1', name: { en: 'Branch One', zh: '分院一' }, sortOrder: 1 },
      ),
    ).toEqual([{ path: 'name.en', before: 'Branch 1', after: 'Branch One' }]);
  });

  it('shows every leaf of a creation as new', () => {
    expect(auditDiffRows(null, { code: 'X', name: { en: 'X ward' }, role: null })).toEqual([
      { path: 'code', before: null, after: 'X' },
      { path: 'name.en', before: null, after: 'X ward' },
      { path: 'role', before: null, after: 'null' },
    ]);
  });

  it('shows every leaf of a deletion as gone', () => {
    expect(auditDiffRows({ value: 12.5 }, null)).toEqual([{ path: 'value', before: '12.5', after: null }]);
  });

  it('compares arrays whole, as JSON', () => {
    expect(auditDiffRows({ members: ['A'] }, { members: ['A', 'B'] })).toEqual([
      { path: 'members', before: '["A"]', after: '["A","B"]' },
    ]);
  });

  it('treats a bare value as one leaf with an empty path', () => {
    expect(auditDiffRows(3, 4)).toEqual([{ path: '', before: '3', after: '4' }]);
  });

  it('keeps script text as plain strings (rendering is the view’s job)', () => {
    const name = '<script>window.__xss=2</script>';
    expect(auditDiffRows(null, { name: { en: name } })).toEqual([
      { path: 'name.en', before: null, after: name },
    ]);
  });

  it('finds nothing when the values are equal', () => {
    expect(auditDiffRows({ a: [1, 2], b: { c: 'x' } }, { a: [1, 2], b: { c: 'x' } })).toEqual([]);
  });
});

describe('meaningfulDiffRows', () => {
  it('drops the server’s timestamps', () => {
    expect(
      meaningfulDiffRows(
        { disabled: false, updatedAt: '2026-01-01T00:00:00.000Z' },
        { disabled: true, updatedAt: '2026-01-02T00:00:00.000Z' },
      ),
    ).toEqual([{ path: 'disabled', before: 'false', after: 'true' }]);
  });
});

describe('leafText', () => {
  it.each([
    ['text', 'text'],
    [null, 'null'],
    [1.5, '1.5'],
    [true, 'true'],
    [[1, 'a'], '[1,"a"]'],
  ])('%j → %s', (value, text) => {
    expect(leafText(value)).toBe(text);
  });
});
