/**
 * The seeded generator of the demo medical group (./README.md): draws 48 months of noisy, seasonal raw data
 * for every department and hospital, then calibrates 2024 so that seed 000's reported changes come out
 * exactly when computed the right way (ratios of annual sums).
 */
import { badRequest, internal } from '../core/errors/problem.ts';
import { calibratePooledZ, calibrateRatioChange, type SeriesSet } from './calibrate.ts';
import { DEMO_DATA_ELEMENTS, type DemoDataElementCode } from './data-elements.ts';
import { DEPARTMENT_PROFILES } from './departments.ts';
import { DEMO_INDICATORS, type DemoIndicatorCode } from './indicators.ts';
import {
  DIABETICS_CHANGE,
  DISCHARGE_SEASON,
  HOSPITALS,
  type HospitalModel,
  HYPERTENSIVES_CHANGE,
  NOISE,
  RESPIRATORY_WAVE,
  ROLE_MODELS,
  SERVICE_AREA_VISITS_CHANGE,
  VISIT_SEASON,
} from './model.ts';
import { buildOrgUnits, departmentCode } from './org-units.ts';
import { MONTH_COUNT, MONTHS_PER_YEAR, monthPeriod } from './periods.ts';
import { approximateNormal, createMulberry32, type Random, randomIndex } from './prng.ts';
import { along, count, proportion, seasonal, trend } from './series.ts';
import {
  HYPERTENSION_TARGET_Z,
  NEW_TECHNOLOGIES_PER_YEAR,
  SEED_000_TARGETS,
  type TargetScope,
} from './targets.ts';
import type { DemoValue, MedicalGroupDemo } from './types.ts';

/** The default seed: the first year of seed 000's study. */
export const DEFAULT_DEMO_SEED = 2021;

/** Monthly series by org unit and data element, filled in while drawing. */
type SeriesStore = Map<string, number[]>;

function storeKey(orgUnit: string, element: DemoDataElementCode): string {
  return `${orgUnit}\u0000${element}`;
}

/** A new 48-month series of zeros in the store. */
function create(store: SeriesStore, orgUnit: string, element: DemoDataElementCode): number[] {
  const series = new Array<number>(MONTH_COUNT).fill(0);
  store.set(storeKey(orgUnit, element), series);
  return series;
}

function pick(store: SeriesStore, orgUnits: readonly string[], element: DemoDataElementCode): SeriesSet {
  return orgUnits.map((orgUnit) => {
    const series = store.get(storeKey(orgUnit, element));
    if (!series) throw internal('demo.no-series', { element, orgUnit });
    return series;
  });
}

function drawDepartments(hospital: HospitalModel, random: Random, store: SeriesStore): void {
  const role = ROLE_MODELS[hospital.role];
  for (const department of hospital.departments) {
    const profile = DEPARTMENT_PROFILES[department.kind];
    const code = departmentCode(hospital.code, department.kind);
    const visits = create(store, code, 'outpatient_visits');
    const outpatientRevenue = create(store, code, 'outpatient_revenue');
    const discharges = create(store, code, 'inpatient_discharges');
    const inpatientRevenue = create(store, code, 'inpatient_revenue');
    for (let t = 0; t < MONTH_COUNT; t++) {
      const wave = RESPIRATORY_WAVE.get(t);
      const visitWave = wave && profile.respiratory ? wave.visits : 1;
      const dischargeWave = wave && profile.elective ? wave.discharges : 1;
      const v = count(
        department.visits *
          seasonal(VISIT_SEASON, t, profile.seasonality) *
          trend(role.visitsChange, t) *
          visitWave *
          (1 + NOISE.visits * approximateNormal(random)),
      );
      const d = count(
        department.discharges *
          seasonal(DISCHARGE_SEASON, t, profile.seasonality / 2) *
          trend(role.dischargesChange, t) *
          dischargeWave *
          (1 + NOISE.discharges * approximateNormal(random)),
      );
      visits[t] = v;
      discharges[t] = d;
      outpatientRevenue[t] = count(
        v *
          role.outpatientCost *
          profile.outpatientCost *
          trend(role.outpatientCostChange, t) *
          (1 + NOISE.outpatientCost * approximateNormal(random)),
      );
      inpatientRevenue[t] = count(
        d *
          role.inpatientCost *
          profile.inpatientCost *
          trend(role.inpatientCostChange, t) *
          (1 + NOISE.inpatientCost * approximateNormal(random)),
      );
    }
  }
}

function drawHospital(hospital: HospitalModel, random: Random, store: SeriesStore): void {
  const code = hospital.code;
  const residentVisits = create(store, code, 'county_resident_visits_total');
  const inCounty = create(store, code, 'county_resident_visits_in_county');
  const diabetics = create(store, code, 'diabetics_registered');
  const diabeticsManaged = create(store, code, 'diabetics_standard_managed');
  const hypertensives = create(store, code, 'hypertensives_registered');
  const hypertensivesManaged = create(store, code, 'hypertensives_standard_managed');
  const training = create(store, code, 'staff_training_completions');
  const referrals = hospital.referrals ? create(store, code, 'downward_referrals_received') : null;
  const noise = () => approximateNormal(random);
  for (let t = 0; t < MONTH_COUNT; t++) {
    const total = count(
      hospital.serviceAreaVisits *
        seasonal(VISIT_SEASON, t, 0.8) *
        trend(SERVICE_AREA_VISITS_CHANGE, t) *
        (1 + NOISE.serviceAreaVisits * noise()),
    );
    residentVisits[t] = total;
    inCounty[t] = Math.round(
      total * proportion(along(hospital.inCountyRate, t) + NOISE.inCountyRate * noise()),
    );
    const registeredDiabetics = count(
      hospital.diabetics * trend(DIABETICS_CHANGE, t) * (1 + NOISE.register * noise()),
    );
    diabetics[t] = registeredDiabetics;
    diabeticsManaged[t] = Math.round(
      registeredDiabetics * proportion(along(hospital.diabetesRate, t) + NOISE.managementRate * noise()),
    );
    const registeredHypertensives = count(
      hospital.hypertensives * trend(HYPERTENSIVES_CHANGE, t) * (1 + NOISE.register * noise()),
    );
    hypertensives[t] = registeredHypertensives;
    hypertensivesManaged[t] = Math.round(
      registeredHypertensives *
        proportion(along(hospital.hypertensionRate, t) + NOISE.managementRate * noise()),
    );
    training[t] = count(along(hospital.training, t) * (1 + NOISE.training * noise()));
    if (referrals && hospital.referrals) {
      referrals[t] = count(
        along(hospital.referrals, t) * seasonal(VISIT_SEASON, t, 0.5) * (1 + NOISE.referrals * noise()),
      );
    }
  }
}

/** Places each year's new technologies (6, 7, 8, 10) on a random branch and month: counts stay exact. */
function drawTechnologies(branches: readonly string[], random: Random, store: SeriesStore): void {
  const series = branches.map((code) => create(store, code, 'new_technologies_introduced'));
  NEW_TECHNOLOGIES_PER_YEAR.forEach((perYear, year) => {
    for (let k = 0; k < perYear; k++) {
      const branch = series[randomIndex(random, series.length)];
      const month = year * MONTHS_PER_YEAR + randomIndex(random, MONTHS_PER_YEAR);
      if (branch) branch[month] = (branch[month] ?? 0) + 1;
    }
  });
}

function targetChange(indicator: DemoIndicatorCode, scope: TargetScope): number {
  const target = SEED_000_TARGETS.find((t) => t.indicator === indicator && t.scope === scope);
  if (target?.changePercent == null) throw internal('demo.no-seed-change', { indicator, scope });
  return target.changePercent / 100;
}

function calibrate(store: SeriesStore): void {
  const hospitals = HOSPITALS.map((h) => h.code);
  const departmentsOf = (role: 'head' | 'branch') =>
    HOSPITALS.filter((h) => h.role === role).flatMap((h) =>
      h.departments.map((d) => departmentCode(h.code, d.kind)),
    );
  const head = departmentsOf('head');
  const branches = departmentsOf('branch');

  const ratio = (units: readonly string[], n: DemoDataElementCode, d: DemoDataElementCode, change: number) =>
    calibrateRatioChange(pick(store, units, n), pick(store, units, d), change, false);
  ratio(
    branches,
    'outpatient_revenue',
    'outpatient_visits',
    targetChange('outpatient_cost_per_visit', 'branches'),
  );
  ratio(
    branches,
    'inpatient_revenue',
    'inpatient_discharges',
    targetChange('inpatient_cost_per_discharge', 'branches'),
  );
  ratio(head, 'outpatient_revenue', 'outpatient_visits', targetChange('outpatient_cost_per_visit', 'head'));

  const share = (n: DemoDataElementCode, d: DemoDataElementCode, change: number) =>
    calibrateRatioChange(pick(store, hospitals, n), pick(store, hospitals, d), change, true);
  share(
    'county_resident_visits_in_county',
    'county_resident_visits_total',
    targetChange('county_visit_rate', 'group'),
  );
  share(
    'diabetics_standard_managed',
    'diabetics_registered',
    targetChange('diabetes_management_rate', 'group'),
  );

  // Registers are month-end stocks: the z-test compares people (annual means), not person-months.
  calibratePooledZ(
    pick(store, hospitals, 'hypertensives_standard_managed'),
    pick(store, hospitals, 'hypertensives_registered'),
    HYPERTENSION_TARGET_Z,
    MONTHS_PER_YEAR,
  );
}

/**
 * Generates the demo medical group: its org units, data elements, indicators and 48 months of values
 * (2021-01 … 2024-12). The same seed always gives the same values, on any JavaScript engine; every seed
 * gives seed 000's 2021 → 2024 changes (000_f2cc7fd4e5e58b48.txt), computed as ratios of annual sums.
 * Throws a bad-request `ProblemError` when the seed is not an integer in [0, 2³²).
 *
 * @example
 * const demo = generateMedicalGroupDemo(); // seed 2021
 * demo.values.find((v) => v.orgUnit === 'UMG-HEAD-CARD' && v.period === '2021-01' && v.dataElement === 'outpatient_visits');
 * // { orgUnit: 'UMG-HEAD-CARD', period: '2021-01', dataElement: 'outpatient_visits', value: … }
 */
export function generateMedicalGroupDemo(options: { readonly seed?: number } = {}): MedicalGroupDemo {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
    throw badRequest('demo.seed-out-of-range', {}, ['seed']);
  }
  const random = createMulberry32(seed);
  const store: SeriesStore = new Map();
  for (const hospital of HOSPITALS) drawDepartments(hospital, random, store);
  for (const hospital of HOSPITALS) drawHospital(hospital, random, store);
  drawTechnologies(
    HOSPITALS.filter((h) => h.role === 'branch').map((h) => h.code),
    random,
    store,
  );
  calibrate(store);

  const orgUnits = buildOrgUnits();
  const values: DemoValue[] = [];
  for (const unit of orgUnits) {
    for (const element of DEMO_DATA_ELEMENTS) {
      const series = store.get(storeKey(unit.code, element.code));
      if (!series) continue;
      series.forEach((value, t) => {
        values.push({ orgUnit: unit.code, period: monthPeriod(t), dataElement: element.code, value });
      });
    }
  }
  return { orgUnits, dataElements: DEMO_DATA_ELEMENTS, indicators: DEMO_INDICATORS, values, seed };
}
