/** The server's readiness (server/health): answered to load balancers and orchestrators. */
import { defineMessages } from './define-messages.ts';

export const healthMessages = defineMessages('health', {
  starting: {
    en: 'The server is still starting ({{step}}); try again in a few seconds.',
    'zh-CN': '服务器仍在启动（{{step}}），请几秒后重试。',
  },
  loading: {
    en: 'The server is still starting: the values of {{done}} of {{total}} organisations are loaded; try again in a few seconds.',
    'zh-CN': '服务器仍在启动：已载入 {{total}} 个机构中 {{done}} 个的数据值，请几秒后重试。',
  },
});
