/**
 * The demo group's strategy map: SMART objectives per perspective and the cause → effect links between them,
 * following the reform logic of seed 000 (000_f2cc7fd4e5e58b48.txt): trained staff and new technologies let the
 * group treat more cases and refer them down to community care, which keeps residents' care in the county and
 * chronic disease managed near home; that carries the revenue and holds costs per visit and discharge.
 * Each objective is measured by the indicators of its perspective listed here (the demo weighs perspectives
 * directly, so the objectives do not change any score).
 */
import type { ObjectiveFile } from '../core/scorecard/index.ts';

type DemoObjective = Omit<ObjectiveFile, 'indicators'> & { readonly indicators: string[] };

/** Objectives by perspective id (src/demo/scorecard.ts's F, C, I, L). */
export const DEMO_OBJECTIVES: Readonly<Record<string, readonly DemoObjective[]>> = {
  F: [
    {
      id: 'F-REVENUE',
      name: { en: 'Grow medical revenue', zh: '医疗收入稳步增长' },
      statement: { en: 'Medical revenue 5 % above the previous year', zh: '医疗收入较上年增长 5%' },
      ownerName: 'Group finance office',
      indicators: ['medical_revenue'],
      role: 'lagging',
    },
    {
      id: 'F-COST',
      name: { en: 'Hold costs per visit and per discharge', zh: '控制次均费用' },
      statement: {
        en: 'Costs per outpatient visit and per discharge at or below their 2021 level',
        zh: '门诊次均费用与出院者次均费用不高于 2021 年水平',
      },
      ownerName: 'Group finance office',
      indicators: ['outpatient_cost_per_visit', 'inpatient_cost_per_discharge'],
      role: 'lagging',
    },
  ],
  C: [
    {
      id: 'C-COUNTY',
      name: { en: 'Keep care in the county', zh: '大病不出县' },
      statement: { en: '90 % of county residents’ visits inside the county', zh: '县域内就诊率达 90%' },
      ownerName: 'Medical affairs office',
      baseline: 85,
      target: 90,
      targetDate: '2024-12-31',
      indicators: ['county_visit_rate'],
      role: 'lagging',
    },
    {
      id: 'C-CHRONIC',
      name: { en: 'Manage chronic disease near home', zh: '慢病在基层规范管理' },
      statement: {
        en: '70 % of registered diabetics and hypertensives under standard management',
        zh: '登记糖尿病、高血压患者规范管理率达 70%',
      },
      ownerName: 'Public health office',
      target: 70,
      targetDate: '2024-12-31',
      indicators: ['diabetes_management_rate', 'hypertension_management_rate'],
      role: 'lagging',
    },
  ],
  I: [
    {
      id: 'I-FLOW',
      name: { en: 'Treat cases and refer them down', zh: '分级诊疗、双向转诊' },
      statement: {
        en: 'Cases handled and downward referrals 5 % above the previous year',
        zh: '诊疗例数与下转人次较上年增长 5%',
      },
      ownerName: 'Medical affairs office',
      indicators: ['cases_handled', 'downward_referrals'],
      role: 'leading',
    },
  ],
  L: [
    {
      id: 'L-CAPACITY',
      name: { en: 'Build capacity', zh: '提升服务能力' },
      statement: {
        en: 'Staff trained and new technologies 5 % above the previous year',
        zh: '培训人次与新技术项目较上年增长 5%',
      },
      ownerName: 'Science and education office',
      indicators: ['new_technologies', 'staff_trained'],
      role: 'leading',
    },
  ],
};

/** The demo's cause → effect links. */
export const DEMO_LINKS = [
  {
    from: 'L-CAPACITY',
    to: 'I-FLOW',
    note: 'Trained staff and new technologies let the group treat more cases',
  },
  { from: 'I-FLOW', to: 'C-COUNTY', note: 'Cases treated inside the group keep residents in the county' },
  { from: 'I-FLOW', to: 'C-CHRONIC', note: 'Downward referrals bring chronic patients under community care' },
  { from: 'C-COUNTY', to: 'F-REVENUE', note: 'Patients kept in the county carry the group’s revenue' },
  { from: 'C-CHRONIC', to: 'F-COST', note: 'Managed chronic disease costs less per visit and per stay' },
] as const;
