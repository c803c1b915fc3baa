import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { addDays, isValidDay, localToday, visitTitle } from '../../../shared/model';
import {
  BRIEF_CSS,
  BRIEF_DEFAULT_SINCE_DAYS,
  REPORT_CSS,
  describeSelection,
  renderBriefHtmlBody,
  renderHtmlBody,
  selectionFromParams,
  selectionToParams,
  type BriefModel,
  type ReportModel,
} from '../../../shared/reports';
import { loadReportInput } from './report-data';
import { DEFAULT_TITLES, buildBrief, buildModel, zoneOffsetMinutes } from './build-report';
import { ReportDocument, useBuiltDocument, usePrint } from './report-document';

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
  const [searchParams] = useSearchParams();
  const selection = useMemo(() => selectionFromParams(searchParams), [searchParams]);
  const state = useBuiltDocument(async (progress, signal) => {
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
    const options = { title, generatedAt, zoneOffsetMinutes: zoneOffsetMinutes(generatedAt), selectionLabel: label };
    if (brief) {
      const model: BriefModel = await buildBrief(input, { ...options, ...brief }, progress, signal);
      return { html: renderBriefHtmlBody(model), css: BRIEF_CSS };
    }
    const model: ReportModel = await buildModel(input, options, progress, signal);
    return { html: renderHtmlBody(model), css: REPORT_CSS };
  });
  const print = usePrint(state.phase === 'ready' ? `${safeFileName(title)}.pdf` : null, 'report');

  // Back to Reports keeps the selection; the report's choice lives on that screen.
  const back = selectionToParams(selection).toString();

  return (
    <ReportDocument
      state={state}
      className="report-print"
      toolbarLabel="Print view"
      noun="report"
      progressBar
      loading={(done, total) => (total ? `Building the report: ${done} of ${total} visits` : 'Reading the visits…')}
      toolbar={
        <>
          <Link to={`/reports${back ? `?${back}` : ''}`}>← Back to Reports</Link>
          <button type="button" className="button primary" onClick={print} disabled={state.phase !== 'ready'}>
            Print or save as PDF…
          </button>
        </>
      }
    />
  );
}
