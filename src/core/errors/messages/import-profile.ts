/** Mapping profiles (core/import-profiles, docs/profile-format.md): a profile that does not fit a file. */
import { defineMessages } from './define-messages.ts';

export const importProfileMessages = defineMessages('import-profile', {
  'does-not-fit': {
    en: 'the profile {{profile}} does not fit this file ({{count}} problems)',
    'zh-CN': '映射配置 {{profile}} 与此文件不符（{{count}} 处问题）',
  },
  'column-missing': { en: 'the file has no column {{column}}', 'zh-CN': '文件中没有列 {{column}}' },
  'column-repeated': {
    en: 'the column {{column}} appears more than once',
    'zh-CN': '列 {{column}} 出现了不止一次',
  },
  'maps-nothing': {
    en: 'the profile maps no column to a data element and builds no org tree',
    'zh-CN': '该映射配置没有把任何列映射到数据元，也不建立机构树',
  },
  'needs-period': {
    en: 'the profile maps values but names no period column',
    'zh-CN': '该映射配置映射了数值，但没有指定期间列',
  },
  'not-a-profile': {
    en: 'not a mapping profile (format healthbsc/profile@1): {{detail}}',
    'zh-CN': '不是映射配置文件（格式 healthbsc/profile@1）：{{detail}}',
  },
  'unknown-profile': { en: 'there is no saved profile {{code}}', 'zh-CN': '没有已保存的映射配置 {{code}}' },
  'not-found': { en: "There is no saved profile '{{code}}'.", 'zh-CN': '没有已保存的映射配置“{{code}}”。' },
  'version-not-found': {
    en: "The profile '{{code}}' has no version {{version}}.",
    'zh-CN': '映射配置“{{code}}”没有第 {{version}} 版。',
  },
  'no-profile': {
    en: 'Name the profile: send its JSON (profile) or a saved profile’s code.',
    'zh-CN': '请指定映射配置：提交配置内容（profile）或已保存配置的代码（code）。',
  },
  'code-mismatch': {
    en: "The profile's code {{given}} is not {{code}}, the profile being saved.",
    'zh-CN': '配置中的代码 {{given}} 与正在保存的映射配置 {{code}} 不一致。',
  },
});
