import type { MessageLang } from '../core/errors/messages/index.ts';

/** Where a command writes, and in which language; injected so tests can capture output without a process. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** The language of problems and tables (`--lang`, see lang.ts); English when not set. */
  readonly lang?: MessageLang;
}

export const processIo: Io = {
  out: (line) => {
    process.stdout.write(`${line}\n`);
  },
  err: (line) => {
    process.stderr.write(`${line}\n`);
  },
};
