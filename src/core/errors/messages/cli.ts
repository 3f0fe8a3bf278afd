/** The healthbsc command: how it was called, the files it reads, and its own failures (src/cli). */
import { defineMessages } from './define-messages.ts';

export const cliMessages = defineMessages('cli', {
  'unknown-command': {
    en: "unknown command '{{name}}'. Run 'healthbsc help'.",
    'zh-CN': "未知命令“{{name}}”。请运行 'healthbsc help'。",
  },
  'unexpected-error': { en: 'unexpected error: {{message}}', 'zh-CN': '意外错误：{{message}}' },
  'lang-value': {
    en: "--lang must be en or zh-CN (got '{{value}}')",
    'zh-CN': '--lang 须为 en 或 zh-CN（现为“{{value}}”）',
  },
  'lang-missing': { en: '--lang needs a language: en or zh-CN', 'zh-CN': '--lang 需要指定语言：en 或 zh-CN' },
  'lang-env': {
    en: "HEALTHBSC_LANG must be en or zh-CN (got '{{value}}')",
    'zh-CN': 'HEALTHBSC_LANG 须为 en 或 zh-CN（现为“{{value}}”）',
  },
  'no-such-file': { en: 'no such file', 'zh-CN': '文件不存在' },
  'is-a-directory': { en: 'is a directory', 'zh-CN': '这是一个目录' },
  'cannot-read': { en: 'cannot be read', 'zh-CN': '无法读取' },
  'no-such-file-or-unreadable': {
    en: 'no such file or not readable',
    'zh-CN': '文件不存在或无法读取',
  },
  'file-exists': {
    en: '{{file}} exists; choose another name or pass --force to overwrite it',
    'zh-CN': '{{file}} 已存在；请换一个文件名，或加上 --force 覆盖它',
  },
  'takes-one-file': {
    en: '{{command}} takes exactly one FILE',
    'zh-CN': '{{command}} 只接受一个 FILE 参数',
  },
  'takes-one-path': {
    en: '{{command}} takes exactly one PATH',
    'zh-CN': '{{command}} 只接受一个 PATH 参数',
  },
  'unexpected-argument': {
    en: "unexpected argument '{{argument}}'",
    'zh-CN': '多余的参数“{{argument}}”',
  },
  'option-not-allowed': {
    en: "--{{flag}} must be one of {{allowed}} (got '{{value}}')",
    'zh-CN': '--{{flag}} 须为以下之一：{{allowed}}（现为“{{value}}”）',
  },
  'threshold-not-positive': {
    en: "--threshold must be a positive number (got '{{value}}')",
    'zh-CN': '--threshold 须为正数（现为“{{value}}”）',
  },
  'ahp-input-invalid': { en: 'The AHP input is not valid.', 'zh-CN': 'AHP 输入无效。' },
  'ahp-labels-count': {
    en: '{{labels}} labels for a {{n}}×{{n}} matrix',
    'zh-CN': '{{n}}×{{n}} 的矩阵却有 {{labels}} 个标签',
  },
  'no-values': {
    en: 'no values: put values.yaml beside {{file}} or pass --values FILE',
    'zh-CN': '没有数据值：请把 values.yaml 放在 {{file}} 旁边，或用 --values FILE 指定',
  },
  'token-settings-invalid': {
    en: 'The token settings are not valid.',
    'zh-CN': '令牌设置无效。',
  },
  'token-revoke-needs-name': {
    en: 'token revoke needs the token NAME',
    'zh-CN': 'token revoke 需要令牌名称 NAME',
  },
  'token-action': { en: 'say create, list or revoke', 'zh-CN': '请指定 create、list 或 revoke' },
  'expires-days': {
    en: '--expires takes a whole number of days',
    'zh-CN': '--expires 须为整数天数',
  },
  'user-action': { en: 'say create or list', 'zh-CN': '请指定 create 或 list' },
  'user-needs-email': {
    en: 'user create needs --email EMAIL',
    'zh-CN': 'user create 需要 --email EMAIL',
  },
  'password-empty': { en: 'the password is empty', 'zh-CN': '密码为空' },
  'org-unit-needs-role': { en: '--org-unit needs --role', 'zh-CN': '--org-unit 须与 --role 一起使用' },
  'give-role': {
    en: 'give --role ROLE (and --org-unit CODE), or --admin',
    'zh-CN': '请给出 --role ROLE（以及 --org-unit CODE），或 --admin',
  },
  'unknown-role': { en: "unknown role '{{role}}'", 'zh-CN': '未知角色“{{role}}”' },
});
