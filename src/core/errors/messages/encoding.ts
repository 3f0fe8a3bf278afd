/**
 * Why a text file was read in the encoding it was (src/ingest/detect-encoding.ts): notes, not errors, with the
 * counts that decided as parameters.
 */
import { defineMessages } from './define-messages.ts';

export const encodingMessages = defineMessages('encoding', {
  'utf8-bom': { en: 'starts with the UTF-8 byte-order mark', 'zh-CN': '以 UTF-8 字节顺序标记（BOM）开头' },
  'utf16-bom': {
    en: 'starts with the {{encoding}} byte-order mark',
    'zh-CN': '以 {{encoding}} 字节顺序标记（BOM）开头',
  },
  'ascii-only': {
    en: 'only ASCII bytes (the same in every supported encoding)',
    'zh-CN': '只有 ASCII 字节（在所有支持的编码中都相同）',
  },
  'valid-utf8': { en: 'valid UTF-8', 'zh-CN': '是有效的 UTF-8' },
  'asked-for': { en: '{{encoding}} was asked for', 'zh-CN': '按指定的 {{encoding}} 读取' },
  'read-as-gb18030': {
    en: 'not valid UTF-8 (line {{line}}, byte {{byte}}); {{invalid}} of {{sequences}} high-byte sequences are invalid GB18030 ({{invalidShare}}), {{commonShare}} of the multi-byte ones lie in the GB 2312 area: read as GB18030',
    'zh-CN':
      '不是有效的 UTF-8（第 {{line}} 行第 {{byte}} 字节）；{{sequences}} 个高位字节序列中有 {{invalid}} 个不是有效的 GB18030（{{invalidShare}}），{{commonShare}} 的多字节序列位于 GB 2312 区：按 GB18030 读取',
  },
  'read-as-windows-1252': {
    en: 'not valid UTF-8 (line {{line}}, byte {{byte}}); {{invalid}} of {{sequences}} high-byte sequences are invalid GB18030 ({{invalidShare}}), {{commonShare}} of the multi-byte ones lie in the GB 2312 area: not Chinese text, read as Windows-1252',
    'zh-CN':
      '不是有效的 UTF-8（第 {{line}} 行第 {{byte}} 字节）；{{sequences}} 个高位字节序列中有 {{invalid}} 个不是有效的 GB18030（{{invalidShare}}），{{commonShare}} 的多字节序列位于 GB 2312 区：不是中文文本，按 Windows-1252 读取',
  },
});
