import { expect, it } from 'vitest';
import { createI18n } from '../../lib/i18n/i18n.ts';
import { auditWordKey } from './audit-words.ts';

const zh = createI18n('zh-CN').t;

it('words an entity kind of the trail in Chinese', () => {
  expect(zh(auditWordKey('entity', 'weight_version') ?? 'admin.audit.search')).toBe('权重版本');
});

it('words an action of the trail in Chinese', () => {
  expect(zh(auditWordKey('action', 'undo-import') ?? 'admin.audit.search')).toBe('撤销导入');
});

it('has no words for an action it does not know, which is then shown as recorded', () => {
  expect(auditWordKey('action', 'teleport')).toBeNull();
});
