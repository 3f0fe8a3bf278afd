/** Who may do what: signing in, sessions, tokens and roles (core/access, server/accounts). */
import { defineMessages } from './define-messages.ts';

export const accessMessages = defineMessages('access', {
  forbidden: { en: 'You do not have access to this resource.', 'zh-CN': '您无权访问此资源。' },
  'sign-in-first': { en: 'Sign in first.', 'zh-CN': '请先登录。' },
});
