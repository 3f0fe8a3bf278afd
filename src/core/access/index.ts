/**
 * Access control, pure (../shared/STYLE.md habit 4): who a principal is, what it may do over which org units,
 * the password policy, and the data-approval workflow with what an approval locks.
 */
export * from './approval-lock.ts';
export * from './approval-workflow.ts';
export * from './directory-mapping.ts';
export * from './password-policy.ts';
export * from './policy.ts';
export * from './principal.ts';
export * from './scope.ts';
