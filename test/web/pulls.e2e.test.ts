/**
 * The "Database pulls" tab end to end (src/server/pulls): a throwaway PostgreSQL plays the hospital's database.
 * In the page: a connection and a pull are created, the dry run shows what would be imported, "Run now" is
 * queued as a job and the history follows it to its end, and the values are then in the API; a connection with a
 * user the database refuses shows the coded error; the schedule is edited, the pull switched off, and the same
 * tab reads in Chinese; last, the pull is deleted after its confirmation. One server, one browser, 1366×768.
 * (Refusing to delete a pull while a run of it goes is tested in src/server/pulls.)
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DataValue } from '../../src/core/contracts/data-values.ts';
import type { PullResource, PullRunResource } from '../../src/core/contracts/pulls.ts';
import { type PostgresCluster, startPostgresCluster } from '../postgres-cluster.ts';
import { chooseOption, type E2e, startE2e } from './e2e-harness.ts';

const UNIT = 'UMG-B1-INTM';
const VIEWPORT = { width: 1366, height: 768 };

/** The month a run by hand reads (offset −1: the month before now, in Asia/Shanghai, the pull's zone). */
function previousMonth(): { id: string; day: string } {
  const [y, m] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
  })
    .format(new Date())
    .split('-')
    .map(Number);
  const year = m === 1 ? Number(y) - 1 : Number(y);
  const month = m === 1 ? 12 : Number(m) - 1;
  const id = `${year}-${String(month).padStart(2, '0')}`;
  return { id, day: `${id}-15` };
}

const PERIOD = previousMonth();
const PROFILE = JSON.stringify({
  format: 'healthbsc/profile@1',
  code: 'e2e_visits',
  unit: { column: 'unit', prefix: 'UMG-B1-' },
  values: [{ column: 'visits', dataElement: 'outpatient_visits' }],
});
const QUERY =
  'select unit, sum(n)::int as visits from visits where day >= :period_start::date and day < :period_end::date group by unit';

let cluster: PostgresCluster;
let e2e: E2e;
let page: Page;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  await client.query('create table visits (unit text, day date, n int)');
  await client.query('insert into visits values ($1, $2, 4000), ($1, $2, 321)', ['INTM', PERIOD.day]);
  await client.end();
  e2e = await startE2e({ env: { HEALTHBSC_PULL_KEY: randomBytes(32).toString('base64') } });
  ({ page } = await e2e.openPage('en-US', { viewport: VIEWPORT }));
  await page.goto(e2e.url('/imports'));
  await page.getByTestId('imports-tab-pulls').click();
}, 240_000);

afterAll(async () => {
  await e2e?.close();
  await cluster?.stop();
});

async function addConnection(code: string, user: string): Promise<void> {
  const url = new URL(cluster.url);
  await page.getByTestId('pull-connection-code').fill(code);
  await page.getByTestId('pull-connection-unit').fill(UNIT);
  await page.getByTestId('pull-connection-host').fill(url.hostname);
  await page.getByTestId('pull-connection-port').fill(url.port);
  await page.getByTestId('pull-connection-database').fill('postgres');
  await page.getByTestId('pull-connection-user').fill(user);
  await page.getByTestId('pull-connection-password').fill('trust-ignores-it');
  await page.getByTestId('pull-connection-save').click();
  await expect.poll(() => page.getByTestId(`pull-connection-edit-${code}`).count()).toBe(1);
}

it('creates a connection and a pull in the page', async () => {
  await addConnection('his', decodeURIComponent(new URL(cluster.url).username));
  await page.getByTestId('pull-code').fill('visits');
  await page.getByTestId('pull-unit').fill(UNIT);
  await chooseOption(page, page.getByTestId('pull-connection'), `his (${UNIT})`);
  await page.getByTestId('pull-query').fill(QUERY);
  await page.getByTestId('pull-profile').fill(PROFILE);
  await page.getByTestId('pull-save').click();
  await expect
    .poll(() => page.getByTestId('pull-schedule-visits').textContent())
    .toBe('0 6 3 * * (Asia/Shanghai)');
});

it('a dry run shows the values it would import', async () => {
  await page
    .getByRole('row', { name: /visits/ })
    .getByRole('button', { name: /expand/i })
    .click();
  await page.getByTestId('pull-dry-run-visits').click();
  await expect
    .poll(() => page.getByTestId('pull-preview-visits').textContent(), { timeout: 30_000 })
    .toBe('1 rows read: 1 values would be created, 0 changed, 0 unchanged.');
});

/** The pull of that code, from the API's list (undefined when the list lacks it). */
async function pullOf(code: string): Promise<PullResource | undefined> {
  const pulls = await e2e.api<{ items: PullResource[] }>('/api/pulls');
  return pulls.items.find((p) => p.code === code);
}

/** The pull's runs, newest first, from the API. */
async function runsOf(code: string): Promise<PullRunResource[]> {
  const id = (await pullOf(code))?.id;
  return (await e2e.api<{ items: PullRunResource[] }>(`/api/pulls/${id}/runs`)).items;
}

it('runs as a job to its end, and the value is in the API', { timeout: 120_000 }, async () => {
  await page.getByTestId('pull-run-visits').click();
  await expect
    .poll(async () => (await runsOf('visits')).map((r) => [r.dryRun, r.status, r.rowsRead]), {
      timeout: 90_000,
    })
    .toEqual([
      [false, 'succeeded', 1],
      [true, 'succeeded', 1],
    ]);
  const values = await e2e.api<{ items: DataValue[] }>(
    `/api/data-values?orgUnit=${UNIT}&period=${PERIOD.id}&dataElement=outpatient_visits`,
  );
  expect(values.items.map((v) => v.value)).toEqual([4321]);
});

it('a user the database refuses shows the coded error', async () => {
  await addConnection('wrong', 'nobody_here');
  await page.getByRole('row', { name: /wrong/ }).getByRole('button', { name: 'Test' }).click();
  await expect
    .poll(() => page.getByText(/The database refused the user name or password/).count(), { timeout: 30_000 })
    .toBe(1);
});

it('edits the schedule', async () => {
  await page.getByTestId('pull-edit-visits').click();
  await page.getByTestId('pull-schedule').fill('30 7 5 * *');
  await page.getByTestId('pull-save').click();
  await expect
    .poll(() => page.getByTestId('pull-schedule-visits').textContent())
    .toBe('30 7 5 * * (Asia/Shanghai)');
});

it('switches the pull off and on again', async () => {
  await page.getByTestId('pull-enabled-visits').click();
  await expect.poll(async () => (await pullOf('visits'))?.enabled).toBe(false);
  await page.getByTestId('pull-enabled-visits').click();
  await expect.poll(async () => (await pullOf('visits'))?.enabled).toBe(true);
});

it('reads in Chinese', async () => {
  const zh = await e2e.openPage('zh-CN', { viewport: VIEWPORT });
  await zh.page.goto(e2e.url('/imports'));
  await zh.page.getByTestId('imports-tab-pulls').click();
  await expect.poll(() => zh.page.getByRole('columnheader', { name: '运行计划（cron）' }).count()).toBe(1);
  expect(await zh.page.getByTestId('pull-schedule-visits').textContent()).toBe('30 7 5 * * (Asia/Shanghai)');
  expect(zh.errors).toEqual([]);
  await zh.page.close();
});

it('keeps the pull when its deletion is cancelled', async () => {
  await page.getByTestId('pull-delete-visits').click();
  const confirm = page.locator('.ant-popconfirm');
  await expect.poll(() => confirm.getByText(/Delete the pull visits and its run history\?/).count()).toBe(1);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => confirm.isVisible()).toBe(false);
  expect([await page.getByTestId('pull-schedule-visits').count(), (await pullOf('visits'))?.code]).toEqual([
    1,
    'visits',
  ]);
});

it('deletes the pull once confirmed: it leaves the table, the list and the API', async () => {
  const id = (await pullOf('visits'))?.id;
  await page.getByTestId('pull-delete-visits').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => page.getByTestId('pull-schedule-visits').count()).toBe(0);
  expect(await pullOf('visits')).toBeUndefined();
  const gone = await e2e.request<{ code: string }>('GET', `/api/pulls/${id}`);
  expect([gone.status, gone.body.code]).toEqual([404, 'pull.not-found']);
});
