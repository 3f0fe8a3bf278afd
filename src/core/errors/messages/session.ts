/** Signing in and out, and the session of a person (server/accounts/session.service.ts). */
import { defineMessages } from './define-messages.ts';

export const sessionMessages = defineMessages('session', {
  'wrong-credentials': { en: 'Wrong email or password.', 'zh-CN': '邮箱或密码错误。' },
  'too-many-attempts': {
    en: 'Too many failed sign-ins for this account or from this address; try again in {{seconds}} s.',
    'zh-CN': '此账号或此地址登录失败次数过多；请在 {{seconds}} 秒后重试。',
  },
  'token-has-no-session': {
    en: 'An API token has no session: GET and DELETE /api/session are for people signed in.',
    'zh-CN': 'API 令牌没有会话：GET 和 DELETE /api/session 仅供已登录的用户使用。',
  },
});
