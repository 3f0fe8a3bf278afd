/** The background job scheduler (server/jobs): listing jobs and running one by hand. */
import { defineMessages } from './define-messages.ts';

export const jobMessages = defineMessages('job', {
  'name-format': {
    en: "A job's name is lowercase letters and digits joined by hyphens, such as session-cleanup.",
    'zh-CN': '任务名称由小写字母和数字组成，以连字符连接，例如 session-cleanup。',
  },
  'not-found': { en: "There is no background job '{{name}}'.", 'zh-CN': '没有名为“{{name}}”的后台任务。' },
  'already-queued': {
    en: "The background job '{{name}}' is already waiting to run.",
    'zh-CN': '后台任务“{{name}}”已在排队等待运行。',
  },
  'scheduler-stopped': {
    en: 'The job scheduler of this server is not running.',
    'zh-CN': '本服务器的任务调度器未在运行。',
  },
});
