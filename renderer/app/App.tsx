import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { HashRouter, Link, Navigate, Route, Routes, useNavigate } from 'react-router';
import { isAppRoute, type MenuCommand } from '../../shared/bridge';
import { acceleratorKeys, NAV_SCREENS, SCREENS, screenForCommand, screenForModKey } from '../../shared/screens';
import { bridge } from '../bridge';
import { ToastProvider, useToast } from '../components';
import { CommandPalette, type PaletteCommand } from '../components/command-palette';
import { ShortcutsSheet } from './shortcuts-sheet';
import { createNote, initDatabase, undoLast, useViewSetting, type DatabaseStatus } from '../db';
import { DataLossBanner } from './data-loss-banner';
import { MainNav } from './main-nav';
import { RestoreNotice } from './restore-notice';
import { SampleDataBanner } from './sample-data-banner';
import { pushRecent } from '../components/palette-filter';
import { SCREEN_ROUTES, ScreenFrame } from './screens';
import { isMacPlatform, shortcutText } from './shortcuts';
import { bootTheme, toggledTheme } from './theme';
import { useApplyTheme, useSystemDark, useThemePreference } from './use-theme';

// Before the first render: a pinned theme shows at once, without a flash of the other one.
bootTheme();

/** Menu commands that open a page other than a screen's own (screens: shared/screens.ts). */
const MENU_ROUTES: Partial<Record<MenuCommand, string>> = {
  'new-visit': '/visits/new',
  'export-backup': '/settings?action=export',
  'restore-backup': '/settings?action=restore',
};

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/**
 * Focus Search's box once the page has rendered it (it may take a few frames to mount). A box that
 * does not take the focus is not on screen yet (kept hidden while the screen before it loads), so
 * the next frame tries again.
 */
function focusSearchBox(tries = 120): void {
  const box = document.querySelector<HTMLInputElement>('[data-search-box]');
  box?.focus();
  if (box && document.activeElement === box) box.select();
  else if (tries > 0) requestAnimationFrame(() => focusSearchBox(tries - 1));
}

/** The app route this window shows, as `openWindow` takes it. */
function currentRoute(pathname: string, search: string): string {
  return (pathname === '/' ? '/visits' : pathname) + search;
}

/**
 * Everything a user can do from anywhere: menu commands, keyboard shortcuts and the command
 * palette run the same actions, defined once here.
 */
function useShellActions() {
  const navigate = useNavigate();
  const toast = useToast();
  const theme = useThemePreference();
  const systemDark = useSystemDark();
  useApplyTheme(theme.preference, theme.loaded);
  const [palette, setPalette] = useState(false);
  const [sheet, setSheet] = useState(false);

  const actions = useMemo(() => {
    const fail = (e: unknown) => toast.fail(e);
    return {
      search: () => {
        // Read the live URL: a shortcut pressed while another screen is still rendering would see
        // this closure's older location and stay put.
        if (!window.location.hash.startsWith('#/search')) void navigate('/search');
        focusSearchBox();
      },
      openInNewWindow: () => {
        // The live URL, as for search: run right after a navigation (the palette, a shortcut), this
        // closure may still hold the screen before it, which would open in the new window.
        const live = new URL(window.location.hash.slice(1) || '/', 'http://legation.invalid');
        const route = currentRoute(live.pathname, live.search);
        if (!isAppRoute(route)) {
          toast.notify('This page cannot be opened in a new window.', { kind: 'error' });
          return;
        }
        bridge.openWindow({ route }).then((reply) => {
          if (reply.status === 'refused') toast.notify(reply.message, { kind: 'error' });
        }, fail);
      },
      toggleTheme: () => {
        const next = toggledTheme(theme.preference, systemDark);
        theme.setPreference(next).then(() => toast.notify(`Dark theme ${next === 'dark' ? 'on' : 'off'}.`), fail);
      },
      followSystemTheme: () => {
        theme.setPreference('system').then(() => toast.notify('The theme follows the system.'), fail);
      },
      undo: () => {
        undoLast().then((label) => toast.notify(label ? `Undone: ${label}` : 'Nothing to undo'), fail);
      },
      newNote: () => {
        createNote(null).then((note) => void navigate(`/notes/${note.id}`), fail);
      },
      palette: () => {
        setSheet(false);
        setPalette(true);
      },
      shortcuts: () => {
        setPalette(false);
        setSheet(true);
      },
      go: (to: string) => void navigate(to),
    };
  }, [navigate, toast, theme, systemDark]);

  return { actions, palette, setPalette, sheet, setSheet, theme, systemDark };
}

type ShellActions = ReturnType<typeof useShellActions>['actions'];

/** Menu commands and the window's keyboard shortcuts (see shortcuts.ts for the list). */
function useCommands(actions: ShellActions) {
  // The handlers are installed once; they read the latest actions through the ref.
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  }, [actions]);

  useEffect(() => {
    const run = (command: MenuCommand) => {
      const a = latest.current;
      if (command === 'find' || command === 'go-search') return a.search();
      if (command === 'open-in-new-window') return a.openInNewWindow();
      if (command === 'command-palette') return a.palette();
      if (command === 'show-shortcuts') return a.shortcuts();
      if (command === 'toggle-theme') return a.toggleTheme();
      const to = screenForCommand(command)?.path ?? MENU_ROUTES[command];
      if (to) a.go(to);
    };
    const off = bridge.onMenuCommand(run);
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      // A modal (palette, sheet, a confirmation) owns the keyboard until it closes.
      if (document.querySelector('dialog[open]')) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && !e.shiftKey && !e.altKey && key === 'z' && !isTyping(e.target)) {
        e.preventDefault();
        latest.current.undo();
      } else if (mod && !e.altKey && !e.shiftKey && (key === 'f' || key === 'k')) {
        e.preventDefault();
        run('find');
      } else if (mod && e.shiftKey && !e.altKey && key === 'p') {
        e.preventDefault();
        run('command-palette');
      } else if (mod && e.shiftKey && !e.altKey && key === 'o') {
        e.preventDefault();
        run('open-in-new-window');
      } else if (mod && e.altKey && key === 'n') {
        e.preventDefault();
        run('new-visit');
      } else if (mod && !e.shiftKey && !e.altKey && screenForModKey(e.key)) {
        e.preventDefault();
        latest.current.go(screenForModKey(e.key)!.path);
      } else if (e.key === '?' && !mod && !e.altKey && !isTyping(e.target)) {
        e.preventDefault();
        run('show-shortcuts');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      off();
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}

/** The palette's commands: every screen and every action the menu and shortcuts offer. */
function usePaletteCommands(actions: ShellActions, mac: boolean, themeLabel: string): PaletteCommand[] {
  return useMemo(() => {
    const keys = (...k: string[]) => shortcutText(k, mac);
    const screens: PaletteCommand[] = SCREENS.map((screen) => ({
      id: `go${screen.path}`,
      label: `Go to ${screen.label}`,
      keywords: [screen.label],
      ...(screen.accelerator ? { shortcut: keys(...acceleratorKeys(screen.accelerator)) } : {}),
      run: () => actions.go(screen.path),
    }));
    return [
      ...screens,
      {
        id: 'new-visit',
        label: 'New visit',
        keywords: ['add trip', 'create'],
        shortcut: keys('Mod', 'Alt', 'N'),
        run: () => actions.go('/visits/new'),
      },
      { id: 'new-person', label: 'New person', keywords: ['add leader', 'create'], run: () => actions.go('/people/new') },
      { id: 'new-note', label: 'New note', keywords: ['write', 'create'], run: actions.newNote },
      { id: 'search', label: 'Search everything', keywords: ['find'], shortcut: keys('Mod', 'K'), run: actions.search },
      { id: 'import-article', label: 'Import an article', keywords: ['paste', 'extract'], run: () => actions.go('/import') },
      { id: 'import-dataset', label: 'Import a dataset', keywords: ['historian', 'xml', 'hsg'], run: () => actions.go('/import/dataset') },
      { id: 'export-backup', label: 'Export a backup', keywords: ['save', 'json'], run: () => actions.go('/settings?action=export') },
      { id: 'restore-backup', label: 'Restore a backup', keywords: ['load', 'open'], run: () => actions.go('/settings?action=restore') },
      { id: 'toggle-theme', label: themeLabel, keywords: ['dark', 'light', 'theme', 'colour'], run: actions.toggleTheme },
      { id: 'system-theme', label: 'Theme: follow the system', keywords: ['dark', 'light', 'auto'], run: actions.followSystemTheme },
      {
        id: 'open-window',
        label: 'Open this page in a new window',
        keywords: ['tab', 'window'],
        shortcut: keys('Mod', 'Shift', 'O'),
        run: actions.openInNewWindow,
      },
      { id: 'shortcuts', label: 'Show keyboard shortcuts', keywords: ['help', 'keys'], shortcut: '?', run: actions.shortcuts },
      { id: 'undo', label: 'Undo the last change', keywords: ['revert'], shortcut: keys('Mod', 'Z'), run: actions.undo },
    ];
  }, [actions, mac, themeLabel]);
}

/** An address that names no screen (a stale bookmark, a mistyped route): say so, and the way home. */
function NotFound() {
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">This page does not exist</h1>
      <p>
        The address names no screen of Legation. <Link to="/visits">Go to the Visits list</Link>, or use the navigation above.
      </p>
    </section>
  );
}

function Shell() {
  const { actions, palette, setPalette, sheet, setSheet, theme, systemDark } = useShellActions();
  useCommands(actions);
  const mac = isMacPlatform(navigator.platform);
  const themeLabel = toggledTheme(theme.preference, systemDark) === 'dark' ? 'Switch to the dark theme' : 'Switch to the light theme';
  const commands = usePaletteCommands(actions, mac, themeLabel);
  const recent = useViewSetting<string[]>('palette.recent', [], isStringArray);
  const toast = useToast();
  const onRun = useCallback(
    (command: PaletteCommand) => {
      command.run();
      recent.set(pushRecent(recent.value, command.id)).catch((e: unknown) => toast.fail(e));
    },
    [recent, toast],
  );
  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // With hash routing, following "#main" would navigate to a route called "main".
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand" aria-hidden="true">
          Legation
        </span>
        <MainNav screens={NAV_SCREENS} />
        <button
          type="button"
          className="topbar-palette"
          onClick={actions.palette}
          aria-keyshortcuts={mac ? 'Meta+Shift+P' : 'Control+Shift+P'}
          title={`Command palette (${shortcutText(['Mod', 'Shift', 'P'], mac)})`}
        >
          Commands
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <DataLossBanner />
        <SampleDataBanner />
        <RestoreNotice />
        <ScreenFrame>
          <Routes>
            <Route path="/" element={<Navigate to="/visits" replace />} />
            {SCREENS.map(({ id, path }) => {
              const { Component, subroutes } = SCREEN_ROUTES[id];
              return <Route key={id} path={subroutes ? `${path}/*` : path} element={<Component />} />;
            })}
            <Route path="*" element={<NotFound />} />
          </Routes>
        </ScreenFrame>
      </main>
      <CommandPalette open={palette} onClose={() => setPalette(false)} commands={commands} recent={recent.value} onRun={onRun} />
      <ShortcutsSheet open={sheet} onClose={() => setSheet(false)} mac={mac} onOpenPalette={actions.palette} />
    </div>
  );
}

export function App() {
  const [status, setStatus] = useState<DatabaseStatus | null>(null);
  const [outdated, setOutdated] = useState(false);
  const [blocked, setBlocked] = useState(false);
  useEffect(() => {
    let live = true;
    void initDatabase({ onOutdated: () => setOutdated(true), onBlocked: () => setBlocked(true) }).then((s) => {
      if (live) setStatus(s);
    });
    return () => {
      live = false;
    };
  }, []);
  if (outdated) {
    return (
      <div className="blocking" role="alert">
        <h1>Legation was updated in another window</h1>
        <p>This window uses an older version of the database. Reload it to continue; everything saved is kept.</p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
  if (!status) {
    return (
      <p className="loading" role="status">
        {blocked ? 'Waiting for other Legation windows to close their older version of the database…' : 'Opening your data…'}
      </p>
    );
  }
  if (status.state === 'failed') {
    return (
      <div className="blocking" role="alert">
        <h1>Legation cannot open its data</h1>
        <p>{status.message}</p>
      </div>
    );
  }
  // Navigations are urgent updates, not transitions: the filters and the Find box are held in the
  // address, and a controlled input whose value arrives in a transition shows the old value until
  // it commits (a ticked box un-ticks, a typed letter can be lost while a heavy list renders).
  return (
    <HashRouter useTransitions={false}>
      <ToastProvider>
        <Shell />
      </ToastProvider>
    </HashRouter>
  );
}
