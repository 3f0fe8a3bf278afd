import { describe, expect, it } from 'vitest';
import { withCodes } from './unit-options.ts';

describe('withCodes', () => {
  it('tells same-named departments apart by their codes, at every depth', () => {
    const tree = [
      {
        value: 'UMG',
        title: 'Group',
        children: [
          { value: 'UMG-B1-INTM', title: 'Internal Medicine', children: [] },
          { value: 'UMG-B2-INTM', title: 'Internal Medicine', children: [] },
        ],
      },
    ];
    expect(withCodes(tree)).toEqual([
      {
        value: 'UMG',
        title: 'Group (UMG)',
        children: [
          { value: 'UMG-B1-INTM', title: 'Internal Medicine (UMG-B1-INTM)', children: [] },
          { value: 'UMG-B2-INTM', title: 'Internal Medicine (UMG-B2-INTM)', children: [] },
        ],
      },
    ]);
  });
});
