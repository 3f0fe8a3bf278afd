/** Scheduled pulls from hospital databases (src/server/pulls): connections, pulls and why a run failed. */
import { defineMessages } from './define-messages.ts';

export const pullMessages = defineMessages('pull', {
  'connect-failed': {
    en: 'Could not reach the database: {{message}}',
    'zh-CN': '无法连接到数据库：{{message}}',
  },
  'auth-failed': {
    en: 'The database refused the user name or password: {{message}}',
    'zh-CN': '数据库拒绝了用户名或密码：{{message}}',
  },
  'query-failed': {
    en: 'The database refused the query: {{message}}',
    'zh-CN': '数据库拒绝执行查询：{{message}}',
  },
  timeout: {
    en: 'The query ran past its time limit of {{seconds}} s.',
    'zh-CN': '查询超过了 {{seconds}} 秒的时间限制。',
  },
  'mapping-failed': {
    en: '{{count}} cells of the query result could not be mapped or imported (the first: {{first}}).',
    'zh-CN': '查询结果中有 {{count}} 个单元格无法映射或导入（第一个：{{first}}）。',
  },
  'no-key': {
    en: 'Database passwords cannot be stored: the server has no HEALTHBSC_PULL_KEY (32 bytes, base64).',
    'zh-CN': '无法保存数据库密码：服务器未设置 HEALTHBSC_PULL_KEY（32 字节，base64 编码）。',
  },
  'bad-key': {
    en: 'must be 32 bytes in base64 (openssl rand -base64 32).',
    'zh-CN': '必须是 base64 编码的 32 字节（可用 openssl rand -base64 32 生成）。',
  },
  'password-needed': {
    en: 'A new connection needs its password.',
    'zh-CN': '新建连接时必须填写密码。',
  },
  'unit-fixed': {
    en: "This belongs to '{{orgUnit}}': a connection or pull cannot move to another unit.",
    'zh-CN': '它属于“{{orgUnit}}”：连接或拉取任务不能移到其他机构。',
  },
  'connection-not-found': {
    en: "There is no database connection '{{connection}}'.",
    'zh-CN': '没有名为“{{connection}}”的数据库连接。',
  },
  'connection-in-use': {
    en: "The connection '{{connection}}' is used by {{count}} pulls: delete them first.",
    'zh-CN': '连接“{{connection}}”正被 {{count}} 个拉取任务使用，请先删除这些任务。',
  },
  'not-found': { en: 'There is no database pull {{id}}.', 'zh-CN': '没有编号为 {{id}} 的数据库拉取任务。' },
  'code-taken': {
    en: "The code '{{code}}' is already used in this unit.",
    'zh-CN': '代码“{{code}}”在本机构中已被使用。',
  },
  'bad-schedule': {
    en: "'{{schedule}}' is not a cron expression (five fields, such as 0 6 3 * *).",
    'zh-CN': '“{{schedule}}”不是有效的 cron 表达式（五个字段，例如 0 6 3 * *）。',
  },
  'bad-time-zone': {
    en: "'{{zone}}' is not a time zone (use an IANA name such as Asia/Shanghai).",
    'zh-CN': '“{{zone}}”不是有效的时区（请使用 IANA 名称，例如 Asia/Shanghai）。',
  },
  'delete-running': {
    en: "The pull '{{pull}}' is running: delete it once the run has ended.",
    'zh-CN': '拉取任务“{{pull}}”正在运行，请等本次运行结束后再删除。',
  },
  'not-queued': {
    en: 'The run could not be queued: {{message}}',
    'zh-CN': '无法将本次运行加入后台任务队列：{{message}}',
  },
  'already-running': {
    en: 'The pull is already running.',
    'zh-CN': '该拉取任务正在运行。',
  },
  'not-wired': {
    en: 'Pulls from {{kind}} are not wired in this server.',
    'zh-CN': '本服务器尚未接入从 {{kind}} 拉取数据。',
  },
});
