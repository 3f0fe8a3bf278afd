/** Who may do what: signing in, sessions, tokens and roles (core/access, server/accounts). */
import { defineMessages } from './define-messages.ts';

export const accessMessages = defineMessages('access', {
  forbidden: { en: 'You do not have access to this resource.', 'zh-CN': '您无权访问此资源。' },
  'sign-in-first': { en: 'Sign in first.', 'zh-CN': '请先登录。' },
  'no-access-to-unit': {
    en: "You have no access to org unit '{{code}}'.",
    'zh-CN': '您无权访问组织单元“{{code}}”。',
  },
  'needs-role': { en: 'This needs the role {{role}}.', 'zh-CN': '此操作需要角色 {{role}}。' },
  'needs-one-of-roles': {
    en: 'This needs the role {{roles}} or {{last}}.',
    'zh-CN': '此操作需要以下角色之一：{{roles}} 或 {{last}}。',
  },
  'needs-installation-admin': {
    en: 'This needs the role admin over the whole installation.',
    'zh-CN': '此操作需要对整个系统拥有 admin（管理员）角色。',
  },
  'needs-installation-designer': {
    en: 'A top-level org unit (a new organisation) needs the role admin or strategist over the whole installation.',
    'zh-CN': '创建顶层组织单元（新机构）需要对整个系统拥有 admin 或 strategist 角色。',
  },
  'csrf-token-missing': {
    en: "A write signed in by cookie must send the session's CSRF token in the {{header}} header (returned at sign-in and by GET /api/session).",
    'zh-CN':
      '通过 Cookie 登录的写操作须在 {{header}} 请求头中发送会话的 CSRF 令牌（登录时及 GET /api/session 会返回该令牌）。',
  },
  'setup-required': {
    en: 'This HealthBSC server runs in production mode and has no administrator yet, so it serves no data. Stop it and run `healthbsc user create --admin --email you@example.org` (the password is read from the terminal or stdin), then start it again.',
    'zh-CN':
      '此 HealthBSC 服务器以生产模式运行，但尚无管理员，因此不提供任何数据。请先停止服务器，运行 `healthbsc user create --admin --email you@example.org`（密码从终端或标准输入读取），然后重新启动。',
  },
});
