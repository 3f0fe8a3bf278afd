/**
 * The healthbsc command. Each subcommand returns an exit code: 0 success, 2 bad input or usage (one line per
 * problem, never a stack trace), 1 an unexpected failure. Problems are worded in the language of `--lang`
 * (lang.ts), which every command accepts.
 */
import { type MessageLang, wordProblem } from '../core/errors/messages/index.ts';
import { isProblemError } from '../core/errors/problem.ts';
import { AHP_USAGE, runAhp } from './commands/ahp.ts';
import { BACKUP_USAGE, RESTORE_USAGE, runBackup, runRestore } from './commands/backup.ts';
import { EVALUATE_USAGE, runEvaluate } from './commands/evaluate.ts';
import { EXPORT_USAGE, runExport } from './commands/export.ts';
import { EXTRACT_USAGE, IMPORT_USAGE, runExtractCommand, runImport } from './commands/import.ts';
import { RANK_USAGE, runRank } from './commands/rank.ts';
import { REPORT_USAGE, runReport } from './commands/report.ts';
import { runSchema, SCHEMA_USAGE } from './commands/schema.ts';
import { runSensitivity, SENSITIVITY_USAGE } from './commands/sensitivity.ts';
import { runServe, SERVE_USAGE } from './commands/serve.ts';
import { runStats, STATS_USAGE } from './commands/stats.ts';
import { runStudy, STUDY_USAGE } from './commands/study.ts';
import { runToken, TOKEN_USAGE } from './commands/token.ts';
import { runUser, USER_USAGE } from './commands/user.ts';
import { runWeights, WEIGHTS_USAGE } from './commands/weights.ts';
import { UsageError } from './errors.ts';
import { type Io, processIo } from './io.ts';
import { defaultLang, takeLangOption } from './lang.ts';
import { formatIssues, InputFileError, wordNote } from './read-document.ts';

const USAGE = `HealthBSC — a digital Balanced Scorecard for hospitals, departments and medical groups

Usage: healthbsc <command> [options] [--lang en|zh-CN]

Commands:
  serve                 start the server (npm start): the API at /api, with the demo on a first start
  evaluate PATH         evaluate a scorecard kept as files (scorecard.yaml + values.yaml)
  ahp FILE              AHP weights, λmax, CI, CR and repair suggestions for a matrix, a panel or a hierarchy
  weights entropy|critic FILE  objective weights of the criteria of a units × criteria matrix
  rank topsis|rsr FILE  rank units by TOPSIS or the rank-sum ratio (with probit classes)
  sensitivity FILE      Monte Carlo weight intervals, rank probabilities and critical weights of a hierarchy
  import FILE           import data, targets, assessments, reported values or metadata (checked whole first)
  extract FILE          aggregate a record-level extract by its definition and import only the aggregates
  export WHAT           export data, targets, assessments, reported values or a scorecard file
  backup FILE           write a backup of the whole database (PGlite or PostgreSQL)
  restore FILE          restore a backup into an empty database
  user create|list      accounts: healthbsc user create --admin --email you@example.org (password from stdin)
  token create|list|revoke  API tokens for integrations, one role over some org units
  stats FILE            a statistical test (proportions, rates, means, trends, ITS, BH) as R computes it
  schema scorecard|values|study  print the JSON Schema of a scorecard, values or study file
  study PATH            a before/after study: per indicator and unit, the change, its test and p-value
  report                an evaluation or group report as PDF or XLSX (--scorecard --org-unit --period --out)
  help [command]        show help

--lang en|zh-CN (or zh) words problems and tables in English or Chinese; the default is HEALTHBSC_LANG, else
Chinese when LANG starts with zh, else English.

${EVALUATE_USAGE}

${AHP_USAGE}`;

const COMMANDS: Record<string, { run: (args: readonly string[], io: Io) => Promise<number>; usage: string }> =
  {
    evaluate: { run: runEvaluate, usage: EVALUATE_USAGE },
    ahp: { run: runAhp, usage: AHP_USAGE },
    weights: { run: runWeights, usage: WEIGHTS_USAGE },
    rank: { run: runRank, usage: RANK_USAGE },
    sensitivity: { run: runSensitivity, usage: SENSITIVITY_USAGE },
    schema: { run: runSchema, usage: SCHEMA_USAGE },
    serve: { run: runServe, usage: SERVE_USAGE },
    import: { run: runImport, usage: IMPORT_USAGE },
    extract: { run: (args, io) => runExtractCommand(args, io), usage: EXTRACT_USAGE },
    export: { run: runExport, usage: EXPORT_USAGE },
    backup: { run: runBackup, usage: BACKUP_USAGE },
    restore: { run: runRestore, usage: RESTORE_USAGE },
    user: { run: runUser, usage: USER_USAGE },
    token: { run: runToken, usage: TOKEN_USAGE },
    stats: { run: runStats, usage: STATS_USAGE },
    study: { run: (args, io) => runStudy(args, io), usage: STUDY_USAGE },
    report: { run: (args, io) => runReport(args, io), usage: REPORT_USAGE },
  };

/**
 * Runs `healthbsc` with `argv` (the arguments after the program). `env` gives the default language
 * (HEALTHBSC_LANG, LANG); commands read their own settings from the process environment.
 */
export async function main(
  argv: readonly string[],
  io: Io = processIo,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  let lang: MessageLang = 'en';
  let args: string[];
  try {
    const taken = takeLangOption(argv);
    lang = taken.lang ?? defaultLang(env);
    args = taken.rest;
  } catch (error) {
    return reportError(error, io, 'healthbsc', lang);
  }
  return run(args, { out: io.out, err: io.err, lang }, lang);
}

async function run(argv: readonly string[], io: Io, lang: MessageLang): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = rest[0] ? COMMANDS[rest[0]] : undefined;
    io.out(topic ? topic.usage : USAGE);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`healthbsc: ${wordProblem('cli.unknown-command', { name }, lang)}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return reportError(error, io, `healthbsc ${name}`, lang);
  }
}

/** Prints an error the way the brief promises: one line per problem, in `lang`, and the exit code. */
function reportError(error: unknown, io: Io, prefix: string, lang: MessageLang): number {
  if (error instanceof InputFileError) {
    for (const line of error.linesIn(lang)) io.err(line);
    return 2;
  }
  if (error instanceof UsageError) {
    io.err(`${prefix}: ${error.wordedIn(lang)}`);
    if (error.usage) io.err(error.usage);
    return 2;
  }
  if (isProblemError(error)) {
    const { problem } = error;
    const worded = wordNote({ code: problem.code, params: problem.params, message: problem.detail }, lang);
    if (problem.issues.length === 0) io.err(`${prefix}: ${worded}`);
    const doc = { file: prefix.replace(/^healthbsc /, ''), data: null, lineOf: () => null };
    for (const line of formatIssues(doc, problem.issues, lang)) io.err(line);
    return 2;
  }
  // parseArgs reports unknown or malformed options with these codes (its words are Node's, in English).
  if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    io.err(`${prefix}: ${error.message}`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`${prefix}: ${wordProblem('cli.unexpected-error', { message }, lang)}`);
  return 1;
}
