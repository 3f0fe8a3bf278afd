/** Org units, org-unit groups and which units a scorecard applies to (server/services/org-unit*.ts). */
import { defineMessages } from './define-messages.ts';

export const orgUnitMessages = defineMessages('org-unit', {
  'not-found': { en: "There is no org unit '{{code}}'.", 'zh-CN': '没有组织单元“{{code}}”。' },
  unknown: { en: "there is no org unit '{{code}}'", 'zh-CN': '没有组织单元“{{code}}”' },
  'parent-not-found': {
    en: "There is no org unit '{{code}}' to be the parent.",
    'zh-CN': '没有可作为上级的组织单元“{{code}}”。',
  },
  exists: { en: "An org unit '{{code}}' already exists.", 'zh-CN': '组织单元“{{code}}”已存在。' },
  'code-format': {
    en: 'must start with a letter, a digit or _ and hold only ASCII letters, digits, _ . -',
    'zh-CN': '须以字母、数字或 _ 开头，且只能包含 ASCII 字母、数字及 _ . -',
  },
  'no-change': {
    en: 'give at least one of name, role, sortOrder',
    'zh-CN': '请至少提供 name、role、sortOrder 中的一项',
  },
  'group-not-found': {
    en: "There is no org-unit group '{{code}}'.",
    'zh-CN': '没有组织单元组“{{code}}”。',
  },
  'unknown-group': {
    en: "there is no org-unit group '{{code}}'",
    'zh-CN': '没有组织单元组“{{code}}”',
  },
  'group-exists': {
    en: "An org-unit group '{{code}}' already exists.",
    'zh-CN': '组织单元组“{{code}}”已存在。',
  },
  'group-no-change': {
    en: 'give at least one of name, members',
    'zh-CN': '请至少提供 name、members 中的一项',
  },
  'members-invalid': { en: 'Some members are not org units.', 'zh-CN': '部分成员不是组织单元。' },
  'assignment-invalid': {
    en: 'Some org units cannot be assigned.',
    'zh-CN': '部分组织单元无法分配。',
  },
  'listed-twice': {
    en: "'{{code}}' is already listed at orgUnits[{{first}}]",
    'zh-CN': '“{{code}}”已在 orgUnits[{{first}}] 中列出',
  },
});
