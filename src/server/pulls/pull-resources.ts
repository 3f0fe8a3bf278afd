/** Stored connections, pulls and runs as the API sends them (core/contracts/pulls.ts). */
import { importProfileSchema, profileImportReportSchema } from '../../core/contracts/import-profiles.ts';
import {
  PULL_RUN_PHASES,
  type PullConnectionResource,
  type PullResource,
  type PullRunResource,
  pullRunProblemSchema,
} from '../../core/contracts/pulls.ts';
import type {
  PullConnectionRecord,
  PullDefinitionRecord,
  PullRunRecord,
} from '../../db/repositories/pull.repository.ts';
import { isoTime } from '../services/format.ts';
import { nextPullRun } from './pull-calendar.ts';

export function toConnectionResource(c: PullConnectionRecord): PullConnectionResource {
  return {
    id: c.id,
    code: c.code,
    orgUnit: c.unitCode,
    kind: c.kind,
    host: c.host,
    port: c.port,
    database: c.database,
    user: c.user,
    hasPassword: c.passwordEncrypted !== '',
    options: { ...c.options },
    updatedAt: isoTime(c.updatedAt),
  };
}

export function toPullResource(p: PullDefinitionRecord, now: Date): PullResource {
  const next = p.enabled ? nextPullRun(p.schedule, p.timeZone, now) : null;
  return {
    id: p.id,
    code: p.code,
    orgUnit: p.unitCode,
    connection: p.connectionCode,
    query: p.query,
    profile: importProfileSchema.parse(p.profile),
    schedule: p.schedule,
    timeZone: p.timeZone,
    periodType: p.periodType,
    periodOffset: p.periodOffset,
    timeoutSeconds: p.timeoutSeconds,
    enabled: p.enabled,
    nextRunAt: next === null ? null : isoTime(next),
    updatedAt: isoTime(p.updatedAt),
  };
}

const phaseOf = (phase: string | null) => PULL_RUN_PHASES.find((p) => p === phase) ?? null;

export function toRunResource(r: PullRunRecord, pullCode: string): PullRunResource {
  const report = r.report === null ? null : profileImportReportSchema.safeParse(r.report);
  const problems = pullRunProblemSchema.array().safeParse(r.problems);
  return {
    id: r.id,
    pull: pullCode,
    trigger: r.trigger,
    dryRun: r.dryRun,
    period: r.period,
    dueAt: r.dueAt === null ? null : isoTime(r.dueAt),
    status: r.status,
    phase: r.status === 'running' ? phaseOf(r.phase) : null,
    rowsRead: r.rowsRead,
    valuesImported: r.valuesImported,
    report: report?.success === true ? report.data : null,
    problems: problems.success ? problems.data : [],
    startedBy: r.startedBy,
    startedAt: isoTime(r.startedAt),
    finishedAt: r.finishedAt === null ? null : isoTime(r.finishedAt),
  };
}
