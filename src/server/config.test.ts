import { describe, expect, it, test } from 'vitest';
import { ConfigError, DEFAULT_BODY_LIMIT, loadConfig, machineTimeZone } from './config.ts';
import { NO_SSO } from './sso/sso-settings.ts';

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      database: { engine: 'pglite', dataDir: './data' },
      bodyLimit: DEFAULT_BODY_LIMIT,
      logLevel: 'info',
      mode: 'demo',
      trustProxy: false,
      timezone: machineTimeZone(),
      jobs: 'on',
      alertDigestHour: 7,
      alertTrigger: 'on',
      maxHeavyRequests: 8,
      requestTimeoutSeconds: 60,
      mail: null,
      pullKey: null,
      sso: NO_SSO,
    });
  });

  it('reads every HEALTHBSC_* variable', () => {
    expect(
      loadConfig({
        HEALTHBSC_PORT: '8080',
        HEALTHBSC_HOST: '0.0.0.0',
        HEALTHBSC_DATABASE_URL: 'postgres://hbsc:secret@db.example:5432/healthbsc',
        HEALTHBSC_DATA_DIR: '/var/lib/healthbsc',
        HEALTHBSC_BODY_LIMIT: '2048',
        HEALTHBSC_LOG_LEVEL: 'debug',
        HEALTHBSC_MODE: 'production',
        HEALTHBSC_TRUST_PROXY: '10.0.0.1, 192.168.0.0/16',
        HEALTHBSC_TIMEZONE: 'Asia/Shanghai',
        HEALTHBSC_JOBS: 'off',
        HEALTHBSC_ALERT_DIGEST_HOUR: '18',
        HEALTHBSC_ALERT_TRIGGER: 'off',
        HEALTHBSC_MAX_HEAVY_REQUESTS: '4',
        HEALTHBSC_REQUEST_TIMEOUT: '30',
        HEALTHBSC_STATEMENT_TIMEOUT: '15',
        HEALTHBSC_SMTP_HOST: 'smtp.hospital.example',
        HEALTHBSC_SMTP_PORT: '2525',
        HEALTHBSC_SMTP_SECURITY: 'tls',
        HEALTHBSC_SMTP_USER: 'bsc',
        HEALTHBSC_SMTP_PASSWORD: 'secret',
        HEALTHBSC_MAIL_FROM: 'HealthBSC <bsc@hospital.example>',
      }),
    ).toEqual({
      port: 8080,
      host: '0.0.0.0',
      database: {
        engine: 'postgres',
        url: 'postgres://hbsc:secret@db.example:5432/healthbsc',
        statementTimeoutMs: 15_000,
      },
      bodyLimit: 2048,
      logLevel: 'debug',
      mode: 'production',
      trustProxy: ['10.0.0.1', '192.168.0.0/16'],
      timezone: 'Asia/Shanghai',
      jobs: 'off',
      alertDigestHour: 18,
      alertTrigger: 'off',
      maxHeavyRequests: 4,
      requestTimeoutSeconds: 30,
      mail: {
        host: 'smtp.hospital.example',
        port: 2525,
        security: 'tls',
        user: 'bsc',
        password: 'secret',
        from: 'HealthBSC <bsc@hospital.example>',
      },
      pullKey: null,
      sso: NO_SSO,
    });
  });

  it('reads HEALTHBSC_PULL_KEY as 32 bytes', () => {
    const key = Buffer.alloc(32, 7);
    expect(loadConfig({ HEALTHBSC_PULL_KEY: key.toString('base64') }).pullKey).toEqual(key);
  });

  it('refuses a HEALTHBSC_PULL_KEY that is not 32 bytes, naming it', () => {
    expect(() => loadConfig({ HEALTHBSC_PULL_KEY: 'c2hvcnQ=' })).toThrow(/HEALTHBSC_PULL_KEY/);
  });

  it('sends mail through port 587 with STARTTLS when only the host and sender are set', () => {
    expect(
      loadConfig({
        HEALTHBSC_SMTP_HOST: 'smtp.hospital.example',
        HEALTHBSC_MAIL_FROM: 'bsc@hospital.example',
      }).mail,
    ).toEqual({
      host: 'smtp.hospital.example',
      port: 587,
      security: 'starttls',
      from: 'bsc@hospital.example',
    });
  });

  it('refuses an SMTP host without a sender address, naming HEALTHBSC_MAIL_FROM', () => {
    expect(() => loadConfig({ HEALTHBSC_SMTP_HOST: 'smtp.hospital.example' })).toThrow(
      'Invalid configuration: HEALTHBSC_MAIL_FROM must be set when HEALTHBSC_SMTP_HOST is set',
    );
  });

  it('refuses an unknown SMTP security mode', () => {
    expect(() =>
      loadConfig({
        HEALTHBSC_SMTP_HOST: 'smtp.hospital.example',
        HEALTHBSC_MAIL_FROM: 'bsc@hospital.example',
        HEALTHBSC_SMTP_SECURITY: 'ssl',
      }),
    ).toThrow('Invalid configuration: HEALTHBSC_SMTP_SECURITY must be one of starttls, tls, none');
  });

  it('refuses zero heavy requests at once, naming the variable', () => {
    expect(() => loadConfig({ HEALTHBSC_MAX_HEAVY_REQUESTS: '0' })).toThrow(/HEALTHBSC_MAX_HEAVY_REQUESTS/);
  });

  it('sets no statement timeout when it is 0', () => {
    expect(
      loadConfig({ HEALTHBSC_DATABASE_URL: 'postgres://db/x', HEALTHBSC_STATEMENT_TIMEOUT: '0' }).database,
    ).toEqual({
      engine: 'postgres',
      url: 'postgres://db/x',
    });
  });

  it('refuses a digest hour past 23, naming the variable', () => {
    expect(() => loadConfig({ HEALTHBSC_ALERT_DIGEST_HOUR: '24' })).toThrow(
      'Invalid configuration: HEALTHBSC_ALERT_DIGEST_HOUR must be an hour of the day, 0–23',
    );
  });

  it('writes HEALTHBSC_TIMEZONE as Intl names the zone', () => {
    expect(loadConfig({ HEALTHBSC_TIMEZONE: 'asia/shanghai' }).timezone).toBe('Asia/Shanghai');
  });

  test.each([
    ['true', true],
    ['false', false],
    ['2', 2],
    ['loopback', ['loopback']],
  ])('reads HEALTHBSC_TRUST_PROXY=%s as Fastify’s trustProxy %j', (text, expected) => {
    expect(loadConfig({ HEALTHBSC_TRUST_PROXY: text }).trustProxy).toEqual(expected);
  });

  it('names HEALTHBSC_MODE and HEALTHBSC_TRUST_PROXY when they are not valid', () => {
    let error: unknown;
    try {
      loadConfig({ HEALTHBSC_MODE: 'staging', HEALTHBSC_TRUST_PROXY: 'proxy; rm -rf' });
    } catch (caught) {
      error = caught;
    }
    expect(error instanceof ConfigError ? error.issues : error).toEqual([
      { key: 'HEALTHBSC_MODE', code: 'config.mode', params: {}, message: 'must be one of demo, production' },
      {
        key: 'HEALTHBSC_TRUST_PROXY',
        code: 'config.trust-proxy',
        params: {},
        message: 'must be true, false, a number of hops, or comma-separated addresses or CIDR ranges',
      },
    ]);
  });

  it('lets a flag win over its variable', () => {
    const config = loadConfig(
      { HEALTHBSC_PORT: '8080', HEALTHBSC_DATA_DIR: '/env/dir' },
      { port: '9090', 'data-dir': '/flag/dir' },
    );
    expect([config.port, config.database]).toEqual([9090, { engine: 'pglite', dataDir: '/flag/dir' }]);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ HEALTHBSC_DATABASE_URL: '', HEALTHBSC_PORT: '' }).database).toEqual({
      engine: 'pglite',
      dataDir: './data',
    });
  });

  it('returns a frozen configuration, database settings included', () => {
    const config = loadConfig({});
    expect([Object.isFrozen(config), Object.isFrozen(config.database)]).toEqual([true, true]);
  });

  test.each([
    [
      { HEALTHBSC_PORT: 'eighty' },
      {},
      [{ key: 'HEALTHBSC_PORT', code: 'config.whole-number', params: {}, message: 'must be a whole number' }],
    ],
    [
      { HEALTHBSC_PORT: '70000' },
      {},
      [{ key: 'HEALTHBSC_PORT', code: 'config.port-range', params: {}, message: 'must be 1–65535' }],
    ],
    [
      {},
      { port: '0' },
      [{ key: '--port', code: 'config.port-range', params: {}, message: 'must be 1–65535' }],
    ],
    [
      { HEALTHBSC_DATABASE_URL: 'mysql://db/x' },
      {},
      [
        {
          key: 'HEALTHBSC_DATABASE_URL',
          code: 'config.postgres-url',
          params: {},
          message: 'must be a postgres:// or postgresql:// URL',
        },
      ],
    ],
    [
      { HEALTHBSC_BODY_LIMIT: '10' },
      {},
      [
        {
          key: 'HEALTHBSC_BODY_LIMIT',
          code: 'config.body-limit-minimum',
          params: {},
          message: 'must be at least 1024 bytes',
        },
      ],
    ],
    [
      {},
      { 'log-level': 'loud' },
      [
        {
          key: '--log-level',
          code: 'config.log-level',
          params: {},
          message: 'must be one of fatal, error, warn, info, debug, trace, silent',
        },
      ],
    ],
    [
      { HEALTHBSC_TIMEZONE: 'Mars/Olympus_Mons' },
      {},
      [
        {
          key: 'HEALTHBSC_TIMEZONE',
          code: 'config.time-zone',
          params: {},
          message: 'must be an IANA time zone such as Asia/Shanghai or UTC',
        },
      ],
    ],
    [
      {},
      { jobs: 'sometimes' },
      [{ key: '--jobs', code: 'config.jobs', params: {}, message: 'must be one of on, off' }],
    ],
  ])('refuses %j with flags %j, naming the key', (env, flags, issues) => {
    expect(() => loadConfig(env, flags)).toThrow(expect.objectContaining({ name: 'ConfigError', issues }));
  });

  it('names every bad key in one error', () => {
    let error: unknown;
    try {
      loadConfig({ HEALTHBSC_PORT: 'x', HEALTHBSC_LOG_LEVEL: 'loud', HEALTHBSC_HOST: ' ' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error instanceof ConfigError ? error.message : '').toBe(
      'Invalid configuration: HEALTHBSC_PORT must be a whole number; HEALTHBSC_HOST must not be empty; ' +
        'HEALTHBSC_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    );
  });
});
