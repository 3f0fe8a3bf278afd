/**
 * A command's writes on PostgreSQL reach the running servers: the session sends what its writes publish, as a
 * server's relay would, and waits for the sending when it closes (../server/cluster/change-relay.ts
 * `sendChanges`), so a server that keeps
 * principals in memory hears, for one, a user created or a token revoked from the command line.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, postgresUrlOf } from '../../test/engines.ts';
import { TEST_PASSWORD } from '../../test/fixtures/accounts.ts';
import { createUser } from '../server/accounts/users.service.ts';
import { ChangeBus, type ChangeEvent } from '../server/change-bus.ts';
import { type ChangeRelay, relayChanges } from '../server/cluster/change-relay.ts';
import { withDbSession } from './db-session.ts';

describeEachEngine(
  "a command's session on PostgreSQL",
  (getDb) => {
    const server = new ChangeBus();
    let relay: ChangeRelay | null = null;

    beforeAll(async () => {
      relay = await relayChanges(getDb(), server, (error) => {
        throw error;
      });
    });
    afterAll(async () => {
      await relay?.close();
    });

    it('tells the running servers of its writes when it closes', async () => {
      const heard = new Promise<ChangeEvent>((resolve) => {
        const stop = server.subscribe((event) => {
          stop();
          resolve(event);
        });
      });
      const env = { HEALTHBSC_DATABASE_URL: postgresUrlOf(getDb()) };
      await withDbSession({ owner: 'healthbsc user', env }, (session) =>
        createUser(session.ctx, session.actor, {
          email: 'from-the-command-line@db-session.test',
          password: TEST_PASSWORD,
          assignments: [],
        }),
      );
      expect(await heard).toEqual({ kind: 'accounts' });
    });
  },
  { engines: ['postgres'] },
);
