/**
 * The translation catalog: the shared strings (src/web/locales) plus each feature's own file
 * (src/web/features/<feature>/locales), each holding one top-level namespace. Features own their strings, so
 * pages can be built side by side without editing one shared file; `npm run check:i18n` makes sure every
 * locale file is listed here, no namespace appears twice, and en and zh-CN agree.
 *
 * `problems` is the wording of the server's problem codes, from the one catalog in core/errors/messages (the
 * server words `detail` in English from it, the CLI in its `--lang`): `t('problems.' + code, params)` words a code
 * in the user's language (components/problem-words.ts).
 */

import { problemCatalog } from '../../../core/errors/messages/index.ts';
import actionsEn from '../../features/actions/locales/en.json';
import actionsZh from '../../features/actions/locales/zh-CN.json';
import adminEn from '../../features/admin/locales/en.json';
import adminZh from '../../features/admin/locales/zh-CN.json';
import alertsEn from '../../features/alerts/locales/en.json';
import alertsZh from '../../features/alerts/locales/zh-CN.json';
import assessmentsEn from '../../features/assessments/locales/en.json';
import assessmentsZh from '../../features/assessments/locales/zh-CN.json';
import comparisonEn from '../../features/comparison/locales/en.json';
import comparisonZh from '../../features/comparison/locales/zh-CN.json';
import dataEntryEn from '../../features/data-entry/locales/en.json';
import dataEntryZh from '../../features/data-entry/locales/zh-CN.json';
import designerEn from '../../features/designer/locales/en.json';
import designerZh from '../../features/designer/locales/zh-CN.json';
import importsEn from '../../features/imports/locales/en.json';
import importsZh from '../../features/imports/locales/zh-CN.json';
import incentivesEn from '../../features/incentives/locales/en.json';
import incentivesZh from '../../features/incentives/locales/zh-CN.json';
import indicatorEn from '../../features/indicator/locales/en.json';
import indicatorZh from '../../features/indicator/locales/zh-CN.json';
import myWorkEn from '../../features/my-work/locales/en.json';
import myWorkZh from '../../features/my-work/locales/zh-CN.json';
import overviewEn from '../../features/overview/locales/en.json';
import overviewZh from '../../features/overview/locales/zh-CN.json';
import pivotEn from '../../features/pivot/locales/en.json';
import pivotZh from '../../features/pivot/locales/zh-CN.json';
import questionnaireEn from '../../features/questionnaire/locales/en.json';
import questionnaireZh from '../../features/questionnaire/locales/zh-CN.json';
import strategyMapEn from '../../features/strategy-map/locales/en.json';
import strategyMapZh from '../../features/strategy-map/locales/zh-CN.json';
import studiesEn from '../../features/studies/locales/en.json';
import studiesZh from '../../features/studies/locales/zh-CN.json';
import surveysEn from '../../features/surveys/locales/en.json';
import surveysZh from '../../features/surveys/locales/zh-CN.json';
import sharedEn from '../../locales/en.json';
import sharedZh from '../../locales/zh-CN.json';

/** English: the key list (t() keys are type-checked against it). */
export const en = {
  ...sharedEn,
  ...adminEn,
  ...assessmentsEn,
  ...comparisonEn,
  ...dataEntryEn,
  ...designerEn,
  ...importsEn,
  ...incentivesEn,
  ...indicatorEn,
  ...overviewEn,
  ...strategyMapEn,
  ...studiesEn,
  ...questionnaireEn,
  ...surveysEn,
  ...alertsEn,
  ...actionsEn,
  ...myWorkEn,
  ...pivotEn,
  problems: problemCatalog('en'),
};

export type Catalog = typeof en;

export const zhCN: Catalog = {
  ...sharedZh,
  ...adminZh,
  ...assessmentsZh,
  ...comparisonZh,
  ...dataEntryZh,
  ...designerZh,
  ...importsZh,
  ...incentivesZh,
  ...indicatorZh,
  ...overviewZh,
  ...strategyMapZh,
  ...studiesZh,
  ...questionnaireZh,
  ...surveysZh,
  ...alertsZh,
  ...actionsZh,
  ...myWorkZh,
  ...pivotZh,
  problems: problemCatalog('zh-CN'),
};
