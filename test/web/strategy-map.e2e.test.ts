/**
 * The strategy map end to end at 1366 × 768, in zh-CN and en: seed 002's AZ Hospital (examples/az-hospital) and
 * the demo group (src/demo/strategy.ts) drawn with their lanes, objective statuses and link checks; a link's
 * hypothesis edited in the designer; the map exported as SVG.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StrategyJson, StrategyMapJson } from '../../src/core/contracts/strategy-map.ts';
import { DEMO, type E2e, screenshot, startE2e } from './e2e-harness.ts';

let e2e: E2e;
const VIEWPORT = { width: 1366, height: 768 };
const AZ = '/strategy-map?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016';
const GROUP = '/strategy-map?scorecard=UMG-BSC&orgUnit=UMG&period=2024';

beforeAll(async () => {
  e2e = await startE2e();
}, 600_000);

afterAll(async () => {
  await e2e?.close();
});

describe('the strategy map', () => {
  it('draws AZ Hospital’s map in Chinese: five lanes, each card in its status, ten links marked as not judged', async () => {
    const expected = await e2e.api<StrategyMapJson>(`/api${AZ}&grain=month`);
    const { page, errors } = await e2e.openPage('zh-CN', { viewport: VIEWPORT });
    await page.goto(e2e.url(AZ));
    await page.getByTestId('objective-I-BEDS').waitFor({ timeout: 60_000 });
    const statuses = await Promise.all(
      expected.lanes.flatMap((lane) =>
        lane.objectives.map(async (o) => [
          o.id,
          await page.getByTestId(`objective-${o.id}`).getAttribute('data-status'),
        ]),
      ),
    );
    expect([
      await page.getByRole('heading', { name: '战略地图' }).isVisible(),
      await page.locator('[data-testid^="lane-"]').count(),
      statuses,
      await page.locator('.react-flow__edge').count(),
      await page.getByText(/无法判断：期间少于 8 个/).count(),
    ]).toEqual([
      true,
      5,
      expected.lanes.flatMap((lane) => lane.objectives.map((o) => [o.id, o.status])),
      10,
      10,
    ]);
    await screenshot(page, 'strategy-map-az-zh-CN.png');
    expect(errors).toEqual([]);
  }, 180_000);

  it('draws the demo group’s map in English with each link’s r and lag from its months', async () => {
    const expected = await e2e.api<StrategyMapJson>(`/api${GROUP}&grain=month`);
    const { page, errors } = await e2e.openPage('en', { viewport: VIEWPORT });
    await page.goto(e2e.url(GROUP));
    await page.getByTestId('objective-I-FLOW').waitFor({ timeout: 120_000 });
    const first = expected.links[0];
    const label =
      first?.check.r === null || first === undefined
        ? ''
        : `r ${first.check.r.toFixed(2)} · lag ${first.check.lag} · n ${first.check.n}`;
    expect([
      await page.locator('[data-testid^="lane-"]').count(),
      await page.locator('.react-flow__edge').count(),
      expected.links.every((l) => l.check.n > 0),
      await page.getByText(label).count(),
    ]).toEqual([4, 5, true, 1]);
    await screenshot(page, 'strategy-map-group-en.png');
    expect(errors).toEqual([]);
  }, 240_000);

  it('edits a link’s hypothesis in the designer and stores it as the scorecard’s next version', async () => {
    const { page, errors } = await e2e.openPage('en', { viewport: VIEWPORT, as: DEMO.strategist });
    await page.goto(e2e.url(AZ));
    await page.getByTestId('objective-I-BEDS').waitFor({ timeout: 60_000 });
    await page.locator('.react-flow__edge').first().locator('.react-flow__edge-text').click({ force: true });
    const note = page.getByTestId('link-note');
    await note.waitFor();
    await note.fill('Staff passing the Three Basics make fewer errors');
    await page.getByTestId('save-link').click();
    await page.getByText(/Saved as version \d+/).waitFor({ timeout: 60_000 });
    const strategy = await e2e.api<StrategyJson>('/api/scorecards/AZ-HOSPITAL/strategy');
    expect(strategy.links[0]).toEqual({
      from: 'S-SKILLS',
      to: 'I-QUALITY',
      note: 'Staff passing the Three Basics make fewer errors',
    });
    expect(errors).toEqual([]);
  }, 180_000);

  it('exports the map as an SVG with its lanes and cards', async () => {
    const { page, errors } = await e2e.openPage('en', { viewport: VIEWPORT });
    await page.goto(e2e.url(AZ));
    await page.getByTestId('objective-I-BEDS').waitFor({ timeout: 60_000 });
    const download = page.waitForEvent('download');
    await page.getByTestId('export-svg').click();
    const file = await download;
    const svg = await readFile((await file.path()) ?? '', 'utf8');
    expect([
      file.suggestedFilename(),
      svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'),
      (svg.match(/class="lane"/g) ?? []).length,
      (svg.match(/class="card"/g) ?? []).length,
      svg.includes('Use beds efficiently'),
    ]).toEqual(['strategy-map-AZ-HOSPITAL-AZ-2016.svg', true, 5, 10, true]);
    expect(errors).toEqual([]);
  }, 180_000);
});
