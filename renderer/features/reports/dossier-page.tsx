import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { localToday } from '../../../shared/model';
import {
  BRIEF_FORMAT_IDS,
  dossierFileSlug,
  DOSSIER_CSS,
  REPORT_FORMATS,
  ReportCancelledError,
  renderDossierHtmlBody,
  reportFileName,
  type BriefFormatId,
  type DossierModel,
} from '../../../shared/reports';
import { bridge } from '../../bridge';
import { useToast } from '../../components';
import { loadDossierInput } from './report-data';
import { DEFAULT_TITLES, buildDossier, zoneOffsetMinutes } from './build-report';
import { PAPER_CSS, printReport } from './print-bridge';
import { renderInWorker } from './render-file';
import './dossier-page.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type State =
  | { phase: 'loading'; done: number; total: number }
  | { phase: 'ready'; model: DossierModel; html: string }
  | { phase: 'missing' }
  | { phase: 'failed'; message: string };

/** The dossier's links are in-page anchors (#fn-3); in the app's hash router they would be routes. */
function followInPageLink(e: MouseEvent<HTMLDivElement>) {
  const a = (e.target as Element).closest('a');
  const href = a?.getAttribute('href');
  if (!a || !href?.startsWith('#')) return;
  e.preventDefault();
  document.getElementById(href.slice(1))?.scrollIntoView({ block: 'start' });
}

/**
 * One visit's dossier, `/reports/dossier/<visit id>[?title=…][&print=1]`: the dossier on screen (the
 * very HTML body of the HTML file), saved as Markdown, HTML or Word (written in the worker, with
 * Cancel) or printed to PDF. With print=1 it prints once when ready, as the print view does.
 */
export function DossierPage() {
  const { visitId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const title = searchParams.get('title')?.trim() || DEFAULT_TITLES.dossier;
  return <DossierView key={`${visitId}\u0001${title}`} visitId={visitId} title={title} />;
}

function DossierView({ visitId, title }: { visitId: string; title: string }) {
  const toast = useToast();
  const [searchParams, setSearchParams] = useSearchParams();
  const autoPrint = searchParams.get('print') === '1';
  const [state, setState] = useState<State>({ phase: 'loading', done: 0, total: 0 });
  const [writing, setWriting] = useState<BriefFormatId | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const printed = useRef(false);

  useEffect(() => {
    const controller = new AbortController();
    void (async () => {
      try {
        if (!UUID.test(visitId)) {
          setState({ phase: 'missing' });
          return;
        }
        const input = await loadDossierInput(visitId);
        if (controller.signal.aborted) return;
        if (!input) {
          setState({ phase: 'missing' });
          return;
        }
        const generatedAt = new Date().toISOString();
        const progress = (done: number, total: number) => {
          if (!controller.signal.aborted) setState({ phase: 'loading', done, total });
        };
        const model = await buildDossier(
          input,
          { visitId, title, generatedAt, zoneOffsetMinutes: zoneOffsetMinutes(generatedAt), asOf: localToday() },
          progress,
          controller.signal,
        );
        if (!controller.signal.aborted) setState({ phase: 'ready', model, html: renderDossierHtmlBody(model) });
      } catch (e) {
        if (e instanceof ReportCancelledError || controller.signal.aborted) return;
        setState({ phase: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
    })();
    return () => controller.abort();
    // Runs once per mount: the parent remounts this view when the visit or title changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, []);

  // Leaving the page cancels a file being written.
  useEffect(() => () => abortRef.current?.abort(), []);

  const model = state.phase === 'ready' ? state.model : null;

  const print = () => {
    if (!model) return;
    printReport(`${dossierFileSlug(model)}.pdf`).then(
      (reply) => {
        if (reply.status === 'saved') toast.notify(`PDF saved as ${reply.fileName}`);
      },
      (e: unknown) => toast.notify(`The dossier could not be printed: ${e instanceof Error ? e.message : String(e)}`, { kind: 'error' }),
    );
  };

  useEffect(() => {
    if (state.phase !== 'ready' || !autoPrint || printed.current) return;
    printed.current = true;
    // Drop print=1 first, so reloading or going back does not print again.
    const next = new URLSearchParams(searchParams);
    next.delete('print');
    setSearchParams(next, { replace: true });
    requestAnimationFrame(print);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the dossier is first ready
  }, [state.phase, autoPrint]);

  async function save(format: BriefFormatId) {
    if (!model || writing) return;
    const controller = new AbortController();
    abortRef.current = controller;
    setWriting(format);
    try {
      const content = await renderInWorker({ template: 'dossier', model, format }, controller.signal);
      if (controller.signal.aborted) throw new ReportCancelledError();
      const f = REPORT_FORMATS[format];
      const reply = await bridge.saveFile({
        suggestedName: reportFileName(format, model.generatedAt, dossierFileSlug(model)),
        filterName: f.filterName,
        extensions: [f.extension],
        content,
      });
      if (reply.status === 'saved') toast.notify(`Dossier saved as ${reply.fileName} (${f.label})`);
    } catch (e) {
      if (e instanceof ReportCancelledError) toast.notify('Dossier cancelled; nothing was saved');
      else toast.notify(`The dossier could not be saved: ${e instanceof Error ? e.message : String(e)}`, { kind: 'error' });
    } finally {
      abortRef.current = null;
      setWriting(null);
    }
  }

  return (
    <div className="report-print dossier-page">
      <div className="report-print-toolbar" role="toolbar" aria-label="Dossier">
        <Link to={`/reports?visit=${encodeURIComponent(visitId)}`}>← Back to Reports</Link>
        {state.phase !== 'missing' && UUID.test(visitId) && <Link to={`/visits/${visitId}`}>Open the visit</Link>}
        <span className="dossier-actions">
          {BRIEF_FORMAT_IDS.map((id) => (
            <button key={id} type="button" onClick={() => void save(id)} disabled={!model || writing !== null}>
              Save as {REPORT_FORMATS[id].label}
            </button>
          ))}
          <button type="button" className="button primary" onClick={print} disabled={!model}>
            Print or save as PDF…
          </button>
        </span>
      </div>
      {writing && (
        <div className="report-progress panel" role="status" aria-live="polite">
          <p>Writing the {REPORT_FORMATS[writing].label} file…</p>
          <button type="button" onClick={() => abortRef.current?.abort()}>
            Cancel
          </button>
        </div>
      )}
      {state.phase === 'loading' && (
        <div className="report-progress panel" role="status">
          <p>{state.total ? `Building the dossier: ${state.done} of ${state.total} visits read` : 'Reading the visit…'}</p>
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
          The dossier could not be built: {state.message}
        </p>
      )}
      {state.phase === 'ready' && (
        <>
          <style>{`${DOSSIER_CSS}\n${PAPER_CSS}`}</style>
          {/* The HTML export's own markup: renderDossierHtmlBody escapes every user string. */}
          <div className="report-print-body" onClick={followInPageLink} dangerouslySetInnerHTML={{ __html: state.html }} />
        </>
      )}
    </div>
  );
}
