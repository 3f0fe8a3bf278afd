/** A CLI command asking a running HealthBSC server instead of opening the database (src/cli/server-client.ts). */
import { defineMessages } from './define-messages.ts';

export const remoteMessages = defineMessages('remote', {
  unreachable: {
    en: 'cannot reach the server at {{url}}: {{message}}',
    'zh-CN': '无法连接服务器 {{url}}：{{message}}',
  },
  refused: {
    en: 'the server answered {{status}}: {{message}}',
    'zh-CN': '服务器返回 {{status}}：{{message}}',
  },
  'needs-token': {
    en: 'asking the server at {{url}} needs an API token: give --token TOKEN or set HEALTHBSC_TOKEN',
    'zh-CN': '向服务器 {{url}} 查询需要 API 令牌：请提供 --token TOKEN 或设置 HEALTHBSC_TOKEN',
  },
  'data-dir-held': {
    en: '{{owner}} (pid {{pid}}) holds the data directory; give --token TOKEN (and --server URL) to ask the server',
    'zh-CN': '{{owner}}（进程 {{pid}}）正在使用数据目录；请提供 --token TOKEN（及 --server URL）向服务器查询',
  },
  'export-not-served': {
    en: 'the server has no route for the {{what}} export; stop the server and run the command again',
    'zh-CN': '服务器没有导出 {{what}} 的接口；请停止服务器后再运行此命令',
  },
});
