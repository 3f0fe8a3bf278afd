import { expect, test } from 'vitest';
import { effectiveFromOf } from './effective-from.ts';

test.each([
  ['the default period', 'default', '2024-01', '', 'month', { ok: true, value: '2024-01' }],
  [
    'the default when nothing is published: since the beginning',
    'default',
    null,
    '',
    'month',
    { ok: true, value: null },
  ],
  ['since the beginning', 'beginning', '2024-01', '', 'month', { ok: true, value: null }],
  ['a typed quarter, normalised', 'period', '2024-01', ' 2025q3 ', 'month', { ok: true, value: '2025Q3' }],
  ['a typed year on a monthly scheme', 'period', null, '2026', 'month', { ok: true, value: '2026' }],
  ['a month on a yearly scheme', 'period', null, '2025-07', 'year', { ok: false, reason: 'too-short' }],
  ['text that is not a period', 'period', null, 'next year', null, { ok: false, reason: 'not-a-period' }],
] as const)('%s', (_name, choice, defaultPeriod, typed, periodType, expected) => {
  expect(effectiveFromOf(choice, defaultPeriod, typed, periodType)).toEqual(expected);
});
