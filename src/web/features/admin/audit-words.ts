/** The audit trail's entity kinds and actions, worded (translation keys written out so check:i18n sees them). */

export const AUDIT_ENTITY_KEYS = {
  org_unit: 'admin.audit.entities.orgUnit',
  org_unit_group: 'admin.audit.entities.orgUnitGroup',
  data_element: 'admin.audit.entities.dataElement',
  data_value: 'admin.audit.entities.dataValue',
  reported_value: 'admin.audit.entities.reportedValue',
  data_approval: 'admin.audit.entities.dataApproval',
  assessment: 'admin.audit.entities.assessment',
  import_batch: 'admin.audit.entities.importBatch',
  scorecard: 'admin.audit.entities.scorecard',
  scorecard_version: 'admin.audit.entities.scorecardVersion',
  scorecard_org_unit: 'admin.audit.entities.scorecardOrgUnit',
  target: 'admin.audit.entities.target',
  weight_version: 'admin.audit.entities.weightVersion',
  app_user: 'admin.audit.entities.appUser',
  api_token: 'admin.audit.entities.apiToken',
  session: 'admin.audit.entities.session',
} as const;

export type AuditEntity = keyof typeof AUDIT_ENTITY_KEYS;

/** The entity kinds the filter offers, in this order. */
export const AUDIT_ENTITIES = Object.keys(AUDIT_ENTITY_KEYS) as AuditEntity[];

const ACTION_KEYS = {
  create: 'admin.audit.actions.create',
  update: 'admin.audit.actions.update',
  delete: 'admin.audit.actions.delete',
  import: 'admin.audit.actions.import',
  'undo-import': 'admin.audit.actions.undoImport',
  login: 'admin.audit.actions.login',
  'login-failed': 'admin.audit.actions.loginFailed',
  logout: 'admin.audit.actions.logout',
  'password-change': 'admin.audit.actions.passwordChange',
  submit: 'admin.audit.actions.submit',
  approve: 'admin.audit.actions.approve',
  reopen: 'admin.audit.actions.reopen',
  revoke: 'admin.audit.actions.revoke',
  publish: 'admin.audit.actions.publish',
  forbidden: 'admin.audit.actions.forbidden',
} as const;

type Key = (typeof AUDIT_ENTITY_KEYS)[AuditEntity] | (typeof ACTION_KEYS)[keyof typeof ACTION_KEYS];

/**
 * The translation key of an entity kind or an action as the server records it; null for one this client does not
 * know (a newer server), shown as recorded.
 *
 * @example auditWordKey('entity', 'weight_version') // 'admin.audit.entities.weightVersion'
 * @example auditWordKey('action', 'undo-import') // 'admin.audit.actions.undoImport'
 */
export function auditWordKey(kind: 'entity' | 'action', value: string): Key | null {
  const keys: Readonly<Record<string, Key>> = kind === 'entity' ? AUDIT_ENTITY_KEYS : ACTION_KEYS;
  return Object.hasOwn(keys, value) ? (keys[value] ?? null) : null;
}
