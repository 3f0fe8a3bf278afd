/**
 * Starts the whole product: the configured database (PGlite in a worker thread, or PostgreSQL), migrations,
 * the demo on a first start, the evaluation engine, the job scheduler, and the HTTP server. `healthbsc serve`
 * (npm start) calls it; tests and benchmarks call it too.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { connect, type Db } from '../db/connect.ts';
import { acquireDataDirLock, type DataDirLock } from '../db/data-dir-lock.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { hasInstallationAdmin } from '../db/repositories/user.repository.ts';
import { ensureDemoUsers } from './accounts/demo-users.ts';
import { actionRoutes } from './actions/actions.routes.ts';
import { evaluateAlertsForChange } from './alerts/alert-evaluation.service.ts';
import { outboxMailer } from './alerts/alert-mail.ts';
import { triggerAlertsOnChange } from './alerts/alert-trigger.ts';
import { alertRoutes } from './alerts/alerts.routes.ts';
import { buildApp } from './app.ts';
import { ChangeBus } from './change-bus.ts';
import { type ChangeRelay, relayChanges } from './cluster/change-relay.ts';
import type { ServerConfig } from './config.ts';
import type { ServerContext } from './context.ts';
import { loadDemo } from './demo/load-demo.ts';
import { CubeSnapshots } from './evaluation/cube-snapshot.ts';
import { evaluationRoutes } from './evaluation/evaluation.routes.ts';
import { EvaluationEngine } from './evaluation/evaluation-engine.ts';
import { ALWAYS_HEARD, NEVER_HEARD } from './evaluation/known-revisions.ts';
import { healthRoutes } from './health/health.routes.ts';
import { Readiness } from './health/readiness.ts';
import { createImportRoutes } from './imports/import.routes.ts';
import { JobScheduler } from './jobs/job-scheduler.ts';
import { jobRoutes } from './jobs/jobs.routes.ts';
import { registerServerJobs } from './jobs/server-jobs.ts';
import { mailRoutes } from './mail/mail.routes.ts';
import { MailWaker } from './mail/mail-waker.ts';
import { monitoringRoutes } from './monitoring/monitoring.routes.ts';
import { objectiveRankingRoutes } from './objective-rankings/objective-rankings.routes.ts';
import { pivotRoutes } from './pivot/pivot.routes.ts';
import { publicationRoutes } from './publications/publications.routes.ts';
import { PullRunQueue } from './pulls/pull-run-queue.ts';
import { reportRoutes } from './reports/reports.routes.ts';
import { readGroupMap } from './sso/group-map.ts';
import { ssoRoutes } from './sso/sso.routes.ts';
import { signInMethodsOf } from './sso/sso-settings.ts';
import { strategyMapRoutes } from './strategy-map/strategy-map.routes.ts';

export interface StartOptions {
  /** Load the demo when the database has no org unit yet. Default true. */
  readonly demo?: boolean;
  /** Progress messages (migrations, demo loading). */
  readonly progress?: (message: string) => void;
  /** Log requests (pino) at the configured level. Default true. */
  readonly logRequests?: boolean;
  /**
   * The built web app to serve at `/` (a directory holding index.html). Default: the package's dist/web when it
   * has been built (`npm start` builds it first); null serves the API only.
   */
  readonly webRoot?: string | null;
}

/** Where `npm run build:web` puts the web app. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

function findWebRoot(option: string | null | undefined, progress: (message: string) => void): string | null {
  if (option === null) return null;
  const root = resolve(option ?? DEFAULT_WEB_ROOT);
  if (existsSync(join(root, 'index.html'))) return root;
  progress(`The web app is not built in ${root} (run npm run build:web); serving the API only.`);
  return null;
}

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly ctx: ServerContext;
  readonly url: string;
  /** Whether this start loaded the demo. */
  readonly demoLoaded: boolean;
  /** `demo` or `production` (the configuration's `mode`). */
  readonly mode: ServerConfig['mode'];
  /** Production mode with no administrator: the server serves no data until one is created. */
  readonly setupRequired: boolean;
  /** Where start-up is; ready once the value cubes are loaded (`GET /api/health/ready`). */
  readonly readiness: Readiness;
  /** Resolves when the server is ready (its start-up work after listening is done). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const progress = options.progress ?? (() => {});
  const readiness = new Readiness('opening the database');
  let lock: DataDirLock | null = null;
  let db: Db | null = null;
  let app: FastifyInstance | null = null;
  let relay: ChangeRelay | null = null;
  try {
    if (config.database.engine === 'pglite' && config.database.dataDir !== null) {
      const dir = resolve(config.database.dataDir);
      lock = await acquireDataDirLock(dir, 'the HealthBSC server');
      progress(`Opening PGlite in ${config.database.dataDir} …`);
      db = await connect({ engine: 'pglite', dataDir: dir, worker: true });
    } else {
      progress(
        config.database.engine === 'postgres' ? 'Connecting to PostgreSQL …' : 'Opening PGlite in memory …',
      );
      db = await connect(config.database);
    }
    const { applied } = await migrateToLatest(db);
    if (applied.length > 0) progress(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
    const mailWaker = new MailWaker((error) => app?.log.warn({ err: error }, 'waking the mail job failed'));
    const pullRuns = new PullRunQueue();
    const ctx: ServerContext = {
      db,
      now: () => new Date(),
      changes: new ChangeBus(),
      mail: mailWaker,
      pullKey: config.pullKey,
      pullRuns,
    };
    // On PostgreSQL, other server processes on the same database hear this one's changes and it hears theirs.
    relay = await relayChanges(db, ctx.changes, (error) =>
      app?.log.warn({ err: error }, 'relaying a change to the other servers failed'),
    );
    let demoLoaded = false;
    // Production mode never loads the demo, and has no default account: its first user is created with
    // `healthbsc user create --admin`.
    if (config.mode === 'demo' && (options.demo ?? true)) {
      const existing = await db.kysely.selectFrom('org_unit').select('id').limit(1).executeTakeFirst();
      if (!existing) {
        await loadDemo(ctx, progress);
        demoLoaded = true;
      }
    }
    if (config.mode === 'demo') {
      const users = await ensureDemoUsers(ctx);
      if (users.length > 0) progress(`Created the demo users: ${users.join(', ')} (passwords in README.md)`);
    }
    const setupRequired = config.mode === 'production' && !(await hasInstallationAdmin(db.kysely));
    // Directory groups → roles (./sso/group-map.ts): read and checked now, so a typo stops the start.
    const groupMap =
      config.sso.groupMapFile === null ? [] : await readGroupMap(db.kysely, config.sso.groupMapFile);
    const snapshotDir =
      config.cubeSnapshotDir ??
      (config.database.engine === 'pglite' && config.database.dataDir !== null
        ? join(resolve(config.database.dataDir), 'cube-snapshots')
        : null);
    // Change counters, approvals and principals in memory while this process hears every write: always on
    // PGlite (it holds the database alone), while the relay listens on PostgreSQL.
    const hearing = db.engine === 'pglite' ? ALWAYS_HEARD : relay === null ? NEVER_HEARD : relay.epoch;
    const engine = new EvaluationEngine(db, ctx.changes, {
      hearing,
      cubes: {
        snapshots: snapshotDir === null ? null : new CubeSnapshots(snapshotDir),
        log: (message) => app?.log.warn(message),
      },
    });
    const scheduler = new JobScheduler(ctx, {
      timezone: config.timezone,
      runJobs: config.jobs === 'on',
      // The app's logger, once the app exists (the scheduler logs only after it starts, below).
      log: {
        error: (details, message) => app?.log.error(details, message),
        warn: (details, message) => app?.log.warn(details, message),
      },
    });
    registerServerJobs(scheduler, {
      mail: config.mail,
      mailWaker,
      pullRuns,
      engine,
      timezone: config.timezone,
      alertDigestHour: config.alertDigestHour,
    });
    // Alerts follow data changes, debounced per organisation, for the scorecards the changes touched (the
    // 15-minute job catches the rest). In process, so it needs no job runner; HEALTHBSC_ALERT_TRIGGER=off stops it.
    const alertTrigger =
      config.alertTrigger === 'on'
        ? triggerAlertsOnChange(
            ctx.changes,
            async (scope) => {
              await evaluateAlertsForChange(ctx, engine, scope, { mailer: outboxMailer() });
            },
            { onError: (error) => app?.log.warn({ err: error }, 'evaluating the alert rules failed') },
          )
        : null;
    const built = await buildApp(ctx, {
      logger: options.logRequests === false ? false : { level: config.logLevel },
      bodyLimit: config.bodyLimit,
      // jobRoutes also stops the scheduler when the app closes, before the database is closed below.
      routes: [
        healthRoutes(readiness),
        evaluationRoutes(engine),
        pivotRoutes(engine),
        monitoringRoutes(engine),
        strategyMapRoutes(engine),
        objectiveRankingRoutes(engine),
        publicationRoutes(engine),
        reportRoutes(engine),
        createImportRoutes(),
        jobRoutes(scheduler),
        alertRoutes(engine, { mailer: outboxMailer() }),
        actionRoutes(engine),
        mailRoutes(config.mail),
        ssoRoutes(config.sso, groupMap),
      ],
      webRoot: findWebRoot(options.webRoot, progress),
      accounts: { mode: config.mode, signInMethods: signInMethodsOf(config.sso), hearing },
      trustProxy: config.trustProxy,
      guard: {
        maxHeavy: config.maxHeavyRequests,
        requestTimeoutMs: config.requestTimeoutSeconds * 1000,
      },
    });
    app = built;
    await scheduler.start();
    progress(
      config.jobs === 'on'
        ? `Background jobs run here; cron times are read in ${config.timezone}.`
        : 'Background jobs are off here (HEALTHBSC_JOBS=off): another instance runs them.',
    );
    const address = await built.listen({ port: config.port, host: config.host });
    // Listening already, answering 503 at /api/health/ready until every organisation's cube is loaded: the
    // first user's request then finds it in memory instead of waiting for it.
    readiness.at('loading the value cubes');
    const ready = engine
      .warmUp((done, total) => readiness.advance(done, total))
      .then(
        ({ organisations, fromSnapshots }) => {
          readiness.markReady();
          progress(
            `Ready: the values of ${organisations} organisation(s) are loaded, ${fromSnapshots} of them from a snapshot.`,
          );
        },
        (error: unknown) => {
          // Evaluations still load their cube on first use; the server reports ready so it is not taken out.
          built.log.error({ err: error }, 'loading the value cubes at start-up failed');
          readiness.markReady();
        },
      );
    const opened = db;
    const held = lock;
    const relaying = relay;
    return {
      readiness,
      ready,
      app: built,
      ctx,
      url: address,
      demoLoaded,
      mode: config.mode,
      setupRequired,
      close: async () => {
        await ready;
        alertTrigger?.stop();
        await built.close();
        // The cubes as they are now, so that the next start reads them instead of rebuilding.
        await engine.flushCubes();
        await relaying?.close();
        await opened.close();
        await held?.release();
      },
    };
  } catch (error) {
    await app?.close();
    await relay?.close();
    await db?.close();
    await lock?.release();
    throw error;
  }
}
