import { describe, expect, it } from 'vitest';
import { landingPath } from './landing.ts';

describe('landingPath', () => {
  it('sends a department clerk to my work without waiting', () => {
    expect(landingPath([{ role: 'entry' }], undefined)).toBe('/my-work');
  });

  it('sends an approver to my work', () => {
    expect(landingPath([{ role: 'approver' }], undefined)).toBe('/my-work');
  });

  it('waits for my work for a user without duty roles', () => {
    expect(landingPath([{ role: 'viewer' }], undefined)).toBeNull();
  });

  it('sends an indicator owner to my work', () => {
    expect(landingPath([{ role: 'viewer' }], { indicators: 2, actions: 0 })).toBe('/my-work');
  });

  it('sends someone with an action to my work', () => {
    expect(landingPath([{ role: 'strategist' }], { indicators: 0, actions: 1 })).toBe('/my-work');
  });

  it('sends everyone else to the overview', () => {
    expect(landingPath([{ role: 'viewer' }], { indicators: 0, actions: 0 })).toBe('/overview');
  });

  it('falls back to the overview when my work cannot be read', () => {
    expect(landingPath([{ role: 'viewer' }], null)).toBe('/overview');
  });
});
