import { describe, expect, it } from 'vitest';
import { NO_VALUE_REASONS } from '../../core/scoring/index.ts';
import { createI18n } from './i18n/i18n.ts';
import { noValueReasonKey } from './no-value-reasons.ts';

describe('noValueReasonKey', () => {
  it('words a missing target in Chinese', () => {
    expect(createI18n('zh-CN').t(noValueReasonKey('missing-target'))).toBe('缺少目标值');
  });

  it('words a missing actual in English rather than as its code', () => {
    expect(createI18n('en').t(noValueReasonKey('missing-actual'))).toBe('no actual value');
  });

  it('words a reason it does not know as "no value", not as the code', () => {
    expect(createI18n('en').t(noValueReasonKey('late-by-a-year'))).toBe('no value');
  });

  it('has a key of its own for every reason of the core', () => {
    expect(new Set(NO_VALUE_REASONS.map(noValueReasonKey)).size).toBe(NO_VALUE_REASONS.length);
  });
});
