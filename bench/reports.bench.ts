/**
 * Report making (issue 15, targets: AZ Hospital's report < 5 s, a 26-unit group report < 30 s): seed 002's AZ
 * Hospital with 2016 published, and the demo medical group (the group and its 26 units) with 2023 published, on
 * PGlite in memory; each report made as `healthbsc report` makes it (gather, build, render), PDF and XLSX.
 *
 * Run: `node bench/reports.bench.ts`.
 */
import type { ReportQuery } from '../src/core/contracts/reports.ts';
import { connect } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { ChangeBus } from '../src/server/change-bus.ts';
import { type ServerContext, systemActor } from '../src/server/context.ts';
import { loadAzHospital, loadMedicalGroup } from '../src/server/demo/load-demo.ts';
import { EvaluationEngine } from '../src/server/evaluation/evaluation-engine.ts';
import { publish } from '../src/server/publications/publications.service.ts';
import { evaluationReportFile, groupReportFile } from '../src/server/reports/reports.service.ts';
import { printTable, type Row, seconds } from './report.ts';

const ACTOR = systemActor('bench');

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

export async function runReportsBench(): Promise<Row[]> {
  const db = await connect({ engine: 'pglite', dataDir: null });
  try {
    await migrateToLatest(db);
    const ctx: ServerContext = { db, now: () => new Date(), changes: new ChangeBus() };
    await loadAzHospital(ctx);
    await loadMedicalGroup(ctx, () => {}, { targets: false });
    const engine = new EvaluationEngine(db, ctx.changes);
    for (const key of [
      { scorecard: 'AZ-HOSPITAL', orgUnit: 'AZ', period: '2016' },
      { scorecard: 'UMG-BSC', orgUnit: 'UMG', period: '2023' },
    ]) {
      await publish(ctx, engine, ACTOR, { ...key, unapprovedPeriods: [key.period] });
    }
    const rows: Row[] = [];
    const az = (format: 'pdf' | 'xlsx'): ReportQuery => ({
      scorecard: 'AZ-HOSPITAL',
      orgUnit: 'AZ',
      period: '2016',
      format,
      lang: 'zh-CN',
      depth: 'children',
    });
    const group = (format: 'pdf' | 'xlsx'): ReportQuery => ({
      scorecard: 'UMG-BSC',
      orgUnit: 'UMG',
      period: '2023',
      format,
      lang: 'zh-CN',
      depth: 'descendants',
    });
    for (const format of ['pdf', 'xlsx'] as const) {
      // A fresh engine each time: the first report of a unit loads its organisation's values, as the command does.
      const first = await timed(() =>
        evaluationReportFile(ctx, new EvaluationEngine(db, ctx.changes), ACTOR, az(format)),
      );
      rows.push({
        engine: 'pglite',
        figure: `AZ Hospital 2016 report (${format})`,
        value: seconds(first.ms),
        detail: `${Math.round(first.value.bytes.length / 1024)} KB, zh-CN`,
        target: '< 5 s',
      });
      const made = await timed(() =>
        groupReportFile(ctx, new EvaluationEngine(db, ctx.changes), ACTOR, group(format)),
      );
      rows.push({
        engine: 'pglite',
        figure: `26-unit group report, UMG 2023 (${format})`,
        value: seconds(made.ms),
        detail: `${Math.round(made.value.bytes.length / 1024)} KB, zh-CN`,
        target: '< 30 s',
      });
    }
    return rows;
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printTable('Reports: evaluation and group reports as PDF and XLSX (issue 15)', await runReportsBench());
}
