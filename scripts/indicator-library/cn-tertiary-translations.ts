/**
 * The English wording of China's 56 tertiary public hospital appraisal indicators' numerators and denominators
 * (the source, `cn_tertiary_public_hospital_appraisal_56_indicators.csv` of the shared standards, words them in
 * Chinese only), with the data elements each needs: a code, and its name in both languages. Elements several
 * indicators share (medical revenue, discharges, surgeries) have one code, so picking a second indicator maps to
 * the elements the first created. Indicators 37–41 compare a year with the one before: their formula reads the
 * earlier year with `.periodOffset(-1)` (src/core/formula/README.md).
 */

export interface ElementSpec {
  readonly code: string;
  readonly en: string;
  readonly zh: string;
  readonly valueType?: 'number' | 'integer' | 'money';
}

export interface CnTranslation {
  readonly numeratorEn: string | null;
  readonly denominatorEn: string | null;
  /** Elements read, numerator first. */
  readonly elements: readonly ElementSpec[];
  /** The formula over the elements' codes; null: a value reported directly, or a qualitative rating. */
  readonly formula:
    | { readonly numerator: string; readonly denominator: string; readonly factor: number }
    | string
    | null;
}

const e = (
  code: string,
  en: string,
  zh: string,
  valueType: ElementSpec['valueType'] = 'integer',
): ElementSpec => ({
  code,
  en,
  zh,
  valueType,
});

const OUTPATIENT_VISITS = e('outpatient_visits', 'Outpatient visits', '门诊人次数');
const OUTPATIENT_REVENUE = e('outpatient_revenue', 'Outpatient revenue', '门诊收入', 'money');
const DISCHARGES = e('discharges', 'Discharged patients', '出院患者人次数');
const SURGERIES = e('discharge_surgeries', 'Operations on discharged patients', '出院患者手术台次数');
const MEDICAL_REVENUE = e('medical_revenue', 'Medical revenue', '医疗收入', 'money');
const INPATIENT_REVENUE = e('inpatient_revenue', 'Inpatient revenue', '住院收入', 'money');
const HEALTH_TECHNICIANS = e('health_technicians', 'Health technicians', '卫生技术人员数');

const ratio = (numerator: string, denominator: string, factor: number) => ({
  numerator,
  denominator,
  factor,
});
/** (this year's a/b − last year's a/b) ÷ last year's a/b × 100. */
const growthPerVisit = (a: string, b: string) =>
  `({${a}} / {${b}} - {${a}}.periodOffset(-1) / {${b}}.periodOffset(-1)) / ({${a}}.periodOffset(-1) / {${b}}.periodOffset(-1)) * 100`;

export const CN_TRANSLATIONS: Readonly<Record<string, CnTranslation>> = {
  '1': {
    numeratorEn: 'Outpatient visits (excluding emergency)',
    denominatorEn: 'Discharged patients in the same period',
    elements: [
      e('outpatient_visits_excl_ed', 'Outpatient visits (excluding emergency)', '门诊患者人次数（不含急诊）'),
      DISCHARGES,
    ],
    formula: ratio('outpatient_visits_excl_ed', 'discharges', 1),
  },
  '2': {
    numeratorEn: 'Outpatient and emergency patients referred down + inpatients referred down',
    denominatorEn: null,
    elements: [
      e(
        'referrals_down_outpatient',
        'Outpatient and emergency patients referred down',
        '门急诊下转患者人次数',
      ),
      e('referrals_down_inpatient', 'Inpatients referred down', '住院下转患者人次数'),
    ],
    formula: 'referrals_down_outpatient + referrals_down_inpatient',
  },
  '3': {
    numeratorEn: 'Day surgeries',
    denominatorEn: 'Elective operations on discharged patients in the same period',
    elements: [
      e('day_surgeries', 'Day surgeries', '日间手术台次数'),
      e('elective_surgeries', 'Elective operations on discharged patients', '出院患者择期手术总台次数'),
    ],
    formula: ratio('day_surgeries', 'elective_surgeries', 100),
  },
  '4': {
    numeratorEn: 'Operations on discharged patients',
    denominatorEn: 'Discharged patients in the same period',
    elements: [SURGERIES, DISCHARGES],
    formula: ratio('discharge_surgeries', 'discharges', 100),
  },
  '5': {
    numeratorEn: 'Minimally invasive operations on discharged patients',
    denominatorEn: 'Operations on discharged patients in the same period',
    elements: [
      e(
        'minimally_invasive_surgeries',
        'Minimally invasive operations on discharged patients',
        '出院患者微创手术台次数',
      ),
      SURGERIES,
    ],
    formula: ratio('minimally_invasive_surgeries', 'discharge_surgeries', 100),
  },
  '6': {
    numeratorEn: 'Level-4 operations on discharged patients',
    denominatorEn: 'Operations on discharged patients in the same period',
    elements: [
      e('level4_surgeries', 'Level-4 operations on discharged patients', '出院患者四级手术台次数'),
      SURGERIES,
    ],
    formula: ratio('level4_surgeries', 'discharge_surgeries', 100),
  },
  '7': {
    numeratorEn: 'Volume (or revenue) of special-needs medical services',
    denominatorEn: 'Volume of all medical services (or medical-service revenue) in the same period',
    elements: [
      e('special_needs_services', 'Special-needs medical services', '特需医疗服务量', 'number'),
      e('all_medical_services', 'All medical services', '全部医疗服务量', 'number'),
    ],
    formula: ratio('special_needs_services', 'all_medical_services', 100),
  },
  '8': {
    numeratorEn: 'Complications among surgical patients',
    denominatorEn: 'Surgical patients discharged in the same period',
    elements: [
      e('surgical_complications', 'Complications among surgical patients', '手术患者并发症发生例数'),
      e('surgical_discharges', 'Surgical patients discharged', '出院的手术患者人数'),
    ],
    formula: ratio('surgical_complications', 'surgical_discharges', 100),
  },
  '9': {
    numeratorEn: 'Surgical-site infections of clean (class I) incisions',
    denominatorEn: 'Clean (class I) incision operations in the same period',
    elements: [
      e('class1_ssi', 'Surgical-site infections, class I incisions', 'I类切口手术部位感染人次数'),
      e('class1_surgeries', 'Class I incision operations', 'I类切口手术台次数'),
    ],
    formula: ratio('class1_ssi', 'class1_surgeries', 100),
  },
  '10': {
    numeratorEn:
      'For each listed disease: total cost, total bed days and deaths (giving cost per case, length of stay and mortality)',
    denominatorEn: 'Discharged patients with that disease in the same period',
    elements: [],
    formula: null,
  },
  '11': {
    numeratorEn: 'Positive findings of large medical-equipment examinations',
    denominatorEn: 'Large medical-equipment examinations in the same period',
    elements: [
      e('large_equipment_positive', 'Positive large-equipment examinations', '大型医用设备检查阳性数'),
      e('large_equipment_exams', 'Large-equipment examinations', '大型医用设备检查人次数'),
    ],
    formula: ratio('large_equipment_positive', 'large_equipment_exams', 100),
  },
  '12': { numeratorEn: null, denominatorEn: null, elements: [], formula: null },
  '13': {
    numeratorEn:
      'Laboratory tests passing the national clinical laboratory centre’s external quality assessment',
    denominatorEn: null,
    elements: [
      e(
        'eqa_tests_passed',
        'Lab tests passing national external quality assessment',
        '通过国家室间质评的检验项目数',
      ),
    ],
    formula: 'eqa_tests_passed',
  },
  '14': {
    numeratorEn: 'Deaths in the low-risk DRG group',
    denominatorEn: 'Cases in the low-risk DRG group',
    elements: [
      e('low_risk_deaths', 'Deaths in the low-risk group', '低风险组死亡例数'),
      e('low_risk_cases', 'Cases in the low-risk group', '低风险组病例数'),
    ],
    formula: ratio('low_risk_deaths', 'low_risk_cases', 100),
  },
  '15': {
    numeratorEn: 'Wards providing high-quality nursing service',
    denominatorEn: 'All wards of the hospital',
    elements: [
      e('quality_nursing_wards', 'Wards with high-quality nursing service', '开展优质护理服务的病房数'),
      e('wards', 'Wards', '病房总数'),
    ],
    formula: ratio('quality_nursing_wards', 'wards', 100),
  },
  '16': {
    numeratorEn:
      'Prescriptions reviewed (outpatient and emergency prescriptions + inpatient orders of discharged patients)',
    denominatorEn: 'All prescriptions in the same period',
    elements: [
      e('prescriptions_reviewed', 'Prescriptions reviewed', '点评处方数'),
      e('prescriptions', 'Prescriptions', '处方总数'),
    ],
    formula: ratio('prescriptions_reviewed', 'prescriptions', 100),
  },
  '17': {
    numeratorEn: 'Antibiotics consumed by inpatients (cumulative DDDs) × 100',
    denominatorEn:
      'Patient-days of patients treated in the same period (discharges × average length of stay)',
    elements: [
      e(
        'antibiotic_ddds',
        'Antibiotic consumption of inpatients (DDDs)',
        '住院患者抗菌药物消耗量（DDD数）',
        'number',
      ),
      e('patient_days', 'Patient-days', '收治患者人天数'),
    ],
    formula: ratio('antibiotic_ddds', 'patient_days', 100),
  },
  '18': {
    numeratorEn: 'Outpatient visits with essential medicines prescribed',
    denominatorEn: 'All outpatient visits in the same period',
    elements: [
      e(
        'outpatient_essential_medicine_visits',
        'Outpatient visits using essential medicines',
        '门诊使用基本药物人次数',
      ),
      OUTPATIENT_VISITS,
    ],
    formula: ratio('outpatient_essential_medicine_visits', 'outpatient_visits', 100),
  },
  '19': {
    numeratorEn: 'Discharged patients who used essential medicines',
    denominatorEn: 'All discharged patients in the same period',
    elements: [
      e(
        'discharges_essential_medicines',
        'Discharged patients using essential medicines',
        '出院患者使用基本药物人次数',
      ),
      DISCHARGES,
    ],
    formula: ratio('discharges_essential_medicines', 'discharges', 100),
  },
  '20': {
    numeratorEn: 'Essential-medicine varieties procured by the hospital',
    denominatorEn: 'All drug varieties procured in the same period',
    elements: [
      e('essential_varieties_procured', 'Essential-medicine varieties procured', '采购基本药物品种数'),
      e('drug_varieties_procured', 'Drug varieties procured', '采购药物品种总数'),
    ],
    formula: ratio('essential_varieties_procured', 'drug_varieties_procured', 100),
  },
  '21': {
    numeratorEn: 'Quantity of winning (centrally procured) drugs used',
    denominatorEn: 'Quantity of drugs of the same varieties used in the same period',
    elements: [
      e('vbp_drug_use', 'Use of centrally procured winning drugs', '中标药品用量', 'number'),
      e('same_variety_drug_use', 'Use of drugs of the same varieties', '同品种药品用量', 'number'),
    ],
    formula: ratio('vbp_drug_use', 'same_variety_drug_use', 100),
  },
  '22': {
    numeratorEn: 'Visits by appointment',
    denominatorEn: 'All visits (excluding emergency)',
    elements: [
      e('appointment_visits', 'Visits by appointment', '预约诊疗人次数'),
      e('outpatient_visits_excl_ed', 'Outpatient visits (excluding emergency)', '门诊患者人次数（不含急诊）'),
    ],
    formula: ratio('appointment_visits', 'outpatient_visits_excl_ed', 100),
  },
  '23': {
    numeratorEn: 'Σ (time entering the consulting room − time of arrival at triage or check-in)',
    denominatorEn: 'Visits by appointment',
    elements: [
      e(
        'appointment_wait_minutes',
        'Total waiting time after appointment (minutes)',
        '预约后等待时间合计（分钟）',
        'number',
      ),
      e('appointment_visits', 'Visits by appointment', '预约诊疗人次数'),
    ],
    formula: ratio('appointment_wait_minutes', 'appointment_visits', 1),
  },
  '24': { numeratorEn: null, denominatorEn: null, elements: [], formula: null },
  '25': {
    numeratorEn: 'Bed days actually occupied in the year',
    denominatorEn: 'Average number of licensed (assistant) physicians × 365',
    elements: [
      e('occupied_bed_days', 'Bed days actually occupied', '实际占用总床日数'),
      e('licensed_physicians', 'Licensed (assistant) physicians', '执业（助理）医师人数', 'number'),
    ],
    formula: ratio('occupied_bed_days', 'licensed_physicians * 365', 1),
  },
  '26': {
    numeratorEn: 'Pharmacists (dispensing and clinical)',
    denominatorEn: 'Beds actually open',
    elements: [
      e('pharmacists', 'Pharmacists', '药师人数'),
      e('open_beds', 'Beds actually open', '实际开放床位数'),
    ],
    formula: ratio('pharmacists', 'open_beds', 100),
  },
  '27': {
    numeratorEn: 'Outpatient revenue',
    denominatorEn: 'Medical revenue',
    elements: [OUTPATIENT_REVENUE, MEDICAL_REVENUE],
    formula: ratio('outpatient_revenue', 'medical_revenue', 100),
  },
  '28': {
    numeratorEn: 'Outpatient revenue from medical-insurance funds',
    denominatorEn: 'Outpatient revenue',
    elements: [
      e(
        'outpatient_revenue_insurance',
        'Outpatient revenue from medical insurance',
        '门诊收入中来自医保基金的收入',
        'money',
      ),
      OUTPATIENT_REVENUE,
    ],
    formula: ratio('outpatient_revenue_insurance', 'outpatient_revenue', 100),
  },
  '29': {
    numeratorEn: 'Inpatient revenue',
    denominatorEn: 'Medical revenue',
    elements: [INPATIENT_REVENUE, MEDICAL_REVENUE],
    formula: ratio('inpatient_revenue', 'medical_revenue', 100),
  },
  '30': {
    numeratorEn: 'Inpatient revenue from medical-insurance funds',
    denominatorEn: 'Inpatient revenue',
    elements: [
      e(
        'inpatient_revenue_insurance',
        'Inpatient revenue from medical insurance',
        '住院收入中来自医保基金的收入',
        'money',
      ),
      INPATIENT_REVENUE,
    ],
    formula: ratio('inpatient_revenue_insurance', 'inpatient_revenue', 100),
  },
  '31': {
    numeratorEn: 'Medical-service revenue (excluding drugs, consumables, examinations and tests)',
    denominatorEn: 'Medical revenue',
    elements: [
      e(
        'medical_service_revenue',
        'Medical-service revenue (excl. drugs, consumables, tests)',
        '医疗服务收入（不含药品、耗材、检查检验收入）',
        'money',
      ),
      MEDICAL_REVENUE,
    ],
    formula: ratio('medical_service_revenue', 'medical_revenue', 100),
  },
  '32': {
    numeratorEn: 'Revenue from adjuvant drugs',
    denominatorEn: 'Total drug revenue',
    elements: [
      e('adjuvant_drug_revenue', 'Adjuvant-drug revenue', '辅助用药收入', 'money'),
      e('drug_revenue', 'Drug revenue', '药品总收入', 'money'),
    ],
    formula: ratio('adjuvant_drug_revenue', 'drug_revenue', 100),
  },
  '33': {
    numeratorEn: 'Personnel expenditure',
    denominatorEn: 'Operating expenditure',
    elements: [
      e('personnel_expenditure', 'Personnel expenditure', '人员支出', 'money'),
      e('operating_expenditure', 'Operating expenditure', '业务支出', 'money'),
    ],
    formula: ratio('personnel_expenditure', 'operating_expenditure', 100),
  },
  '34': {
    numeratorEn: 'Total energy expenditure of the year',
    denominatorEn: 'Total revenue of the year',
    elements: [
      e('energy_expenditure', 'Energy expenditure', '能耗支出', 'money'),
      e('total_revenue', 'Total revenue', '总收入', 'money'),
    ],
    formula: ratio('energy_expenditure', 'total_revenue', 10000),
  },
  '35': {
    numeratorEn: 'Operating revenue − operating expenditure',
    denominatorEn: null,
    elements: [
      e('operating_revenue', 'Operating revenue', '业务收入', 'money'),
      e('operating_expenditure', 'Operating expenditure', '业务支出', 'money'),
    ],
    formula: 'operating_revenue - operating_expenditure',
  },
  '36': {
    numeratorEn: 'Total liabilities',
    denominatorEn: 'Total assets',
    elements: [
      e('total_liabilities', 'Total liabilities', '负债合计', 'money'),
      e('total_assets', 'Total assets', '资产合计', 'money'),
    ],
    formula: ratio('total_liabilities', 'total_assets', 100),
  },
  '37': {
    numeratorEn: 'Medical revenue of this year − medical revenue of the previous year',
    denominatorEn: 'Medical revenue of the previous year',
    elements: [MEDICAL_REVENUE],
    formula:
      '({medical_revenue} - {medical_revenue}.periodOffset(-1)) / {medical_revenue}.periodOffset(-1) * 100',
  },
  '38': {
    numeratorEn:
      'Average cost per outpatient visit this year − the previous year’s (cost per visit = outpatient revenue ÷ outpatient visits)',
    denominatorEn: 'Average cost per outpatient visit in the previous year',
    elements: [OUTPATIENT_REVENUE, OUTPATIENT_VISITS],
    formula: growthPerVisit('outpatient_revenue', 'outpatient_visits'),
  },
  '39': {
    numeratorEn:
      'Average drug cost per outpatient visit this year − the previous year’s (outpatient drug revenue ÷ outpatient visits)',
    denominatorEn: 'Average drug cost per outpatient visit in the previous year',
    elements: [
      e('outpatient_drug_revenue', 'Outpatient drug revenue', '门诊药品收入', 'money'),
      OUTPATIENT_VISITS,
    ],
    formula: growthPerVisit('outpatient_drug_revenue', 'outpatient_visits'),
  },
  '40': {
    numeratorEn:
      'Average cost per inpatient stay this year − the previous year’s (inpatient cost of discharged patients ÷ discharges)',
    denominatorEn: 'Average cost per inpatient stay in the previous year',
    elements: [
      e('discharged_inpatient_cost', 'Inpatient cost of discharged patients', '出院患者住院费用', 'money'),
      DISCHARGES,
    ],
    formula: growthPerVisit('discharged_inpatient_cost', 'discharges'),
  },
  '41': {
    numeratorEn:
      'Average drug cost per inpatient stay this year − the previous year’s (drug cost of discharged patients ÷ discharges)',
    denominatorEn: 'Average drug cost per inpatient stay in the previous year',
    elements: [
      e('discharged_drug_cost', 'Drug cost of discharged patients', '出院患者药品费用', 'money'),
      DISCHARGES,
    ],
    formula: growthPerVisit('discharged_drug_cost', 'discharges'),
  },
  '42': { numeratorEn: null, denominatorEn: null, elements: [], formula: null },
  '43': { numeratorEn: null, denominatorEn: null, elements: [], formula: null },
  '44': {
    numeratorEn: 'Health technicians with a senior professional title',
    denominatorEn: 'All health technicians of the hospital in the same period',
    elements: [
      e('senior_health_technicians', 'Health technicians with a senior title', '高级职称卫生技术人员数'),
      HEALTH_TECHNICIANS,
    ],
    formula: ratio('senior_health_technicians', 'health_technicians', 100),
  },
  '45': {
    numeratorEn:
      'Registered physicians on duty in anaesthesia, paediatrics, critical care, pathology and TCM (each counted)',
    denominatorEn: 'All physicians of the hospital in the same period',
    elements: [
      e(
        'shortage_specialty_physicians',
        'Physicians in anaesthesia, paediatrics, ICU, pathology and TCM',
        '麻醉、儿科、重症、病理、中医医师数',
      ),
      e('physicians', 'Physicians', '医师总数'),
    ],
    formula: ratio('shortage_specialty_physicians', 'physicians', 100),
  },
  '46': {
    numeratorEn: 'Registered physicians',
    denominatorEn: 'Registered nurses of the hospital in the same period',
    elements: [
      e('registered_physicians', 'Registered physicians', '注册医师总数'),
      e('registered_nurses', 'Registered nurses', '注册护士总数'),
    ],
    formula: ratio('registered_physicians', 'registered_nurses', 1),
  },
  '47': {
    numeratorEn: 'Trainees who returned to their own hospital and work independently',
    denominatorEn: 'All trainees admitted in the same period',
    elements: [
      e(
        'trainees_returned_independent',
        'Trainees working independently after return',
        '进修返回独立工作人数',
      ),
      e('trainees_admitted', 'Trainees admitted', '招收进修总人数'),
    ],
    formula: ratio('trainees_returned_independent', 'trainees_admitted', 100),
  },
  '48': {
    numeratorEn: 'Residents passing the licensing examination at their first attempt this year',
    denominatorEn: 'Residents sitting the licensing examination for the first time in the same period',
    elements: [
      e('residents_passed_first', 'Residents passing at first attempt', '首次参考并通过的住院医师人数'),
      e(
        'residents_sitting_first',
        'Residents sitting for the first time',
        '首次参加医师资格考试的住院医师人数',
      ),
    ],
    formula: ratio('residents_passed_first', 'residents_sitting_first', 100),
  },
  '49': {
    numeratorEn:
      'People trained in medical-school, postgraduate and continuing medical education (counted by kind)',
    denominatorEn: null,
    elements: [e('people_trained', 'People trained (all kinds)', '承担培养医学人才人数')],
    formula: 'people_trained',
  },
  '50': {
    numeratorEn: 'Funding of research projects approved this year',
    denominatorEn: 'Health technicians in the same period',
    elements: [
      e('research_funding', 'Research project funding', '科研项目立项经费', 'money'),
      HEALTH_TECHNICIANS,
    ],
    formula: ratio('research_funding', 'health_technicians', 100),
  },
  '51': {
    numeratorEn: 'Revenue from commercialised research results this year',
    denominatorEn: 'Health technicians in the same period',
    elements: [
      e('research_commercialisation', 'Revenue from research commercialisation', '科技成果转化金额', 'money'),
      HEALTH_TECHNICIANS,
    ],
    formula: ratio('research_commercialisation', 'health_technicians', 100),
  },
  '52': { numeratorEn: null, denominatorEn: null, elements: [], formula: null },
  '53': {
    numeratorEn:
      'Outpatient questionnaire score on the national public hospital satisfaction survey platform',
    denominatorEn: null,
    elements: [
      e('outpatient_satisfaction_score', 'Outpatient satisfaction score', '门诊患者满意度得分', 'number'),
    ],
    formula: 'outpatient_satisfaction_score',
  },
  '54': {
    numeratorEn: 'Inpatient questionnaire score on the national public hospital satisfaction survey platform',
    denominatorEn: null,
    elements: [
      e('inpatient_satisfaction_score', 'Inpatient satisfaction score', '住院患者满意度得分', 'number'),
    ],
    formula: 'inpatient_satisfaction_score',
  },
  '55': {
    numeratorEn: 'Staff questionnaire score on the national public hospital satisfaction survey platform',
    denominatorEn: null,
    elements: [e('staff_satisfaction_score', 'Staff satisfaction score', '医务人员满意度得分', 'number')],
    formula: 'staff_satisfaction_score',
  },
  新增1: {
    numeratorEn: 'Revenue from key-monitored high-value medical consumables',
    denominatorEn: 'Total consumables revenue in the same period',
    elements: [
      e(
        'high_value_consumables_revenue',
        'Revenue from key-monitored high-value consumables',
        '重点监控高值医用耗材收入',
        'money',
      ),
      e('consumables_revenue', 'Consumables revenue', '耗材总收入', 'money'),
    ],
    formula: ratio('high_value_consumables_revenue', 'consumables_revenue', 100),
  },
};

/** Chinese wording of the source's units (its `unit` column is in English). */
export const CN_UNITS: Readonly<Record<string, { en: string; zh: string }>> = {
  ratio: { en: 'ratio', zh: '比值' },
  'count (person-times)': { en: 'person-times', zh: '人次' },
  '%': { en: '%', zh: '%' },
  composite: { en: 'composite', zh: '综合' },
  qualitative: { en: 'rating', zh: '评级' },
  count: { en: 'items', zh: '项' },
  'DDDs/100 patient-days': { en: 'DDDs per 100 patient-days', zh: 'DDDs/百人天' },
  minutes: { en: 'minutes', zh: '分钟' },
  level: { en: 'level', zh: '级' },
  grade: { en: 'grade', zh: '等级' },
  'bed-days/physician/day': { en: 'bed days per physician per day', zh: '床日/医师/日' },
  'per 100 beds': { en: 'per 100 beds', zh: '人/百床' },
  'CNY per 10,000 CNY revenue': { en: 'yuan per 10,000 yuan of revenue', zh: '元/万元收入' },
  CNY: { en: 'yuan', zh: '元' },
  'ratio (1:x)': { en: 'ratio (1:x)', zh: '比值（1:x）' },
  counts: { en: 'persons', zh: '人' },
  'CNY per 100 staff': { en: 'yuan per 100 health technicians', zh: '元/百名卫技人员' },
  'score (0-100)': { en: 'score (0–100)', zh: '分（0–100）' },
};

/** The source's level-2 dimensions and data sources, in both languages. */
export const CN_DATA_SOURCES: Readonly<Record<string, string>> = {
  医院填报: 'Reported by the hospital',
  国家或省级平台: 'National or provincial platform',
  满意度调查平台: 'National satisfaction survey platform',
  病案首页: 'Medical record front page',
  财务年报表: 'Annual financial statements',
};
