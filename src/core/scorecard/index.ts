export * from './compare-published.ts';
export * from './compile-scorecard.ts';
export * from './compile-values.ts';
export * from './evaluate-scorecard.ts';
export * from './explain-indicator.ts';
export * from './resolve-weights.ts';
export * from './scorecard-schema.ts';
export * from './values-schema.ts';
