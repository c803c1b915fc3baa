import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { ReportCancelledError } from '../../../shared/reports';
import { useToast } from '../../components';
import { PAPER_CSS, printReport } from './print-bridge';

/**
 * A report shown as a page (the print view of the brief or annex, a visit's dossier): built once
 * when the page opens, shown as the very HTML of the HTML export, printed to PDF on request or once
 * when ready (`print=1`).
 */

/** The page's report once built: its HTML body (escaped by the shared renderer) and its styles. */
export interface BuiltDocument {
  html: string;
  css: string;
}

export type DocumentState<T extends BuiltDocument> =
  | { phase: 'loading'; done: number; total: number }
  | ({ phase: 'ready' } & T)
  | { phase: 'missing' }
  | { phase: 'failed'; message: string };

/**
 * Builds the page's report once per mount (the parent remounts the page for another report):
 * `build` reports its progress and returns null when the record it is about is not there.
 */
export function useBuiltDocument<T extends BuiltDocument>(
  build: (progress: (done: number, total: number) => void, signal: AbortSignal) => Promise<T | null>,
): DocumentState<T> {
  const [state, setState] = useState<DocumentState<T>>({ phase: 'loading', done: 0, total: 0 });
  useEffect(() => {
    const controller = new AbortController();
    const progress = (done: number, total: number) => {
      if (!controller.signal.aborted) setState({ phase: 'loading', done, total });
    };
    build(progress, controller.signal).then(
      (built) => {
        if (!controller.signal.aborted) setState(built ? { phase: 'ready', ...built } : { phase: 'missing' });
      },
      (e: unknown) => {
        if (e instanceof ReportCancelledError || controller.signal.aborted) return;
        setState({ phase: 'failed', message: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => controller.abort();
    // Runs once per mount: the parent remounts the page when what it shows changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, []);
  return state;
}

/**
 * Printing the page to PDF under `fileName` (null while there is nothing to print), and printing it
 * once, when first ready, if the address asks (`print=1`). `noun` names the report in an error.
 */
export function usePrint(fileName: string | null, noun: string): () => void {
  const toast = useToast();
  const [searchParams, setSearchParams] = useSearchParams();
  const autoPrint = searchParams.get('print') === '1';
  const printed = useRef(false);
  const print = () => {
    if (fileName === null) return;
    printReport(fileName).then(
      (reply) => {
        if (reply.status === 'saved') toast.notify(`PDF saved as ${reply.fileName}`);
      },
      (e: unknown) => toast.notify(`The ${noun} could not be printed: ${e instanceof Error ? e.message : String(e)}`, { kind: 'error' }),
    );
  };
  const ready = fileName !== null;
  useEffect(() => {
    if (!ready || !autoPrint || printed.current) return;
    printed.current = true;
    // Drop print=1 first, so reloading or going back does not print again.
    const next = new URLSearchParams(searchParams);
    next.delete('print');
    setSearchParams(next, { replace: true });
    requestAnimationFrame(print);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the report is first ready
  }, [ready, autoPrint]);
  return print;
}

/** The bar of a report being built: `done` of `total` visits. */
export function ReportProgressBar({ done, total }: { done: number; total: number }) {
  return (
    <div
      className="progress-track"
      role="progressbar"
      aria-label="Report progress"
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
      aria-valuetext={`${done} of ${total} visits`}
    >
      <div className="progress-fill" style={{ width: `${total ? Math.round((done / total) * 100) : 0}%` }} />
    </div>
  );
}

/** The report's links are in-page anchors (#fn-3, #visit-…); in the app's hash router they would be routes. */
function followInPageLink(e: MouseEvent<HTMLDivElement>) {
  const a = (e.target as Element).closest('a');
  const href = a?.getAttribute('href');
  if (!a || !href?.startsWith('#')) return;
  e.preventDefault();
  document.getElementById(href.slice(1))?.scrollIntoView({ block: 'start' });
}

/**
 * The page: its toolbar, then what the report's state calls for (progress, "no such visit", the
 * error, or the report itself).
 */
export function ReportDocument<T extends BuiltDocument>({
  state,
  className,
  toolbarLabel,
  toolbar,
  children,
  loading,
  progressBar,
  noun,
}: {
  state: DocumentState<T>;
  className: string;
  toolbarLabel: string;
  toolbar: ReactNode;
  /** Shown between the toolbar and the report (a file being written). */
  children?: ReactNode;
  loading: (done: number, total: number) => string;
  progressBar: boolean;
  noun: string;
}) {
  return (
    <div className={className}>
      <div className="report-print-toolbar" role="toolbar" aria-label={toolbarLabel}>
        {toolbar}
      </div>
      {children}
      {state.phase === 'loading' && (
        <div className="report-progress panel" role="status">
          <p>{loading(state.done, state.total)}</p>
          {progressBar && state.total > 0 && <ReportProgressBar done={state.done} total={state.total} />}
        </div>
      )}
      {state.phase === 'missing' && (
        <div className="panel" role="alert">
          <h1>No such visit</h1>
          <p>There is no visit with this id: it may have been deleted, or the link is wrong. Choose a visit on the Reports screen.</p>
        </div>
      )}
      {state.phase === 'failed' && (
        <p className="form-error" role="alert">
          The {noun} could not be built: {state.message}
        </p>
      )}
      {state.phase === 'ready' && (
        <>
          <style>{`${state.css}\n${PAPER_CSS}`}</style>
          {/* The HTML export's own markup: the shared renderers escape every user string. */}
          <div className="report-print-body" onClick={followInPageLink} dangerouslySetInnerHTML={{ __html: state.html }} />
        </>
      )}
    </div>
  );
}
