import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { encodingProblem, sniffEncoding } from '../../shared/text/encoding';

/** A command of `npm run cli`: scripts/cli/<name>.ts exports `command`. */
export interface CliCommand {
  /** One line for the help text. */
  summary: string;
  usage: string;
  /** Returns the exit code: 0 success, 2 bad input. */
  run(args: string[]): Promise<number>;
}

/** Bad arguments or input: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** Splits `--name value` options and positional arguments; unknown options are refused. */
export function parseArgs(
  args: string[],
  known: Record<string, 'value' | 'flag'>,
): { positional: string[]; options: Record<string, string | true> } {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [rawName, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    const kind = known[rawName];
    if (!kind) throw new UsageError(`unknown option --${rawName}`);
    if (kind === 'flag') {
      options[rawName] = true;
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${rawName} needs a value`);
    options[rawName] = value;
  }
  return { positional, options };
}

/** Reads a text file, refusing what is missing, a folder, too large, or not UTF-8 text. */
export function readTextFile(path: string, maxBytes = 64 * 1024 * 1024): string {
  if (!existsSync(path)) throw new UsageError(`${path}: no such file`);
  const st = statSync(path);
  if (st.isDirectory()) throw new UsageError(`${path} is a folder, not a file`);
  if (st.size > maxBytes) throw new UsageError(`${path} is ${st.size} bytes; the limit is ${maxBytes}`);
  const bytes = readFileSync(path);
  const problem = encodingProblem(path, sniffEncoding(bytes));
  if (problem) throw new UsageError(problem);
  return new TextDecoder('utf-8').decode(bytes);
}

/** Writes the whole output or nothing: a temp file renamed into place. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
