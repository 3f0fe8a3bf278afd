/** Files that cannot be read as tables at all: empty, not a workbook, a damaged or unsupported ZIP (src/ingest). */
import { defineMessages } from './define-messages.ts';

export const fileMessages = defineMessages('file', {
  empty: { en: 'The file is empty: it has no header row.', 'zh-CN': '文件为空：没有表头行。' },
  'not-a-workbook': {
    en: 'The file is a ZIP archive but not an Excel workbook (no xl/workbook.xml).',
    'zh-CN': '该文件是 ZIP 压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml）。',
  },
  'no-worksheet': { en: 'The workbook has no worksheet.', 'zh-CN': '工作簿中没有工作表。' },
  'no-such-sheet': {
    en: 'The workbook has no sheet named "{{sheet}}"; its sheets are: {{sheets}}.',
    'zh-CN': '工作簿中没有名为“{{sheet}}”的工作表；现有工作表：{{sheets}}。',
  },
  'sheet-missing': {
    en: 'The workbook\'s sheet "{{sheet}}" is missing.',
    'zh-CN': '工作簿的工作表“{{sheet}}”缺失。',
  },
  'no-zip-directory': {
    en: 'The workbook is not a valid .xlsx file (no ZIP directory found).',
    'zh-CN': '工作簿不是有效的 .xlsx 文件（找不到 ZIP 目录）。',
  },
  'damaged-zip-directory': {
    en: 'The workbook is not a valid .xlsx file (damaged ZIP directory).',
    'zh-CN': '工作簿不是有效的 .xlsx 文件（ZIP 目录已损坏）。',
  },
  zip64: {
    en: 'ZIP64 workbooks (over 4 GB) are not supported.',
    'zh-CN': '不支持 ZIP64 格式的工作簿（超过 4 GB）。',
  },
  encrypted: {
    en: 'Encrypted workbooks are not supported; save it without a password.',
    'zh-CN': '不支持加密的工作簿；请去掉密码后重新保存。',
  },
  'damaged-entry': {
    en: 'The workbook is damaged (entry {{entry}}).',
    'zh-CN': '工作簿已损坏（条目 {{entry}}）。',
  },
  'truncated-entry': {
    en: 'The workbook is truncated (entry {{entry}}).',
    'zh-CN': '工作簿不完整（条目 {{entry}} 被截断）。',
  },
  'unsupported-compression': {
    en: 'The workbook uses an unsupported compression method ({{method}}).',
    'zh-CN': '工作簿使用了不支持的压缩方法（{{method}}）。',
  },
  'text-stream': {
    en: 'The input stream must yield bytes, not text (do not call setEncoding on it).',
    'zh-CN': '输入流必须提供字节而不是文本（不要对其调用 setEncoding）。',
  },
});
