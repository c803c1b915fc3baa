/**
 * Legation's command line: `npm run --silent cli -- <command> [args]`. Each command lives in
 * scripts/cli/<command>.ts and uses the same shared/ code as the app. Bad input: a clear message
 * on stderr and exit code 2, never a partial output file.
 */
import { UsageError, type CliCommand } from './cli/common';

/**
 * Each command is loaded only when run (a report needs the Word writer, an extraction does not);
 * the imports are written out so that the bundled CLI (scripts/build-cli.mjs) carries them all.
 */
const LOADERS: Record<string, () => Promise<{ command: CliCommand }>> = {
  extract: () => import('./cli/extract'),
  seed: () => import('./cli/seed'),
  'import-hsg': () => import('./cli/import-hsg'),
  merge: () => import('./cli/merge'),
  reconcile: () => import('./cli/reconcile'),
  report: () => import('./cli/report'),
};
const COMMANDS = Object.keys(LOADERS);

async function load(name: string): Promise<CliCommand | null> {
  const loader = LOADERS[name];
  return loader ? (await loader()).command : null;
}

async function help(): Promise<void> {
  const lines = ['Usage: npm run --silent cli -- <command> [options]', '', 'Commands:'];
  for (const name of COMMANDS) {
    const c = await load(name);
    if (c) lines.push(`  ${c.usage.padEnd(60)} ${c.summary}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    await help();
    return name ? 0 : 2;
  }
  const command = COMMANDS.includes(name) ? await load(name) : null;
  if (!command) {
    process.stderr.write(`legation: unknown command "${name}". Run with --help to see the commands.\n`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`legation ${name}: ${e.message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    process.stderr.write(`legation ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`legation: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
