import { describe, expect, it } from 'vitest';
import { sparklineGeometry } from './sparkline-path.ts';

describe('sparklineGeometry', () => {
  it('scales the values to the box, highest at the top, and breaks the line at a missing period', () => {
    expect(sparklineGeometry([1, 3, null, 2], 30, 10, 1)).toEqual({
      segments: ['1,9 10.33,1', '29,5'],
      last: { x: 29, y: 5 },
    });
  });

  it('draws a flat series across the middle', () => {
    expect(sparklineGeometry([4, 4, 4], 20, 10, 0).segments).toEqual(['0,5 10,5 20,5']);
  });

  it('draws nothing when no period has a value, and no dot when the selected period has none', () => {
    expect(sparklineGeometry([null, null], 20, 10)).toEqual({ segments: [], last: null });
    expect(sparklineGeometry([1, 2, null], 20, 10).last).toBeNull();
  });
});
