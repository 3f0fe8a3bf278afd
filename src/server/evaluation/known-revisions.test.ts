/**
 * Change counters and approvals in memory: a cached evaluation reads neither while the process hears every write
 * (PGlite: its own bus; PostgreSQL: the change relay's listening connection), a write heard on the bus is in the
 * next read, and while writes may go unheard (no relay, a lost connection) they are read from the database again.
 */
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, postgresUrlOf } from '../../../test/engines.ts';
import {
  createScorecard,
  createUnits,
  OCCUPANCY_SCORECARD,
  setTargets,
  setValues,
} from '../../../test/fixtures/evaluation-fixtures.ts';
import type { EvaluationJson } from '../../core/contracts/evaluation.ts';
import { connect, type Db } from '../../db/connect.ts';
import { insertApproval } from '../../db/repositories/approval.repository.ts';
import { readRevisions, rootScope } from '../../db/repositories/change-counter.repository.ts';
import { ChangeBus, type ChangeEvent } from '../change-bus.ts';
import { type ChangeRelay, relayChanges } from '../cluster/change-relay.ts';
import { EvaluationEngine } from './evaluation-engine.ts';
import { ALWAYS_HEARD, type HearingEpoch } from './known-revisions.ts';

const QUERY = { scorecard: 'OCCUPANCY', orgUnit: 'H1', period: '2024-01' } as const;

/** `db` with every statement run through its `kysely` counted. */
function counting(db: Db): { readonly db: Db; readonly statements: () => number } {
  let count = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      count += 1;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { db: { ...db, kysely: db.kysely.withPlugin(plugin) }, statements: () => count };
}

function occupancy(result: EvaluationJson): number | null | undefined {
  return result.perspectives.flatMap((p) => p.indicators).find((i) => i.id === 'OCC')?.actual;
}

/** Resolves once the relay has heard its own echo: it vouches for nothing before. */
async function hearingOwnEcho(relay: ChangeRelay): Promise<void> {
  for (let i = 0; i < 100 && relay.epoch() === null; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (relay.epoch() === null) throw new Error('the relay did not hear its own echo');
}

/**
 * Another server process beside this one (its own connection and bus, both relayed on PostgreSQL; on PGlite, one
 * process, this one's), and this process's hearing once its relay has heard its own echo. The relays go into
 * `relays`, for the caller to close.
 */
async function secondServer(
  engine: string,
  db: Db,
  here: ChangeBus,
  relays: ChangeRelay[],
): Promise<{ other: { db: Db; bus: ChangeBus }; hearing: HearingEpoch }> {
  if (engine !== 'postgres') return { other: { db, bus: here }, hearing: ALWAYS_HEARD };
  const other = { db: await connect({ engine: 'postgres', url: postgresUrlOf(db) }), bus: new ChangeBus() };
  for (const [each, bus] of [
    [db, here],
    [other.db, other.bus],
  ] as const) {
    const relay = await relayChanges(each, bus, (error) => {
      throw error;
    });
    if (relay === null) throw new Error('no relay on PostgreSQL');
    relays.push(relay);
  }
  const [mine] = relays;
  if (mine === undefined) throw new Error('no relay');
  await hearingOwnEcho(mine);
  return { other, hearing: mine.epoch };
}

/** Resolves once `bus` hears an event that `matches`. */
function heard(bus: ChangeBus, matches: (event: ChangeEvent) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const stop = bus.subscribe((event) => {
      if (!matches(event)) return;
      stop();
      resolve();
    });
  });
}

/** Writes H1's occupied bed days for January (bumping the counter) and returns the event a service publishes. */
async function writeOccupied(
  db: Db,
  units: ReadonlyMap<string, { id: number; rootId: number }>,
  value: number,
): Promise<ChangeEvent> {
  const h1 = units.get('H1');
  if (h1 === undefined) throw new Error('fixture');
  await setValues(db, units, [{ unit: 'H1', element: 'occupied', period: '2024-01', value }]);
  const scope = rootScope(h1.rootId);
  const revision = (await readRevisions(db.kysely, [scope])).get(scope) ?? 0;
  const element = await db.kysely
    .selectFrom('data_element')
    .select('id')
    .where('code', '=', 'occupied')
    .executeTakeFirstOrThrow();
  return {
    kind: 'data-values',
    rootId: h1.rootId,
    revision,
    values: [{ orgUnitId: h1.id, dataElementId: element.id, periodId: '2024-01', value }],
  };
}

describeEachEngine('change counters kept in memory', (getDb, engineContext) => {
  let units: Map<string, { id: number; rootId: number }>;
  let scorecardId: number;
  /** The other server process's connection and bus on PostgreSQL (this one's on PGlite, which has no relay). */
  let other: { db: Db; bus: ChangeBus };
  const here = new ChangeBus();
  const relays: ChangeRelay[] = [];
  let hearing: HearingEpoch = ALWAYS_HEARD;

  beforeAll(async () => {
    const db = getDb();
    units = await createUnits(db, [{ code: 'H1' }]);
    scorecardId = await createScorecard(db, OCCUPANCY_SCORECARD);
    await setValues(db, units, [
      { unit: 'H1', element: 'occupied', period: '2024-01', value: 50 },
      { unit: 'H1', element: 'available', period: '2024-01', value: 100 },
    ]);
    await setTargets(db, scorecardId, units, [{ indicator: 'OCC', period: '2024', target: 85 }]);
    ({ other, hearing } = await secondServer(engineContext.name, db, here, relays));
  });
  afterAll(async () => {
    for (const relay of relays) await relay.close();
    if (other.db !== getDb()) await other.db.close();
  });

  it('runs no SQL for an evaluation asked again with nothing changed', async () => {
    const counted = counting(getDb());
    const engine = new EvaluationEngine(counted.db, here, { hearing });
    await engine.evaluate(QUERY);
    const first = counted.statements();
    await engine.evaluate(QUERY);
    expect([first > 0, counted.statements() - first]).toEqual([true, 0]);
  });

  it('sees in the next evaluation a write heard on the bus (on PostgreSQL: made by the other server)', async () => {
    const counted = counting(getDb());
    const engine = new EvaluationEngine(counted.db, here, { hearing });
    const before = await engine.evaluate(QUERY);
    const event = await writeOccupied(other.db, units, 70);
    const arrived = heard(
      here,
      (e) => e.kind === 'data-values' && e.revision === Reflect.get(event, 'revision'),
    );
    other.bus.publish(event);
    await arrived;
    const after = await engine.evaluate(QUERY);
    expect([occupancy(before), occupancy(after)]).toEqual([50, 70]);
  });

  it('reads the counters from the database on every request while writes may go unheard', async () => {
    let epoch: number | null = null;
    const counted = counting(getDb());
    const engine = new EvaluationEngine(counted.db, here, { hearing: () => epoch });
    await engine.evaluate(QUERY);
    const first = counted.statements();
    // A write nobody publishes, as one made while the relay's connection was down.
    await writeOccupied(getDb(), units, 60);
    const unheard = await engine.evaluate(QUERY);
    const second = counted.statements();
    epoch = 1;
    await engine.evaluate(QUERY);
    const third = counted.statements();
    await engine.evaluate(QUERY);
    expect([occupancy(unheard), second - first > 0, counted.statements() - third]).toEqual([60, true, 0]);
  });

  it('drops what it kept when the connection was lost and came back', async () => {
    let epoch = 1;
    const counted = counting(getDb());
    const engine = new EvaluationEngine(counted.db, here, { hearing: () => epoch });
    await engine.evaluate(QUERY);
    await writeOccupied(getDb(), units, 40);
    epoch = 2;
    expect(occupancy(await engine.evaluate(QUERY))).toBe(40);
  });
});

describeEachEngine('approvals kept in memory', (getDb, engineContext) => {
  let h1: { id: number; rootId: number };
  let scorecardId: number;
  let other: { db: Db; bus: ChangeBus };
  const here = new ChangeBus();
  const relays: ChangeRelay[] = [];
  let hearing: HearingEpoch = ALWAYS_HEARD;

  beforeAll(async () => {
    const db = getDb();
    const units = await createUnits(db, [{ code: 'H1' }]);
    const unit = units.get('H1');
    if (unit === undefined) throw new Error('fixture');
    h1 = unit;
    scorecardId = await createScorecard(db, OCCUPANCY_SCORECARD);
    await setValues(db, units, [{ unit: 'H1', element: 'occupied', period: '2024-01', value: 50 }]);
    ({ other, hearing } = await secondServer(engineContext.name, db, here, relays));
  });
  afterAll(async () => {
    for (const relay of relays) await relay.close();
    if (other.db !== getDb()) await other.db.close();
  });

  it('reads the approvals of an organisation once while nothing changes', async () => {
    const counted = counting(getDb());
    const engine = new EvaluationEngine(counted.db, here, { hearing });
    await engine.approvalsOf(scorecardId, h1.rootId);
    const first = counted.statements();
    await engine.approvalsOf(scorecardId, h1.rootId);
    expect([first, counted.statements()]).toEqual([1, 1]);
  });

  it('reads them again once an approval heard on the bus changed (on PostgreSQL: on the other server)', async () => {
    const engine = new EvaluationEngine(getDb(), here, { hearing });
    const before = await engine.approvalsOf(scorecardId, h1.rootId);
    await insertApproval(
      other.db.kysely,
      { scorecardId, orgUnitId: h1.id, periodId: '2024-01', rootId: h1.rootId },
      { status: 'submitted', submittedBy: 'someone', submittedAt: new Date(), now: new Date() },
    );
    const arrived = heard(here, (e) => e.kind === 'approvals');
    other.bus.publish({ kind: 'approvals', rootId: h1.rootId });
    await arrived;
    const after = await engine.approvalsOf(scorecardId, h1.rootId);
    expect([before.length, after.map((a) => a.status)]).toEqual([0, ['submitted']]);
  });

  it('reads them from the database every time while writes may go unheard', async () => {
    const counted = counting(getDb());
    const engine = new EvaluationEngine(counted.db, here, { hearing: () => null });
    await engine.approvalsOf(scorecardId, h1.rootId);
    await engine.approvalsOf(scorecardId, h1.rootId);
    expect(counted.statements()).toBe(2);
  });
});
