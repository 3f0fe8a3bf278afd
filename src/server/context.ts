/**
 * What every service receives: the database, the configuration, the clock and the change bus. Passed
 * explicitly (no module-level singletons), so tests can run many servers side by side.
 */
import { type Principal, systemPrincipal } from '../core/access/principal.ts';
import type { Db } from '../db/connect.ts';
import type { Actor as AuditActor } from '../db/repositories/audit.repository.ts';
import type { ChangeBus } from './change-bus.ts';
import type { MailWaker } from './mail/mail-waker.ts';
import type { PullRunQueue } from './pulls/pull-run-queue.ts';

/**
 * Who acts: the audit trail's `id` and `address`, and the principal the access policy (core/access) judges.
 * Requests get theirs from `getActor(request)` (plugins/actor.ts); trusted processes from `systemActor`.
 */
export interface Actor extends AuditActor {
  readonly principal: Principal;
}

/**
 * A trusted process acting as an administrator of the whole installation: the demo loader, a CLI command run
 * by whoever holds the database, a test fixture.
 *
 * @example systemActor('demo-loader').principal.assignments[0].role // 'admin'
 */
export function systemActor(id: string, address: string | null = null): Actor {
  return Object.freeze({ id, address, principal: systemPrincipal(id) });
}

export interface ServerContext {
  readonly db: Db;
  /** The current time; pinned in tests. */
  readonly now: () => Date;
  /** In-process notifications of committed writes (the evaluation engine listens). */
  readonly changes: ChangeBus;
  /** Asks the mail job to send now, after a commit that queued mail (./mail/README.md); absent: it waits for its minute. */
  readonly mail?: MailWaker;
  /** The key database pulls' passwords are encrypted with (HEALTHBSC_PULL_KEY); absent: none can be stored. */
  readonly pullKey?: Buffer | null;
  /** Where database pulls run by hand go: the `pull-run` job (./pulls/pull-run-queue.ts); absent: run in process. */
  readonly pullRuns?: PullRunQueue;
}
