import {
  type MessageLang,
  type ProblemCode,
  type ProblemParamsArg,
  wordProblem,
} from '../core/errors/messages/index.ts';

/** A mistake in how the command was called (unknown flag, missing argument); exit code 2 with the usage text. */
export class UsageError extends Error {
  readonly usage?: string;
  /** The message in a language; without it, `message` (English) is shown in every language. */
  readonly #wording: ((lang: MessageLang) => string) | undefined;
  constructor(message: string, usage?: string, wording?: (lang: MessageLang) => string) {
    super(message);
    this.name = 'UsageError';
    this.usage = usage;
    this.#wording = wording;
  }

  /** The message worded in `lang`. */
  wordedIn(lang: MessageLang): string {
    return this.#wording?.(lang) ?? this.message;
  }
}

/**
 * A usage error worded from a problem code (core/errors/messages/cli.ts), so `--lang zh-CN` shows it in Chinese.
 *
 * @example throw usageError(AHP_USAGE, 'cli.takes-one-file', { command: 'ahp' }) // "ahp takes exactly one FILE"
 */
export function usageError<C extends ProblemCode>(
  usage: string | undefined,
  code: C,
  ...params: ProblemParamsArg<C>
): UsageError {
  const given = params[0] ?? {};
  return new UsageError(wordProblem(code, given), usage, (lang) => wordProblem(code, given, lang));
}
