/**
 * Loads a scorecard kept as files: a directory holding `scorecard.yaml` (or .yml/.json) and `values.yaml`
 * (or .yml/.json), or a scorecard file whose values sit beside it, or a scorecard file plus `--values FILE`.
 */
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  type CompiledScorecard,
  type CompiledValues,
  compileScorecard,
  compileValues,
} from '../core/scorecard/index.ts';
import { InputFileError, readDocument, withSource } from './read-document.ts';

const EXTENSIONS = ['.yaml', '.yml', '.json'];

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function findFile(dir: string, base: string): Promise<string | null> {
  for (const ext of EXTENSIONS) {
    const candidate = join(dir, base + ext);
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // not there: try the next extension
    }
  }
  return null;
}

export interface LoadedScorecard {
  readonly scorecard: CompiledScorecard;
  readonly scorecardFile: string;
  readonly values: CompiledValues | null;
  readonly valuesFile: string | null;
}

export async function loadScorecard(path: string, valuesPath?: string): Promise<LoadedScorecard> {
  let scorecardFile: string;
  let dir: string;
  if (await isDirectory(path)) {
    dir = path;
    const found = await findFile(dir, 'scorecard');
    if (!found)
      throw new InputFileError([
        `${path}: no scorecard.yaml, scorecard.yml or scorecard.json in this directory`,
      ]);
    scorecardFile = found;
  } else {
    scorecardFile = path;
    dir = dirname(path);
  }
  const scorecardDoc = await readDocument(scorecardFile);
  const scorecard = withSource(scorecardDoc, compileScorecard);
  const valuesFile = valuesPath ?? (await findFile(dir, 'values'));
  if (!valuesFile) return { scorecard, scorecardFile, values: null, valuesFile: null };
  const valuesDoc = await readDocument(valuesFile);
  const values = withSource(valuesDoc, (data) => compileValues(data, scorecard));
  return { scorecard, scorecardFile, values, valuesFile };
}
