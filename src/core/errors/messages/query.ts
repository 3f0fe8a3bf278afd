/** The query strings of list and filter routes (core/contracts/common.ts). */
import { defineMessages } from './define-messages.ts';

export const queryMessages = defineMessages('query', {
  'list-empty': { en: 'give at least one value', 'zh-CN': '请至少提供一个值' },
});
