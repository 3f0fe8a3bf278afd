/** The indicator library (core/indicator-library, server/indicator-library): the installation's own entries. */
import { defineMessages } from './define-messages.ts';

export const indicatorLibraryMessages = defineMessages('indicator-library', {
  'not-found': {
    en: "no library entry '{{id}}' of this installation",
    'zh-CN': '本系统的指标库中没有条目“{{id}}”',
  },
  'built-in-read-only': {
    en: "library entry '{{id}}' is built in (from a published standard or seed) and cannot be changed; add your own entry instead",
    'zh-CN': '指标库条目“{{id}}”为内置条目（来自公开标准或种子文献），不能修改；请另建自有条目',
  },
});
