/**
 * `healthbsc study PATH [--json] [--server URL --token TOKEN]`: evaluates a study (docs/study-format.md)
 * against the database as other commands do, or asks a running server (`POST /api/studies/evaluate`) when
 * `--server` or `--token` is given, and by default when the server holds the PGlite data directory.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type StudyResult, studyResultSchema, toStudyCliJson } from '../../core/contracts/studies.ts';
import type { MessageLang } from '../../core/errors/messages/index.ts';
import { readStudyFile } from '../../core/studies/index.ts';
import { evaluateStudy } from '../../server/studies/studies.service.ts';
import { type Env, withDbSession } from '../db-session.ts';
import { usageError } from '../errors.ts';
import type { Io } from '../io.ts';
import { readDocument } from '../read-document.ts';
import { askServer, SERVER_OPTIONS, type ServerTarget, serverTarget } from '../server-client.ts';
import { fixed, renderTable } from '../text-table.ts';

export const STUDY_USAGE = `Usage: healthbsc study PATH [--json] [--server URL] [--token TOKEN] [--lang en|zh-CN]
PATH is a study file (healthbsc/study@1, docs/study-format.md) or a folder holding study.yaml. The study is
evaluated against the database (HEALTHBSC_DATABASE_URL, else PGlite in HEALTHBSC_DATA_DIR); with --server or
--token, or when the server holds the data directory, the running server is asked instead (an API token from
'healthbsc token create', or HEALTHBSC_TOKEN; the URL defaults to http://HEALTHBSC_HOST:HEALTHBSC_PORT).`;

// A folder holds the study as study.yaml (or .yml, .json).
const STUDY_FILES = ['yaml', 'yml', 'json'].map((extension) => `study.${extension}`);

async function studyFilePath(path: string): Promise<string> {
  const info = await stat(path).catch(() => null);
  if (!info?.isDirectory()) return path;
  for (const name of STUDY_FILES) {
    const candidate = join(path, name);
    if ((await stat(candidate).catch(() => null))?.isFile()) return candidate;
  }
  return join(path, STUDY_FILES[0] ?? '');
}

async function evaluateOnServer(target: ServerTarget, study: unknown): Promise<StudyResult> {
  const response = await askServer(target, '/api/studies/evaluate', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(study),
  });
  return studyResultSchema.parse(await response.json());
}

export async function runStudy(args: readonly string[], io: Io, env: Env = process.env): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      ...SERVER_OPTIONS,
    },
  });
  if (positionals.length !== 1) throw usageError(STUDY_USAGE, 'cli.takes-one-path', { command: 'study' });
  const file = await studyFilePath(positionals[0] ?? '');
  const document = await readDocument(file);
  const study = readStudyFile(document.data);
  const target = await serverTarget(values, env, STUDY_USAGE);
  const result =
    target === null
      ? await withDbSession({ owner: 'healthbsc study', env }, (s) => evaluateStudy(s.ctx, s.actor, study))
      : await evaluateOnServer(target, study);
  if (values.json) {
    io.out(JSON.stringify(toStudyCliJson(result)));
    return 0;
  }
  printStudy(io, result, io.lang ?? 'en');
  return 0;
}

const WORDS = {
  en: {
    indicator: 'indicator',
    unit: 'unit',
    baseline: 'baseline',
    followUp: 'follow-up',
    change: 'change',
    changePct: 'change %',
    test: 'test',
    p: 'p',
    pAdjusted: 'p (BH)',
    ci: 'CI',
    windows: (b: string, f: string) => `Baseline ${b}, follow-up ${f}`,
  },
  'zh-CN': {
    indicator: '指标',
    unit: '单位',
    baseline: '基线',
    followUp: '随访',
    change: '变化',
    changePct: '变化率 %',
    test: '检验',
    p: 'p 值',
    pAdjusted: '校正 p（BH）',
    ci: '置信区间',
    windows: (b: string, f: string) => `基线期 ${b}，随访期 ${f}`,
  },
} as const satisfies Record<MessageLang, unknown>;

function num(value: number | null, decimals = 2): string {
  return value === null ? '—' : fixed(value, decimals);
}

function pText(value: number | null): string {
  if (value === null) return '—';
  return value < 0.001 ? '<0.001' : fixed(value, 3);
}

function printStudy(io: Io, result: StudyResult, lang: MessageLang): void {
  const w = WORDS[lang];
  const name = (text: { en: string; zh?: string | undefined } | undefined, code: string) =>
    text === undefined ? code : lang === 'zh-CN' ? (text.zh ?? text.en) : text.en;
  io.out(name(result.study.name, result.study.code));
  io.out(
    w.windows(
      `${result.baseline.from}…${result.baseline.to}`,
      `${result.followUp.from}…${result.followUp.to}`,
    ),
  );
  io.out('');
  const rows = result.rows.map((r) => [
    name(result.names.indicators[r.indicator], r.indicator),
    name(result.names.units[r.unit], r.unit),
    num(r.baseline),
    num(r.followUp),
    num(r.change),
    num(r.changePct),
    r.test ?? '—',
    pText(r.p),
    pText(r.pAdjusted),
    r.ci === null ? '—' : `[${num(r.ci[0], 3)}, ${num(r.ci[1], 3)}]`,
  ]);
  io.out(
    renderTable(
      [w.indicator, w.unit, w.baseline, w.followUp, w.change, w.changePct, w.test, w.p, w.pAdjusted, w.ci],
      rows,
      ['left', 'left', 'right', 'right', 'right', 'right', 'left', 'right', 'right', 'right'],
    ),
  );
}
