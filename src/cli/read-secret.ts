/**
 * Reading a password for `healthbsc user create`: never from a flag (flags end up in shell history and in the
 * process list), but from stdin (`--password-stdin`, or whenever stdin is not a terminal) or from a prompt that
 * does not echo and asks twice.
 */
import { UsageError } from './errors.ts';

/** Returns the secret; `confirm` asks a second time at a terminal. */
export type SecretReader = (prompt: string, options: { readonly fromStdin: boolean }) => Promise<string>;

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  // One trailing newline belongs to `echo`, not to the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function promptHidden(prompt: string): Promise<string> {
  const { stdin, stderr } = process;
  stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  let value = '';
  return new Promise((resolve, reject) => {
    const finish = (outcome: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      outcome();
    };
    function onData(chunk: string): void {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish(() => resolve(value));
          return;
        }
        if (char === '\u0003' || char === '\u0004') {
          finish(() => reject(new UsageError('cancelled')));
          return;
        }
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else value += char;
      }
    }
    stdin.on('data', onData);
  });
}

/** The terminal's reader: stdin when asked or not a terminal, else a hidden prompt asked twice. */
export const terminalSecretReader: SecretReader = async (prompt, { fromStdin }) => {
  if (fromStdin || !process.stdin.isTTY) return readAllStdin();
  const first = await promptHidden(`${prompt}: `);
  const second = await promptHidden(`${prompt} again: `);
  if (first !== second) throw new UsageError('the two passwords differ');
  return first;
};
