/**
 * Imports and exports of files as a whole (src/server/imports, src/ingest): a refused file, a header that does
 * not fit, a scorecard not named, an undo that cannot be done. A row's own errors are `import-row.*`.
 */
import { defineMessages } from './define-messages.ts';

export const importMessages = defineMessages('import', {
  'file-has-an-error': {
    en: 'The file has 1 error; nothing was written.',
    'zh-CN': '文件有 1 处错误，未写入任何内容。',
  },
  'file-has-errors': {
    en: 'The file has {{count}} errors; nothing was written.',
    'zh-CN': '文件有 {{count}} 处错误，未写入任何内容。',
  },
  'format-not-taken': {
    en: 'A {{kind}} import takes {{formats}} files, not {{format}}.',
    'zh-CN': '{{kind}} 导入只接受 {{formats}} 文件，不接受 {{format}}。',
  },
  'unknown-scorecard': { en: 'There is no scorecard "{{code}}".', 'zh-CN': '没有计分卡“{{code}}”。' },
  'name-the-scorecard': {
    en: 'Name the scorecard this file belongs to (scorecard=CODE, or --scorecard CODE).',
    'zh-CN': '请指明此文件所属的计分卡（scorecard=编码，或 --scorecard 编码）。',
  },
  'org-unit-list-needs-installation-role': {
    en: 'An org-unit list may create organisations: it needs the role admin or strategist over the whole installation.',
    'zh-CN': '机构清单可能新建机构：需要拥有覆盖整个系统的管理员或战略规划角色。',
  },
  'owner-only': {
    en: "Only the import's author or an admin over the whole installation may see or undo an import.",
    'zh-CN': '只有导入者本人或覆盖整个系统的管理员可以查看或撤销此次导入。',
  },
  'not-found': { en: 'There is no import {{id}}.', 'zh-CN': '没有编号为 {{id}} 的导入。' },
  'already-undone': {
    en: 'Import {{id}} was already undone by {{by}} at {{at}}.',
    'zh-CN': '导入 {{id}} 已由 {{by}} 于 {{at}} 撤销。',
  },
  'rows-changed-since': {
    en: 'Import {{id}} cannot be undone: {{count}} of its rows changed after it. Undoing it would discard those later changes; correct the values directly instead.',
    'zh-CN':
      '导入 {{id}} 无法撤销：其中 {{count}} 行在导入后又被修改。撤销会丢弃这些后来的修改，请直接更正数值。',
  },
  'rows-changed-since-listed': {
    en: 'Import {{id}} cannot be undone: {{count}} of its rows changed after it (the first {{listed}} are listed). Undoing it would discard those later changes; correct the values directly instead.',
    'zh-CN':
      '导入 {{id}} 无法撤销：其中 {{count}} 行在导入后又被修改（列出前 {{listed}} 行）。撤销会丢弃这些后来的修改，请直接更正数值。',
  },
  'row-deleted-since': { en: '{{row}}: deleted after the import', 'zh-CN': '{{row}}：导入后已被删除' },
  'row-changed-since': {
    en: '{{row}}: changed after the import by {{by}} at {{at}}',
    'zh-CN': '{{row}}：导入后由 {{by}} 于 {{at}} 修改',
  },
  'nothing-to-undo': {
    en: 'Import {{id}} recorded no scorecard to undo.',
    'zh-CN': '导入 {{id}} 没有记录可撤销的计分卡。',
  },
  'created-scorecard': {
    en: "Import {{id}} created the scorecard '{{code}}': there is no earlier version to go back to.",
    'zh-CN': '导入 {{id}} 新建了计分卡“{{code}}”：没有更早的版本可以恢复。',
  },
  'scorecard-changed-since': {
    en: "The scorecard '{{code}}' changed after import {{id}} (now version {{version}}, weights {{weightVersion}}); import the file you want instead.",
    'zh-CN':
      '计分卡“{{code}}”在导入 {{id}} 之后又有修改（现为第 {{version}} 版，权重第 {{weightVersion}} 版）；请改为导入您需要的文件。',
  },
  'org-units-changed-since': {
    en: 'Import {{id}} cannot be undone: org units {{codes}} changed after it.',
    'zh-CN': '导入 {{id}} 无法撤销：机构 {{codes}} 在导入后又被修改。',
  },
  'org-unit-in-use': {
    en: 'Import {{id}} cannot be undone: org unit {{code}} has data, targets or children now.',
    'zh-CN': '导入 {{id}} 无法撤销：机构 {{code}} 现已有数据、目标值或下级机构。',
  },
  'org-unit-would-move': {
    en: '{{code}} exists under {{parent}} as a {{type}}; moving or retyping a unit is not supported',
    'zh-CN': '{{code}} 已存在，上级为 {{parent}}，类型为 {{type}}；不支持移动机构或更改其类型',
  },
  'org-unit-cycle': {
    en: '{{code}} is its own ancestor through {{parent}}',
    'zh-CN': '{{code}} 经由 {{parent}} 成为了自己的上级',
  },
  'unreadable-file': {
    en: 'not valid YAML or JSON: {{message}}',
    'zh-CN': '不是有效的 YAML 或 JSON：{{message}}',
  },
  'unknown-kind': {
    en: 'This server does not know imports of kind "{{kind}}".',
    'zh-CN': '此服务器不认识“{{kind}}”类型的导入。',
  },
  'header-mismatch': {
    en: 'The header (line {{line}}) does not fit this kind of file: it needs the columns {{columns}}.',
    'zh-CN': '表头（第 {{line}} 行）不符合此类文件：需要以下列：{{columns}}。',
  },
  'missing-column': { en: 'no {{column}} column', 'zh-CN': '缺少 {{column}} 列' },
  'repeated-column': {
    en: '"{{header}}" names the {{column}} column a second time',
    'zh-CN': '“{{header}}”重复指定了 {{column}} 列',
  },
  'no-file-sent': {
    en: 'Send the file as multipart/form-data (a "file" part) or as application/octet-stream.',
    'zh-CN': '请以 multipart/form-data（含 "file" 部分）或 application/octet-stream 发送文件。',
  },
  'no-file-part': { en: 'The form has no "file" part.', 'zh-CN': '表单中没有 "file" 部分。' },
  'invalid-form-fields': { en: 'The form fields are not valid.', 'zh-CN': '表单字段无效。' },
  'template-too-large': {
    en: 'The template would have {{rows}} rows ({{units}} org units × {{periods}} periods); narrow it with orgUnit, from and to (at most {{max}}).',
    'zh-CN':
      '模板将有 {{rows}} 行（{{units}} 个机构 × {{periods}} 个期间）；请用 orgUnit、from 和 to 缩小范围（最多 {{max}} 行）。',
  },
  'unknown-data-element': {
    en: "There is no data element '{{code}}'.",
    'zh-CN': '没有数据元“{{code}}”。',
  },
  'export-needs-scorecard': {
    en: 'A {{kind}} export needs the scorecard (--scorecard CODE).',
    'zh-CN': '{{kind}} 导出需要指明计分卡（--scorecard 编码）。',
  },
  'export-format': {
    en: 'A {{kind}} export is written as {{formats}}, not {{format}}.',
    'zh-CN': '{{kind}} 导出只能写成 {{formats}}，不能写成 {{format}}。',
  },
});
