/**
 * Scorecards from scorecard files: import (create or replace), check an import without writing, read a
 * version, export back as a file, list, and list versions. An import validates the whole file with
 * `compileScorecard` (core/scorecard; an @1 file is converted to @2 and the conversion's notes are returned),
 * upserts its data elements, and stores a new structure version and a new weight version only when they
 * differ from the current ones, so importing the same file twice changes nothing. Files are stored and
 * exported as @2.
 */

import { DESIGN_ROLES } from '../../core/access/policy.ts';
import type { Page } from '../../core/contracts/common.ts';
import type {
  ImportScorecardResult,
  ListScorecardsQuery,
  ScorecardDetail,
  ScorecardSummary,
  ScorecardVersionQuery,
  ScorecardVersions,
  StructureVersion,
  WeightProvenance,
  WeightVersion,
} from '../../core/contracts/scorecards.ts';
import {
  badRequest,
  conflict,
  notFound,
  type ProblemIssue,
  type ProblemNote,
} from '../../core/errors/problem.ts';
import { compileScorecard, type ScorecardFile } from '../../core/scorecard/index.ts';
import type { AuditEntry } from '../../db/repositories/audit.repository.ts';
import {
  findDataElementsByCodes,
  insertDataElement,
  updateDataElement,
} from '../../db/repositories/data-element.repository.ts';
import { latestPublishedPeriod } from '../../db/repositories/publication.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import {
  findScorecardByCode,
  findStructureVersion,
  findWeightVersion,
  insertScorecard,
  insertStructureVersion,
  insertWeightVersion,
  listScorecards,
  listStructureVersions,
  listWeightVersions,
  lockScorecard,
  type ScorecardRecord,
  type ScorecardSummaryRecord,
  type StructureVersionRecord,
  touchScorecard,
  type WeightVersionRecord,
} from '../../db/repositories/scorecard.repository.ts';
import { listScorecardOrgUnits } from '../../db/repositories/scorecard-org-unit.repository.ts';
import {
  findWeightProvenance,
  type WeightProvenanceRecord,
} from '../../db/repositories/survey.repository.ts';
import type { JsonValue } from '../../db/schema.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireSomeRole } from './access.ts';
import { commitWrite } from './commit-write.ts';
import { fieldsFromFile, sameFields, toDataElement } from './data-elements.service.ts';
import { assertVersionsCombine, defaultEffectiveFrom, effectiveFromOf } from './dated-versions.ts';
import { isoTime, localized, toPage } from './format.ts';
import { sameJson } from './json-equal.ts';
import { requireScorecard } from './lookups.ts';
import { mergeScorecardFile, splitScorecardFile } from './scorecard-files.ts';

export function toStructureVersion(row: Omit<StructureVersionRecord, 'definition'>): StructureVersion {
  return {
    id: row.id,
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    note: row.note,
    createdBy: row.createdBy,
    createdAt: isoTime(row.createdAt),
  };
}

export function toWeightVersion(row: Omit<WeightVersionRecord, 'weights'>): WeightVersion {
  return {
    id: row.id,
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    source: row.source,
    sourceRef: row.sourceRef,
    note: row.note,
    createdBy: row.createdBy,
    createdAt: isoTime(row.createdAt),
  };
}

/** Weight versions with the provenance of those made from a survey (or edited from one). */
async function withProvenances(db: Executor, versions: readonly WeightVersion[]): Promise<WeightVersion[]> {
  const found = await findWeightProvenance(
    db,
    versions.map((v) => v.id),
  );
  return versions.map((v) => {
    const p = found.get(v.id);
    return p === undefined ? v : { ...v, provenance: toWeightProvenance(p) };
  });
}

async function withProvenance(db: Executor, version: WeightVersion): Promise<WeightVersion> {
  return (await withProvenances(db, [version]))[0] ?? version;
}

export function toWeightProvenance(p: WeightProvenanceRecord): WeightProvenance {
  return {
    survey: p.surveyId,
    surveyTitle: p.surveyTitle,
    aggregation: p.aggregation,
    inconsistent: p.inconsistent,
    expertsCounted: p.expertsCounted,
    expertsTotal: p.expertsTotal,
    appliedBy: p.appliedBy,
    appliedAt: isoTime(p.appliedAt),
    overridden: p.overridden,
  };
}

function toSummary(row: ScorecardSummaryRecord): ScorecardSummary {
  return {
    code: row.code,
    name: localized(row.nameEn, row.nameZh),
    version: row.version,
    weightVersion: row.weightVersion,
    createdAt: isoTime(row.createdAt),
    updatedAt: isoTime(row.updatedAt),
  };
}

/** A validated file as stored JSON (it came from JSON, so it is JSON). */
function asJson(value: unknown): JsonValue {
  const json: JsonValue = JSON.parse(JSON.stringify(value));
  return json;
}

export interface ImportScorecardInput {
  /** The scorecard file (parsed JSON or YAML), validated whole here. */
  readonly file: unknown;
  /** `create` refuses an existing code (409); `replace` creates or replaces the scorecard `code`. */
  readonly mode: 'create' | 'replace';
  /** With `replace`: the code the file must have (the URL's). */
  readonly code?: string;
  readonly note?: string;
  /**
   * The first period a changed structure holds for (and weights that name none); absent: the next period with
   * no published score. A new scorecard's first versions hold since the beginning.
   */
  readonly effectiveFrom?: string;
}

/**
 * Imports a scorecard file. 400 listing every problem of the file, or when its versions would not combine with
 * stored ones (dated-versions.ts); 409 on `create` of an existing code. The weights of an import are recorded
 * with source `import`. A changed structure holds from `effectiveFrom` (default: the next period with no
 * published score); changed weights from their own `effectiveFrom`, else the same.
 */
export async function importScorecard(
  ctx: ServerContext,
  actor: Actor,
  input: ImportScorecardInput,
): Promise<ImportScorecardResult> {
  requireSomeRole(actor, DESIGN_ROLES);
  const compiled = compileScorecard(input.file);
  const file = compiled.definition;
  if (input.mode === 'replace' && input.code !== undefined && input.code !== file.code) {
    throw badRequest('scorecard.code-mismatch', { fileCode: file.code, code: input.code }, ['code']);
  }
  const { structure, weights } = splitScorecardFile(file);
  const now = ctx.now();
  return commitWrite(ctx, actor, async (trx) => {
    const audit: AuditEntry[] = [];
    const existing = await findScorecardByCode(trx, file.code);
    if (existing !== undefined && input.mode === 'create')
      throw conflict('scorecard.exists', { code: file.code });
    const scorecard =
      existing ??
      (await insertScorecard(trx, {
        code: file.code,
        nameEn: file.name.en,
        nameZh: file.name.zh ?? null,
        now,
      }));
    if (existing === undefined) {
      audit.push({
        action: 'create',
        entity: 'scorecard',
        entityKey: file.code,
        newValue: { code: file.code, name: file.name },
      });
    } else {
      await lockScorecard(trx, existing.id);
      audit.push(...renameEntries(existing, file));
    }
    const elements = await upsertDataElements(trx, file, now, audit);

    const currentStructure = await findStructureVersion(trx, scorecard.id);
    const currentWeights = await findWeightVersion(trx, scorecard.id);
    // Compared as @2: a structure stored as @1 that converts to this file's is the same structure.
    const current =
      currentStructure === undefined || currentWeights === undefined
        ? undefined
        : splitScorecardFile(mergeScorecardFile(currentStructure, currentWeights));
    const structureJson = asJson(structure);
    const structureChanged = current === undefined || !sameJson(asJson(current.structure), structureJson);
    // A first version holds since the beginning; a later change from the period asked for, or by default.
    const changeFrom =
      currentStructure === undefined
        ? null
        : await effectiveFromOf(trx, scorecard.id, file.periodType, input.effectiveFrom);
    const storedStructure =
      currentStructure === undefined || structureChanged
        ? await insertStructureVersion(trx, scorecard.id, {
            definition: structureJson,
            effectiveFrom: changeFrom,
            note: input.note ?? null,
            createdBy: actor.id,
            now,
          })
        : currentStructure;
    if (structureChanged) {
      // The version's content is in scorecard_version, immutable: the audit row references it by number.
      audit.push({
        action: 'create',
        entity: 'scorecard_version',
        entityKey: file.code,
        oldValue: currentStructure === undefined ? null : { version: currentStructure.version },
        newValue: {
          version: storedStructure.version,
          effectiveFrom: storedStructure.effectiveFrom,
          note: storedStructure.note,
        },
      });
    }

    const weightsFrom = weights.effectiveFrom ?? changeFrom;
    const weightsJson = asJson(weightsFrom === null ? weights : { ...weights, effectiveFrom: weightsFrom });
    const weightsChanged = currentWeights === undefined || !sameJson(currentWeights.weights, asJson(weights));
    const storedWeights =
      currentWeights === undefined || weightsChanged
        ? await insertWeightVersion(trx, scorecard.id, {
            weights: weightsJson,
            effectiveFrom: weightsFrom,
            source: 'import',
            sourceRef: null,
            note: input.note ?? null,
            createdBy: actor.id,
            now,
          })
        : currentWeights;
    if (weightsChanged) {
      audit.push({
        action: 'create',
        entity: 'weight_version',
        entityKey: file.code,
        oldValue:
          currentWeights === undefined
            ? null
            : { version: currentWeights.version, source: currentWeights.source },
        newValue: {
          version: storedWeights.version,
          effectiveFrom: storedWeights.effectiveFrom,
          source: storedWeights.source,
          note: storedWeights.note,
        },
      });
    }
    if (structureChanged || weightsChanged) await assertVersionsCombine(trx, scorecard.id, file.code);
    if (existing !== undefined && audit.length > 0) {
      await touchScorecard(trx, scorecard.id, { nameEn: file.name.en, nameZh: file.name.zh ?? null, now });
    }
    return {
      result: {
        code: file.code,
        created: existing === undefined,
        structure: { ...toStructureVersion(storedStructure), created: structureChanged },
        weights: { ...toWeightVersion(storedWeights), created: weightsChanged },
        dataElements: elements,
        warnings: [...compiled.warnings],
        notices: [...compiled.conversion],
      },
      audit,
      touched: audit.length > 0 ? [{ kind: 'metadata' }] : [],
    };
  });
}

/** The audit row of a renamed scorecard (the name is written with `touchScorecard` at the end). */
function renameEntries(existing: ScorecardRecord, file: ScorecardFile): AuditEntry[] {
  if (existing.nameEn === file.name.en && existing.nameZh === (file.name.zh ?? null)) return [];
  return [
    {
      action: 'update',
      entity: 'scorecard',
      entityKey: file.code,
      oldValue: { code: existing.code, name: localized(existing.nameEn, existing.nameZh) },
      newValue: { code: file.code, name: file.name },
    },
  ];
}

/** Creates the file's data elements that do not exist and updates those that differ; returns their codes. */
async function upsertDataElements(
  trx: Executor,
  file: ScorecardFile,
  now: Date,
  audit: AuditEntry[],
): Promise<{ created: string[]; updated: string[] }> {
  const stored = await findDataElementsByCodes(
    trx,
    file.dataElements.map((element) => element.code),
  );
  const created: string[] = [];
  const updated: string[] = [];
  for (const element of file.dataElements) {
    const fields = fieldsFromFile(element);
    const old = stored.get(element.code);
    if (old === undefined) {
      const row = await insertDataElement(trx, element.code, fields, now);
      created.push(element.code);
      audit.push({
        action: 'create',
        entity: 'data_element',
        entityKey: element.code,
        newValue: toDataElement(row),
      });
    } else if (!sameFields(old, fields)) {
      const row = await updateDataElement(trx, old.id, fields, now);
      updated.push(element.code);
      audit.push({
        action: 'update',
        entity: 'data_element',
        entityKey: element.code,
        oldValue: toDataElement(old),
        newValue: toDataElement(row),
      });
    }
  }
  return { created, updated };
}

/** The structure and weight versions asked for (current by default); 404 for a version that does not exist. */
async function loadVersions(
  db: Executor,
  scorecard: ScorecardRecord,
  query: ScorecardVersionQuery,
): Promise<{ structure: StructureVersionRecord; weights: WeightVersionRecord }> {
  const code = scorecard.code;
  const structure = await findStructureVersion(db, scorecard.id, query.version);
  if (structure === undefined) {
    throw query.version === undefined
      ? notFound('scorecard.no-stored-version', { code })
      : notFound('scorecard.version-not-found', { code, version: query.version });
  }
  const weights = await findWeightVersion(db, scorecard.id, query.weightVersion);
  if (weights === undefined) {
    throw query.weightVersion === undefined
      ? notFound('scorecard.no-stored-version', { code })
      : notFound('scorecard.weight-version-not-found', { code, version: query.weightVersion });
  }
  return { structure, weights };
}

/** A scorecard: its versions, the org units it applies to, and its file (structure + weights merged). */
export async function getScorecard(
  ctx: ServerContext,
  _actor: Actor,
  input: ScorecardVersionQuery & { readonly code: string },
): Promise<ScorecardDetail> {
  const db = ctx.db.kysely;
  const scorecard = await requireScorecard(db, input.code);
  const { structure, weights } = await loadVersions(db, scorecard, input);
  const orgUnits = await listScorecardOrgUnits(db, scorecard.id);
  return {
    code: scorecard.code,
    name: localized(scorecard.nameEn, scorecard.nameZh),
    createdAt: isoTime(scorecard.createdAt),
    updatedAt: isoTime(scorecard.updatedAt),
    structure: toStructureVersion(structure),
    weights: await withProvenance(db, toWeightVersion(weights)),
    orgUnits: orgUnits.map((row) => ({
      orgUnit: row.orgUnitCode,
      includeDescendants: row.includeDescendants,
    })),
    file: mergeScorecardFile(structure, weights),
  };
}

/** What importing a scorecard file would do, found without writing anything (an import's dry run). */
export interface ScorecardImportCheck {
  readonly code: string;
  /** `unchanged`: the file equals the current version (as @2), so importing it would store nothing. */
  readonly action: 'create' | 'update' | 'unchanged';
  readonly warnings: readonly ProblemIssue[];
  /** What converting an @1 file changed; empty for @2. */
  readonly notices: readonly ProblemNote[];
}

/**
 * Checks a scorecard file as `importScorecard` would (throws its problems) and compares it with the stored
 * scorecard of the same code.
 */
export async function checkScorecardImport(ctx: ServerContext, file: unknown): Promise<ScorecardImportCheck> {
  const compiled = compileScorecard(file);
  const code = compiled.definition.code;
  const base = { code, warnings: compiled.warnings, notices: compiled.conversion };
  const db = ctx.db.kysely;
  const stored = await findScorecardByCode(db, code);
  if (stored === undefined) return { ...base, action: 'create' };
  const structure = await findStructureVersion(db, stored.id);
  const weights = await findWeightVersion(db, stored.id);
  const current =
    structure === undefined || weights === undefined ? null : mergeScorecardFile(structure, weights);
  return {
    ...base,
    action: current !== null && sameJson(current, compiled.definition) ? 'unchanged' : 'update',
  };
}

/** The scorecard file of a version (current by default), as @2: importing it gives back the same scorecard. */
export async function exportScorecard(
  ctx: ServerContext,
  _actor: Actor,
  input: ScorecardVersionQuery & { readonly code: string },
): Promise<ScorecardFile> {
  const db = ctx.db.kysely;
  const scorecard = await requireScorecard(db, input.code);
  const { structure, weights } = await loadVersions(db, scorecard, input);
  return mergeScorecardFile(structure, weights);
}

export async function listScorecardsPage(
  ctx: ServerContext,
  _actor: Actor,
  input: ListScorecardsQuery,
): Promise<Page<ScorecardSummary>> {
  return toPage(await listScorecards(ctx.db.kysely, { text: input.q }, input), input, toSummary);
}

/** Every structure version and weight version of a scorecard, newest first. */
export async function listScorecardVersions(
  ctx: ServerContext,
  _actor: Actor,
  input: { readonly code: string },
): Promise<ScorecardVersions> {
  const db = ctx.db.kysely;
  const scorecard = await requireScorecard(db, input.code);
  const [structure, weights, publishedThrough, current] = await Promise.all([
    listStructureVersions(db, scorecard.id),
    listWeightVersions(db, scorecard.id),
    latestPublishedPeriod(db, scorecard.id),
    loadVersions(db, scorecard, {}),
  ]);
  const periodType = mergeScorecardFile(current.structure, current.weights).periodType;
  return {
    structure: structure.map(toStructureVersion),
    weights: await withProvenances(db, weights.map(toWeightVersion)),
    publishedThrough,
    defaultEffectiveFrom: await defaultEffectiveFrom(db, scorecard.id, periodType),
  };
}
