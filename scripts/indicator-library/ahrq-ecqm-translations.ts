/**
 * Chinese wording of the AHRQ Quality Indicators (v2024) and the CMS FHIR eCQM hospital measures listed in the
 * shared standards (`ahrq_qi_v2024_indicators.csv`, `fhir_ecqm_hospital_measures_summary.csv`), which word them
 * in English only. Terms follow the usual Chinese of patient-safety and quality reporting (患者安全指标 PSI,
 * 住院质量指标 IQI, 预防质量指标 PQI, 儿科质量指标 PDI).
 */

/** Chinese names of the AHRQ indicators, by `qi_var` (strata are named from their parent plus the stratum). */
export const AHRQ_NAMES_ZH: Readonly<Record<string, string>> = {
  PS02: 'PSI 02 低死亡率疾病诊断相关组（DRG）死亡率',
  PS03: 'PSI 03 压力性溃疡发生率',
  PS04: 'PSI 04 手术住院患者发生严重可治性并发症后死亡率',
  PS05: 'PSI 05 手术物品遗留或器械碎片未取出例数',
  PS06: 'PSI 06 医源性气胸发生率',
  PS07: 'PSI 07 中心静脉导管相关血流感染率',
  PS08: 'PSI 08 住院期间跌倒相关骨折发生率',
  PS08_HIP_FX: 'PSI 08 住院期间跌倒致髋部骨折发生率（组成项）',
  PS08_OTHER_FX: 'PSI 08 住院期间跌倒致其他骨折发生率（组成项）',
  PS09: 'PSI 09 术后出血或血肿发生率',
  PS10: 'PSI 10 术后急性肾损伤需透析发生率',
  PS11: 'PSI 11 术后呼吸衰竭发生率',
  PS12: 'PSI 12 围手术期肺栓塞或深静脉血栓发生率',
  PS13: 'PSI 13 术后脓毒症发生率',
  PS14: 'PSI 14 术后伤口裂开发生率',
  PS15: 'PSI 15 腹盆腔手术意外穿刺或撕裂伤发生率',
  PS17: 'PSI 17 新生儿产伤发生率',
  PS18: 'PSI 18 器械助产阴道分娩产科创伤发生率',
  PS19: 'PSI 19 非器械助产阴道分娩产科创伤发生率',
  IQ08: 'IQI 08 食管切除术死亡率',
  IQ09: 'IQI 09 胰腺切除术死亡率',
  IQ11: 'IQI 11 腹主动脉瘤（AAA）修复术死亡率',
  IQ12: 'IQI 12 冠状动脉旁路移植术（CABG）死亡率',
  IQ15: 'IQI 15 急性心肌梗死（AMI）死亡率',
  IQ16: 'IQI 16 心力衰竭死亡率',
  IQ17: 'IQI 17 急性脑卒中死亡率',
  IQ18: 'IQI 18 消化道出血死亡率',
  IQ19: 'IQI 19 髋部骨折死亡率',
  IQ20: 'IQI 20 肺炎死亡率',
  IQ21: 'IQI 21 无并发症剖宫产率',
  IQ22: 'IQI 22 无并发症剖宫产后阴道分娩（VBAC）率',
  IQ30: 'IQI 30 经皮冠状动脉介入治疗（PCI）死亡率',
  IQ31: 'IQI 31 颈动脉内膜切除术死亡率',
  IQ33: 'IQI 33 无并发症初次剖宫产率',
  PQ01: 'PQI 01 糖尿病短期并发症住院率',
  PQ03: 'PQI 03 糖尿病长期并发症住院率',
  PQ05: 'PQI 05 老年人慢性阻塞性肺疾病（COPD）或哮喘住院率',
  PQ07: 'PQI 07 高血压住院率',
  PQ08: 'PQI 08 心力衰竭住院率',
  PQ11: 'PQI 11 社区获得性肺炎住院率',
  PQ12: 'PQI 12 尿路感染住院率',
  PQ14: 'PQI 14 未控制糖尿病住院率',
  PQ15: 'PQI 15 青年人哮喘住院率',
  PQ16: 'PQI 16 糖尿病患者下肢截肢率',
  PQ90: 'PQI 90 预防质量总体综合指标',
  PQ91: 'PQI 91 预防质量急性病综合指标',
  PQ92: 'PQI 92 预防质量慢性病综合指标',
  PQ93: 'PQI 93 预防质量糖尿病综合指标',
  PD01: 'PDI 01 意外穿刺或撕裂伤发生率',
  PD05: 'PDI 05 医源性气胸发生率',
  PD08: 'PDI 08 术后出血或血肿发生率',
  PD09: 'PDI 09 术后呼吸衰竭发生率',
  PD10: 'PDI 10 术后脓毒症发生率',
  PD12: 'PDI 12 中心静脉导管相关血流感染率',
  NQ03: 'NQI 03 新生儿血流感染率',
  PD14: 'PDI 14 儿童哮喘住院率',
  PD15: 'PDI 15 儿童糖尿病短期并发症住院率',
  PD16: 'PDI 16 儿童胃肠炎住院率',
  PD18: 'PDI 18 儿童尿路感染住院率',
  PD90: 'PDI 90 儿科质量总体综合指标',
  PD91: 'PDI 91 儿科质量急性病综合指标',
  PD92: 'PDI 92 儿科质量慢性病综合指标',
  MH01: 'MHI 01 严重孕产妇并发症发生率（20 项指标）',
  MH02: 'MHI 02 严重孕产妇并发症（20 项指标）及院内死亡率',
  MH03: 'MHI 03 严重孕产妇并发症（20 项指标，修订版）及院内死亡率（试行）',
};

/** Chinese names of AHRQ strata, by the suffix after the parent's `qi_var`. */
export const AHRQ_STRATA_ZH: Readonly<Record<string, string>> = {
  DVT_PE: '深静脉血栓/肺栓塞',
  PNEUMONIA: '肺炎',
  SEPSIS: '脓毒症',
  SHOCK: '休克/心脏骤停',
  GIHEMORRHAGE: '消化道出血/急性溃疡',
  OPEN: '开放入路',
  NONOPEN: '非开放入路',
  WITH_CANCER: '合并胰腺癌',
  WITHOUT_CANCER: '未合并胰腺癌',
  OPEN_RUPTURED: '破裂 AAA 开放修复',
  OPEN_UNRUPTURED: '未破裂 AAA 开放修复',
  ENDO_RUPTURED: '破裂 AAA 腔内修复',
  ENDO_UNRUPTURED: '未破裂 AAA 腔内修复',
  HEMSTROKE_SUBARACH: '蛛网膜下腔出血',
  HEMSTROKE_INTRACER: '脑出血',
  ISCHEMSTROKE: '缺血性脑卒中',
};

/** The AHRQ modules, in both languages. */
export const AHRQ_MODULES: Readonly<Record<string, { en: string; zh: string }>> = {
  PSI: { en: 'Patient Safety Indicators (PSI)', zh: '患者安全指标（PSI）' },
  IQI: { en: 'Inpatient Quality Indicators (IQI)', zh: '住院质量指标（IQI）' },
  PQI: { en: 'Prevention Quality Indicators (PQI)', zh: '预防质量指标（PQI）' },
  PDI: { en: 'Pediatric Quality Indicators (PDI)', zh: '儿科质量指标（PDI）' },
  MHI: { en: 'Maternal Health Indicators (MHI)', zh: '孕产妇健康指标（MHI）' },
};

export interface EcqmTranslation {
  readonly nameZh: string;
  readonly definitionZh: string;
  readonly numeratorZh: string;
  readonly denominatorZh: string;
}

/** Chinese wording of the eCQM measures, by CMS id. */
export const ECQM_ZH: Readonly<Record<string, EcqmTranslation>> = {
  CMS1017FHIR: {
    nameZh: '医院伤害：跌倒致重大伤害',
    definitionZh: '18 岁及以上住院患者中，住院期间至少发生一次致中度或重大伤害跌倒的住院次数与合格住院日之比',
    numeratorZh: '住院期间发生致中度或重大伤害或死亡跌倒的住院次数（入院时不存在）',
    denominatorZh: '18 岁及以上、住院时长不超过 120 天的住院次数（合格住院日）',
  },
  CMS1028FHIR: {
    nameZh: '严重产科并发症',
    definitionZh: '住院分娩期间发生严重产科并发症的患者比例',
    numeratorZh: '发生严重产科并发症的分娩住院次数',
    denominatorZh: '孕满 20 周及以上活产或死产分娩的住院次数',
  },
  CMS104FHIR: {
    nameZh: '出院时使用抗栓治疗',
    definitionZh: '缺血性脑卒中住院患者出院时开具抗栓药物的比例',
    numeratorZh: '出院时开具抗栓治疗的住院次数',
    denominatorZh: '主要诊断为缺血性脑卒中的住院次数',
  },
  CMS1074FHIR: {
    nameZh: '成人诊断性 CT 辐射剂量过高或图像质量不足（住院质量报告）',
    definitionZh: '成人诊断性 CT 检查中辐射剂量超过阈值或图像质量不足的比例',
    numeratorZh: '辐射剂量过高或图像质量不足的 CT 检查数',
    denominatorZh: '成人诊断性 CT 检查数',
  },
  CMS108FHIR: {
    nameZh: '静脉血栓栓塞预防',
    definitionZh: '住院当日或次日接受静脉血栓栓塞预防或记录不需预防理由的患者比例',
    numeratorZh: '入院当日或次日接受 VTE 预防或有不需预防记录的住院次数',
    denominatorZh: '18 岁及以上、无 VTE 诊断的住院次数',
  },
  CMS1206FHIR: {
    nameZh: '成人诊断性 CT 辐射剂量过高或图像质量不足（门诊质量报告）',
    definitionZh: '门诊成人诊断性 CT 检查中辐射剂量超过阈值或图像质量不足的比例',
    numeratorZh: '辐射剂量过高或图像质量不足的 CT 检查数',
    denominatorZh: '门诊成人诊断性 CT 检查数',
  },
  CMS1218FHIR: {
    nameZh: '医院伤害：术后呼吸衰竭',
    definitionZh: '择期住院手术患者发生术后呼吸衰竭的比例',
    numeratorZh: '术后发生呼吸衰竭的住院次数',
    denominatorZh: '18 岁及以上择期住院手术的住院次数',
  },
  CMS1244FHIR: {
    nameZh: '急诊医疗容量与质量（医院门诊质量报告）',
    definitionZh: '急诊就诊中等待时间过长、离院未就诊或滞留过久的比例',
    numeratorZh: '出现长时间等待、未就诊离院或滞留过久的急诊就诊次数',
    denominatorZh: '急诊就诊次数',
  },
  CMS1264FHIR: {
    nameZh: '急诊医疗容量与质量（农村急诊医院质量报告）',
    definitionZh: '农村急诊医院急诊就诊中等待时间过长、离院未就诊或滞留过久的比例',
    numeratorZh: '出现长时间等待、未就诊离院或滞留过久的急诊就诊次数',
    denominatorZh: '急诊就诊次数',
  },
  CMS190FHIR: {
    nameZh: '重症监护病房静脉血栓栓塞预防',
    definitionZh: '转入 ICU 当日或次日接受 VTE 预防或有不需预防记录的患者比例',
    numeratorZh: '转入 ICU 当日或次日接受 VTE 预防或有不需预防记录的住院次数',
    denominatorZh: '18 岁及以上入住 ICU 的住院次数',
  },
  CMS334FHIR: {
    nameZh: '剖宫产分娩',
    definitionZh: '初产、足月、单胎、头位（NTSV）产妇的剖宫产比例',
    numeratorZh: '剖宫产分娩的 NTSV 产妇住院次数',
    denominatorZh: '孕 37 周及以上初产单胎头位分娩的住院次数',
  },
  CMS506FHIR: {
    nameZh: '阿片类药物安全使用：合并处方',
    definitionZh: '出院时同时开具两种及以上阿片类药物或阿片类与苯二氮䓬类药物的比例',
    numeratorZh: '出院时合并开具阿片类或阿片类加苯二氮䓬类药物的住院次数',
    denominatorZh: '出院时开具阿片类或苯二氮䓬类药物的住院次数',
  },
  CMS71FHIR: {
    nameZh: '房颤/房扑患者抗凝治疗',
    definitionZh: '缺血性脑卒中合并房颤或房扑患者出院时开具抗凝药物的比例',
    numeratorZh: '出院时开具抗凝治疗的住院次数',
    denominatorZh: '缺血性脑卒中合并房颤或房扑的住院次数',
  },
  CMS72FHIR: {
    nameZh: '住院第 2 日结束前抗栓治疗',
    definitionZh: '缺血性脑卒中患者在住院第 2 日结束前接受抗栓治疗的比例',
    numeratorZh: '住院第 2 日结束前接受抗栓治疗的住院次数',
    denominatorZh: '缺血性脑卒中的住院次数',
  },
  CMS816FHIR: {
    nameZh: '医院伤害：严重低血糖',
    definitionZh: '使用降糖药物的住院患者发生严重低血糖事件的比例',
    numeratorZh: '发生严重低血糖事件的住院次数',
    denominatorZh: '18 岁及以上住院期间使用降糖药物的住院次数',
  },
  CMS819FHIR: {
    nameZh: '医院伤害：阿片类药物相关不良事件',
    definitionZh: '住院期间使用阿片类药物的患者发生阿片类相关不良事件（需使用纳洛酮）的比例',
    numeratorZh: '发生阿片类相关不良事件的住院次数',
    denominatorZh: '18 岁及以上住院期间使用阿片类药物的住院次数',
  },
  CMS826FHIR: {
    nameZh: '医院伤害：压力性损伤',
    definitionZh: '住院期间新发 3 期、4 期、不可分期压力性损伤或深部组织损伤的比例',
    numeratorZh: '住院期间新发压力性损伤或深部组织损伤的住院次数',
    denominatorZh: '18 岁及以上的住院次数',
  },
  CMS832FHIR: {
    nameZh: '医院伤害：急性肾损伤',
    definitionZh: '住院期间发生 2 期及以上急性肾损伤的比例',
    numeratorZh: '住院期间发生 2 期及以上急性肾损伤的住院次数',
    denominatorZh: '18 岁及以上、入院时无急性肾损伤的住院次数',
  },
  CMS871FHIR: {
    nameZh: '医院伤害：严重高血糖',
    definitionZh: '糖尿病或使用降糖药物的住院患者发生严重高血糖的住院日与合格住院日之比',
    numeratorZh: '发生严重高血糖的住院日数',
    denominatorZh: '糖尿病或使用降糖药物患者的合格住院日数',
  },
  CMS986FHIR: {
    nameZh: '营养不良照护评分',
    definitionZh: '65 岁及以上住院患者营养不良筛查、评估、诊断与照护计划四个环节的平均完成得分',
    numeratorZh: '各住院次数营养不良照护环节完成得分之和',
    denominatorZh: '65 岁及以上、住院 24 小时及以上的住院次数',
  },
  CMS996FHIR: {
    nameZh: '急诊 ST 段抬高型心肌梗死（STEMI）患者的适当治疗',
    definitionZh: '急诊 STEMI 患者及时接受溶栓、PCI 或转诊的比例',
    numeratorZh: '及时接受溶栓、经皮冠状动脉介入治疗或转出的急诊就诊次数',
    denominatorZh: '18 岁及以上诊断为 STEMI 的急诊就诊次数',
  },
  CMS529FHIR: {
    nameZh: '混合数据全院再入院测量的核心临床数据元素',
    definitionZh: '为全院 30 天非计划再入院率（理赔与电子病历混合数据）提取的首批生命体征和化验结果',
    numeratorZh: '30 天内非计划再入院的住院次数',
    denominatorZh: '65 岁及以上医保患者的合格住院次数',
  },
  CMS844FHIR: {
    nameZh: '混合数据全院风险标化死亡率测量的核心临床数据元素',
    definitionZh: '为全院 30 天风险标化死亡率（理赔与电子病历混合数据）提取的首批生命体征和化验结果',
    numeratorZh: '入院后 30 天内死亡的住院次数',
    denominatorZh: '65 岁及以上医保患者的合格住院次数',
  },
};
