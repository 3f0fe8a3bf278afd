/** Backups and restores of the whole database (db/repositories/backup.repository.ts, `healthbsc restore`). */
import { defineMessages } from './define-messages.ts';

export const backupMessages = defineMessages('backup', {
  'foreign-key-cycle': {
    en: 'foreign keys form a cycle through {{table}}',
    'zh-CN': '外键在表 {{table}} 处形成了循环',
  },
  'line-not-json': {
    en: 'line {{line}} of the backup is not JSON: the file is damaged',
    'zh-CN': '备份的第 {{line}} 行不是 JSON：文件已损坏',
  },
  'not-a-backup': {
    en: 'not a HealthBSC backup: the first line must name the format {{format}}',
    'zh-CN': '这不是 HealthBSC 备份：第一行须注明格式 {{format}}',
  },
  'no-migrations': {
    en: 'the backup header does not list its migrations',
    'zh-CN': '备份的文件头没有列出其数据库迁移',
  },
  'newer-schema': {
    en: 'the backup comes from a newer schema (migrations {{migrations}} are not in this database); upgrade HealthBSC, then restore',
    'zh-CN': '该备份来自更新的数据库结构（本数据库中没有迁移 {{migrations}}）；请先升级 HealthBSC，再恢复',
  },
  'text-after-end': {
    en: 'line {{line}}: text after the end of the backup',
    'zh-CN': '第 {{line}} 行：备份结束标记之后还有内容',
  },
  'database-not-empty': {
    en: 'the database is not empty (rows in {{tables}}); restore into a new, empty database',
    'zh-CN': '数据库不为空（{{tables}} 中有数据）；请恢复到一个新的空数据库',
  },
  'row-before-table': {
    en: 'line {{line}}: a row before any table line',
    'zh-CN': '第 {{line}} 行：数据行出现在任何表声明行之前',
  },
  empty: { en: 'the backup is empty', 'zh-CN': '备份为空' },
  truncated: {
    en: 'the backup is truncated: its last line is missing',
    'zh-CN': '备份不完整：缺少最后一行',
  },
  'row-count': {
    en: 'the backup is damaged: {{table}} should hold {{expected}} rows, found {{found}}',
    'zh-CN': '备份已损坏：{{table}} 应有 {{expected}} 行，实际为 {{found}} 行',
  },
  'table-line': {
    en: 'line {{line}}: a table line needs "table" and "columns"',
    'zh-CN': '第 {{line}} 行：表声明行须有 "table" 和 "columns"',
  },
  'unknown-table': {
    en: 'line {{line}}: this database has no table {{table}}',
    'zh-CN': '第 {{line}} 行：本数据库没有表 {{table}}',
  },
  'unknown-columns': {
    en: "line {{line}}: this database's {{table}} has no column {{columns}}",
    'zh-CN': '第 {{line}} 行：本数据库的 {{table}} 表没有列 {{columns}}',
  },
  unreadable: {
    en: '{{file}} cannot be read to the end ({{reason}}): the file is damaged',
    'zh-CN': '{{file}} 无法完整读取（{{reason}}）：文件已损坏',
  },
});
