import { Link, useParams, useSearchParams } from 'react-router';
import { localToday } from '../../../shared/model';
import {
  BRIEF_FORMAT_IDS,
  dossierFileSlug,
  DOSSIER_CSS,
  REPORT_FORMATS,
  renderDossierHtmlBody,
  type DossierModel,
} from '../../../shared/reports';
import { DEFAULT_TITLES, buildDossier, zoneOffsetMinutes } from './build-report';
import { ReportDocument, useBuiltDocument, usePrint } from './report-document';
import { loadDossierInput } from './report-data';
import { useReportExport, type ExportWording } from './use-report-export';
import './dossier-page.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const DOSSIER_WORDING: ExportWording = {
  saved: (fileName, label) => `Dossier saved as ${fileName} (${label})`,
  cancelled: 'Dossier cancelled; nothing was saved',
  failed: 'The dossier could not be saved',
};

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
  const state = useBuiltDocument<{ html: string; css: string; model: DossierModel }>(async (progress, signal) => {
    if (!UUID.test(visitId)) return null;
    const input = await loadDossierInput(visitId);
    if (!input) return null;
    const generatedAt = new Date().toISOString();
    const options = { visitId, title, generatedAt, zoneOffsetMinutes: zoneOffsetMinutes(generatedAt), asOf: localToday() };
    const model = await buildDossier(input, options, progress, signal);
    return { model, html: renderDossierHtmlBody(model), css: DOSSIER_CSS };
  });
  const model = state.phase === 'ready' ? state.model : null;
  const print = usePrint(model ? `${dossierFileSlug(model)}.pdf` : null, 'dossier');
  const { job, run, cancel } = useReportExport();

  const save = (format: (typeof BRIEF_FORMAT_IDS)[number]) => {
    if (!model) return;
    const prepared = {
      request: { template: 'dossier', model, format } as const,
      fileSlug: dossierFileSlug(model),
      generatedAt: model.generatedAt,
    };
    void run(
      format,
      { phase: 'writing', done: 0, total: 0, large: false },
      () => Promise.resolve({ ...prepared, visitCount: 1, read: 0, large: false }),
      DOSSIER_WORDING,
    );
  };

  return (
    <ReportDocument
      state={state}
      className="report-print dossier-page"
      toolbarLabel="Dossier"
      noun="dossier"
      progressBar={false}
      loading={(done, total) => (total ? `Building the dossier: ${done} of ${total} visits read` : 'Reading the visit…')}
      toolbar={
        <>
          <Link to={`/reports?visit=${encodeURIComponent(visitId)}`}>← Back to Reports</Link>
          {state.phase !== 'missing' && UUID.test(visitId) && <Link to={`/visits/${visitId}`}>Open the visit</Link>}
          <span className="dossier-actions">
            {BRIEF_FORMAT_IDS.map((id) => (
              <button key={id} type="button" onClick={() => save(id)} disabled={!model || job !== null}>
                Save as {REPORT_FORMATS[id].label}
              </button>
            ))}
            <button type="button" className="button primary" onClick={print} disabled={!model}>
              Print or save as PDF…
            </button>
          </span>
        </>
      }
    >
      {job && (
        <div className="report-progress panel" role="status" aria-live="polite">
          <p>Writing the {REPORT_FORMATS[job.format].label} file…</p>
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
    </ReportDocument>
  );
}
