import { describe, expect, it } from 'vitest';
import { browserOpenCommand, openInBrowser } from '../../../scripts/start/open-browser';

const URL = 'http://127.0.0.1:4320/';

describe('opening the default browser', () => {
  it('uses each system’s opener', () => {
    expect(browserOpenCommand('linux', URL)).toMatchObject({ command: 'xdg-open', args: [URL] });
    expect(browserOpenCommand('freebsd', URL)).toMatchObject({ command: 'xdg-open', args: [URL] });
    expect(browserOpenCommand('darwin', URL)).toMatchObject({ command: 'open', args: [URL] });
    expect(browserOpenCommand('win32', URL)).toMatchObject({
      command: 'cmd',
      args: ['/d', '/s', '/c', 'start', '""', URL],
      verbatim: true,
    });
  });

  it('does not wait for the browser and survives an opener that cannot run', () => {
    const seen: string[] = [];
    let failLater: (() => void) | undefined;
    openInBrowser(URL, 'linux', (command, args, options) => {
      seen.push(command, ...args, String(options.detached), JSON.stringify(options.stdio));
      return {
        once: (_event, listener) => (failLater = listener),
        unref: () => seen.push('unref'),
      };
    });
    expect(seen).toEqual(['xdg-open', URL, 'true', '"ignore"', 'unref']);
    expect(() => failLater?.()).not.toThrow();
    expect(() =>
      openInBrowser(URL, 'linux', () => {
        throw new Error('spawn EINVAL');
      }),
    ).not.toThrow();
  });
});
