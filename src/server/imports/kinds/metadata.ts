/**
 * Metadata: a scorecard file (YAML or JSON, `healthbsc/scorecard@1`; scorecard-file.ts) or an org-unit list
 * (CSV or XLSX; org-unit-list.ts), told apart by the format (or the bytes and the file's name). Designed by
 * strategists; metadata never locks and raises a `metadata` event. Its export is the scorecard file
 * (`healthbsc export scorecard CODE`).
 */
import { DESIGN_ROLES } from '../../../core/access/policy.ts';
import { exportFormat, exportScorecardCode } from '../export.service.ts';
import { metadataEvents } from '../import-effects.ts';
import { noLocks } from '../import-locks.ts';
import type { ImportKindDefinition, KindInput } from './kind.ts';
import { prepareOrgUnitList, undoOrgUnitList } from './org-unit-list.ts';
import { exportScorecardFile, prepareScorecardFile, undoScorecardFile } from './scorecard-file.ts';

/** A metadata file in CSV or XLSX is an org-unit list; YAML and JSON are scorecard files. */
function isOrgUnitList(input: KindInput): boolean {
  if (input.format !== undefined) return input.format === 'csv' || input.format === 'xlsx';
  const zip = input.bytes[0] === 0x50 && input.bytes[1] === 0x4b;
  return zip || /\.(csv|tsv|txt|xlsx)$/i.test(input.fileName);
}

const EXPORT_COMMAND = 'scorecard';

export const metadataKind: ImportKindDefinition = {
  roles: DESIGN_ROLES,
  formats: ['yaml', 'json', 'csv', 'xlsx'],
  claimsFileName: /\.(ya?ml|json)$/i,
  prepare: (ctx, actor, input) =>
    isOrgUnitList(input) ? prepareOrgUnitList(ctx, actor, input) : prepareScorecardFile(ctx, actor, input),
  locks: noLocks,
  events: metadataEvents,
  undo: (ctx, actor, batch, reason) =>
    batch.format === 'csv' || batch.format === 'xlsx'
      ? undoOrgUnitList(ctx, actor, batch, reason)
      : undoScorecardFile(ctx, actor, batch, reason),
  export: {
    command: EXPORT_COMMAND,
    formats: ['yaml', 'json'],
    needsScorecard: true,
    run: (ctx, actor, request) =>
      exportScorecardFile(
        ctx,
        actor,
        exportScorecardCode(EXPORT_COMMAND, request.scorecard),
        exportFormat(EXPORT_COMMAND, ['yaml', 'json'], request.format),
      ),
  },
};
