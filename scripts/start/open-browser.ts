import { spawn, type SpawnOptions } from 'node:child_process';

/** How each system opens a URL in the user's default browser. */
export function browserOpenCommand(platform: NodeJS.Platform, url: string): { command: string; args: string[]; verbatim: boolean } {
  if (platform === 'darwin') return { command: 'open', args: [url], verbatim: false };
  // `start` is a cmd built-in; its first quoted argument is a window title, hence the empty one.
  // Verbatim, so that Node does not escape those quotes; our URLs hold no cmd metacharacters.
  if (platform === 'win32') return { command: 'cmd', args: ['/d', '/s', '/c', 'start', '""', url], verbatim: true };
  return { command: 'xdg-open', args: [url], verbatim: false };
}

type Spawn = (
  command: string,
  args: string[],
  options: SpawnOptions,
) => { once(event: 'error', listener: () => void): unknown; unref(): void };

/**
 * Opens `url` in the default browser when one can be launched. Failure is fine and silent (no
 * desktop, no xdg-open): the caller has already printed the URL.
 */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform, spawnFn: Spawn = spawn): void {
  const { command, args, verbatim } = browserOpenCommand(platform, url);
  try {
    const child = spawnFn(command, args, { detached: true, stdio: 'ignore', windowsVerbatimArguments: verbatim });
    child.once('error', () => undefined);
    child.unref();
  } catch {
    // spawn throws synchronously only for invalid arguments; the URL is printed anyway.
  }
}
