/**
 * The server's configuration (../shared/STYLE.md habit 12): read once from `HEALTHBSC_*` environment variables
 * and command-line flags (a flag wins over its variable), validated, typed and frozen. An invalid value stops
 * start-up with one error naming every bad key.
 *
 * | variable                 | flag             | default      |
 * |--------------------------|------------------|--------------|
 * | `HEALTHBSC_PORT`         | `--port`         | 3000         |
 * | `HEALTHBSC_HOST`         | `--host`         | 127.0.0.1    |
 * | `HEALTHBSC_DATABASE_URL` | `--database-url` | (PGlite)     |
 * | `HEALTHBSC_DATA_DIR`     | `--data-dir`     | ./data       |
 * | `HEALTHBSC_BODY_LIMIT`   | `--body-limit`   | 10485760     |
 * | `HEALTHBSC_LOG_LEVEL`    | `--log-level`    | info         |
 * | `HEALTHBSC_MODE`         | `--mode` (`--production` in serve) | demo |
 * | `HEALTHBSC_TRUST_PROXY`  | `--trust-proxy`  | false        |
 * | `HEALTHBSC_TIMEZONE`     | `--timezone`     | the machine's time zone |
 * | `HEALTHBSC_JOBS`         | `--jobs`         | on           |
 * | `HEALTHBSC_ALERT_DIGEST_HOUR` | `--alert-digest-hour` (0–23, in `HEALTHBSC_TIMEZONE`) | 7 |
 * | `HEALTHBSC_ALERT_TRIGGER` | `--alert-trigger` (alerts evaluated after data changes) | on |
 * | `HEALTHBSC_MAX_HEAVY_REQUESTS` | `--max-heavy-requests` | 8 |
 * | `HEALTHBSC_REQUEST_TIMEOUT`    | `--request-timeout` (seconds, 0 = none) | 60 |
 * | `HEALTHBSC_STATEMENT_TIMEOUT`  | `--statement-timeout` (seconds, 0 = none; PostgreSQL only) | 30 |
 * | `HEALTHBSC_SMTP_HOST`     | `--smtp-host`     | (none: e-mail off) |
 * | `HEALTHBSC_SMTP_PORT`     | `--smtp-port`     | 587 (`tls`: 465, `none`: 25) |
 * | `HEALTHBSC_SMTP_SECURITY` | `--smtp-security` | starttls (`tls`, `none`) |
 * | `HEALTHBSC_SMTP_USER`     | `--smtp-user`     | (none: no authentication) |
 * | `HEALTHBSC_SMTP_PASSWORD` | (environment only, never a flag: flags show in `ps`) | |
 * | `HEALTHBSC_MAIL_FROM`     | `--mail-from`     | (required with a host) |
 * | `HEALTHBSC_PULL_KEY`      | (environment only) | (none: database pulls cannot store passwords) |
 * | `HEALTHBSC_CUBE_SNAPSHOT_DIR` | (environment only) | PGlite: `cube-snapshots` in the data directory; PostgreSQL: none (off) |
 *
 * `HEALTHBSC_MODE=production` serves no data until an administrator exists and loads no demo; `demo` (the
 * default of `npm start`) loads the demo with its documented users. `HEALTHBSC_TRUST_PROXY` says which reverse
 * proxy's `X-Forwarded-For` to believe, so the audit records the client's address: `true` (any), a number of
 * hops, or a comma-separated list of addresses, CIDR ranges or `loopback`, `linklocal`, `uniquelocal`.
 * `HEALTHBSC_TIMEZONE` (an IANA zone, `Asia/Shanghai`) is the zone scheduled jobs' times are read in;
 * `HEALTHBSC_JOBS=off` starts a server that runs no background jobs (a second instance beside one that does);
 * a database pull run by hand on the pulls page still runs, in that server's process.
 * Rankings, series and imports are heavy: past `HEALTHBSC_MAX_HEAVY_REQUESTS` at once the server answers 503
 * with `Retry-After`. PGlite ignores the statement timeout (it cannot cancel a running query); there the cap on
 * heavy requests is the guard. E-mail (survey reminders, alerts, reports: src/server/mail) is sent through
 * `HEALTHBSC_SMTP_HOST`; without one it is off, and queued mails are noted `not-configured` instead of sent.
 * Sign-in through OIDC or LDAP is configured by `HEALTHBSC_PUBLIC_URL`, `HEALTHBSC_OIDC_*`, `HEALTHBSC_LDAP_*` and
 * `HEALTHBSC_SSO_GROUP_MAP` (environment only; ./sso/sso-settings.ts lists them).
 */
import { z } from 'zod';
import { type MessageParams, type ProblemCode, wordProblem } from '../core/errors/messages/index.ts';
import { codeOf } from '../core/errors/zod-issues.ts';
import type { DbConfig } from '../db/connect.ts';
import { DEFAULT_SMTP_PORT, FROM_ADDRESS, type MailSettings, SMTP_SECURITY } from './mail/mail-settings.ts';
import { pullKeyFrom } from './pulls/credentials.ts';
import { readSsoSettings, type SsoSettings } from './sso/sso-settings.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** 10 MiB: a batch of 10,000 values is about 1.5 MB of JSON; files go through the import routes. */
export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;

export const SERVER_MODES = ['demo', 'production'] as const;
export type ServerModeSetting = (typeof SERVER_MODES)[number];

/** Which reverse proxies to trust: none (false), any (true), the first n hops, or these addresses and ranges. */
export type TrustProxySetting = boolean | number | readonly string[];

/** Whether this server runs the background jobs (src/server/jobs). */
export const JOBS_SETTINGS = ['on', 'off'] as const;
export type JobsSetting = (typeof JOBS_SETTINGS)[number];

/** The time zone this machine's clock is set to, as an IANA name. */
export function machineTimeZone(): string {
  return new Intl.DateTimeFormat('en').resolvedOptions().timeZone;
}

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** PostgreSQL when `HEALTHBSC_DATABASE_URL` is set; otherwise PGlite in `HEALTHBSC_DATA_DIR`. */
  readonly database: DbConfig;
  /** The largest request body accepted, in bytes. */
  readonly bodyLimit: number;
  readonly logLevel: LogLevel;
  readonly mode: ServerModeSetting;
  readonly trustProxy: TrustProxySetting;
  /** The IANA time zone scheduled jobs' cron expressions are read in. */
  readonly timezone: string;
  /**
   * `off`: this server runs no background jobs (they are still listed, and "run now" queues them); a pull run by
   * hand runs in this process instead of as the `pull-run` job.
   */
  readonly jobs: JobsSetting;
  /** The hour (0–23, in `timezone`) the daily alert digest goes out. */
  readonly alertDigestHour: number;
  /** `off`: data changes do not evaluate the alert rules in this process (the 15-minute job still does). */
  readonly alertTrigger: JobsSetting;
  /** Heavy requests (rankings, series, imports) served at once; more answer 503 with `Retry-After`. */
  readonly maxHeavyRequests: number;
  /** Seconds before an unanswered request is answered 503 (imports excepted); 0: none. */
  readonly requestTimeoutSeconds: number;
  /** The SMTP server e-mail goes through; null: e-mail is off (./mail/README.md). */
  readonly mail: MailSettings | null;
  /** The AES-256 key database pulls encrypt their passwords with (./pulls/credentials.ts); null: none set. */
  readonly pullKey: Buffer | null;
  /** Sign-in through OIDC and LDAP besides local accounts (./sso). */
  readonly sso: SsoSettings;
  /**
   * Where this server keeps its value-cube snapshots (./evaluation/cube-snapshot.ts), from
   * `HEALTHBSC_CUBE_SNAPSHOT_DIR`; absent: in the PGlite data directory, none on PostgreSQL.
   */
  readonly cubeSnapshotDir?: string;
}

/** The flags, named as `node:util` `parseArgs` returns them (`--database-url` → `'database-url'`). */
export interface ConfigFlags {
  readonly port?: string;
  readonly host?: string;
  readonly 'database-url'?: string;
  readonly 'data-dir'?: string;
  readonly 'body-limit'?: string;
  readonly 'log-level'?: string;
  readonly mode?: string;
  readonly 'trust-proxy'?: string;
  readonly timezone?: string;
  readonly jobs?: string;
  readonly 'alert-digest-hour'?: string;
  readonly 'alert-trigger'?: string;
  readonly 'max-heavy-requests'?: string;
  readonly 'request-timeout'?: string;
  readonly 'statement-timeout'?: string;
  readonly 'smtp-host'?: string;
  readonly 'smtp-port'?: string;
  readonly 'smtp-security'?: string;
  readonly 'smtp-user'?: string;
  readonly 'mail-from'?: string;
}

/** The `options` of `node:util` `parseArgs` for the flags above, for the CLI's `serve` command. */
export const CONFIG_FLAG_OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'database-url': { type: 'string' },
  'data-dir': { type: 'string' },
  'body-limit': { type: 'string' },
  'log-level': { type: 'string' },
  mode: { type: 'string' },
  'trust-proxy': { type: 'string' },
  timezone: { type: 'string' },
  jobs: { type: 'string' },
  'alert-digest-hour': { type: 'string' },
  'alert-trigger': { type: 'string' },
  'max-heavy-requests': { type: 'string' },
  'request-timeout': { type: 'string' },
  'statement-timeout': { type: 'string' },
  'smtp-host': { type: 'string' },
  'smtp-port': { type: 'string' },
  'smtp-security': { type: 'string' },
  'smtp-user': { type: 'string' },
  'mail-from': { type: 'string' },
} as const satisfies Record<keyof ConfigFlags, { type: 'string' }>;

const SETTINGS = {
  port: { variable: 'HEALTHBSC_PORT', flag: 'port' },
  host: { variable: 'HEALTHBSC_HOST', flag: 'host' },
  databaseUrl: { variable: 'HEALTHBSC_DATABASE_URL', flag: 'database-url' },
  dataDir: { variable: 'HEALTHBSC_DATA_DIR', flag: 'data-dir' },
  bodyLimit: { variable: 'HEALTHBSC_BODY_LIMIT', flag: 'body-limit' },
  logLevel: { variable: 'HEALTHBSC_LOG_LEVEL', flag: 'log-level' },
  mode: { variable: 'HEALTHBSC_MODE', flag: 'mode' },
  trustProxy: { variable: 'HEALTHBSC_TRUST_PROXY', flag: 'trust-proxy' },
  timezone: { variable: 'HEALTHBSC_TIMEZONE', flag: 'timezone' },
  jobs: { variable: 'HEALTHBSC_JOBS', flag: 'jobs' },
  alertDigestHour: { variable: 'HEALTHBSC_ALERT_DIGEST_HOUR', flag: 'alert-digest-hour' },
  alertTrigger: { variable: 'HEALTHBSC_ALERT_TRIGGER', flag: 'alert-trigger' },
  maxHeavyRequests: { variable: 'HEALTHBSC_MAX_HEAVY_REQUESTS', flag: 'max-heavy-requests' },
  requestTimeout: { variable: 'HEALTHBSC_REQUEST_TIMEOUT', flag: 'request-timeout' },
  statementTimeout: { variable: 'HEALTHBSC_STATEMENT_TIMEOUT', flag: 'statement-timeout' },
  smtpHost: { variable: 'HEALTHBSC_SMTP_HOST', flag: 'smtp-host' },
  smtpPort: { variable: 'HEALTHBSC_SMTP_PORT', flag: 'smtp-port' },
  smtpSecurity: { variable: 'HEALTHBSC_SMTP_SECURITY', flag: 'smtp-security' },
  smtpUser: { variable: 'HEALTHBSC_SMTP_USER', flag: 'smtp-user' },
  mailFrom: { variable: 'HEALTHBSC_MAIL_FROM', flag: 'mail-from' },
} as const satisfies Record<string, { variable: string; flag: keyof ConfigFlags }>;

type Setting = keyof typeof SETTINGS;
const SETTING_NAMES: readonly Setting[] = [
  'port',
  'host',
  'databaseUrl',
  'dataDir',
  'bodyLimit',
  'logLevel',
  'mode',
  'trustProxy',
  'timezone',
  'jobs',
  'alertDigestHour',
  'alertTrigger',
  'maxHeavyRequests',
  'requestTimeout',
  'statementTimeout',
  'smtpHost',
  'smtpPort',
  'smtpSecurity',
  'smtpUser',
  'mailFrom',
];

/** `true`/`false`, a hop count, or a list of addresses and CIDR ranges (proxy-addr's forms, which Fastify uses). */
const trustProxySchema = z
  .string()
  .trim()
  .transform((text, issue): TrustProxySetting => {
    if (text === 'true' || text === 'false') return text === 'true';
    if (/^\d+$/.test(text)) return Number(text);
    const parts = text.split(',').map((part) => part.trim());
    if (parts.some((part) => !/^[0-9A-Za-z.:/_-]+$/.test(part))) {
      issue.addIssue({ code: 'custom', message: 'config.trust-proxy' });
      return false;
    }
    return Object.freeze(parts);
  });

/** An IANA time zone, as `Intl` names it canonically (`asia/shanghai` → `Asia/Shanghai`). */
const timeZoneSchema = z
  .string()
  .trim()
  .transform((text, issue) => {
    try {
      return new Intl.DateTimeFormat('en', { timeZone: text }).resolvedOptions().timeZone;
    } catch {
      issue.addIssue({ code: 'custom', message: 'config.time-zone' });
      return text;
    }
  });

const wholeNumber = z.string().trim().regex(/^\d+$/, 'config.whole-number').transform(Number);

const rawSchema = z.object({
  port: wholeNumber
    .pipe(z.number().int().min(1, 'config.port-range').max(65_535, 'config.port-range'))
    .default(3000),
  host: z.string().trim().min(1, 'config.not-empty').default('127.0.0.1'),
  databaseUrl: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'config.postgres-url')
    .optional(),
  dataDir: z.string().trim().min(1, 'config.not-empty').default('./data'),
  bodyLimit: wholeNumber
    .pipe(z.number().int().min(1024, 'config.body-limit-minimum'))
    .default(DEFAULT_BODY_LIMIT),
  logLevel: z.enum(LOG_LEVELS, { error: 'config.log-level' }).default('info'),
  mode: z.enum(SERVER_MODES, { error: 'config.mode' }).default('demo'),
  trustProxy: trustProxySchema.default(false),
  timezone: timeZoneSchema.optional(),
  jobs: z.enum(JOBS_SETTINGS, { error: 'config.jobs' }).default('on'),
  alertDigestHour: wholeNumber.pipe(z.number().int().max(23, 'config.hour')).default(7),
  alertTrigger: z.enum(JOBS_SETTINGS, { error: 'config.jobs' }).default('on'),
  maxHeavyRequests: wholeNumber.pipe(z.number().int().min(1, 'config.whole-number')).default(8),
  requestTimeout: wholeNumber.default(60),
  statementTimeout: wholeNumber.default(30),
  smtpHost: z.string().trim().min(1, 'config.not-empty').optional(),
  smtpPort: wholeNumber
    .pipe(z.number().int().min(1, 'config.port-range').max(65_535, 'config.port-range'))
    .optional(),
  smtpSecurity: z.enum(SMTP_SECURITY, { error: 'mail.security' }).default('starttls'),
  smtpUser: z.string().trim().min(1, 'config.not-empty').optional(),
  mailFrom: z.string().trim().regex(FROM_ADDRESS, 'mail.from-address').optional(),
});

/** One bad setting: the variable or flag that gave it (`key`), and why (a problem code, its words in English). */
export interface ConfigIssue {
  readonly key: string;
  readonly code: ProblemCode;
  readonly params: MessageParams;
  readonly message: string;
}

/** A configuration that cannot be used; `issues` name each bad variable or flag and why. */
export class ConfigError extends Error {
  readonly issues: readonly ConfigIssue[];
  constructor(issues: readonly ConfigIssue[]) {
    super(`Invalid configuration: ${issues.map((issue) => `${issue.key} ${issue.message}`).join('; ')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/**
 * Reads the configuration from `env` (usually `process.env`) and `flags` (parsed command-line flags; a flag
 * wins over its variable). Throws a ConfigError naming every bad key, each as the flag or variable that gave it.
 *
 * @example loadConfig({ HEALTHBSC_PORT: '8080' }).port // 8080
 * @example loadConfig({}, { 'database-url': 'postgres://u@db/hbsc' }).database // { engine: 'postgres', url: … }
 * @example loadConfig({ HEALTHBSC_PORT: 'x', HEALTHBSC_LOG_LEVEL: 'loud' }) // throws, naming both keys
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>>,
  flags: ConfigFlags = {},
): ServerConfig {
  const raw: Partial<Record<Setting, string>> = {};
  const source: Partial<Record<Setting, string>> = {};
  for (const setting of SETTING_NAMES) {
    const { variable, flag } = SETTINGS[setting];
    const fromFlag = flags[flag];
    const fromEnv = env[variable];
    if (fromFlag !== undefined) {
      raw[setting] = fromFlag;
      source[setting] = `--${flag}`;
    } else if (fromEnv !== undefined && fromEnv !== '') {
      raw[setting] = fromEnv;
      source[setting] = variable;
    }
  }
  const parsed = rawSchema
    .superRefine((value, issue) => {
      if (value.smtpHost !== undefined && value.mailFrom === undefined) {
        issue.addIssue({ code: 'custom', path: ['mailFrom'], message: 'mail.from-required' });
      }
    })
    .safeParse(raw);
  const sso = readSsoSettings(env);
  const ssoIssues: ConfigIssue[] = sso.issues.map((issue) => ({
    ...issue,
    message: wordProblem(issue.code, issue.params),
  }));
  if (!parsed.success) {
    throw new ConfigError([
      ...parsed.error.issues.map((issue) => {
        const setting = SETTING_NAMES.find((name) => name === issue.path[0]);
        const key =
          setting === undefined ? String(issue.path[0]) : (source[setting] ?? SETTINGS[setting].variable);
        const [code, params] = codeOf(issue);
        return { key, code, params, message: wordProblem(code, params) };
      }),
      ...ssoIssues,
    ]);
  }
  if (ssoIssues.length > 0) throw new ConfigError(ssoIssues);
  const { port, host, databaseUrl, dataDir, bodyLimit, logLevel, mode, trustProxy, jobs } = parsed.data;
  const { maxHeavyRequests, requestTimeout, statementTimeout, alertDigestHour, alertTrigger } = parsed.data;
  const timezone = parsed.data.timezone ?? machineTimeZone();
  const database: DbConfig =
    databaseUrl === undefined
      ? Object.freeze({ engine: 'pglite', dataDir })
      : Object.freeze({
          engine: 'postgres',
          url: databaseUrl,
          ...(statementTimeout > 0 ? { statementTimeoutMs: statementTimeout * 1000 } : {}),
        });
  const { smtpHost, smtpPort, smtpSecurity, smtpUser, mailFrom } = parsed.data;
  const password = env.HEALTHBSC_SMTP_PASSWORD;
  const pullKey = readPullKey(env.HEALTHBSC_PULL_KEY);
  const cubeSnapshotDir = env.HEALTHBSC_CUBE_SNAPSHOT_DIR?.trim() ?? '';
  const mail: MailSettings | null =
    smtpHost === undefined || mailFrom === undefined
      ? null
      : Object.freeze({
          host: smtpHost,
          port: smtpPort ?? DEFAULT_SMTP_PORT[smtpSecurity],
          security: smtpSecurity,
          from: mailFrom,
          ...(smtpUser === undefined ? {} : { user: smtpUser }),
          ...(password === undefined || password === '' ? {} : { password }),
        });
  return Object.freeze({
    port,
    host,
    database,
    bodyLimit,
    logLevel,
    mode,
    trustProxy,
    timezone,
    jobs,
    alertDigestHour,
    alertTrigger,
    maxHeavyRequests,
    requestTimeoutSeconds: requestTimeout,
    mail,
    pullKey,
    sso: sso.settings,
    ...(cubeSnapshotDir === '' ? {} : { cubeSnapshotDir }),
  });
}

/** `HEALTHBSC_PULL_KEY`: 32 bytes in base64, or absent. */
function readPullKey(text: string | undefined): Buffer | null {
  if (text === undefined || text === '') return null;
  try {
    return pullKeyFrom(text);
  } catch {
    const message = wordProblem('pull.bad-key', {});
    throw new ConfigError([{ key: 'HEALTHBSC_PULL_KEY', code: 'pull.bad-key', params: {}, message }]);
  }
}
