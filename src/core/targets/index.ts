export * from './resolve-target.ts';
