/** User accounts, their roles and passwords (server/accounts/users.service.ts, core/access/password-policy.ts). */
import { defineMessages } from './define-messages.ts';

export const accountMessages = defineMessages('account', {
  exists: { en: "A user '{{email}}' exists already.", 'zh-CN': '用户“{{email}}”已存在。' },
  'not-found': { en: 'There is no user {{id}}.', 'zh-CN': '没有编号为 {{id}} 的用户。' },
  'last-admin': {
    en: 'This change would leave no enabled admin over the whole installation; nothing was changed.',
    'zh-CN': '此更改会使整个系统不再有启用的管理员；未做任何更改。',
  },
  'assignments-invalid': {
    en: 'Some role assignments name no org unit.',
    'zh-CN': '部分角色分配指向了不存在的组织单元。',
  },
  'password-policy': {
    en: 'The password does not meet the policy.',
    'zh-CN': '密码不符合密码策略。',
  },
  'password-too-short': {
    en: 'use at least {{minimum}} characters',
    'zh-CN': '密码至少需要 {{minimum}} 个字符',
  },
  'password-too-long': {
    en: 'use at most {{maximum}} characters',
    'zh-CN': '密码最多 {{maximum}} 个字符',
  },
  'password-common': {
    en: 'this password is among the most commonly used; choose another',
    'zh-CN': '此密码属于最常用的密码之一，请换一个',
  },
  'password-is-email': {
    en: 'the password may not be the email address or its name part',
    'zh-CN': '密码不能是邮箱地址或其 @ 前的部分',
  },
  'password-one-character': {
    en: 'the password may not repeat one character',
    'zh-CN': '密码不能由同一个字符重复组成',
  },
});
