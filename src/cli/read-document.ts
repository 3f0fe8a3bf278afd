/**
 * Reads a YAML or JSON file for the CLI, keeping enough of the source to point at the line of a problem.
 * The `yaml` package parses JSON too (JSON is YAML 1.2), so one reader serves both.
 */
import { readFile } from 'node:fs/promises';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { isProblemCode, type MessageLang, wordProblem } from '../core/errors/messages/index.ts';
import {
  formatPath,
  isProblemError,
  note,
  type ProblemIssue,
  type ProblemNote,
} from '../core/errors/problem.ts';

export interface SourceDocument {
  readonly file: string;
  readonly data: unknown;
  /** The 1-based line of the value at `path`, or of its nearest existing parent. */
  lineOf(path: readonly (string | number)[]): number | null;
}

/**
 * One line about a file: text as it is (a parser's own message), or a place in the file (`file:line`, the
 * path inside it) and a problem worded when the line is printed, in the language asked for.
 */
export type InputFileLine =
  | string
  | { readonly at: string; readonly where: string; readonly problem: ProblemNote }
  | { readonly file: string; readonly problem: ProblemNote };

/** A code's words in `lang`; its English `message` for a code this build does not know. */
export function wordNote(note: ProblemNote, lang: MessageLang): string {
  return lang === 'en' || !isProblemCode(note.code)
    ? note.message
    : wordProblem(note.code, note.params, lang);
}

function renderLine(line: InputFileLine, lang: MessageLang): string {
  if (typeof line === 'string') return line;
  const message = wordNote(line.problem, lang);
  if ('file' in line) return `${line.file}: ${message}`;
  // Some messages already start with the path ("matrix[0][1] = 0 must be …"): do not say it twice.
  const text =
    line.where && message.startsWith(line.where)
      ? message
      : `${line.where ? `${line.where}: ` : ''}${message}`;
  return `${line.at} ${text}`;
}

/** Raised when a file cannot be read or parsed; carries one line per problem. */
export class InputFileError extends Error {
  readonly entries: readonly InputFileLine[];
  constructor(entries: readonly InputFileLine[]) {
    super(entries.map((line) => renderLine(line, 'en')).join('\n'));
    this.name = 'InputFileError';
    this.entries = entries;
  }

  /** One line per problem, in English. */
  get lines(): string[] {
    return this.linesIn('en');
  }

  /** One line per problem, worded in `lang`. */
  linesIn(lang: MessageLang): string[] {
    return this.entries.map((line) => renderLine(line, lang));
  }
}

/** `FILE: reason`, the reason worded from a code (`cli.no-such-file`). */
export function fileLine(file: string, problem: ProblemNote): InputFileLine {
  return { file, problem };
}

export async function readDocument(file: string): Promise<SourceDocument> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    const reason =
      code === 'ENOENT'
        ? note('cli.no-such-file', {})
        : code === 'EISDIR'
          ? note('cli.is-a-directory', {})
          : note('cli.cannot-read', {});
    throw new InputFileError([fileLine(file, reason)]);
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

/** One entry per issue: its place (`file:line`, the path) and the issue, worded when printed. */
export function issueLines(doc: SourceDocument, issues: readonly ProblemIssue[]): InputFileLine[] {
  return issues.map((issue) => {
    const line = doc.lineOf(issue.path);
    const problem: ProblemNote = { code: issue.code, params: issue.params, message: issue.message };
    return { at: `${doc.file}${line ? `:${line}` : ''}`, where: formatPath(issue.path), problem };
  });
}

/** One line per issue: `file:line path: reason`, worded in `lang`. */
export function formatIssues(
  doc: SourceDocument,
  issues: readonly ProblemIssue[],
  lang: MessageLang = 'en',
): string[] {
  return issueLines(doc, issues).map((line) => renderLine(line, lang));
}

/** Compiles `doc` with `compile`, turning a ProblemError into one line per issue with file and line. */
export function withSource<T>(doc: SourceDocument, compile: (data: unknown) => T): T {
  try {
    return compile(doc.data);
  } catch (error) {
    if (isProblemError(error)) {
      const { problem } = error;
      const issues: readonly ProblemIssue[] =
        problem.issues.length > 0
          ? problem.issues
          : [{ path: [], code: problem.code, params: problem.params, message: problem.detail }];
      throw new InputFileError(issueLines(doc, issues));
    }
    throw error;
  }
}
