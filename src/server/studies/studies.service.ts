/**
 * Evaluation studies: evaluating a study (a file, a saved one, or one edited on the Studies page) and keeping
 * studies in the database. Anyone may evaluate a study whose every unit (every member of a pooled group) lies in
 * their read scope; the performance office (admin, strategist) saves and deletes studies. Saves are audited.
 */
import { DESIGN_ROLES, hasRoleOver, READ_ROLES } from '../../core/access/policy.ts';
import {
  type SavedStudy,
  type StudyFile,
  type StudyResult,
  type StudyUnit,
  studyFileSchema,
} from '../../core/contracts/studies.ts';
import { conflict, internal, notFound } from '../../core/errors/problem.ts';
import { analyseStudy, readStudyFile, studyIcer, studyTimeline } from '../../core/studies/index.ts';
import { findOrgUnitsByCodes } from '../../db/repositories/org-unit.repository.ts';
import { findOrgUnitGroupByCode, listGroupMembers } from '../../db/repositories/org-unit-group.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import {
  deleteStudy,
  findStudyByCode,
  insertStudy,
  listStudies,
  type StudyRecord,
  updateStudy,
} from '../../db/repositories/study.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireAccess, requireRoleOver, requireSomeRole } from '../services/access.ts';
import { commitWrite } from '../services/commit-write.ts';
import { isoTime, localized } from '../services/format.ts';
import { loadStudyMeta, readStudyData } from './study-data.ts';

const DEFAULT_LEVEL = 0.95;
const DEFAULT_REPLICATES = 2_000;
const DEFAULT_SEED = 1;

/** The org units a study reads: each unit, each group's members (404 for an unknown code). */
async function unitsRead(db: Executor, units: readonly StudyUnit[]) {
  const codes: string[] = [];
  for (const unit of units) {
    if ('orgUnit' in unit) {
      codes.push(unit.orgUnit);
      continue;
    }
    const group = await findOrgUnitGroupByCode(db, unit.group);
    if (!group) throw notFound('org-unit.group-not-found', { code: unit.group });
    codes.push(...((await listGroupMembers(db, [group.id])).get(group.id) ?? []));
  }
  const found = await findOrgUnitsByCodes(db, codes);
  for (const code of codes) if (!found.has(code)) throw notFound('org-unit.not-found', { code });
  return [...found.values()];
}

/** 403 unless the actor reads every unit the study reads. */
async function requireStudyReadable(ctx: ServerContext, actor: Actor, file: StudyFile): Promise<void> {
  requireSomeRole(actor, READ_ROLES);
  for (const unit of await unitsRead(ctx.db.kysely, file.units)) requireRoleOver(actor, READ_ROLES, unit);
}

/**
 * Evaluates a study against the database: its rows (core/studies analyse-study.ts), its ICERs and the names of
 * its indicators and units.
 */
export async function evaluateStudy(ctx: ServerContext, actor: Actor, input: unknown): Promise<StudyResult> {
  const file = readStudyFile(input);
  await requireStudyReadable(ctx, actor, file);
  const timeline = studyTimeline(file);
  const meta = await loadStudyMeta(ctx.db);
  const data = await readStudyData(ctx.db, meta, file, timeline);
  const level = file.options?.level ?? DEFAULT_LEVEL;
  const rows = analyseStudy(data.cells, timeline, {
    level,
    continuityCorrection: file.options?.continuityCorrection ?? false,
  });
  const cellOf = (indicator: string, unit: string) =>
    data.cells.find((c) => c.indicator === indicator && c.unit === unit);
  const icers = (file.costEffectiveness ?? []).flatMap((pair) =>
    data.units.flatMap((unit) => {
      const cost = cellOf(pair.cost, unit.code);
      const effect = cellOf(pair.effect, unit.code);
      if (!cost || !effect) return [];
      return [
        studyIcer(cost, effect, timeline, {
          level,
          replicates: file.options?.bootstrap ?? DEFAULT_REPLICATES,
          seed: file.options?.seed ?? DEFAULT_SEED,
        }),
      ];
    }),
  );
  return {
    study: { code: file.code, name: file.name, scorecard: file.scorecard },
    baseline: { from: timeline.baseline[0] ?? '', to: timeline.baseline.at(-1) ?? '' },
    followUp: { from: timeline.followUp[0] ?? '', to: timeline.followUp.at(-1) ?? '' },
    level,
    rows,
    icers,
    names: {
      indicators: data.indicatorNames,
      units: Object.fromEntries(data.units.map((u) => [u.code, u.name])),
    },
  };
}

function toSaved(record: StudyRecord): SavedStudy {
  const file = studyFileSchema.safeParse(record.definition);
  // Only valid files are ever saved; a row that does not read back is a fault of the server.
  if (!file.success) throw internal('study.invalid-file', {});
  return {
    code: record.code,
    name: localized(record.nameEn, record.nameZh),
    scorecard: record.scorecardCode,
    file: file.data,
    updatedAt: isoTime(record.updatedAt),
    updatedBy: record.updatedBy,
  };
}

/** The saved studies whose every unit the actor reads. */
export async function listSavedStudies(ctx: ServerContext, actor: Actor): Promise<SavedStudy[]> {
  requireSomeRole(actor, READ_ROLES);
  const saved = (await listStudies(ctx.db.kysely)).map(toSaved);
  const visible: SavedStudy[] = [];
  for (const study of saved) {
    const units = await unitsRead(ctx.db.kysely, study.file.units).catch(() => null);
    if (units?.every((u) => hasRoleOver(actor.principal, READ_ROLES, u.path))) visible.push(study);
  }
  return visible;
}

/** One saved study (404), which the actor reads (403). */
export async function getSavedStudy(ctx: ServerContext, actor: Actor, code: string): Promise<SavedStudy> {
  const record = await findStudyByCode(ctx.db.kysely, code);
  if (!record) throw notFound('study.not-found', { code });
  const study = toSaved(record);
  await requireStudyReadable(ctx, actor, study.file);
  return study;
}

/** Saves a study under its code, creating or replacing it (admin, strategist over its units). Audited. */
export async function saveStudy(
  ctx: ServerContext,
  actor: Actor,
  input: { readonly code: string; readonly body: unknown; readonly create: boolean },
): Promise<SavedStudy> {
  requireSomeRole(actor, DESIGN_ROLES);
  const file = readStudyFile(input.body);
  const units = await unitsRead(ctx.db.kysely, file.units);
  for (const unit of units) requireRoleOver(actor, DESIGN_ROLES, unit);
  requireAccess(file.code === input.code, actor, DESIGN_ROLES);
  return commitWrite(ctx, actor, async (trx) => {
    const before = await findStudyByCode(trx, input.code);
    if (before && input.create) throw conflict('study.exists', { code: input.code });
    const write = {
      code: file.code,
      nameEn: file.name.en,
      nameZh: file.name.zh ?? null,
      scorecardCode: file.scorecard,
      definition: JSON.stringify(file),
      now: ctx.now(),
      by: actor.id,
    };
    if (before) await updateStudy(trx, write);
    else await insertStudy(trx, write);
    const saved: SavedStudy = {
      code: file.code,
      name: file.name,
      scorecard: file.scorecard,
      file,
      updatedAt: isoTime(write.now),
      updatedBy: actor.id,
    };
    return {
      result: saved,
      audit: [
        {
          action: before ? 'update' : 'create',
          entity: 'study',
          entityKey: file.code,
          oldValue: before?.definition ?? null,
          newValue: file,
        },
      ],
      touched: [],
    };
  });
}

/** Deletes a saved study (admin, strategist over its units). Audited. */
export async function removeStudy(ctx: ServerContext, actor: Actor, code: string): Promise<void> {
  requireSomeRole(actor, DESIGN_ROLES);
  await commitWrite(ctx, actor, async (trx) => {
    const before = await findStudyByCode(trx, code);
    if (!before) throw notFound('study.not-found', { code });
    for (const unit of await unitsRead(trx, toSaved(before).file.units))
      requireRoleOver(actor, DESIGN_ROLES, unit);
    await deleteStudy(trx, code);
    return {
      result: undefined,
      audit: [{ action: 'delete', entity: 'study', entityKey: code, oldValue: before.definition }],
      touched: [],
    };
  });
}
