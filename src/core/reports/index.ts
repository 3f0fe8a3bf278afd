export * from './group-report.ts';
export * from './report-model.ts';
export * from './report-words.ts';
export * from './weight-sets.ts';
