/**
 * Each user's last scorecard and unit (issue 17): saved by one session, read back by the user's next one on any
 * machine, never another user's; unknown codes refused.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { type AccessWorld, createAccessWorld } from '../../../test/fixtures/access-world.ts';

describeEachEngine('last view', (getDb) => {
  let w: AccessWorld;
  beforeAll(async () => {
    w = await createAccessWorld(getDb());
  });
  afterAll(() => w.server.close());

  it('is empty before the user chose anything', async () => {
    const read = await w.server.requestAs(w.session('viewer'), 'GET', '/api/me/last-view');
    expect([read.statusCode, read.json()]).toEqual([200, { scorecard: null, orgUnit: null }]);
  });

  it("keeps the scorecard and unit a user chose for that user's next session, and for no one else", async () => {
    const saved = await w.server.requestAs(w.session('entry'), 'PUT', '/api/me/last-view', {
      scorecard: w.scorecard.code,
      orgUnit: w.units.inside,
    });
    const approver = await w.server.requestAs(w.session('approver'), 'GET', '/api/me/last-view');
    const entry = await w.server.requestAs(w.session('entry'), 'GET', '/api/me/last-view');
    expect([saved.statusCode, entry.json(), approver.json()]).toEqual([
      200,
      { scorecard: w.scorecard.code, orgUnit: w.units.inside },
      { scorecard: null, orgUnit: null },
    ]);
  });

  it('refuses a scorecard that does not exist with 404 and keeps what was saved', async () => {
    const refused = await w.server.requestAs(w.session('steward'), 'PUT', '/api/me/last-view', {
      scorecard: 'NO-SUCH-CARD',
      orgUnit: w.units.inside,
    });
    const read = await w.server.requestAs(w.session('steward'), 'GET', '/api/me/last-view');
    expect([refused.statusCode, refused.json().code, read.json()]).toEqual([
      404,
      'reference.scorecard-not-found',
      { scorecard: null, orgUnit: null },
    ]);
  });
});
