/** The background job scheduler (server/jobs): listing jobs and running one by hand. */
import { defineMessages } from './define-messages.ts';

export const jobMessages = defineMessages('job', {
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
