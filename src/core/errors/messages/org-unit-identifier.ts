/** External identifiers of org units (server/org-unit-identifiers): one unit per identifier in an organisation. */
import { defineMessages } from './define-messages.ts';

export const orgUnitIdentifierMessages = defineMessages('org-unit-identifier', {
  taken: {
    en: "The identifier {{value}} of {{system}} already names org unit '{{orgUnit}}'.",
    'zh-CN': '{{system}} 中的标识符 {{value}} 已属于组织单元“{{orgUnit}}”。',
  },
});
