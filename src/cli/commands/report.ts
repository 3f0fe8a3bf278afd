/**
 * `healthbsc report --scorecard CODE --org-unit CODE --period P [--group] --format pdf|xlsx --lang zh|en --out FILE`:
 * a unit's evaluation report (or, with --group, the report of its children ranked) as a PDF or a workbook, from
 * the published scores (an unpublished period gives a draft). It opens the database as other commands do, or asks
 * a running server (`GET /api/reports/…`) when `--server` or `--token` is given, and by default when the server
 * holds the PGlite data directory.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type ReportFormat, type ReportQuery, reportQuerySchema } from '../../core/contracts/reports.ts';
import { EvaluationEngine } from '../../server/evaluation/evaluation-engine.ts';
import { subscribeToReport } from '../../server/reports/report-subscriptions.ts';
import { evaluationReportFile, groupReportFile } from '../../server/reports/reports.service.ts';
import { type Env, withDbSession } from '../db-session.ts';
import { usageError } from '../errors.ts';
import type { Io } from '../io.ts';
import { askServer, SERVER_OPTIONS, serverTarget } from '../server-client.ts';

export const REPORT_USAGE = `Usage: healthbsc report --scorecard CODE --org-unit CODE --period P --out FILE
       [--format pdf|xlsx] [--group [--descendants]] [--lang zh|en] [--server URL] [--token TOKEN]
Writes the evaluation report of the unit for the period (with --group: the report of its children, or with
--descendants of every unit under it, ranked, with
the heatmap and the head hospital against its branches) to FILE, as a PDF (default) or an Excel workbook, from
the published scores; a period not published gives a draft, marked on every page. The language is --lang (zh-CN
by default for a Chinese locale). With --server or --token, or when the server holds the data directory, the
running server is asked (an API token from 'healthbsc token create', or HEALTHBSC_TOKEN).
With --subscribe EMAIL (and --scorecard, --org-unit, --format, --lang), the address receives the unit's report
of the scorecard's latest published period by e-mail, monthly (the report-mail job; needs HEALTHBSC_SMTP_*).`;

const FORMATS: readonly ReportFormat[] = ['pdf', 'xlsx'];

/** `--subscribe EMAIL`: the unit's report mailed monthly (the report-mail job), in --lang and --format. */
async function subscribe(
  values: { scorecard?: string; 'org-unit'?: string; format?: string; subscribe?: string },
  io: Io,
  env: Env,
): Promise<number> {
  for (const option of ['scorecard', 'org-unit'] as const) {
    if (values[option] === undefined) throw usageError(REPORT_USAGE, 'report.needs-option', { option });
  }
  const format = values.format ?? 'pdf';
  if (format !== 'pdf' && format !== 'xlsx') throw usageError(REPORT_USAGE, 'report.bad-format', { format });
  const id = await withDbSession({ owner: 'healthbsc report', env }, (s) =>
    subscribeToReport(s.ctx, s.actor, {
      scorecard: values.scorecard ?? '',
      orgUnit: values['org-unit'] ?? '',
      recipient: values.subscribe ?? '',
      language: io.lang ?? 'en',
      format,
    }),
  );
  io.err(`subscribed ${values.subscribe} (subscription ${id})`);
  return 0;
}

export async function runReport(args: readonly string[], io: Io, env: Env = process.env): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      scorecard: { type: 'string' },
      'org-unit': { type: 'string' },
      period: { type: 'string' },
      format: { type: 'string' },
      group: { type: 'boolean', default: false },
      descendants: { type: 'boolean', default: false },
      out: { type: 'string' },
      subscribe: { type: 'string' },
      ...SERVER_OPTIONS,
    },
  });
  if (positionals.length > 0) {
    throw usageError(REPORT_USAGE, 'cli.unexpected-argument', { argument: positionals[0] ?? '' });
  }
  if (values.subscribe !== undefined) return subscribe(values, io, env);
  for (const option of ['scorecard', 'org-unit', 'period', 'out'] as const) {
    if (values[option] === undefined) throw usageError(REPORT_USAGE, 'report.needs-option', { option });
  }
  const format = values.format ?? (values.out?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'pdf');
  if (!FORMATS.some((f) => f === format)) throw usageError(REPORT_USAGE, 'report.bad-format', { format });
  const query: ReportQuery = reportQuerySchema.parse({
    scorecard: values.scorecard,
    orgUnit: values['org-unit'],
    period: values.period,
    format,
    lang: io.lang ?? 'en',
    depth: values.descendants ? 'descendants' : 'children',
  });
  const kind = values.group ? 'group' : 'evaluation';
  const target = await serverTarget(values, env, REPORT_USAGE);
  let bytes: Buffer;
  if (target === null) {
    bytes = await withDbSession({ owner: 'healthbsc report', env }, async (s) => {
      const engine = new EvaluationEngine(s.ctx.db, s.ctx.changes);
      const file =
        kind === 'group'
          ? await groupReportFile(s.ctx, engine, s.actor, query)
          : await evaluationReportFile(s.ctx, engine, s.actor, query);
      return file.bytes;
    });
  } else {
    const search = new URLSearchParams({
      scorecard: query.scorecard,
      orgUnit: query.orgUnit,
      period: query.period,
      format: query.format,
      lang: query.lang,
      depth: query.depth,
    });
    const response = await askServer(target, `/api/reports/${kind}?${search}`);
    bytes = Buffer.from(await response.arrayBuffer());
  }
  const out = values.out ?? '';
  await writeFile(out, bytes);
  io.err(`wrote ${out} (${bytes.length} bytes)`);
  return 0;
}
