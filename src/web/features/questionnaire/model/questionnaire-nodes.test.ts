import { describe, expect, it } from 'vitest';
import { pairKey, resumeAt } from './questionnaire-nodes.ts';

const node = (answered: number, pairs: number) => ({ answered, pairs: Array.from({ length: pairs }) });

describe('the questionnaire’s nodes', () => {
  it('resumes at the first node with an unanswered pair', () => {
    expect(resumeAt([node(10, 10), node(3, 15), node(0, 6)])).toBe(1);
  });

  it('opens at the first node when every pair is answered', () => {
    expect(resumeAt([node(10, 10), node(15, 15)])).toBe(0);
  });

  it('skips a node with nothing to compare', () => {
    expect(resumeAt([node(0, 0), node(0, 3)])).toBe(1);
  });

  it('keys a pair by its row and column', () => {
    expect(pairKey(1, 2)).toBe('1-2');
  });
});
