/**
 * `healthbsc import FILE --profile PROFILE.json|NAME[@VERSION] [--dry-run] [--json]`: a table as its source
 * publishes it, mapped by a profile file or a profile saved in the database (docs/profile-format.md), imported through the checked imports
 * (src/server/import-profiles). Prints a progress bar on a terminal and plain lines otherwise, then the
 * report and every unmappable cell as `FILE:ROW column: reason`; exits 2 on any error (nothing written).
 */
import { access, readFile } from 'node:fs/promises';
import type { ImportProgress } from '../../core/contracts/import.ts';
import type { ImportProfile, ProfileImportReport } from '../../core/contracts/import-profiles.ts';
import type { Actor, ServerContext } from '../../server/context.ts';
import { parseProfileFile } from '../../server/import-profiles/profile-file.ts';
import { importWithProfile } from '../../server/import-profiles/profile-import.service.ts';
import { getSavedProfile } from '../../server/import-profiles/saved-profiles.service.ts';
import { type Env, withDbSession } from '../db-session.ts';
import type { Io } from '../io.ts';

const number = new Intl.NumberFormat('en-US');

/**
 * Progress as people read it: on a terminal one bar rewritten in place (done, percentage, time left), else a
 * plain line at most every second per phase.
 *
 * @example progressLine({ phase: 'writing', done: 500, total: 1000 }, 2000) // 'writing [##########----------] 500 / 1,000  50%  2s left'
 */
export function progressLine(p: ImportProgress, elapsedMs: number): string {
  if (p.total === null || p.total === 0) return `${p.phase} ${number.format(p.done)}`;
  const share = Math.min(1, p.done / p.total);
  const bar = '#'.repeat(Math.round(share * 20)).padEnd(20, '-');
  const left = share > 0 ? Math.round((elapsedMs / share - elapsedMs) / 1000) : null;
  const unit = p.phase === 'reading' ? ' bytes' : '';
  return `${p.phase} [${bar}] ${number.format(p.done)} / ${number.format(p.total)}${unit}  ${Math.round(share * 100)}%${left === null ? '' : `  ${left}s left`}`;
}

function printer(io: Io, tty: boolean): (p: ImportProgress) => void {
  let phase = '';
  let started = performance.now();
  let last = 0;
  return (p) => {
    const now = performance.now();
    if (p.phase !== phase) {
      phase = p.phase;
      started = now;
      last = 0;
    }
    const final = p.total !== null && p.done >= p.total;
    if (tty) {
      process.stderr.write(`\r${progressLine(p, now - started)}\u001b[K${final ? '\n' : ''}`);
    } else if (final || now - last >= 1000) {
      last = now;
      io.err(progressLine(p, now - started));
    }
  };
}

function print(io: Io, file: string, r: ProfileImportReport, dryRun: boolean): void {
  for (const e of r.errors) io.err(`${file}:${e.row} ${e.column}: ${e.reason}`);
  io.out(
    `${file}: ${number.format(r.rowsRead)} rows read with profile ${r.profile} (${number.format(r.rowsFiltered)} filtered out, ` +
      `${number.format(r.cellsMissing)} empty cells): ${number.format(r.valuesMapped)} values mapped; ` +
      `${number.format(r.values.toCreate)} to create, ${number.format(r.values.toUpdate)} to update, ${number.format(r.values.unchanged)} unchanged`,
  );
  if (r.orgUnits) io.out(`org units: ${r.orgUnits.toCreate} to create, ${r.orgUnits.toUpdate} to update`);
  if (r.errorCount > 0)
    io.out(`${number.format(r.errorCount)} error${r.errorCount === 1 ? '' : 's'}: nothing was written.`);
  else if (dryRun) io.out('Dry run: nothing was written.');
  else if (r.values.batchId !== null) io.out(`Imported as batch ${r.values.batchId}.`);
}

async function isFile(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** A saved profile named `code` or `code@version` (not a file: a name such as `nhs-ae` or `nhs-ae@2`). */
async function savedProfile(ctx: ServerContext, actor: Actor, name: string): Promise<ImportProfile> {
  const [, code = name, version] = /^(.+?)(?:@(\d+))?$/.exec(name) ?? [];
  return (await getSavedProfile(ctx, actor, code, version === undefined ? undefined : Number(version)))
    .profile;
}

/** Runs a profile import for `healthbsc import` (import.ts hands over when `--profile` is given). */
export async function runProfileImport(
  options: {
    readonly file: string;
    readonly bytes: Uint8Array;
    readonly profile: string;
    readonly dryRun: boolean;
    readonly json: boolean;
  },
  io: Io,
  env?: Env,
): Promise<number> {
  const file = await isFile(options.profile);
  const fromFile = file ? parseProfileFile(await readFile(options.profile, 'utf8')) : null;
  const onProgress = printer(io, process.stderr.isTTY === true && !options.json);
  const report = await withDbSession(
    { owner: 'healthbsc import', ...(env === undefined ? {} : { env }) },
    async (s) =>
      importWithProfile(s.ctx, s.actor, {
        bytes: options.bytes,
        fileName: options.file.split(/[\\/]/).pop() ?? options.file,
        profile: fromFile ?? (await savedProfile(s.ctx, s.actor, options.profile)),
        dryRun: options.dryRun,
        onProgress,
      }),
  );
  if (options.json) io.out(JSON.stringify(report, null, 2));
  else print(io, options.file, report, options.dryRun);
  return report.errorCount > 0 ? 2 : 0;
}
