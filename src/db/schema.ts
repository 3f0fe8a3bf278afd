/**
 * The database's tables as Kysely sees them. Each table's interface mirrors the migration that creates
 * it (src/db/migrations/); the domain tables come later. Value types follow ./value-parsers.ts: int8 is a
 * number (a bigint only beyond 2^53), numeric a number, date an ISO `YYYY-MM-DD` string, timestamptz a Date.
 */
import type { ColumnType } from 'kysely';
import type { ImportFormat, ImportKind } from '../core/contracts/import.ts';

/** A JSON value as `jsonb` returns it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A `jsonb` column: read as parsed JSON, written as JSON text (`JSON.stringify(value)`). Both drivers pass
 * a string through unchanged, whereas `pg` would turn a JavaScript array into a PostgreSQL array literal.
 */
export type JsonbColumn<Update = string | null> = ColumnType<
  JsonValue | null,
  string | null | undefined,
  Update
>;

/**
 * `audit_log` (migration 202611230430_audit_log.sql): the append-only trail of who changed what.
 * A trigger rejects UPDATE, DELETE and TRUNCATE, so the update type of every column is `never`.
 */
export interface AuditLogTable {
  /** bigserial: insertion order. */
  readonly id: ColumnType<number, never, never>;
  readonly occurred_at: ColumnType<Date, Date | undefined, never>;
  /** Who acted: a user id or a system process name. */
  readonly actor: ColumnType<string, string, never>;
  /** Where from: the client's IP address, when there is one. */
  readonly address: ColumnType<string | null, string | null | undefined, never>;
  /** What was done, e.g. `update`, `import`, `login`. */
  readonly action: ColumnType<string, string, never>;
  /** The kind of thing acted on, e.g. `data_value`, `indicator`. */
  readonly entity: ColumnType<string, string, never>;
  /** Which one: the entity's key as text. */
  readonly entity_key: ColumnType<string | null, string | null | undefined, never>;
  readonly old_value: JsonbColumn<never>;
  readonly new_value: JsonbColumn<never>;
  /** Why, in the actor's words (required by some changes, e.g. correcting a locked period). */
  readonly reason: ColumnType<string | null, string | null | undefined, never>;
  /** The org unit the change concerns, so lists can be filtered by a user's scope (202611230500_platform). */
  readonly org_unit_id: ColumnType<number | null, number | null | undefined, never>;
}

/** An identity column: generated on insert, never written. */
type Id = ColumnType<number, never, never>;
/** A column with a database default: optional on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
/** A timestamp with `default now()`. */
type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

/** `org_unit` (202611230500_platform): the tree; root_id, level and path are set by a trigger. */
export interface OrgUnitTable {
  readonly id: Id;
  parent_id: ColumnType<number | null, number | null, never>;
  readonly root_id: ColumnType<number, never, never>;
  readonly level: ColumnType<number, never, never>;
  readonly path: ColumnType<string, never, never>;
  code: string;
  name_en: string;
  name_zh: string | null;
  type: 'group' | 'hospital' | 'department' | 'unit';
  role: 'head' | 'branch' | null;
  sort_order: Defaulted<number>;
  readonly created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface OrgUnitGroupTable {
  readonly id: Id;
  code: string;
  name_en: string;
  name_zh: string | null;
  readonly created_at: CreatedAt;
}

export interface OrgUnitGroupMemberTable {
  group_id: number;
  org_unit_id: number;
}

export interface PeriodTable {
  id: string;
  type: 'month' | 'quarter' | 'year';
  start_date: string;
  end_date: string;
}

export interface DataElementTable {
  readonly id: Id;
  code: string;
  name_en: string;
  name_zh: string | null;
  value_type: Defaulted<'number' | 'integer' | 'percentage' | 'money'>;
  /** The English word of the unit (before migration 202612061000, the one text in either language). */
  unit: string | null;
  unit_zh: string | null;
  aggregation: Defaulted<'sum' | 'average'>;
  period_type: Defaulted<'month' | 'quarter' | 'year'>;
  time_aggregation: Defaulted<'sum' | 'average' | 'last' | 'max'>;
  missing_values: 'pairwise' | 'zero' | 'required' | null;
  min_value: number | null;
  max_value: number | null;
  description: string | null;
  /** The data-quality checks' thresholds (202612061400_data_quality). */
  outlier_threshold: number | null;
  outlier_bound: number | null;
  outlier_per: string | null;
  readonly created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ScorecardTable {
  readonly id: Id;
  code: string;
  name_en: string;
  name_zh: string | null;
  readonly created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ScorecardVersionTable {
  readonly id: Id;
  scorecard_id: number;
  version: number;
  /** The scorecard file without its `weights` block. */
  definition: JsonbColumn<never>;
  /** The first period it holds for; null: since the beginning (202612061200_dated_methods). */
  effective_from: ColumnType<string | null, string | null | undefined, never>;
  note: string | null;
  created_by: string;
  readonly created_at: CreatedAt;
}

export interface WeightVersionTable {
  readonly id: Id;
  scorecard_id: number;
  version: number;
  /** The `weights` block of the scorecard file. */
  weights: JsonbColumn<never>;
  /** The first period it holds for; null: since the beginning (202612061200_dated_methods). */
  effective_from: ColumnType<string | null, string | null | undefined, never>;
  source: 'manual' | 'ahp' | 'survey' | 'import';
  source_ref: string | null;
  note: string | null;
  created_by: string;
  readonly created_at: CreatedAt;
}

export interface ScorecardOrgUnitTable {
  scorecard_id: number;
  org_unit_id: number;
  include_descendants: Defaulted<boolean>;
}

/** `scorecard_org_unit_version` (202612061200_dated_methods): every assignment of a scorecard to org units. */
export interface ScorecardOrgUnitVersionTable {
  readonly id: Id;
  scorecard_id: number;
  version: number;
  effective_from: string | null;
  /** `[{ orgUnitId, includeDescendants }]`. */
  org_units: JsonbColumn<never>;
  created_by: string;
  readonly created_at: CreatedAt;
}

export interface TargetTable {
  readonly id: Id;
  /** The unit's organisation; 0 for a target every unit, a group or a level shares (202612062050). */
  root_id: number;
  scorecard_id: number;
  indicator_code: string;
  org_unit_id: number | null;
  org_unit_group_id: number | null;
  level: number | null;
  period_id: string;
  target: number | null;
  lower: number | null;
  upper: number | null;
  reference: number | null;
  source: string | null;
  set_by: string;
  set_at: UpdatedAt;
}

/**
 * `target_history` (202612061200_dated_methods): each state of a target row after an insert, update or delete,
 * written by a trigger on `target`; `asOf` reads the targets as they were.
 */
export interface TargetHistoryTable {
  readonly id: Id;
  /** Its target's `root_id`. */
  root_id: number;
  target_id: number;
  scorecard_id: number;
  indicator_code: string;
  org_unit_id: number | null;
  org_unit_group_id: number | null;
  level: number | null;
  period_id: string;
  target: number | null;
  lower: number | null;
  upper: number | null;
  reference: number | null;
  source: string | null;
  deleted: Defaulted<boolean>;
  recorded_by: string;
  recorded_at: Date;
}

export interface DataValueTable {
  root_id: number;
  org_unit_id: number;
  data_element_id: number;
  period_id: string;
  value: number;
  comment: string | null;
  import_batch_id: number | null;
  updated_by: string;
  updated_at: UpdatedAt;
  version: Defaulted<number>;
}

export interface ReportedValueTable {
  root_id: number;
  scorecard_id: number;
  indicator_code: string;
  org_unit_id: number;
  period_id: string;
  value: number;
  comment: string | null;
  import_batch_id: number | null;
  updated_by: string;
  updated_at: UpdatedAt;
  version: Defaulted<number>;
}

export interface AssessmentTable {
  root_id: number;
  scorecard_id: number;
  indicator_code: string;
  org_unit_id: number;
  period_id: string;
  rater: string;
  score: number;
  evidence: string | null;
  import_batch_id: number | null;
  updated_by: string;
  updated_at: UpdatedAt;
  version: Defaulted<number>;
}

export interface ImportBatchTable {
  readonly id: Id;
  /** One of the contracts' kinds; the database does not list them (migration 202612060900_import_kind_open). */
  kind: ImportKind;
  file_name: string;
  format: ImportFormat;
  encoding: string | null;
  checksum: string;
  status: 'committed' | 'undone';
  rows_read: number;
  created: number;
  updated: number;
  unchanged: number;
  created_by: string;
  readonly created_at: CreatedAt;
  undone_by: string | null;
  undone_at: Date | null;
}

export interface ImportChangeTable {
  batch_id: number;
  seq: number;
  table_name: string;
  key: JsonbColumn<never>;
  old_value: JsonbColumn<never>;
  new_value: JsonbColumn<never>;
}

export interface ChangeCounterTable {
  scope: string;
  revision: number;
}

/** `app_user` (202611240900_accounts): people who sign in; `password_hash` is an argon2id PHC string. */
export interface AppUserTable {
  readonly id: Id;
  email: string;
  name: string | null;
  /** 202612080800_directory_sign_in: null for a user who signs in through OIDC or LDAP only. */
  password_hash: string | null;
  disabled: Defaulted<boolean>;
  readonly created_at: CreatedAt;
  updated_at: UpdatedAt;
  last_login_at: Date | null;
  /** 202612070200_alerts_and_actions: the language of the user's e-mails and digests. */
  preferred_language: Defaulted<'zh-CN' | 'en'>;
  /** 202612080400_user_last_view: the scorecard and unit (codes) the user last looked at, restored at sign-in. */
  last_scorecard: string | null;
  last_org_unit: string | null;
}

/** `api_token` (202611240900_accounts): integration tokens, kept as their SHA-256. */
export interface ApiTokenTable {
  readonly id: Id;
  name: string;
  token_hash: string;
  created_by: string;
  readonly created_at: CreatedAt;
  expires_at: Date | null;
  revoked_at: Date | null;
  revoked_by: string | null;
  last_used_at: Date | null;
}

/** `role_assignment` (202611240900_accounts): a role over an org unit's subtree (null: everything). */
export interface RoleAssignmentTable {
  readonly id: Id;
  user_id: number | null;
  token_id: number | null;
  role: 'admin' | 'strategist' | 'steward' | 'entry' | 'approver' | 'viewer';
  org_unit_id: number | null;
  /** 202612080800_directory_sign_in: `directory` roles come from the group mapping at each sign-in. */
  source: Defaulted<'admin' | 'directory'>;
}

/** `user_identity` (202612080800_directory_sign_in): a user's subject at an identity provider or directory. */
export interface UserIdentityTable {
  readonly id: Id;
  user_id: number;
  provider: 'oidc' | 'ldap';
  subject: string;
  created_at: Date;
  last_seen_at: Date;
}

/** `oidc_login` (202612080800_directory_sign_in): an OpenID Connect sign-in under way, used once. */
export interface OidcLoginTable {
  state_hash: string;
  code_verifier: string;
  nonce: string;
  next: string;
  created_at: Date;
}

/** `sign_in_failure` (202612062000_sign_in_throttle): failed sign-ins per account and per address, in a window. */
export interface SignInFailureTable {
  kind: 'account' | 'address';
  key: string;
  failures: number;
  refused: ColumnType<number, number | undefined, number>;
  first_at: Date;
  last_at: Date;
  blocked_until: Date | null;
}

/** `user_session` (202611240900_accounts): signed-in sessions, keyed by the SHA-256 of the cookie's token. */
export interface UserSessionTable {
  token_hash: string;
  user_id: number;
  readonly created_at: CreatedAt;
  last_seen_at: Date;
  expires_at: Date;
  address: string | null;
  user_agent: string | null;
}

/** `data_approval` (202611240900_accounts): per scorecard × org unit × period. */
export interface DataApprovalTable {
  readonly id: Id;
  root_id: number;
  scorecard_id: number;
  org_unit_id: number;
  period_id: string;
  status: 'submitted' | 'approved' | 'reopened';
  submitted_by: string | null;
  submitted_at: Date | null;
  decided_by: string | null;
  decided_at: Date | null;
  reason: string | null;
  updated_at: UpdatedAt;
  version: Defaulted<number>;
}

/** `publication` (202612061201_publications): a scorecard × period × org-unit subtree, published. */
export interface PublicationTable {
  readonly id: Id;
  root_id: number;
  scorecard_id: number;
  org_unit_id: number;
  period_id: string;
  structure_version_id: number;
  weight_version_id: number;
  assignment_version_id: number | null;
  replaces_id: number | null;
  reason: string | null;
  /** The unapproved periods the publisher named: a JSON array of period ids. */
  unapproved_periods: JsonbColumn<never>;
  published_by: string;
  published_at: Date;
}

/** `publication_result` (202612061201_publications): one published unit's evaluation. */
export interface PublicationResultTable {
  root_id: number;
  publication_id: number;
  org_unit_id: number;
  /** The evaluation JSON (core/contracts/evaluation.ts). */
  evaluation: JsonbColumn<never>;
  total: number | null;
  rating_code: string | null;
  coverage: number;
}

/** `publication_input` (202612061201_publications): one published indicator's aggregated inputs. */
export interface PublicationInputTable {
  root_id: number;
  publication_id: number;
  org_unit_id: number;
  indicator_code: string;
  numerator: number | null;
  denominator: number | null;
  actual: number | null;
  actual_source: 'formula' | 'reported' | 'ratings' | 'none';
  target: number | null;
  reference: number | null;
  quantified: number | null;
  score: number | null;
  weight: number;
  global_weight: number;
  method_version: number;
  target_record_id: number | null;
}

/** The view `current_publication_result` (202612061201_publications): each unit's latest publication. */
export interface CurrentPublicationResultView {
  readonly publication_id: ColumnType<number, never, never>;
  readonly scorecard_id: ColumnType<number, never, never>;
  readonly period_id: ColumnType<string, never, never>;
  readonly root_id: ColumnType<number, never, never>;
  readonly org_unit_id: ColumnType<number, never, never>;
  readonly total: ColumnType<number | null, never, never>;
  readonly rating_code: ColumnType<string | null, never, never>;
  readonly coverage: ColumnType<number, never, never>;
  readonly published_by: ColumnType<string, never, never>;
  readonly published_at: ColumnType<Date, never, never>;
}

/** `incentive_allocation` (202612070500_incentive_allocations): a pool shared by published totals; append-only. */
export interface IncentiveAllocationTable {
  readonly id: Id;
  readonly root_id: ColumnType<number, number, never>;
  readonly scorecard_id: ColumnType<number, number, never>;
  readonly org_unit_id: ColumnType<number, number, never>;
  readonly period_id: ColumnType<string, string, never>;
  readonly publication_id: ColumnType<number, number, never>;
  readonly pool_minor: ColumnType<number, number, never>;
  readonly currency: ColumnType<string, string, never>;
  /** The rule (core/contracts/incentives.ts). */
  readonly rule: JsonbColumn<never>;
  /** Each unit's figures (core/contracts/incentives.ts). */
  readonly units: JsonbColumn<never>;
  readonly replaces_id: ColumnType<number | null, number | null, never>;
  readonly reason: ColumnType<string | null, string | null, never>;
  readonly created_by: ColumnType<string, string, never>;
  readonly created_at: ColumnType<Date, Date | undefined, never>;
}

/** `incentive_approval` (202612070500_incentive_allocations): a second person's approval; append-only. */
export interface IncentiveApprovalTable {
  readonly root_id: ColumnType<number, number, never>;
  readonly allocation_id: ColumnType<number, number, never>;
  readonly approved_by: ColumnType<string, string, never>;
  readonly approved_at: ColumnType<Date, Date | undefined, never>;
}

/** `study` (202612062200_studies): saved evaluation studies, each a study file kept whole. */
export interface StudyTable {
  readonly id: Id;
  code: string;
  name_en: string;
  name_zh: string | null;
  scorecard_code: string;
  definition: JsonbColumn<string>;
  readonly created_at: CreatedAt;
  updated_at: UpdatedAt;
  updated_by: string;
}

/** `survey` (202612062100_surveys): an AHP survey of a scorecard's hierarchy. */
export interface SurveyTable {
  readonly id: Id;
  scorecard_id: number;
  weight_version_id: number;
  title: string;
  description: string | null;
  scale: 'saaty' | 'five-point';
  ri_table: 'seed002' | 'saaty1980' | 'alonso-lamata';
  threshold: number;
  allow_partial: boolean;
  include_objectives: boolean;
  language: 'zh-CN' | 'en';
  status: ColumnType<'open' | 'closed' | 'applied', 'open' | 'closed' | 'applied' | undefined>;
  created_by: string;
  readonly created_at: CreatedAt;
  closed_at: Date | null;
  closed_by: string | null;
  /** 202612070101: when answers are due; null: no deadline. */
  deadline: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Days before the deadline when the reminder job reminds who has not submitted; null: no automatic reminder. */
  remind_days_before: ColumnType<number | null, number | null | undefined, number | null>;
  /** The web origin reminders' links start with (where the strategist set the schedule). */
  public_origin: ColumnType<string | null, string | null | undefined, string | null>;
}

/** `survey_node`: a comparison node as the hierarchy was at the survey's creation. */
export interface SurveyNodeTable {
  survey_id: number;
  key: string;
  position: number;
  parent_key: string | null;
  parent_element: string | null;
  level: 'perspectives' | 'objectives' | 'indicators';
  title: JsonbColumn<never>;
  elements: JsonbColumn<never>;
}

/** `survey_expert`: one expert of a survey's panel. */
export interface SurveyExpertTable {
  readonly id: Id;
  survey_id: number;
  position: number;
  name: string;
  email: string | null;
  weight: number;
  submitted_at: Date | null;
  readonly created_at: CreatedAt;
  /** 202612070101: the expert's language for reminders; null: the survey's. */
  language: ColumnType<'zh-CN' | 'en' | null, 'zh-CN' | 'en' | null | undefined, 'zh-CN' | 'en' | null>;
}

/** `survey_link`: an expert's personal link, by its token's SHA-256. */
export interface SurveyLinkTable {
  readonly id: Id;
  expert_id: number;
  token_hash: string;
  created_by: string;
  readonly created_at: CreatedAt;
  expires_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
  last_used_at: Date | null;
}

/** `survey_answer`: one judgment of one pair of one node by one expert. */
export interface SurveyAnswerTable {
  expert_id: number;
  node_key: string;
  i: number;
  j: number;
  value: number;
  source: 'link' | 'paper';
  answered_at: Date;
}

/** `survey_reminder` (202612070101): one expert reminded in one round (`deadline`, `manual-<n>`). */
export interface SurveyReminderTable {
  survey_id: number;
  round: string;
  expert_id: number;
  recipient: string;
  mail_id: number;
  sent_by: string;
  created_at: Date;
}

/** `report_subscription` (202612070400): a unit's evaluation report mailed monthly to a recipient. */
export interface ReportSubscriptionTable {
  readonly id: Id;
  scorecard_id: number;
  org_unit_id: number;
  recipient: string;
  language: 'zh-CN' | 'en';
  format: 'pdf' | 'xlsx';
  last_period: string | null;
  created_by: string;
  created_at: Date;
}

/** `library_entry` (202612080600): an indicator-library entry of the installation, its fields as JSON. */
export interface LibraryEntryTable {
  readonly id: Id;
  /** The fields of core/indicator-library `libraryEntryFields`. */
  entry: JsonbColumn<string>;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

/** `survey_application` (append-only): a survey's result applied as a weight version. */
export interface SurveyApplicationTable {
  readonly id: Id;
  survey_id: ColumnType<number, number, never>;
  weight_version_id: ColumnType<number, number, never>;
  aggregation: ColumnType<'aij' | 'aip', 'aij' | 'aip', never>;
  inconsistent: ColumnType<'include' | 'exclude', 'include' | 'exclude', never>;
  experts_counted: ColumnType<number, number, never>;
  experts_total: ColumnType<number, number, never>;
  result: JsonbColumn<never>;
  applied_by: ColumnType<string, string, never>;
  readonly applied_at: ColumnType<Date, Date | undefined, never>;
}

/** `weight_version_provenance` (append-only): the survey application a weight version came from. */
export interface WeightVersionProvenanceTable {
  weight_version_id: ColumnType<number, number, never>;
  application_id: ColumnType<number, number, never>;
  overridden: ColumnType<boolean, boolean, never>;
}

/** `pull_connection` (202612080200_database_pulls): a hospital database a pull reads; password encrypted. */
export interface PullConnectionTable {
  readonly id: Id;
  org_unit_id: number;
  root_id: number;
  code: string;
  kind: 'postgres' | 'mysql' | 'sqlserver' | 'oracle';
  host: string;
  port: number;
  database_name: string;
  user_name: string;
  password_encrypted: string;
  options: JsonbColumn<string>;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

/** `pull_definition` (202612080200_database_pulls): a query, its mapping profile and its schedule. */
export interface PullDefinitionTable {
  readonly id: Id;
  org_unit_id: number;
  root_id: number;
  code: string;
  connection_id: number;
  query: string;
  profile: JsonbColumn<string>;
  schedule: string | null;
  time_zone: string;
  period_type: 'month' | 'quarter' | 'year';
  period_offset: number;
  timeout_seconds: number;
  enabled: boolean;
  last_due_at: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

/** `pull_run` (202612080200_database_pulls): one run of a pull, scheduled or by hand, dry or not. */
export interface PullRunTable {
  readonly id: Id;
  pull_id: number;
  root_id: number;
  trigger: 'schedule' | 'user';
  dry_run: boolean;
  period: string;
  due_at: Date | null;
  status: 'running' | 'succeeded' | 'failed';
  phase: string | null;
  rows_read: number | null;
  values_imported: number | null;
  report: JsonbColumn<string | null>;
  problems: JsonbColumn<string>;
  started_by: string;
  started_at: Date;
  finished_at: Date | null;
}

type AlertKindColumn =
  | 'off-target'
  | 'adverse-trend'
  | 'forecast-miss'
  | 'data-late'
  | 'data-quality'
  | 'approval-waiting'
  | 'action-overdue'
  | 'pull-failed';
type SeverityColumn = 'info' | 'warning' | 'critical';

/** `entry_deadline` (202612070200_alerts_and_actions): data due on `due_day` of the month after the period. */
export interface EntryDeadlineTable {
  scorecard_id: number;
  period_type: 'month' | 'quarter' | 'year';
  due_day: number;
  updated_by: string;
  updated_at: UpdatedAt;
}

/** `alert_rule` (202612070200_alerts_and_actions). */
export interface AlertRuleTable {
  readonly id: Id;
  scorecard_id: number;
  kind: AlertKindColumn;
  severity: SeverityColumn;
  /** [unit id, …] */
  org_unit_ids: JsonbColumn<string>;
  /** [indicator id, …] */
  indicators: JsonbColumn<string>;
  include_watch: Defaulted<boolean>;
  enabled: Defaulted<boolean>;
  created_by: string;
  readonly created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** `alert` (202612070200_alerts_and_actions): one episode of a condition; `indicator` is '' for unit rules. */
export interface AlertTable {
  readonly id: Id;
  root_id: number;
  rule_id: number;
  scorecard_id: number;
  kind: AlertKindColumn;
  severity: SeverityColumn;
  indicator: string;
  org_unit_id: number;
  period_id: string;
  action_id: number | null;
  code: string;
  params: JsonbColumn<string>;
  opened_at: Date;
  closed_at: Date | null;
}

/** `alert_receipt` (202612070200_alerts_and_actions): an alert in a user's inbox. */
export interface AlertReceiptTable {
  root_id: number;
  alert_id: number;
  user_id: number;
  read_at: Date | null;
  emailed_at: Date | null;
  /** The e-mail waits for the recipient's daily digest (202612080000_alert_digest). */
  digest: Defaulted<boolean>;
  readonly created_at: CreatedAt;
}

/** `alert_digest` (202612080000_alert_digest): a user's daily digest of a day, sent once. */
export interface AlertDigestTable {
  user_id: number;
  /** `YYYY-MM-DD` in the installation's time zone. */
  day: string;
  alerts: number;
  sent_at: Date;
}

/** `alert_subscription` (202612070200_alerts_and_actions). */
export interface AlertSubscriptionTable {
  readonly id: Id;
  user_id: number;
  org_unit_id: number | null;
  kind: AlertKindColumn | null;
  email: Defaulted<boolean>;
  digest: Defaulted<'none' | 'daily'>;
  readonly created_at: CreatedAt;
}

/** `webhook` (202612070200_alerts_and_actions). */
export interface WebhookTable {
  readonly id: Id;
  name: string;
  kind: 'generic' | 'wecom' | 'dingtalk' | 'feishu';
  url: string;
  secret: string | null;
  scorecard_id: number | null;
  kinds: JsonbColumn<string>;
  min_severity: SeverityColumn;
  enabled: Defaulted<boolean>;
  created_by: string;
  readonly created_at: CreatedAt;
}

/** `webhook_delivery` (202612070200_alerts_and_actions): one alert sent to one webhook, retried with backoff. */
export interface WebhookDeliveryTable {
  readonly id: Id;
  webhook_id: number;
  root_id: number;
  alert_id: number;
  status: 'pending' | 'delivered' | 'failed';
  attempts: Defaulted<number>;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: Date | null;
  delivered_at: Date | null;
  readonly created_at: CreatedAt;
}

/** `action_plan` (202612070200_alerts_and_actions). */
export interface ActionPlanTable {
  readonly id: Id;
  root_id: number;
  title: string;
  description: string | null;
  scorecard_id: number;
  indicator: string;
  org_unit_id: number;
  period_id: string;
  owner_id: number;
  /** date: `YYYY-MM-DD`. */
  due_date: string;
  status: 'planned' | 'in-progress' | 'done' | 'dropped';
  progress: Defaulted<number>;
  origin: 'cell' | 'alert' | 'objective';
  alert_id: number | null;
  objective: string | null;
  value_at_opening: number | null;
  created_by: string;
  readonly created_at: CreatedAt;
  updated_at: UpdatedAt;
  closed_at: Date | null;
}

export interface ActionCollaboratorTable {
  root_id: number;
  action_id: number;
  user_id: number;
}

export interface ActionCommentTable {
  readonly id: Id;
  root_id: number;
  action_id: number;
  author_id: number | null;
  text: string;
  readonly created_at: CreatedAt;
}

/** `action_attachment`: the evidence's bytes in the database, so every server and every backup has them. */
export interface ActionAttachmentTable {
  readonly id: Id;
  root_id: number;
  comment_id: number;
  name: string;
  media_type: string;
  size: number;
  content: Uint8Array;
  readonly created_at: CreatedAt;
}

/** `mail_outbox` (202612070100_mail_outbox): e-mails queued with the change that causes them (src/server/mail). */
export interface MailOutboxTable {
  readonly id: Id;
  root_id: number | null;
  recipient: string;
  language: 'zh-CN' | 'en';
  subject: string;
  body_text: string;
  body_html: string | null;
  kind: string;
  status: ColumnType<
    'queued' | 'sent' | 'failed' | 'not-configured',
    'queued' | undefined,
    'queued' | 'sent' | 'failed' | 'not-configured'
  >;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  next_attempt_at: Date;
  readonly created_at: CreatedAt;
  sent_at: Date | null;
  message_id: string | null;
}

/** `mail_attachment`: a queued mail's attachments, in order (`content`: Buffer on PostgreSQL, Uint8Array on PGlite). */
export interface MailAttachmentTable {
  mail_id: number;
  position: number;
  filename: string;
  content_type: string;
  content: ColumnType<Uint8Array, Uint8Array, never>;
}

/** `org_unit_identifier` (202612080100): a unit's code in another system, unique per root. */
export interface OrgUnitIdentifierTable {
  root_id: number;
  org_unit_id: number;
  system: string;
  value: string;
  created_by: string;
  created_at: Date;
}

/** `import_profile` (202612080100): a saved mapping profile, named by its code. */
export interface ImportProfileTable {
  readonly id: Id;
  code: string;
  created_by: string;
  created_at: Date;
}

/** `import_profile_version` (202612080100): append-only versions of a saved profile (a trigger refuses changes). */
export interface ImportProfileVersionTable {
  profile_id: ColumnType<number, number, never>;
  version: ColumnType<number, number, never>;
  body: ColumnType<JsonValue, string, never>;
  reason: ColumnType<string | null, string | null, never>;
  created_by: ColumnType<string, string, never>;
  created_at: ColumnType<Date, Date, never>;
}

export interface Database {
  audit_log: AuditLogTable;
  org_unit: OrgUnitTable;
  org_unit_group: OrgUnitGroupTable;
  org_unit_group_member: OrgUnitGroupMemberTable;
  period: PeriodTable;
  data_element: DataElementTable;
  scorecard: ScorecardTable;
  scorecard_version: ScorecardVersionTable;
  weight_version: WeightVersionTable;
  scorecard_org_unit: ScorecardOrgUnitTable;
  scorecard_org_unit_version: ScorecardOrgUnitVersionTable;
  target: TargetTable;
  target_history: TargetHistoryTable;
  data_value: DataValueTable;
  reported_value: ReportedValueTable;
  assessment: AssessmentTable;
  import_batch: ImportBatchTable;
  import_change: ImportChangeTable;
  change_counter: ChangeCounterTable;
  app_user: AppUserTable;
  api_token: ApiTokenTable;
  role_assignment: RoleAssignmentTable;
  user_identity: UserIdentityTable;
  oidc_login: OidcLoginTable;
  user_session: UserSessionTable;
  sign_in_failure: SignInFailureTable;
  data_approval: DataApprovalTable;
  publication: PublicationTable;
  survey: SurveyTable;
  survey_node: SurveyNodeTable;
  survey_expert: SurveyExpertTable;
  survey_link: SurveyLinkTable;
  survey_answer: SurveyAnswerTable;
  survey_application: SurveyApplicationTable;
  survey_reminder: SurveyReminderTable;
  report_subscription: ReportSubscriptionTable;
  library_entry: LibraryEntryTable;
  weight_version_provenance: WeightVersionProvenanceTable;
  publication_result: PublicationResultTable;
  publication_input: PublicationInputTable;
  current_publication_result: CurrentPublicationResultView;
  study: StudyTable;
  entry_deadline: EntryDeadlineTable;
  alert_rule: AlertRuleTable;
  alert: AlertTable;
  alert_receipt: AlertReceiptTable;
  alert_digest: AlertDigestTable;
  alert_subscription: AlertSubscriptionTable;
  webhook: WebhookTable;
  webhook_delivery: WebhookDeliveryTable;
  action_plan: ActionPlanTable;
  action_collaborator: ActionCollaboratorTable;
  action_comment: ActionCommentTable;
  action_attachment: ActionAttachmentTable;
  mail_outbox: MailOutboxTable;
  mail_attachment: MailAttachmentTable;
  incentive_allocation: IncentiveAllocationTable;
  incentive_approval: IncentiveApprovalTable;
  org_unit_identifier: OrgUnitIdentifierTable;
  import_profile: ImportProfileTable;
  import_profile_version: ImportProfileVersionTable;
  pull_connection: PullConnectionTable;
  pull_definition: PullDefinitionTable;
  pull_run: PullRunTable;
}
