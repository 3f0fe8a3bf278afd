import { describe, expect, it } from 'vitest';
import { expertsBody, missingExpertNames } from './panel-rows.ts';

describe('the panel rows of a new survey', () => {
  it('names the rows that have no expert name', () => {
    expect(
      missingExpertNames([
        { name: 'Li Wei', email: '', weight: null },
        { name: '  ', email: 'x@example.org', weight: 2 },
      ]),
    ).toEqual([2]);
  });

  it('sends trimmed names and leaves out blank e-mails and unset weights', () => {
    expect(
      expertsBody([
        { name: ' Li Wei ', email: ' ', weight: null },
        { name: 'Zhang Min', email: 'zm@example.org', weight: 2 },
      ]),
    ).toEqual([{ name: 'Li Wei' }, { name: 'Zhang Min', email: 'zm@example.org', weight: 2 }]);
  });
});
