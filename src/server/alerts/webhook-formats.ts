/**
 * What each webhook kind sends and how it signs it:
 * - generic: the alert as JSON, `x-healthbsc-timestamp` (Unix seconds) and `x-healthbsc-signature:
 *   sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>` (the scheme of Stripe's and GitHub's webhooks);
 * - WeCom (企业微信) group robot: `{ msgtype: 'text', text: { content } }` to the robot's URL, whose `key` is the
 *   credential (no signature) — https://developer.work.weixin.qq.com/document/path/91770;
 * - DingTalk (钉钉) custom robot with 加签: `timestamp` (ms) and `sign = base64(HMAC-SHA256(secret,
 *   timestamp + "\n" + secret))`, URL-encoded, appended to the URL; body `{ msgtype: 'text', text: { content } }`
 *   — https://open.dingtalk.com/document/robots/customize-robot-security-settings;
 * - Feishu (飞书) custom bot with signature: `timestamp` (s) and `sign = base64(HMAC-SHA256(key = timestamp +
 *   "\n" + secret, message = ""))` in the body with `{ msg_type: 'text', content: { text } }`
 *   — https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot.
 */
import { createHmac } from 'node:crypto';
import {
  type AlertResource,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  type WebhookKind,
} from '../../core/contracts/alerts.ts';

export interface WebhookRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * The generic signature of a body at a time.
 *
 * @example genericSignature('s3cret', 1700000000, '{}').startsWith('sha256=') // true
 */
export function genericSignature(secret: string, timestampSeconds: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex')}`;
}

/** DingTalk's `sign` for a timestamp in milliseconds (before URL encoding). */
export function dingTalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/** Feishu's `sign` for a timestamp in seconds. */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

/** The request a webhook of `kind` makes for an alert, at `now`, with `text` as the robots' message. */
export function webhookRequest(
  hook: { readonly kind: WebhookKind; readonly url: string; readonly secret: string | null },
  alert: AlertResource,
  text: string,
  now: Date,
): WebhookRequest {
  const json = { 'content-type': 'application/json' };
  switch (hook.kind) {
    case 'generic': {
      const body = JSON.stringify({ event: alert.state === 'open' ? 'alert.raised' : 'alert.closed', alert });
      const ts = Math.floor(now.getTime() / 1000);
      return {
        url: hook.url,
        body,
        headers: {
          ...json,
          [WEBHOOK_TIMESTAMP_HEADER]: String(ts),
          [WEBHOOK_SIGNATURE_HEADER]: genericSignature(hook.secret ?? '', ts, body),
        },
      };
    }
    case 'wecom':
      return {
        url: hook.url,
        headers: json,
        body: JSON.stringify({ msgtype: 'text', text: { content: text } }),
      };
    case 'dingtalk': {
      const ts = now.getTime();
      const url = new URL(hook.url);
      url.searchParams.set('timestamp', String(ts));
      url.searchParams.set('sign', dingTalkSign(hook.secret ?? '', ts));
      return {
        url: url.toString(),
        headers: json,
        body: JSON.stringify({ msgtype: 'text', text: { content: text } }),
      };
    }
    case 'feishu': {
      const ts = Math.floor(now.getTime() / 1000);
      return {
        url: hook.url,
        headers: json,
        body: JSON.stringify({
          timestamp: String(ts),
          sign: feishuSign(hook.secret ?? '', ts),
          msg_type: 'text',
          content: { text },
        }),
      };
    }
  }
}

/** The most attempts of one delivery; then it is `failed`. */
export const MAX_WEBHOOK_ATTEMPTS = 6;

/**
 * When to try again after the `attempts`-th failure: 30 s, 1, 2, 4, 8 min (doubling), null after the last.
 *
 * @example retryAt(1, new Date('2024-01-01T00:00:00Z'))?.toISOString() // '2024-01-01T00:00:30.000Z'
 */
export function retryAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_WEBHOOK_ATTEMPTS) return null;
  return new Date(now.getTime() + 30_000 * 2 ** (attempts - 1));
}
