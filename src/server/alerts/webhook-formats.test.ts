import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AlertResource } from '../../core/contracts/alerts.ts';
import { retryAt, webhookRequest } from './webhook-formats.ts';

const ALERT: AlertResource = {
  id: 7,
  ruleId: 1,
  kind: 'off-target',
  severity: 'critical',
  scorecard: 'BSC',
  indicator: 'LOS',
  orgUnit: 'ICU',
  period: '2024-05',
  actionId: null,
  state: 'open',
  code: 'off-target',
  params: { indicator: 'LOS', value: 9.1, target: 8 },
  openedAt: '2024-06-03T08:00:00.000Z',
  closedAt: null,
  read: false,
};
const NOW = new Date('2024-06-03T08:00:00.000Z');

describe('webhook requests', () => {
  it('signs the generic POST as HMAC-SHA256 of "timestamp.body" with the secret', () => {
    const request = webhookRequest(
      { kind: 'generic', url: 'http://h/x', secret: 's3cret' },
      ALERT,
      'text',
      NOW,
    );
    const expected = createHmac('sha256', 's3cret').update(`1717401600.${request.body}`).digest('hex');
    expect([request.headers['x-healthbsc-timestamp'], request.headers['x-healthbsc-signature']]).toEqual([
      '1717401600',
      `sha256=${expected}`,
    ]);
  });

  it('sends WeCom a text message to the robot’s URL, unsigned', () => {
    const request = webhookRequest(
      { kind: 'wecom', url: 'https://qyapi.example/send?key=K', secret: null },
      ALERT,
      '未达目标',
      NOW,
    );
    expect([request.url, JSON.parse(request.body)]).toEqual([
      'https://qyapi.example/send?key=K',
      { msgtype: 'text', text: { content: '未达目标' } },
    ]);
  });

  it('appends DingTalk’s millisecond timestamp and base64 sign of "timestamp\\nsecret" to the URL', () => {
    const request = webhookRequest(
      { kind: 'dingtalk', url: 'https://oapi.example/robot/send?access_token=T', secret: 'SEC' },
      ALERT,
      'x',
      NOW,
    );
    const url = new URL(request.url);
    const sign = createHmac('sha256', 'SEC').update('1717401600000\nSEC').digest('base64');
    expect([
      url.searchParams.get('access_token'),
      url.searchParams.get('timestamp'),
      url.searchParams.get('sign'),
    ]).toEqual(['T', '1717401600000', sign]);
  });

  it('puts Feishu’s second timestamp and sign (HMAC keyed by "timestamp\\nsecret" over nothing) in the body', () => {
    const request = webhookRequest(
      { kind: 'feishu', url: 'https://open.example/hook/abc', secret: 'SEC' },
      ALERT,
      'x',
      NOW,
    );
    const sign = createHmac('sha256', '1717401600\nSEC').update('').digest('base64');
    expect(JSON.parse(request.body)).toEqual({
      timestamp: '1717401600',
      sign,
      msg_type: 'text',
      content: { text: 'x' },
    });
  });
});

describe('retries', () => {
  it('waits 30 s, then doubles, and gives up after the sixth attempt', () => {
    const waits = [1, 2, 3, 4, 5, 6].map((n) => {
      const at = retryAt(n, NOW);
      return at === null ? null : (at.getTime() - NOW.getTime()) / 1000;
    });
    expect(waits).toEqual([30, 60, 120, 240, 480, null]);
  });
});
