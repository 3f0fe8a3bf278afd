/**
 * Record-level extracts (src/server/extracts): the file is a CSV, gzip CSV or Parquet of patient-level records
 * and `definition` says which aggregates are the values of which data elements. Only the aggregates leave
 * DuckDB; they are then checked and written exactly as a data-values file of the same rows would be (the data
 * kind's plan: units, periods, elements, data-quality rules, approval locks, undo), under this kind's name so
 * the history says where they came from. The records and their staged copies are deleted before the check.
 */
import { DATA_ENTRY_ROLES } from '../../../core/access/policy.ts';
import { badRequest, note } from '../../../core/errors/problem.ts';
import { readExtractDefinition } from '../../extracts/definition-file.ts';
import { type ExtractValue, runExtract } from '../../extracts/run-extract.ts';
import { dataKind } from './data.ts';
import type { ImportKindDefinition } from './kind.ts';

function cell(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** The aggregates as a long data-values file (kinds/data.ts), UTF-8. */
export function aggregatesAsDataFile(values: readonly ExtractValue[]): Uint8Array {
  const lines = ['org_unit,period,data_element,value'];
  for (const v of values)
    lines.push([cell(v.orgUnit), cell(v.period), cell(v.dataElement), String(v.value)].join(','));
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

export const extractKind: ImportKindDefinition = {
  roles: DATA_ENTRY_ROLES,
  // Parquet is told by its bytes; `format` names the table formats of the contracts only.
  formats: ['csv'],
  async prepare(ctx, actor, input) {
    if (input.definition === undefined) throw badRequest('extract.definition-needed', {}, ['definition']);
    const definition = readExtractDefinition(input.definition);
    const result = await runExtract({
      definition,
      file: { bytes: input.bytes },
      encoding: input.encoding ?? 'auto',
      onProgress: (percentage) => input.progress.report('reading', Math.round(percentage), 100),
    });
    input.progress.report('reading', 100, 100);
    const prepared = await dataKind.prepare(ctx, actor, {
      ...input,
      bytes: aggregatesAsDataFile(result.values),
      format: 'csv',
      encoding: 'utf-8',
    });
    const aggregated = note('extract.aggregated', {
      values: result.values.length,
      seconds: Math.round(result.seconds * 10) / 10,
    });
    const empty = result.values.length === 0 ? [note('extract.no-values', {})] : [];
    return {
      report: {
        ...prepared.report,
        encoding: result.encoding,
        notices: [aggregated, ...empty, ...prepared.report.notices],
      },
      commit: prepared.commit,
    };
  },
  locks: dataKind.locks,
  events: dataKind.events,
  undo: dataKind.undo,
};
