/**
 * How each table would be placed on a Citus cluster (docs/deployment.md "Citus"), declared once:
 * ./distribution.test.ts checks that every table of the schema is classified here and that each distributed
 * table's primary and unique keys hold its distribution column; server/cluster/partitioned-schema.test.ts
 * partitions the distributed tables `by hash` on PostgreSQL 15, which refuses a key without the partition
 * column as Citus does.
 *
 * - **Distributed by `root_id`**, colocated: the tables that grow with the organisations' data. Every query of
 *   one organisation (an evaluation, an import, a publication) stays on one node, and their joins on
 *   `root_id` stay local.
 * - **Reference**: small tables every query joins (the tree, periods, data elements, scorecards and their
 *   versions, users and their roles), copied to every node.
 * - **Coordinator**: tables written on almost every request or only read alone (change counters, sessions,
 *   failed sign-ins, the audit trail, import batches and their changes); they stay on the coordinator node, where a reference
 *   table's two-phase write would cost more than it saves.
 */

/** The distribution column of the large tables. */
export const DISTRIBUTION_COLUMN = 'root_id';

/** Distributed by `root_id`, in foreign-key order (a table after the ones it references). */
export const DISTRIBUTED_TABLES = [
  'data_value',
  'reported_value',
  'assessment',
  'target',
  'target_history',
  'data_approval',
  'publication',
  'publication_result',
  'publication_input',
  'incentive_allocation',
  'incentive_approval',
  // Alerts and action plans: they grow with the organisation's data; their keys and their foreign keys to each
  // other start with root_id.
  'alert',
  'alert_receipt',
  'action_plan',
  'action_collaborator',
  'action_comment',
  'action_attachment',
] as const;

/** Replicated to every node, in foreign-key order. */
export const REFERENCE_TABLES = [
  'org_unit',
  'org_unit_group',
  'org_unit_group_member',
  'period',
  'data_element',
  'scorecard',
  'scorecard_version',
  'weight_version',
  'scorecard_org_unit',
  'scorecard_org_unit_version',
  'app_user',
  'api_token',
  'role_assignment',
  // The installation's own indicator-library entries: a few hundred rows at most, read by every designer.
  'library_entry',
  'user_identity',
  // Surveys and studies: a few rows per scorecard (experts × pairs at most), read with the scorecard.
  'survey',
  'survey_node',
  'survey_expert',
  'survey_link',
  'survey_answer',
  'survey_application',
  'survey_reminder',
  // Report subscriptions: a few rows per unit, read by the monthly report job.
  'report_subscription',
  'weight_version_provenance',
  'study',
  // Alert configuration: a few rows per scorecard or user, read with every evaluation of the rules.
  'entry_deadline',
  'alert_rule',
  'alert_subscription',
  'webhook',
  // External identifiers of units (read with the tree) and saved mapping profiles: a few rows per unit or source.
  'org_unit_identifier',
  'import_profile',
  'import_profile_version',
  // Database pulls: a few connections and queries per organisation, read by the pull job every minute.
  'pull_connection',
  'pull_definition',
] as const;

/** Kept on the coordinator (with the job queue's schema, `pgboss`, and the migrations' own tables). */
export const COORDINATOR_TABLES = [
  'change_counter',
  'user_session',
  // An OIDC sign-in under way: written and deleted within minutes, never read with organisation data.
  'oidc_login',
  'sign_in_failure',
  'audit_log',
  'import_batch',
  'import_change',
  // A delivery queue: written on every attempt, read only by the delivery job.
  'webhook_delivery',
  // The e-mail queue: written by the mail job at every send and only read alone (the outbox panel); installation
  // mails (a test mail) have no organisation, so `root_id` may be null.
  'mail_outbox',
  'mail_attachment',
  // One row per user and day the alert digest went out: written and read only by the digest job.
  'alert_digest',
  // Pull runs: written at every run and only read alone (a pull's history).
  'pull_run',
] as const;

export type DistributedTable = (typeof DISTRIBUTED_TABLES)[number];

/**
 * The statements that distribute the schema on a Citus cluster, after `healthbsc migrate` (docs/deployment.md).
 *
 * @example citusDistributionSql()[0] // "select create_reference_table('org_unit');"
 */
export function citusDistributionSql(): string[] {
  const [first, ...rest] = DISTRIBUTED_TABLES;
  return [
    ...REFERENCE_TABLES.map((table) => `select create_reference_table('${table}');`),
    `select create_distributed_table('${first}', '${DISTRIBUTION_COLUMN}');`,
    ...rest.map(
      (table) =>
        `select create_distributed_table('${table}', '${DISTRIBUTION_COLUMN}', colocate_with => '${first}');`,
    ),
  ];
}
