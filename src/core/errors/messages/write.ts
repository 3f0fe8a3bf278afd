/**
 * Writes that meet another writer: two requests changing the same records at once (server/services/commit-write.ts)
 * and a value changed since it was read (the `version` of a value batch, server/services/value-batch.ts).
 */
import { defineMessages } from './define-messages.ts';

export const writeMessages = defineMessages('write', {
  'concurrent-change': {
    en: 'Another request changed the same records at the same time; reload and try again.',
    'zh-CN': '另一个请求同时修改了相同的记录；请刷新后重试。',
  },
  'stale-one': {
    en: '1 value was changed by someone else since read; nothing was stored.',
    'zh-CN': '有 1 个值在读取后被他人修改；未保存任何数据。',
  },
  'stale-many': {
    en: '{{count}} values were changed by someone else since read; nothing was stored.',
    'zh-CN': '有 {{count}} 个值在读取后被他人修改；未保存任何数据。',
  },
  'version-not-stored': {
    en: 'expected version {{expected}}, but {{key}} is not stored',
    'zh-CN': '期望版本为 {{expected}}，但 {{key}} 已不存在',
  },
  'version-changed': {
    en: 'expected version {{expected}}, but {{key}} is at version {{version}}, changed by {{by}}',
    'zh-CN': '期望版本为 {{expected}}，但 {{key}} 已是版本 {{version}}，由 {{by}} 修改',
  },
});
