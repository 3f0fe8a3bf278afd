/**
 * Alerts and action plans end to end (issue 14), in English and Chinese at 1366×768, against one server with an
 * SMTP server on loopback: a value entered off target raises an alert in the responsible user's inbox (the
 * indicator's owner, the demo's data-entry user) and an e-mail; the user creates an action from the alert in one
 * click, completes it with evidence (an attachment); the next period's value on target closes the alert. And the
 * approval-waiting alert reaches the approver when the department submits. The action's collaborator is picked by
 * name from the user directory and finds the action in their "my work"; and the performance office adds an
 * off-target rule scoped to one unit on the alert rules tab (in Chinese), sees it listed and turns it off.
 *
 * Each language has a scorecard of its own (one monthly indicator owned by the entry user, targets for the last
 * and the current month), so the two runs do not share alerts. The rules run on demand (`POST /api/alerts/evaluate`,
 * as the schedule would), so the test does not wait for the change bus's debounce.
 */
import type { Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertResource } from '../../src/core/contracts/alerts.ts';
import type { Page as ApiPage } from '../../src/core/contracts/common.ts';
import { DEMO, type DemoUser, type E2e, screenshot, startE2e } from './e2e-harness.ts';

const UNIT = 'UMG-B1-INTM';
const VIEWPORT = { width: 1366, height: 768 };
const ENTRY_EMAIL = DEMO.entry.email;

/** The month before `now` and the month of `now` (UTC), the last two of the rules' recent periods. */
function recentMonths(now: Date): [string, string] {
  const month = (date: Date) => date.toISOString().slice(0, 7);
  const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return [month(previous), month(now)];
}
const [FIRST, NEXT] = recentMonths(new Date());

/** Each run's own data element: data elements are shared by every scorecard, so one run's months must not feed the other's. */
const elementOf = (code: string) => `sessions_${code.toLowerCase().replace(/-/g, '_')}`;

function scorecardFile(code: string) {
  return {
    format: 'healthbsc/scorecard@2',
    code,
    name: { en: `Clinic sessions ${code}`, zh: `门诊单元 ${code}` },
    periodType: 'month',
    dataElements: [
      {
        code: elementOf(code),
        name: { en: 'Clinic sessions held', zh: '开诊单元数' },
        valueType: 'integer',
      },
    ],
    perspectives: [
      {
        id: 'I',
        kind: 'internal',
        name: { en: 'Internal process', zh: '内部流程维度' },
        indicators: [
          {
            id: 'SESSIONS',
            name: { en: 'Clinic sessions', zh: '门诊单元' },
            formula: elementOf(code),
            direction: 'higher',
            owner: ENTRY_EMAIL,
          },
        ],
      },
    ],
    weights: { perspectives: { manual: { I: 1 } }, indicators: { I: { manual: { SESSIONS: 1 } } } },
  };
}

interface ReceivedMail {
  readonly to: readonly string[];
  readonly raw: string;
}

let e2e: E2e;
let smtp: SMTPServer;
const mails: ReceivedMail[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const address = smtp.server.address();
  if (address === null || typeof address === 'string') throw new Error('no SMTP address');
  e2e = await startE2e({
    env: {
      HEALTHBSC_SMTP_HOST: '127.0.0.1',
      HEALTHBSC_SMTP_PORT: String(address.port),
      HEALTHBSC_SMTP_SECURITY: 'none',
      HEALTHBSC_MAIL_FROM: 'HealthBSC <bsc@test.healthbsc>',
    },
  });
}, 600_000);

afterAll(async () => {
  await e2e?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

async function ok(method: string, path: string, body: unknown, as: DemoUser = DEMO.admin): Promise<unknown> {
  const response = await e2e.request(method, path, { as, body });
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
  return response.body;
}

/** A scorecard for this run: assigned to the department, targets 100 for both months, the two rules. */
async function setUpScorecard(code: string): Promise<void> {
  await ok('POST', '/api/scorecards', scorecardFile(code));
  await ok('PUT', `/api/scorecards/${code}/org-units`, {
    orgUnits: [{ orgUnit: UNIT, includeDescendants: false }],
  });
  await ok('PUT', '/api/targets', {
    targets: [FIRST, NEXT].map((period) => ({ scorecard: code, indicator: 'SESSIONS', period, target: 100 })),
  });
  await ok('POST', '/api/alert-rules', { scorecard: code, kind: 'off-target', severity: 'critical' });
  await ok('POST', '/api/alert-rules', { scorecard: code, kind: 'approval-waiting', severity: 'info' });
}

/** The entry user enters a month's value (as the grid would send it). */
async function enter(code: string, period: string, value: number): Promise<void> {
  await ok(
    'POST',
    '/api/data-values',
    { values: [{ orgUnit: UNIT, dataElement: elementOf(code), period, value }] },
    DEMO.entry,
  );
}

async function evaluate(code: string): Promise<void> {
  await ok('POST', '/api/alerts/evaluate', { scorecard: code });
}

async function inboxOf(user: DemoUser, code: string): Promise<AlertResource[]> {
  const page = await e2e.api<ApiPage<AlertResource>>('/api/inbox?state=all&limit=200', user);
  return page.items.filter((alert) => alert.scorecard === code);
}

/** The approver, as the directory names them: found by typing a part of the name. */
const COLLABORATOR = {
  typed: 'director',
  label: 'Dongcheng Branch director (approver) · approver@demo.healthbsc',
};

/**
 * Chooses the option titled `title` of the antd select `testId` in a dialog, after typing `typed` into its search;
 * then clicks the dialog's title to close the list (Escape would close the dialog).
 */
async function pick(page: Page, testId: string, typed: string, title: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(typed);
  const option = page.locator(`.ant-select-item-option[title="${title}"]`);
  await option.waitFor({ timeout: 20_000 });
  await option.click();
  await page.locator('.ant-modal-title').click();
}

/** The words a run expects, in its language. */
const WORDS = {
  'en-US': {
    offTarget: 'Off target',
    done: 'Done',
    approvalWaiting: 'Waiting for approval',
    mailSubject: '[HealthBSC]',
  },
  'zh-CN': { offTarget: '未达目标', done: '已完成', approvalWaiting: '待审核', mailSubject: '【HealthBSC】' },
} as const;

async function openAs(locale: keyof typeof WORDS, as: DemoUser): Promise<{ page: Page; errors: string[] }> {
  return e2e.openPage(locale, { as, viewport: VIEWPORT });
}

describe.each([
  { locale: 'en-US', code: 'ALERTS-EN', language: 'en' },
  { locale: 'zh-CN', code: 'ALERTS-ZH', language: 'zh-CN' },
] as const)('alerts and actions in $locale', ({ locale, code, language }) => {
  const words = WORDS[locale];
  /** The scorecard the flow works on (a retry's own: see the first test). */
  let current: string = code;
  let tries = 0;

  beforeAll(async () => {
    await setUpScorecard(code);
    // E-mails go out in the recipient's preferred language.
    await ok('PUT', '/api/me/preferences', { language }, DEMO.entry);
  }, 120_000);

  it('a value off target raises an alert in the owner’s inbox and an e-mail; an action from it is completed with evidence; the next month on target closes it', async () => {
    // A retry (vitest.config.ts) works on a scorecard of its own: the first try left its values, alerts and
    // action behind on this one.
    tries += 1;
    if (tries > 1) {
      current = `${code}-${tries}`;
      await setUpScorecard(current);
    }
    await enter(current, FIRST, 40);
    await evaluate(current);
    await expect
      .poll(async () => (await inboxOf(DEMO.entry, current)).filter((a) => a.state === 'open').length, {
        timeout: 20_000,
      })
      .toBe(1);
    const [alert] = await inboxOf(DEMO.entry, current);
    if (alert === undefined) throw new Error('no alert');
    expect([alert.kind, alert.indicator, alert.orgUnit, alert.period, alert.severity]).toEqual([
      'off-target',
      'SESSIONS',
      UNIT,
      FIRST,
      'critical',
    ]);
    await expect
      .poll(
        () => mails.filter((mail) => mail.to.includes(ENTRY_EMAIL) && mail.raw.includes('SESSIONS')).length,
        {
          timeout: 30_000,
        },
      )
      .toBeGreaterThan(0);

    // The landing page of a data-entry user is "my work"; the bell counts the unread alert and opens the inbox.
    const { page, errors } = await openAs(locale, DEMO.entry);
    await page.goto(e2e.url('/'));
    await page.waitForURL(/\/my-work/, { timeout: 20_000 });
    await expect
      .poll(async () => Number(await page.getByTestId('inbox-bell').getAttribute('data-unread')), {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    await page.getByTestId('inbox-bell').click();
    await page.waitForURL(/\/inbox/);
    const kind = page.getByTestId(`alert-kind-${alert.id}`);
    await kind.waitFor({ timeout: 20_000 });
    expect((await kind.textContent())?.trim()).toBe(words.offTarget);
    await screenshot(page, `alerts-inbox-${locale}.png`);

    // One click: the dialog proposes a title and due date, the user as the owner; a collaborator is picked by
    // name from the directory; creating opens the action.
    await page.getByTestId(`alert-create-action-${alert.id}`).click();
    await pick(page, 'create-action-collaborators', COLLABORATOR.typed, COLLABORATOR.label);
    await page.getByTestId('create-action-submit').click();
    await page.waitForURL(/\/actions\/\d+$/, { timeout: 20_000 });
    const actionId = Number(new URL(page.url()).pathname.split('/').pop());
    expect(await page.getByTestId('action-status').getAttribute('data-status')).toBe('planned');
    const created = await e2e.api<{ owner: { email: string }; collaborators: { email: string }[] }>(
      `/api/actions/${actionId}`,
      DEMO.entry,
    );
    expect([created.owner.email, created.collaborators.map((user) => user.email)]).toEqual([
      ENTRY_EMAIL,
      [DEMO.approver.email],
    ]);

    // The collaborator finds it in their "my work".
    const collaborator = await openAs(locale, DEMO.approver);
    await collaborator.page.goto(e2e.url('/my-work'));
    await collaborator.page.getByTestId(`action-link-${actionId}`).waitFor({ timeout: 20_000 });
    await screenshot(collaborator.page, `action-collaborator-my-work-${locale}.png`);
    expect(collaborator.errors).toEqual([]);

    // Evidence: a comment with an attachment, uploaded and then offered for download.
    await page.getByTestId('action-comment-text').fill('Two extra afternoon sessions from next week.');
    await page.locator('input[type="file"]').setInputFiles({
      name: 'roster.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('Mon/Wed afternoons: Dr Li, Dr Wang'),
    });
    await page.getByTestId('action-comment-submit').click();
    const attachment = page.locator('[data-testid^="attachment-"]').first();
    await attachment.waitFor({ timeout: 20_000 });
    expect((await attachment.textContent())?.trim()).toContain('roster.pdf');
    const href = await attachment.getAttribute('href');
    const download = await page.request.get(e2e.url(href ?? ''));
    expect(await download.text()).toBe('Mon/Wed afternoons: Dr Li, Dr Wang');

    // Done.
    await page.getByTestId('action-edit-status').click();
    await page.getByTitle(words.done).click();
    await page.getByTestId('action-edit-save').click();
    await expect
      .poll(() => page.getByTestId('action-status').getAttribute('data-status'), { timeout: 20_000 })
      .toBe('done');
    await screenshot(page, `action-done-${locale}.png`);
    const action = await e2e.api<{ status: string; progress: number; alertId: number | null }>(
      `/api/actions/${actionId}`,
      DEMO.entry,
    );
    expect([action.status, action.progress, action.alertId]).toEqual(['done', 100, alert.id]);

    // The next month on target closes the alert.
    await enter(current, NEXT, 120);
    await evaluate(current);
    await expect
      .poll(async () => (await inboxOf(DEMO.entry, current)).find((a) => a.id === alert.id)?.state, {
        timeout: 20_000,
      })
      .toBe('closed');
    await page.goto(e2e.url('/inbox'));
    await page.getByTestId(`alert-state-${alert.id}`).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId(`alert-state-${alert.id}`).getAttribute('data-state')).toBe('closed');
    expect(errors).toEqual([]);
    // Three pages, two evaluations and an upload: more than the default 30 s on a busy machine.
  }, 150_000);

  it('the approval-waiting alert reaches the approver when the department submits', async () => {
    const submission = { scorecard: current, orgUnit: UNIT, period: NEXT };
    // A retry (vitest.config.ts) starts where the first try did: a submission that try made is reopened first.
    const [earlier] = (
      await e2e.api<ApiPage<{ status: string }>>(
        `/api/approvals?scorecard=${current}&orgUnit=${UNIT}&period=${NEXT}`,
        DEMO.admin,
      )
    ).items;
    if (earlier?.status === 'submitted') {
      await ok('POST', '/api/approvals/reopen', { ...submission, reason: 'e2e: the test is tried again' });
    }
    await ok('POST', '/api/approvals/submit', submission, DEMO.entry);
    await evaluate(current);
    const waitingNow = async () =>
      (await inboxOf(DEMO.approver, current)).filter(
        (a) => a.kind === 'approval-waiting' && a.state === 'open',
      );
    await expect.poll(async () => (await waitingNow()).length, { timeout: 20_000 }).toBe(1);
    const [waiting] = await waitingNow();
    if (waiting === undefined) throw new Error('no approval-waiting alert');
    expect([waiting.orgUnit, waiting.period, waiting.state]).toEqual([UNIT, NEXT, 'open']);
    const { page, errors } = await openAs(locale, DEMO.approver);
    await page.goto(e2e.url('/inbox'));
    const kind = page.getByTestId(`alert-kind-${waiting.id}`);
    await kind.waitFor({ timeout: 20_000 });
    expect((await kind.textContent())?.trim()).toBe(words.approvalWaiting);
    expect(errors).toEqual([]);
  });
});

describe('the alert rules editor in zh-CN', () => {
  const code = 'RULES-ZH';

  beforeAll(async () => {
    await ok('POST', '/api/scorecards', scorecardFile(code));
    await ok('PUT', `/api/scorecards/${code}/org-units`, {
      orgUnits: [{ orgUnit: UNIT, includeDescendants: false }],
    });
  }, 120_000);

  it('the performance office adds an off-target rule scoped to one unit, sees it listed and turns it off', async () => {
    const unit = await e2e.api<{ name: { en: string; zh?: string } }>(
      `/api/org-units/${UNIT}`,
      DEMO.strategist,
    );
    const unitName = unit.name.zh ?? unit.name.en;
    const { page, errors } = await openAs('zh-CN', DEMO.strategist);
    await page.goto(e2e.url(`/notifications?tab=rules&scorecard=${code}`));
    await page.getByTestId('rule-add').click();
    await pick(page, 'rule-units', UNIT, `${unitName} (${UNIT})`);
    await page.getByTestId('rule-submit').click();

    type Rule = { id: number; kind: string; orgUnits: string[]; enabled: boolean };
    const rulesOf = async () =>
      (await e2e.api<{ rules: Rule[] }>(`/api/alert-rules?scorecard=${code}`, DEMO.strategist)).rules;
    await expect.poll(async () => (await rulesOf()).length, { timeout: 20_000 }).toBe(1);
    const [rule] = await rulesOf();
    if (rule === undefined) throw new Error('no rule');
    expect([rule.kind, rule.orgUnits, rule.enabled]).toEqual(['off-target', [UNIT], true]);
    const listed = page.getByTestId(`rule-kind-${rule.id}`);
    await listed.waitFor({ timeout: 20_000 });
    expect([
      (await listed.textContent())?.trim(),
      (await page.getByTestId(`rule-units-${rule.id}`).textContent())?.trim(),
    ]).toEqual(['未达目标', unitName]);

    await page.getByTestId(`rule-enabled-${rule.id}`).click();
    await expect
      .poll(() => page.getByTestId(`rule-enabled-${rule.id}`).getAttribute('data-enabled'), {
        timeout: 20_000,
      })
      .toBe('false');
    expect((await rulesOf()).map((r) => r.enabled)).toEqual([false]);
    await screenshot(page, 'alert-rules-zh-CN.png');
    expect(errors).toEqual([]);
  }, 90_000);
});
