/**
 * Bad or oversized input refused at the edge, and the server protecting itself (issue 11, part 3): control
 * characters, implausible numbers, malformed documents, import limits, busy and slow requests, the sign-in
 * throttle, changing one's own password, API tokens without org units, refused requests in the audit.
 */
import { defineMessages } from './define-messages.ts';

export const guardMessages = defineMessages('guard', {
  'control-character': {
    en: 'The {{part}} "{{name}}" holds a control character (code {{char}}); send text without it.',
    'zh-CN': '{{part}}“{{name}}”含有控制字符（编码 {{char}}）；请去掉后再发送。',
  },
  'cell-control-character': {
    en: 'Row {{row}}, column {{column}} holds a control character (code {{char}}).',
    'zh-CN': '第 {{row}} 行第 {{column}} 列含有控制字符（编码 {{char}}）。',
  },
  'cell-too-long': {
    en: 'Row {{row}}, column {{column}} has {{length}} characters; at most {{limit}} are accepted.',
    'zh-CN': '第 {{row}} 行第 {{column}} 列有 {{length}} 个字符；最多接受 {{limit}} 个。',
  },
  'too-many-rows': {
    en: 'The file has more than {{limit}} rows; split it into smaller files.',
    'zh-CN': '文件超过 {{limit}} 行；请拆分为较小的文件。',
  },
  'file-too-large': {
    en: 'The file has {{size}} bytes; at most {{limit}} are accepted.',
    'zh-CN': '文件有 {{size}} 字节；最多接受 {{limit}} 字节。',
  },
  'inflates-too-much': {
    en: 'The workbook part {{entry}} would inflate to {{size}} bytes ({{ratio}} times its compressed size); at most {{limit}} bytes and {{maxRatio}} times are accepted.',
    'zh-CN':
      '工作簿部件 {{entry}} 解压后将有 {{size}} 字节（为压缩大小的 {{ratio}} 倍）；最多接受 {{limit}} 字节、{{maxRatio}} 倍。',
  },
  'inflated-size-wrong': {
    en: 'The workbook part {{entry}} inflates to more bytes than its directory says; the file is damaged or crafted.',
    'zh-CN': '工作簿部件 {{entry}} 解压后的字节数超过其目录所记；文件已损坏或被篡改。',
  },
  'hidden-sheet': {
    en: 'The worksheet "{{sheet}}" is hidden; name it (sheet={{sheet}}) to import it, or choose one of: {{visible}}.',
    'zh-CN':
      '工作表“{{sheet}}”是隐藏的；如要导入请指明它（sheet={{sheet}}），或从以下工作表中选择：{{visible}}。',
  },
  'malformed-yaml': {
    en: 'The YAML is not valid at line {{line}}, column {{column}}: {{reason}}',
    'zh-CN': 'YAML 在第 {{line}} 行第 {{column}} 列无效：{{reason}}',
  },
  'malformed-json': {
    en: 'The JSON is not valid at line {{line}}, column {{column}}: {{reason}}',
    'zh-CN': 'JSON 在第 {{line}} 行第 {{column}} 列无效：{{reason}}',
  },
  'malformed-xml': {
    en: 'The workbook part {{entry}} is not well-formed XML near line {{line}}, column {{column}}: {{reason}}',
    'zh-CN': '工作簿部件 {{entry}} 在第 {{line}} 行第 {{column}} 列附近不是格式正确的 XML：{{reason}}',
  },
  implausible: {
    en: 'a finite number between -1e15 and 1e15',
    'zh-CN': '须为 -1e15 到 1e15 之间的有限数',
  },
  'implausible-number': {
    en: 'The number {{value}} is beyond what any indicator holds (at most 1e15 in magnitude).',
    'zh-CN': '数值 {{value}} 超出任何指标可能的范围（绝对值至多 1e15）。',
  },
  busy: {
    en: 'The server is busy with {{limit}} heavy requests; try again in {{seconds}} s.',
    'zh-CN': '服务器正在处理 {{limit}} 个繁重请求；请在 {{seconds}} 秒后重试。',
  },
  'timed-out': {
    en: 'The request took longer than {{seconds}} s and was stopped; try a smaller one.',
    'zh-CN': '请求超过 {{seconds}} 秒，已被中止；请缩小请求范围。',
  },
  'statement-timed-out': {
    en: 'The database took too long to answer and the query was cancelled; try a smaller request.',
    'zh-CN': '数据库应答超时，查询已取消；请缩小请求范围。',
  },
  'import-busy': {
    en: 'Too many imports are being checked; try again in {{seconds}} s.',
    'zh-CN': '正在检查的导入过多；请在 {{seconds}} 秒后重试。',
  },
  'token-needs-org-units': {
    en: 'Name the org units an API token covers (at least one); a token over the whole installation is not allowed.',
    'zh-CN': '请指明 API 令牌覆盖的组织单元（至少一个）；不允许令牌覆盖整个系统。',
  },
  'current-password-wrong': {
    en: 'The current password is wrong.',
    'zh-CN': '当前密码不正确。',
  },
  'password-unchanged': {
    en: 'The new password is the same as the current one.',
    'zh-CN': '新密码与当前密码相同。',
  },
});
