import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import type { ScreenId } from '../../shared/screens';
import { VisitsRoutes } from '../features/visits';

/**
 * The screens other than Visits (the first screen) load when first opened: the window's first
 * paint parses the shell and the Visits list only, not the Word writer, the map's projections or
 * the importers. Chunks come from the app's own files (app://), so a screen appears within a frame
 * or two; a chunk that cannot load says so and offers a reload instead of leaving a blank page.
 */
function screen<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

/**
 * Each screen's route component, by its id in the table of screens (shared/screens.ts); a screen
 * with `subroutes` has its own `<Routes>` below its path (a record, `new`, `edit`).
 */
export const SCREEN_ROUTES: Record<ScreenId, { Component: ComponentType; subroutes: boolean }> = {
  visits: { Component: VisitsRoutes, subroutes: true },
  dashboard: { Component: screen(() => import('../features/dashboard'), 'DashboardPage'), subroutes: false },
  timeline: { Component: screen(() => import('../features/timeline'), 'TimelinePage'), subroutes: false },
  map: { Component: screen(() => import('../features/map'), 'MapPage'), subroutes: false },
  calendar: { Component: screen(() => import('../features/calendar'), 'CalendarPage'), subroutes: false },
  search: { Component: screen(() => import('../features/search'), 'SearchPage'), subroutes: false },
  people: { Component: screen(() => import('../features/people'), 'PeopleRoutes'), subroutes: true },
  sources: { Component: screen(() => import('../features/sources'), 'SourcesRoutes'), subroutes: true },
  notes: { Component: screen(() => import('../features/notes'), 'NotesRoutes'), subroutes: true },
  import: { Component: screen(() => import('../features/import'), 'ImportRoutes'), subroutes: true },
  reconcile: { Component: screen(() => import('../features/reconcile'), 'ReconcilePage'), subroutes: false },
  reports: { Component: screen(() => import('../features/reports'), 'ReportsRoutes'), subroutes: true },
  settings: { Component: screen(() => import('../features/settings'), 'SettingsPage'), subroutes: false },
};

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
