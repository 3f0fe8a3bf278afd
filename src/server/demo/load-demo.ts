/**
 * Loads the demo on a first start: seed 002's AZ Hospital (examples/az-hospital) and the demo medical group of
 * seed 000 (src/demo), through the same services an administrator's writes go through, so the demo is audited
 * and validated like real data. Then it publishes AZ Hospital's 2016 and the group's 2021–2023, so the features
 * that build on published scores (reports, the incentive allocation, the weighting survey) have some to start
 * from; the demo's data is not approved, so each publication names its year as unapproved.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { valuesFileSchema } from '../../core/scorecard/index.ts';
import {
  buildDemoDepartmentScorecard,
  buildDemoDepartmentTargets,
  buildDemoScorecard,
  buildDemoTargets,
  DEMO_DEPARTMENT_SCORECARD_CODE,
  DEMO_SCORECARD_CODE,
  type DemoTarget,
  generateMedicalGroupDemo,
} from '../../demo/index.ts';
import { type Actor, type ServerContext, systemActor } from '../context.ts';
import { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { publish } from '../publications/publications.service.ts';
import { writeAssessments } from '../services/assessments.service.ts';
import { writeDataValues } from '../services/data-values.service.ts';
import { createOrgUnitGroup } from '../services/org-unit-groups.service.ts';
import { createOrgUnit } from '../services/org-units.service.ts';
import { writeReportedValues } from '../services/reported-values.service.ts';
import { putScorecardOrgUnits } from '../services/scorecard-org-units.service.ts';
import { importScorecard } from '../services/scorecards.service.ts';
import { putTargets } from '../services/targets.service.ts';

const AZ_DIR = new URL('../../../examples/az-hospital/', import.meta.url);
const ACTOR: Actor = systemActor('demo-loader');
/** The services take at most 10,000 items a call. */
const CHUNK = 5_000;

/** The codes a newcomer uses with the demo (the README lists them too). */
export const DEMO_CODES = {
  az: { scorecard: 'AZ-HOSPITAL', orgUnit: 'AZ', period: '2016' },
  group: {
    scorecard: DEMO_SCORECARD_CODE,
    departmentScorecard: DEMO_DEPARTMENT_SCORECARD_CODE,
    orgUnit: 'UMG',
    period: '2024',
    branches: 'UMG-BRANCHES',
  },
} as const;

/** What the demo publishes when it loads: a scorecard for an org unit's subtree and a period. */
export const DEMO_PUBLICATIONS = [
  { scorecard: DEMO_CODES.az.scorecard, orgUnit: DEMO_CODES.az.orgUnit, period: '2016' },
  ...['2021', '2022', '2023'].map((period) => ({
    scorecard: DEMO_CODES.group.scorecard,
    orgUnit: DEMO_CODES.group.orgUnit,
    period,
  })),
] as const;

export type DemoProgress = (message: string) => void;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) result.push(items.slice(start, start + CHUNK));
  return result;
}

/** Loads both demo organisations. Call on an empty database: codes that exist already are a conflict. */
export async function loadDemo(ctx: ServerContext, progress: DemoProgress = () => {}): Promise<void> {
  progress('Loading AZ Hospital (seed 002)…');
  await loadAzHospital(ctx);
  progress('Loading the demo medical group (seed 000)…');
  await loadMedicalGroup(ctx, progress);
  progress('Publishing AZ Hospital 2016 and the group’s 2021–2023…');
  await publishDemo(ctx);
}

async function publishDemo(ctx: ServerContext): Promise<void> {
  const engine = new EvaluationEngine(ctx.db, ctx.changes);
  for (const key of DEMO_PUBLICATIONS) {
    await publish(ctx, engine, ACTOR, { ...key, unapprovedPeriods: [key.period] });
  }
}

/** Loads seed 002's AZ Hospital alone: the unit, its scorecard, and its 2016 values, targets and ratings. */
export async function loadAzHospital(ctx: ServerContext): Promise<void> {
  const { az } = DEMO_CODES;
  const scorecard: unknown = parse(await readFile(new URL('./scorecard.yaml', AZ_DIR), 'utf8'));
  const values = valuesFileSchema.parse(parse(await readFile(new URL('values.yaml', AZ_DIR), 'utf8')));
  await createOrgUnit(ctx, ACTOR, {
    code: az.orgUnit,
    name: { en: 'AZ Hospital', zh: 'AZ医院' },
    type: 'hospital',
  });
  await importScorecard(ctx, ACTOR, {
    file: scorecard,
    mode: 'create',
    note: 'seed 002, Tables 3.1 and 4.1–4.8',
  });
  await putScorecardOrgUnits(ctx, ACTOR, {
    code: az.scorecard,
    body: { orgUnits: [{ orgUnit: az.orgUnit, includeDescendants: true }] },
  });
  // Seed 002 publishes annual figures (Table 4.9): the measures it gives for F1 and S3 are the indicators' values,
  // so every quantitative figure is stored as the hospital's reported value for 2016.
  const indicatorOfData: Record<string, string> = { fixed_assets: 'F1', national_projects_new: 'S3' };
  const reported = [
    ...Object.entries(values.data).map(([element, value]) => ({
      indicator: indicatorOfData[element] ?? element,
      value,
    })),
    ...Object.entries(values.actuals).map(([indicator, value]) => ({ indicator, value })),
  ];
  await writeReportedValues(ctx, ACTOR, {
    values: reported.map(({ indicator, value }) => ({
      scorecard: az.scorecard,
      indicator,
      orgUnit: az.orgUnit,
      period: az.period,
      value,
      comment: 'seed 002, Table 4.9',
    })),
  });
  const targetIds = [...new Set([...Object.keys(values.targets), ...Object.keys(values.references)])];
  await putTargets(ctx, ACTOR, {
    targets: targetIds.map((indicator) => ({
      scorecard: az.scorecard,
      indicator,
      orgUnit: az.orgUnit,
      period: az.period,
      target: values.targets[indicator] ?? null,
      reference: values.references[indicator] ?? null,
      source: 'industry reference value, seed 002 Table 4.9',
    })),
  });
  await writeAssessments(ctx, ACTOR, {
    assessments: Object.entries(values.assessments).flatMap(([indicator, ratings]) =>
      ratings.map((rating, i) => ({
        scorecard: az.scorecard,
        indicator,
        orgUnit: az.orgUnit,
        period: az.period,
        rater: typeof rating === 'number' ? `rater ${i + 1}` : (rating.rater ?? `rater ${i + 1}`),
        score: typeof rating === 'number' ? rating : rating.score,
        evidence: typeof rating === 'number' ? null : (rating.evidence ?? null),
      })),
    ),
  });
}

async function loadMedicalGroup(ctx: ServerContext, progress: DemoProgress): Promise<void> {
  const { group } = DEMO_CODES;
  const demo = generateMedicalGroupDemo();
  for (const unit of demo.orgUnits) {
    await createOrgUnit(ctx, ACTOR, {
      code: unit.code,
      name: unit.name,
      type: unit.type,
      role: unit.role ?? null,
      parent: unit.parent,
    });
  }
  await createOrgUnitGroup(ctx, ACTOR, {
    code: group.branches,
    name: { en: 'Branch hospitals', zh: '分院' },
    members: demo.orgUnits.filter((u) => u.role === 'branch').map((u) => u.code),
  });
  await importScorecard(ctx, ACTOR, {
    file: buildDemoScorecard(demo),
    mode: 'create',
    note: 'seed 000, four dimensions',
  });
  await importScorecard(ctx, ACTOR, {
    file: buildDemoDepartmentScorecard(demo),
    mode: 'create',
    note: 'seed 002 §5.2: department-specific metrics',
  });
  // The group and its hospitals on the group's scheme; each department on the department scheme, not on the
  // group's, where it has data for 37.5 % of the weight.
  await putScorecardOrgUnits(ctx, ACTOR, {
    code: group.scorecard,
    body: {
      orgUnits: demo.orgUnits
        .filter((u) => u.type !== 'department')
        .map((u) => ({ orgUnit: u.code, includeDescendants: false })),
    },
  });
  await putScorecardOrgUnits(ctx, ACTOR, {
    code: group.departmentScorecard,
    body: {
      orgUnits: demo.orgUnits
        .filter((u) => u.type === 'department')
        .map((u) => ({ orgUnit: u.code, includeDescendants: true })),
    },
  });
  const values = chunks(demo.values);
  for (const [i, chunk] of values.entries()) {
    progress(`  data values ${Math.min((i + 1) * CHUNK, demo.values.length)} / ${demo.values.length}`);
    await writeDataValues(ctx, ACTOR, {
      values: chunk.map((v) => ({
        orgUnit: v.orgUnit,
        dataElement: v.dataElement,
        period: v.period,
        value: v.value,
      })),
    });
  }
  await putDemoTargets(ctx, group.scorecard, buildDemoTargets(demo));
  await putDemoTargets(ctx, group.departmentScorecard, buildDemoDepartmentTargets(demo));
}

async function putDemoTargets(ctx: ServerContext, scorecard: string, targets: readonly DemoTarget[]) {
  for (const chunk of chunks(targets)) {
    await putTargets(ctx, ACTOR, {
      targets: chunk.map((t) => ({
        scorecard,
        indicator: t.indicator,
        ...(t.orgUnit === null ? {} : { orgUnit: t.orgUnit }),
        period: t.period,
        target: t.target,
        source: t.source,
      })),
    });
  }
}
