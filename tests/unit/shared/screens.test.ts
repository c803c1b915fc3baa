import { describe, expect, it } from 'vitest';
import { isAppRoute, MENU_COMMANDS, menuCommandSchema } from '../../../shared/bridge';
import {
  acceleratorKeys,
  MENU_SCREENS,
  NAV_SCREENS,
  SCREENS,
  screenCommand,
  screenForCommand,
  screenForModKey,
} from '../../../shared/screens';

describe('the table of screens', () => {
  it('gives every screen a route a window may open, and refuses the rest', () => {
    for (const screen of SCREENS) {
      expect(screen.path).toBe(`/${screen.id}`);
      expect(isAppRoute(screen.path)).toBe(true);
      expect(isAppRoute(`${screen.path}x`)).toBe(false);
    }
  });

  it('gives every screen of the Go menu a menu command that leads back to it', () => {
    for (const screen of MENU_SCREENS) {
      const command = screenCommand(screen);
      expect(MENU_COMMANDS).toContain(command);
      expect(menuCommandSchema.safeParse(command).success).toBe(true);
      expect(screenForCommand(command)).toBe(screen);
    }
    expect(screenForCommand('go-reconcile')).toBeUndefined();
    expect(screenForCommand('new-visit')).toBeUndefined();
  });

  it('binds Ctrl/Cmd+1…9 to the first nine screens of the navigation, each key once', () => {
    NAV_SCREENS.slice(0, 9).forEach((screen, i) => {
      expect(screenForModKey(String(i + 1))).toBe(screen);
      expect(acceleratorKeys(screen.accelerator!)).toEqual(['Mod', String(i + 1)]);
    });
    const accelerators = SCREENS.flatMap((s) => (s.accelerator ? [s.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
    expect(screenForModKey('0')).toBeUndefined();
  });
});
