/**
 * The latest publications kept in memory (heard-publications.ts): "none" is read once while nothing changes; a
 * `publications` event drops only its organisation, `metadata` and `stale` drop all; a drop while a read is
 * under way keeps nothing of that read; a new hearing epoch drops what the old one kept; and while writes may go
 * unheard, every read reads the database. The logic does not depend on the engine: PGlite only.
 */
import type { KyselyPlugin } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { ChangeBus, type ChangeEvent } from '../change-bus.ts';
import { HeardPublications } from './heard-publications.ts';
import { ALWAYS_HEARD, type HearingEpoch, NEVER_HEARD } from './known-revisions.ts';

/** A unit of organisation 1 and one of organisation 2, neither published. */
const IN_ONE = { scorecardId: 1, periodId: '2024-01', rootId: 1, orgUnitId: 3 } as const;
const IN_TWO = { scorecardId: 1, periodId: '2024-01', rootId: 2, orgUnitId: 4 } as const;

describeEachEngine(
  'latest publications kept in memory',
  (getDb) => {
    let changes: ChangeBus;
    /** Published on the bus while the next statement runs, to stand for a write heard during a read. */
    let duringNextRead: ChangeEvent | null;

    function heard(epoch: HearingEpoch): HeardPublications {
      const plugin: KyselyPlugin = {
        transformQuery: (args) => {
          const event = duringNextRead;
          duringNextRead = null;
          if (event !== null) changes.publish(event);
          return args.node;
        },
        transformResult: async (args) => args.result,
      };
      return new HeardPublications(getDb().kysely.withPlugin(plugin), changes, epoch);
    }

    beforeEach(() => {
      changes = new ChangeBus();
      duringNextRead = null;
    });

    it('reads that a unit has no publication once while nothing changes', async () => {
      const publications = heard(ALWAYS_HEARD);
      const found = [await publications.latest(IN_ONE), await publications.latest(IN_ONE)];
      expect([found, publications.databaseReads]).toEqual([[undefined, undefined], 1]);
    });

    it("reads again after its organisation's publications event, not after another's", async () => {
      const publications = heard(ALWAYS_HEARD);
      await publications.latest(IN_ONE);
      await publications.latest(IN_TWO);
      changes.publish({ kind: 'publications', rootId: 2 });
      await publications.latest(IN_ONE);
      await publications.latest(IN_TWO);
      expect(publications.databaseReads).toBe(3);
    });

    it.each<[string, ChangeEvent]>([
      ['metadata', { kind: 'metadata', revision: 7 }],
      ['stale for every organisation', { kind: 'stale', rootId: null }],
    ])('reads every organisation again after %s', async (_what, event) => {
      const publications = heard(ALWAYS_HEARD);
      await publications.latest(IN_ONE);
      await publications.latest(IN_TWO);
      changes.publish(event);
      await publications.latest(IN_ONE);
      await publications.latest(IN_TWO);
      expect(publications.databaseReads).toBe(4);
    });

    it('keeps nothing of a read during which its organisation was dropped', async () => {
      const publications = heard(ALWAYS_HEARD);
      duringNextRead = { kind: 'publications', rootId: 1 };
      await publications.latest(IN_ONE);
      await publications.latest(IN_ONE);
      expect(publications.databaseReads).toBe(2);
    });

    it('drops what it kept when the hearing epoch changes', async () => {
      let epoch: number | null = 1;
      const publications = heard(() => epoch);
      await publications.latest(IN_ONE);
      epoch = 2;
      await publications.latest(IN_ONE);
      await publications.latest(IN_ONE);
      expect(publications.databaseReads).toBe(2);
    });

    it('reads the database every time while writes may go unheard', async () => {
      const publications = heard(NEVER_HEARD);
      await publications.latest(IN_ONE);
      await publications.latest(IN_ONE);
      expect(publications.databaseReads).toBe(2);
    });
  },
  { engines: ['pglite'] },
);
