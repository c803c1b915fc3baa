import type { Page } from '@playwright/test';

/**
 * Records every text the element matching `selector` shows, each time it changes (a progress
 * label may be on screen for a moment only, or drawn late on a loaded machine, so a test that
 * polls can miss it). Returns a function reading what was recorded so far, in order.
 */
export async function recordTexts(page: Page, selector: string): Promise<() => Promise<string[]>> {
  const key = `recordedTexts:${selector}`;
  await page.evaluate(
    ({ selector, key }) => {
      const seen: string[] = [];
      (window as unknown as Record<string, string[]>)[key] = seen;
      new MutationObserver(() => {
        const text = document.querySelector(selector)?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    { selector, key },
  );
  return () => page.evaluate((key) => [...((window as unknown as Record<string, string[]>)[key] ?? [])], key);
}
