import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { addDays, isValidDay, localToday, visitTitle } from '../../../shared/model';
import {
  BRIEF_CSS,
  BRIEF_DEFAULT_SINCE_DAYS,
  REPORT_CSS,
  ReportCancelledError,
  describeSelection,
  renderBriefHtmlBody,
  renderHtmlBody,
  selectionFromParams,
  selectionToParams,
  type BriefModel,
  type ReportModel,
} from '../../../shared/reports';
import { useToast } from '../../components';
import { loadReportInput } from './report-data';
import { DEFAULT_TITLES, buildBrief, buildModel, zoneOffsetMinutes } from './build-report';
import { PAPER_CSS, printReport } from './print-bridge';

/**
 * The report's links are in-page anchors (#fn-3, #visit-…); in the app's hash router they would
 * be routes. Scroll to the target instead.
 */
function followInPageLink(e: MouseEvent<HTMLDivElement>) {
  const a = (e.target as Element).closest('a');
  const href = a?.getAttribute('href');
  if (!a || !href?.startsWith('#')) return;
  e.preventDefault();
  document.getElementById(href.slice(1))?.scrollIntoView({ block: 'start' });
}

/** The title as a file name: no folder separators, reserved or control characters. */
function safeFileName(title: string): string {
  const cleaned = [...title]
    .map((ch) => (ch.charCodeAt(0) < 32 || '/\\:*?"<>|'.includes(ch) ? ' ' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150);
  return cleaned || 'legation-report';
}

type State =
  { phase: 'loading'; done: number; total: number } | { phase: 'ready'; html: string; css: string } | { phase: 'failed'; message: string };

/** The brief's parameters from the URL: `template=brief&asOf=…&since=…`; anything else is the annex. */
interface BriefParams {
  asOf: string;
  since: string;
}

function briefParams(sp: URLSearchParams): BriefParams | null {
  if (sp.get('template') !== 'brief') return null;
  const asOfParam = sp.get('asOf');
  const asOf = asOfParam && isValidDay(asOfParam) ? asOfParam : localToday();
  const sinceParam = sp.get('since');
  const since = sinceParam && isValidDay(sinceParam) && sinceParam <= asOf ? sinceParam : addDays(asOf, -BRIEF_DEFAULT_SINCE_DAYS);
  return { asOf, since };
}

/**
 * The report, print-styled, for PDF: `/reports/print?<selection>&title=…[&print=1]`. It shows the
 * very HTML of the HTML export (renderHtmlBody, every user string escaped by the renderer; no
 * scripts, no event handlers), so the PDF and the HTML file are the same document. With print=1
 * it prints once when ready (Electron: bridge.printToPdf when present; browser: window.print).
 * The app's bar and this page's toolbar are hidden in print (styles.css, "Reports").
 */
export function ReportPrintPage() {
  const [searchParams] = useSearchParams();
  const key = selectionToParams(selectionFromParams(searchParams)).toString();
  const brief = briefParams(searchParams);
  const title = searchParams.get('title')?.trim() || DEFAULT_TITLES[brief ? 'brief' : 'annex'];
  // A new selection, report or title is a new report: remount, starting again from "loading".
  return <PrintView key={`${key}\u0001${title}\u0001${brief ? `${brief.asOf}/${brief.since}` : 'annex'}`} title={title} brief={brief} />;
}

function PrintView({ title, brief }: { title: string; brief: BriefParams | null }) {
  const toast = useToast();
  const [searchParams, setSearchParams] = useSearchParams();
  const selection = useMemo(() => selectionFromParams(searchParams), [searchParams]);
  const autoPrint = searchParams.get('print') === '1';
  const [state, setState] = useState<State>({ phase: 'loading', done: 0, total: 0 });
  const printed = useRef(false);

  useEffect(() => {
    const controller = new AbortController();
    void (async () => {
      try {
        const input = await loadReportInput(selection);
        const one = selection.visitId ? input.visits[0] : undefined;
        const label = describeSelection(
          selection,
          input.people,
          one
            ? visitTitle(
                input.people.find((p) => p.id === one.travellerId),
                one.place,
              )
            : undefined,
        );
        const generatedAt = new Date().toISOString();
        const progress = (done: number, total: number) => {
          if (!controller.signal.aborted) setState({ phase: 'loading', done, total });
        };
        let ready: State;
        if (brief) {
          const options = { title, generatedAt, zoneOffsetMinutes: zoneOffsetMinutes(generatedAt), selectionLabel: label, ...brief };
          const model: BriefModel = await buildBrief(input, options, progress, controller.signal);
          ready = { phase: 'ready', html: renderBriefHtmlBody(model), css: BRIEF_CSS };
        } else {
          const model: ReportModel = await buildModel(
            input,
            { title, generatedAt, zoneOffsetMinutes: zoneOffsetMinutes(generatedAt), selectionLabel: label },
            progress,
            controller.signal,
          );
          ready = { phase: 'ready', html: renderHtmlBody(model), css: REPORT_CSS };
        }
        if (!controller.signal.aborted) setState(ready);
      } catch (e) {
        if (e instanceof ReportCancelledError || controller.signal.aborted) return;
        setState({ phase: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
    })();
    return () => controller.abort();
    // Runs once per mount: the parent remounts this view when the selection or title changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, []);

  const fileName = `${safeFileName(title)}.pdf`;

  const print = () => {
    printReport(fileName).then(
      (reply) => {
        if (reply.status === 'saved') toast.notify(`PDF saved as ${reply.fileName}`);
      },
      (e: unknown) => toast.notify(`The report could not be printed: ${e instanceof Error ? e.message : String(e)}`, { kind: 'error' }),
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
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the report is first ready
  }, [state.phase, autoPrint]);

  const back = new URLSearchParams(selectionToParams(selection));
  // Back to Reports keeps the selection; the report's choice lives on that screen.

  return (
    <div className="report-print">
      <div className="report-print-toolbar" role="toolbar" aria-label="Print view">
        <Link to={`/reports${back.toString() ? `?${back.toString()}` : ''}`}>← Back to Reports</Link>
        <button type="button" className="button primary" onClick={print} disabled={state.phase !== 'ready'}>
          Print or save as PDF…
        </button>
      </div>
      {state.phase === 'loading' && (
        <div className="report-progress panel" role="status">
          <p>{state.total ? `Building the report: ${state.done} of ${state.total} visits` : 'Reading the visits…'}</p>
          {state.total > 0 && (
            <div
              className="progress-track"
              role="progressbar"
              aria-label="Report progress"
              aria-valuemin={0}
              aria-valuemax={state.total}
              aria-valuenow={state.done}
            >
              <div className="progress-fill" style={{ width: `${Math.round((state.done / state.total) * 100)}%` }} />
            </div>
          )}
        </div>
      )}
      {state.phase === 'failed' && (
        <p className="form-error" role="alert">
          The report could not be built: {state.message}
        </p>
      )}
      {state.phase === 'ready' && (
        <>
          <style>{`${state.css}\n${PAPER_CSS}`}</style>
          {/* The HTML export's own markup: produced by renderHtmlBody or renderBriefHtmlBody, which escape every user string. */}
          <div className="report-print-body" onClick={followInPageLink} dangerouslySetInnerHTML={{ __html: state.html }} />
        </>
      )}
    </div>
  );
}
