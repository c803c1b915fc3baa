import { useEffect, useState } from 'react';
import { HashRouter, Navigate, NavLink, Route, Routes, useNavigate } from 'react-router';
import type { MenuCommand } from '../../shared/bridge';
import { bridge } from '../bridge';
import { ToastProvider, useToast } from '../components';
import { initDatabase, undoLast, type DatabaseStatus } from '../db';
import { CalendarPage } from '../features/calendar';
import { DashboardPage } from '../features/dashboard';
import { ImportRoutes } from '../features/import';
import { MapPage } from '../features/map';
import { SearchPage } from '../features/search';
import { TimelinePage } from '../features/timeline';
import { NotesRoutes } from '../features/notes';
import { PeopleRoutes } from '../features/people';
import { ReconcilePage } from '../features/reconcile';
import { ReportsRoutes } from '../features/reports';
import { SettingsPage } from '../features/settings';
import { SourcesRoutes } from '../features/sources';
import { VisitsRoutes } from '../features/visits';

const NAV = [
  { to: '/visits', label: 'Visits' },
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/timeline', label: 'Timeline' },
  { to: '/map', label: 'Map' },
  { to: '/calendar', label: 'Calendar' },
  { to: '/people', label: 'People' },
  { to: '/sources', label: 'Sources' },
  { to: '/notes', label: 'Notes' },
  { to: '/search', label: 'Search' },
  { to: '/import', label: 'Import' },
  { to: '/reports', label: 'Reports' },
  { to: '/settings', label: 'Settings' },
] as const;

const MENU_ROUTES: Partial<Record<MenuCommand, string>> = {
  'new-visit': '/visits/new',
  'go-visits': '/visits',
  'go-people': '/people',
  'go-sources': '/sources',
  'go-notes': '/notes',
  'go-settings': '/settings',
  'export-backup': '/settings?action=export',
  'restore-backup': '/settings?action=restore',
};

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Menu commands and the window's keyboard shortcuts. */
function useCommands() {
  const navigate = useNavigate();
  const toast = useToast();
  useEffect(() => {
    const run = (command: MenuCommand) => {
      if (command === 'find') {
        void navigate('/visits');
        requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-find]')?.focus());
        return;
      }
      const to = MENU_ROUTES[command];
      if (to) void navigate(to);
    };
    const off = bridge.onMenuCommand(run);
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.shiftKey && e.key.toLowerCase() === 'z' && !isTyping(e.target)) {
        e.preventDefault();
        undoLast().then(
          (label) => toast.notify(label ? `Undone: ${label}` : 'Nothing to undo'),
          (err: unknown) => toast.fail(err),
        );
      } else if (mod && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        run('find');
      } else if (mod && e.altKey && e.key.toLowerCase() === 'n') {
        e.preventDefault();
        run('new-visit');
      } else if (mod && !e.shiftKey && /^[1-9]$/.test(e.key) && Number(e.key) <= NAV.length) {
        e.preventDefault();
        void navigate(NAV[Number(e.key) - 1]!.to);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      off();
      window.removeEventListener('keydown', onKey);
    };
  }, [navigate, toast]);
}

function Shell() {
  useCommands();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand" aria-hidden="true">
          Legation
        </span>
        <nav aria-label="Main">
          <ul>
            {NAV.map((n) => (
              <li key={n.to}>
                <NavLink to={n.to}>{n.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Routes>
          <Route path="/" element={<Navigate to="/visits" replace />} />
          <Route path="/visits/*" element={<VisitsRoutes />} />
          <Route path="/dashboard" element={<DashboardPage />} />
          <Route path="/timeline" element={<TimelinePage />} />
          <Route path="/map" element={<MapPage />} />
          <Route path="/calendar" element={<CalendarPage />} />
          <Route path="/search" element={<SearchPage />} />
          <Route path="/people/*" element={<PeopleRoutes />} />
          <Route path="/sources/*" element={<SourcesRoutes />} />
          <Route path="/notes/*" element={<NotesRoutes />} />
          <Route path="/import/*" element={<ImportRoutes />} />
          <Route path="/reconcile" element={<ReconcilePage />} />
          <Route path="/reports/*" element={<ReportsRoutes />} />
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="*" element={<p>This page does not exist.</p>} />
        </Routes>
      </main>
    </div>
  );
}

export function App() {
  const [status, setStatus] = useState<DatabaseStatus | null>(null);
  const [outdated, setOutdated] = useState(false);
  useEffect(() => {
    let live = true;
    void initDatabase(() => setOutdated(true)).then((s) => {
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
  if (!status) return <p className="loading">Opening your data…</p>;
  if (status.state === 'failed') {
    return (
      <div className="blocking" role="alert">
        <h1>Legation cannot open its data</h1>
        <p>{status.message}</p>
      </div>
    );
  }
  return (
    <HashRouter>
      <ToastProvider>
        <Shell />
      </ToastProvider>
    </HashRouter>
  );
}
