import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, expect, type Browser, type Page } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './fixtures';

/**
 * Chromium started by the test itself on a profile folder, so the test can kill its process
 * (SIGKILL: no unload, no flush; what a crash or a power cut does) and know it is gone.
 */
export async function launchKillable(profileDir: string): Promise<{ browser: Browser; proc: ChildProcess }> {
  const proc = spawn(
    CHROMIUM,
    [...CHROMIUM_ARGS, '--no-sandbox', '--headless=new', `--user-data-dir=${profileDir}`, '--remote-debugging-port=0', 'about:blank'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const ws = await new Promise<string>((resolveWs, reject) => {
    let err = '';
    proc.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) resolveWs(m[1]!);
    });
    proc.on('exit', (code) => reject(new Error(`Chromium exited (${code}) before DevTools was ready: ${err}`)));
  });
  const browser = await chromium.connectOverCDP(ws);
  return { browser, proc };
}

/**
 * Chooses files in a file input by path through the DevTools protocol. Playwright refuses to send
 * more than 50 MB to a browser it reached with connectOverCDP (it cannot know it is on this machine).
 */
export async function setFilesOverCdp(page: Page, selector: string, files: string[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  expect(nodeId, selector).toBeGreaterThan(0);
  await cdp.send('DOM.setFileInputFiles', { nodeId, files });
  await cdp.detach();
}
