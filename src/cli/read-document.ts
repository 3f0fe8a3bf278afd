/**
 * Reads a YAML or JSON file for the CLI, keeping enough of the source to point at the line of a problem.
 * The `yaml` package parses JSON too (JSON is YAML 1.2), so one reader serves both.
 */
import { readFile } from 'node:fs/promises';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { formatPath, isProblemError, type ProblemIssue } from '../core/errors/problem.ts';

export interface SourceDocument {
  readonly file: string;
  readonly data: unknown;
  /** The 1-based line of the value at `path`, or of its nearest existing parent. */
  lineOf(path: readonly (string | number)[]): number | null;
}

/** Raised when a file cannot be read or parsed; carries one line per problem. */
export class InputFileError extends Error {
  readonly lines: readonly string[];
  constructor(lines: readonly string[]) {
    super(lines.join('\n'));
    this.name = 'InputFileError';
    this.lines = lines;
  }
}

export async function readDocument(file: string): Promise<SourceDocument> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot be read';
    throw new InputFileError([`${file}: ${reason}`]);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InputFileError(
      doc.errors.map((error) => {
        const pos = error.linePos?.[0];
        const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
        return `${file}${pos ? `:${pos.line}:${pos.col}` : ''}: ${message}`;
      }),
    );
  }
  return {
    file,
    data: doc.toJS({ maxAliasCount: 100 }),
    lineOf(path) {
      for (let length = path.length; length >= 0; length--) {
        const node = length === 0 ? doc.contents : doc.getIn(path.slice(0, length), true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return null;
    },
  };
}

/** One line per issue: `file:line path: reason`. */
export function formatIssues(doc: SourceDocument, issues: readonly ProblemIssue[]): string[] {
  return issues.map((issue) => {
    const line = doc.lineOf(issue.path);
    const where = formatPath(issue.path);
    // Some messages already start with the path ("matrix[0][1] = 0 must be …"): do not say it twice.
    const message =
      where && issue.message.startsWith(where)
        ? issue.message
        : `${where ? `${where}: ` : ''}${issue.message}`;
    return `${doc.file}${line ? `:${line}` : ''} ${message}`;
  });
}

/** Compiles `doc` with `compile`, turning a ProblemError into one line per issue with file and line. */
export function withSource<T>(doc: SourceDocument, compile: (data: unknown) => T): T {
  try {
    return compile(doc.data);
  } catch (error) {
    if (isProblemError(error)) {
      const issues =
        error.problem.issues.length > 0
          ? error.problem.issues
          : [{ path: [], message: error.problem.detail }];
      throw new InputFileError(formatIssues(doc, issues));
    }
    throw error;
  }
}
