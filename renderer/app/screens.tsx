import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useLocation } from 'react-router';

/**
 * The screens other than Visits (the first screen) load when first opened: the window's first
 * paint parses the shell and the Visits list only, not the Word writer, the map's projections or
 * the importers. Chunks come from the app's own files (app://), so a screen appears within a frame
 * or two; a chunk that cannot load says so and offers a reload instead of leaving a blank page.
 */
function screen<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

export const DashboardPage = screen(() => import('../features/dashboard'), 'DashboardPage');
export const TimelinePage = screen(() => import('../features/timeline'), 'TimelinePage');
export const MapPage = screen(() => import('../features/map'), 'MapPage');
export const CalendarPage = screen(() => import('../features/calendar'), 'CalendarPage');
export const SearchPage = screen(() => import('../features/search'), 'SearchPage');
export const PeopleRoutes = screen(() => import('../features/people'), 'PeopleRoutes');
export const SourcesRoutes = screen(() => import('../features/sources'), 'SourcesRoutes');
export const NotesRoutes = screen(() => import('../features/notes'), 'NotesRoutes');
export const ImportRoutes = screen(() => import('../features/import'), 'ImportRoutes');
export const ReconcilePage = screen(() => import('../features/reconcile'), 'ReconcilePage');
export const ReportsRoutes = screen(() => import('../features/reports'), 'ReportsRoutes');
export const SettingsPage = screen(() => import('../features/settings'), 'SettingsPage');

interface BoundaryState {
  error: Error | null;
}

/** Catches a screen that failed to load or render; moving to another route tries again. */
class ScreenBoundary extends Component<{ children: ReactNode; route: string }, BoundaryState> {
  state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidUpdate(previous: { route: string }) {
    if (this.state.error && previous.route !== this.props.route) this.setState({ error: null });
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="screen-error">
        <h1>This screen could not be shown</h1>
        <p>{error.message}</p>
        <p>Your data is safe. Reload the window to try again.</p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}

/** The routed screens, inside a boundary (cleared by moving to another route) and a Suspense. */
export function ScreenFrame({ children }: { children: ReactNode }) {
  const location = useLocation();
  return (
    <ScreenBoundary route={location.pathname}>
      <Suspense
        fallback={
          <p className="screen-loading" role="status">
            Loading…
          </p>
        }
      >
        {children}
      </Suspense>
    </ScreenBoundary>
  );
}
