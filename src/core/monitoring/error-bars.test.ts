import { describe, expect, it } from 'vitest';
import { smallDenominatorBar } from './error-bars.ts';

describe('error bars on small denominators', () => {
  it('gives the Wilson interval of 3 in 20 (R: prop.test(3, 20, correct = FALSE)$conf.int)', () => {
    const bar = smallDenominatorBar(3, 20, 100);
    expect([bar?.lower, bar?.upper]).toEqual([expect.closeTo(5.23687459, 7), expect.closeTo(36.04188647, 7)]);
  });

  it('draws a bar for 5 events in 1000 cases', () => {
    expect(smallDenominatorBar(5, 1000)).not.toBeNull();
  });

  it('draws none for 300 events in 1000 cases', () => {
    expect(smallDenominatorBar(300, 1000)).toBeNull();
  });
});
