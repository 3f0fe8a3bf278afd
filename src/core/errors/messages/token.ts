/** API tokens for integrations (server/accounts/tokens.service.ts, the bearer check of accounts.plugin.ts). */
import { defineMessages } from './define-messages.ts';

export const tokenMessages = defineMessages('token', {
  invalid: {
    en: 'The API token is not valid: it is unknown, revoked or expired.',
    'zh-CN': 'API 令牌无效：它不存在、已被吊销或已过期。',
  },
  'bad-header': {
    en: 'Send an API token as "Authorization: Bearer hbsc_…".',
    'zh-CN': '请按 "Authorization: Bearer hbsc_…" 的格式发送 API 令牌。',
  },
  exists: {
    en: "An API token '{{name}}' exists already; revoke it or choose another name.",
    'zh-CN': 'API 令牌“{{name}}”已存在；请先吊销它或另取一个名称。',
  },
  'not-found': { en: 'There is no API token {{id}}.', 'zh-CN': '没有编号为 {{id}} 的 API 令牌。' },
  'not-found-by-name': {
    en: "There is no API token '{{name}}'.",
    'zh-CN': '没有名为“{{name}}”的 API 令牌。',
  },
  'name-characters': {
    en: 'letters, digits, _ . - only',
    'zh-CN': '只能包含字母、数字及 _ . -',
  },
});
