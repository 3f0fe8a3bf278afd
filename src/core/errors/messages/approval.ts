/**
 * Data approval of an org unit × period × scorecard, and the lock it puts on approved data
 * (core/access/approval-workflow.ts, server/services/approvals.service.ts and approval-locks.ts).
 */
import { defineMessages } from './define-messages.ts';

const LOCKED_ZH = '数据已审批：组织单元 {{orgUnit}}、期间 {{period}}、计分卡 {{scorecard}}';

export const approvalMessages = defineMessages('approval', {
  'reason-required': { en: 'say why the data is reopened', 'zh-CN': '请说明重新开放数据的原因' },
  'submit-already-submitted': {
    en: 'Cannot submit {{key}}: only data that is not submitted or approved can be submitted; it is submitted.',
    'zh-CN': '无法提交 {{key}}：只有未提交且未审批的数据才能提交；该数据已提交。',
  },
  'submit-already-approved': {
    en: 'Cannot submit {{key}}: only data that is not submitted or approved can be submitted; it is approved.',
    'zh-CN': '无法提交 {{key}}：只有未提交且未审批的数据才能提交；该数据已审批。',
  },
  'approve-not-submitted': {
    en: 'Cannot approve {{key}}: only submitted data can be approved; it is not submitted.',
    'zh-CN': '无法审批 {{key}}：只有已提交的数据才能审批；该数据尚未提交。',
  },
  'approve-reopened': {
    en: 'Cannot approve {{key}}: only submitted data can be approved; it is reopened.',
    'zh-CN': '无法审批 {{key}}：只有已提交的数据才能审批；该数据已重新开放，请先再次提交。',
  },
  'approve-already-approved': {
    en: 'Cannot approve {{key}}: only submitted data can be approved; it is approved.',
    'zh-CN': '无法审批 {{key}}：只有已提交的数据才能审批；该数据已审批。',
  },
  'own-submission': {
    en: 'Cannot approve {{key}}: you submitted it, and data is approved by someone other than its submitter (four eyes).',
    'zh-CN': '无法审批 {{key}}：该数据由您提交，数据须由提交人以外的人审批（四眼原则）。',
  },
  'reopen-not-submitted': {
    en: 'Cannot reopen {{key}}: only submitted or approved data can be reopened; it is not submitted.',
    'zh-CN': '无法重新开放 {{key}}：只有已提交或已审批的数据才能重新开放；该数据尚未提交。',
  },
  'reopen-already-reopened': {
    en: 'Cannot reopen {{key}}: only submitted or approved data can be reopened; it is reopened.',
    'zh-CN': '无法重新开放 {{key}}：只有已提交或已审批的数据才能重新开放；该数据已重新开放。',
  },
  'locked-one': {
    en: 'The data is approved: org unit {{orgUnit}}, period {{period}}, scorecard {{scorecard}} (approved by {{by}}). Reopen it before changing it; 1 change was refused and nothing was stored.',
    'zh-CN': `${LOCKED_ZH}（审批人 {{by}}）。修改前请先重新开放；1 项更改被拒绝，未保存任何数据。`,
  },
  'locked-many': {
    en: 'The data is approved: org unit {{orgUnit}}, period {{period}}, scorecard {{scorecard}} (approved by {{by}}). Reopen it before changing it; {{count}} changes were refused and nothing was stored.',
    'zh-CN': `${LOCKED_ZH}（审批人 {{by}}）。修改前请先重新开放；{{count}} 项更改被拒绝，未保存任何数据。`,
  },
  'locked-one-no-approver': {
    en: 'The data is approved: org unit {{orgUnit}}, period {{period}}, scorecard {{scorecard}} (approved). Reopen it before changing it; 1 change was refused and nothing was stored.',
    'zh-CN': `${LOCKED_ZH}（已审批）。修改前请先重新开放；1 项更改被拒绝，未保存任何数据。`,
  },
  'locked-many-no-approver': {
    en: 'The data is approved: org unit {{orgUnit}}, period {{period}}, scorecard {{scorecard}} (approved). Reopen it before changing it; {{count}} changes were refused and nothing was stored.',
    'zh-CN': `${LOCKED_ZH}（已审批）。修改前请先重新开放；{{count}} 项更改被拒绝，未保存任何数据。`,
  },
  'locked-change': {
    en: '{{change}} is locked by the approval of org unit {{orgUnit}}, period {{period}}, scorecard {{scorecard}} (approved by {{by}})',
    'zh-CN':
      '{{change}} 已被审批锁定：组织单元 {{orgUnit}}、期间 {{period}}、计分卡 {{scorecard}}（审批人 {{by}}）',
  },
  'locked-change-no-approver': {
    en: '{{change}} is locked by the approval of org unit {{orgUnit}}, period {{period}}, scorecard {{scorecard}} (approved)',
    'zh-CN': '{{change}} 已被审批锁定：组织单元 {{orgUnit}}、期间 {{period}}、计分卡 {{scorecard}}（已审批）',
  },
});
