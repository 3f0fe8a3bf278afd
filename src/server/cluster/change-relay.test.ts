/**
 * The change relay over PostgreSQL's LISTEN/NOTIFY: a change published in one process reaches the bus of
 * another on the same database, is not sent back to its sender, and goes as `stale` when too large to relay
 * (a CLI command's sending: ../../cli/db-session.test.ts).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, postgresUrlOf } from '../../../test/engines.ts';
import { connect, type Db } from '../../db/connect.ts';
import { ChangeBus, type ChangeEvent } from '../change-bus.ts';
import { type ChangeRelay, decodeChange, encodeChange, relayChanges } from './change-relay.ts';

/** Resolves with the next `count` events `bus` hears. */
function next(bus: ChangeBus, count = 1): Promise<ChangeEvent[]> {
  return new Promise((resolve) => {
    const heard: ChangeEvent[] = [];
    const stop = bus.subscribe((event) => {
      heard.push(event);
      if (heard.length === count) {
        stop();
        resolve(heard);
      }
    });
  });
}

describeEachEngine(
  'the change relay between server processes',
  (getDb) => {
    let other: Db;
    const here = new ChangeBus();
    const there = new ChangeBus();
    const relays: ChangeRelay[] = [];

    beforeAll(async () => {
      other = await connect({ engine: 'postgres', url: postgresUrlOf(getDb()) });
      for (const [db, bus] of [
        [getDb(), here],
        [other, there],
      ] as const) {
        const relay = await relayChanges(db, bus, (error) => {
          throw error;
        });
        if (relay !== null) relays.push(relay);
      }
    });
    afterAll(async () => {
      for (const relay of relays) await relay.close();
      await other.close();
    });

    it("publishes one process's change of values on the other's bus", async () => {
      const event: ChangeEvent = {
        kind: 'data-values',
        rootId: 7,
        revision: 12,
        values: [{ orgUnitId: 9, dataElementId: 3, periodId: '2024-05', value: 41.5 }],
      };
      const heard = next(there);
      here.publish(event);
      expect(await heard).toEqual([event]);
    });

    it('does not send a relayed change back to where it came from', async () => {
      const heardHere: ChangeEvent[] = [];
      const stop = here.subscribe((event) => heardHere.push(event));
      const heardThere = next(there, 2);
      here.publish({ kind: 'metadata', revision: 4 });
      here.publish({ kind: 'root-inputs', rootId: 7, revision: 13 });
      await heardThere;
      stop();
      expect(heardHere).toEqual([
        { kind: 'metadata', revision: 4 },
        { kind: 'root-inputs', rootId: 7, revision: 13 },
      ]);
    });

    it('vouches for hearing every change once it heard its own echo, and no longer once closed', async () => {
      const relay = await relayChanges(getDb(), new ChangeBus(), (error) => {
        throw error;
      });
      if (relay === null) throw new Error('no relay on PostgreSQL');
      const before = relay.epoch();
      for (let i = 0; i < 100 && relay.epoch() === null; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const heard = relay.epoch();
      await relay.close();
      expect([before, heard, relay.epoch()]).toEqual([null, 1, null]);
    });

    it('sends a change too large for a notification as stale for its organisation', async () => {
      const values = Array.from({ length: 400 }, (_, i) => ({
        orgUnitId: i,
        dataElementId: 1,
        periodId: '2024-05',
        value: i,
      }));
      const heard = next(there);
      here.publish({ kind: 'data-values', rootId: 7, revision: 14, values });
      expect(await heard).toEqual([{ kind: 'stale', rootId: 7 }]);
    });
  },
  { engines: ['postgres'] },
);

it('reads back what it encodes, and ignores a payload it does not understand', () => {
  const event: ChangeEvent = { kind: 'stale', rootId: null };
  expect([decodeChange(encodeChange('a', event)), decodeChange('{"from":"b","event":{"kind":"x"}}')]).toEqual(
    [{ from: 'a', event }, null],
  );
});

it('reads back a change of approvals, of publications and of accounts', () => {
  const events: ChangeEvent[] = [
    { kind: 'approvals', rootId: 7 },
    { kind: 'publications', rootId: 8 },
    { kind: 'accounts' },
  ];
  expect(events.map((event) => decodeChange(encodeChange('a', event)))).toEqual(
    events.map((event) => ({ from: 'a', event })),
  );
  // A change of publications names its organisation.
  expect(decodeChange('{"from":"b","event":{"kind":"publications"}}')).toBeNull();
});
