/**
 * What every service receives: the database, the configuration, the clock and the change bus. Passed
 * explicitly (no module-level singletons), so tests can run many servers side by side.
 */
import type { Db } from '../db/connect.ts';
import type { Actor } from '../db/repositories/audit.repository.ts';
import type { ChangeBus } from './change-bus.ts';

export type { Actor };

export interface ServerContext {
  readonly db: Db;
  /** The current time; pinned in tests. */
  readonly now: () => Date;
  /** In-process notifications of committed writes (the evaluation engine listens). */
  readonly changes: ChangeBus;
}
