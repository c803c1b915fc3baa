import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { addDays, formatVisitDates, isValidDay, localToday, visitTitle, type Person, type Visit } from '../../../shared/model';
import {
  BRIEF_DEFAULT_SINCE_DAYS,
  REPORT_FORMATS,
  REPORT_TEMPLATES,
  REPORT_TEMPLATE_LABELS,
  ReportCancelledError,
  describeSelection,
  dossierFileSlug,
  isBriefFormat,
  reportFileName,
  selectionFromParams,
  selectionToParams,
  type ReportFormatId,
  type ReportSelection,
  type ReportTemplate,
} from '../../../shared/reports';
import { bridge } from '../../bridge';
import { Field, VisitFilterControls, useToast } from '../../components';
import { listPeople, listVisits, useQuery } from '../../db';
import { countReportVisits, loadDossierInput, loadReportInput } from './report-data';
import { CHUNKED_THRESHOLD, DEFAULT_TITLES, buildBrief, buildDossier, buildModel, zoneOffsetMinutes } from './build-report';
import { renderInWorker } from './render-file';
import type { RenderRequest } from './render-protocol';

type Mode = 'all' | 'filter' | 'visit';

const FILE_SLUGS: Readonly<Record<ReportTemplate, string>> = {
  brief: 'legation-brief',
  dossier: 'visit-dossier',
  annex: 'legation-report',
};
const SAVED_NAMES: Readonly<Record<ReportTemplate, string>> = { brief: 'Brief', dossier: 'Dossier', annex: 'Report' };
type FormatChoice = ReportFormatId | 'pdf';

const FORMAT_ORDER: FormatChoice[] = ['md', 'html', 'docx', 'pdf', 'csv', 'ics', 'json', 'timelinejs'];
const PDF = { label: 'PDF (print)', hint: 'Opens the print-styled report and prints it; choose “Save as PDF”' };
const TEMPLATE_HINTS: Readonly<Record<ReportTemplate, string>> = {
  brief: 'A summary, what is coming up, overdue plans and what moved: one line a visit, sources as endnotes',
  dossier: 'One visit on one page: who, where, when, its history, meetings, earlier visits both ways, notes',
  annex: 'Every visit in full: status history with reasons, meetings and quotes, evidence, notes',
};

/** Formats the brief and the dossier are written in: their own three and PDF (the print view). */
function briefWrites(f: FormatChoice): boolean {
  return f === 'pdf' || isBriefFormat(f);
}

/** The brief and the dossier are documents to read; the data formats are the annex's. */
const writesOnlyDocuments = (t: ReportTemplate) => t !== 'annex';

interface Job {
  phase: 'loading' | 'building' | 'writing' | 'saving';
  done: number;
  total: number;
  /** Show the progress bar (large exports only: small ones finish before it could be read). */
  large: boolean;
}

function modeOf(s: ReportSelection): Mode {
  if (s.visitId) return 'visit';
  return s.status || s.country || s.travellerId || s.from || s.to ? 'filter' : 'all';
}

function visitOption(v: Visit, people: Map<string, Person>): string {
  return `${visitTitle(people.get(v.travellerId), v.place)} (${formatVisitDates(v.start, v.end)})`;
}

/**
 * Reports: choose the visits (all, the Visits list's filters, or one visit), a format and a title,
 * and export. The selection lives in the URL (`?visit=<id>` or `?status=&country=&traveller=&from=&to=`,
 * the Visits list's own parameters), so a link can open this screen preselected.
 */
export function ReportsPage() {
  const toast = useToast();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const selection = useMemo(() => selectionFromParams(searchParams), [searchParams]);
  const selectionKey = selectionToParams(selection).toString();
  // The URL decides when it holds a selection (a link, back/forward); an explicit choice of
  // "Visits matching filters" with no filter set yet is remembered here.
  const [chosenMode, setChosenMode] = useState<Mode>('all');
  const urlMode = modeOf(selection);
  // A choice just made wins until the URL it asked for arrives (setSearchParams lands a render
  // later); without this the controlled radio would spring back for a moment.
  const [pending, setPending] = useState<{ mode: Mode; whileKey: string } | null>(null);
  const derivedMode: Mode = urlMode !== 'all' ? urlMode : chosenMode === 'filter' ? 'filter' : 'all';
  const mode: Mode = pending && pending.whileKey === selectionKey ? pending.mode : derivedMode;
  const [format, setFormat] = useState<FormatChoice>('md');
  const [template, setTemplate] = useState<ReportTemplate>('brief');
  // The "as of" day defaults to the user's today; "since" to 30 days before it until chosen.
  const [asOf, setAsOf] = useState(() => localToday());
  const [sinceChosen, setSinceChosen] = useState<string | null>(null);
  // null until the user types a title: then each report keeps its own default.
  const [titleTyped, setTitleTyped] = useState<string | null>(null);
  const templateLabel = useId();
  const [job, setJob] = useState<Job | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const formatsLabel = useId();
  const visitsLabel = useId();

  const choices = useQuery(async () => {
    const [people, visits] = await Promise.all([listPeople(), listVisits({}, { field: 'start', dir: 'asc' })]);
    return { people, visits };
  }, []);
  const count = useQuery(() => countReportVisits(selection), [selectionKey]);

  const people = useMemo(() => new Map((choices.data?.people ?? []).map((p) => [p.id, p])), [choices.data]);
  const oneVisit = selection.visitId ? choices.data?.visits.find((v) => v.id === selection.visitId) : undefined;
  const selectionLabel = describeSelection(
    selection,
    choices.data?.people ?? [],
    oneVisit ? visitTitle(people.get(oneVisit.travellerId), oneVisit.place) : undefined,
  );

  // Leaving the screen cancels a running export.
  useEffect(() => () => abortRef.current?.abort(), []);

  const setSelection = (next: ReportSelection) => setSearchParams(selectionToParams(next), { replace: true });
  const setFilter = (patch: Partial<ReportSelection>) => setSelection({ ...selection, visitId: undefined, ...patch });

  const chooseMode = (m: Mode) => {
    setChosenMode(m);
    setPending({ mode: m, whileKey: selectionKey });
    if (m === 'all') setSelection({});
    else if (m === 'filter') setSelection({ ...selection, visitId: undefined });
    else {
      const first = selection.visitId ?? choices.data?.visits[0]?.id;
      setSelection(first ? { visitId: first } : {});
    }
  };

  const title = titleTyped ?? DEFAULT_TITLES[template];
  const reportTitle = title.trim() || DEFAULT_TITLES[template];
  const asOfValid = isValidDay(asOf);
  const since = sinceChosen ?? (asOfValid ? addDays(asOf, -BRIEF_DEFAULT_SINCE_DAYS) : '');
  const datesError =
    template !== 'brief'
      ? null
      : !asOfValid
        ? 'Choose the day the brief speaks of (“As of”).'
        : !isValidDay(since)
          ? 'Choose the day changes are counted from (“Changes since”).'
          : since > asOf
            ? '“Changes since” must be on or before “As of”.'
            : null;
  const formatError =
    writesOnlyDocuments(template) && !briefWrites(format)
      ? `The ${template === 'brief' ? 'brief' : 'dossier'} is written in Markdown, HTML, Word or PDF.`
      : null;
  const n = count.data;
  // The dossier is of one visit: the mode of the selection does not apply to it.
  const dossierVisitId = template === 'dossier' ? selection.visitId : undefined;
  const nothing = template === 'dossier' ? !dossierVisitId || n === 0 : n === 0 || (mode === 'visit' && !selection.visitId);

  const chooseTemplate = (t: ReportTemplate) => {
    setTemplate(t);
    // The data formats are the annex's: going to the brief or the dossier takes its default format.
    if (writesOnlyDocuments(t) && !briefWrites(format)) setFormat('md');
    // The dossier is of one visit: the one chosen, else the first of the list.
    if (t === 'dossier' && !selection.visitId) {
      const first = choices.data?.visits[0]?.id;
      if (first) {
        setChosenMode('visit');
        setSelection({ visitId: first });
      }
    }
  };

  async function exportReport() {
    if (job) return;
    if (datesError || formatError) return;
    if (format === 'pdf' && template === 'dossier') {
      if (!dossierVisitId) return;
      const sp = new URLSearchParams({ title: reportTitle, print: '1' });
      void navigate(`/reports/dossier/${dossierVisitId}?${sp.toString()}`);
      return;
    }
    if (format === 'pdf') {
      const sp = selectionToParams(selection);
      sp.set('title', reportTitle);
      if (template === 'brief') {
        sp.set('template', 'brief');
        sp.set('asOf', asOf);
        sp.set('since', since);
      }
      sp.set('print', '1');
      void navigate(`/reports/print?${sp.toString()}`);
      return;
    }
    const controller = new AbortController();
    abortRef.current = controller;
    try {
      setJob({ phase: 'loading', done: 0, total: n ?? 0, large: (n ?? 0) > CHUNKED_THRESHOLD });
      const loaded = template === 'dossier' ? await loadDossierInput(dossierVisitId ?? '') : await loadReportInput(selection);
      if (!loaded) throw new Error('the visit is no longer there; choose another');
      const input = loaded;
      const large = input.visits.length > CHUNKED_THRESHOLD;
      setJob({ phase: 'building', done: 0, total: input.visits.length, large });
      const generatedAt = new Date().toISOString();
      const progress = (done: number, total: number) => setJob({ phase: 'building', done, total, large });
      let request: RenderRequest;
      let visitCount = 1;
      if (template === 'brief') {
        if (!isBriefFormat(format)) throw new Error('The brief is written in Markdown, HTML, Word or PDF');
        const options = { title: reportTitle, generatedAt, zoneOffsetMinutes: zoneOffsetMinutes(generatedAt), selectionLabel, asOf, since };
        const model = await buildBrief(input, options, progress, controller.signal);
        visitCount = model.counts.visits;
        request = { template, model, format };
      } else if (template === 'dossier') {
        if (!isBriefFormat(format)) throw new Error('The dossier is written in Markdown, HTML, Word or PDF');
        const options = {
          visitId: dossierVisitId ?? '',
          title: reportTitle,
          generatedAt,
          zoneOffsetMinutes: zoneOffsetMinutes(generatedAt),
          asOf: localToday(),
        };
        request = {
          template,
          model: await buildDossier(input, options, (done, total) => progress(done, total), controller.signal),
          format,
        };
      } else {
        const model = await buildModel(
          input,
          { title: reportTitle, generatedAt, zoneOffsetMinutes: zoneOffsetMinutes(generatedAt), selectionLabel },
          progress,
          controller.signal,
        );
        visitCount = model.counts.visits;
        request = { template, model, format };
      }
      if (controller.signal.aborted) throw new ReportCancelledError();
      setJob({ phase: 'writing', done: input.visits.length, total: input.visits.length, large });
      const content = await renderInWorker(request, controller.signal);
      if (controller.signal.aborted) throw new ReportCancelledError();
      const f = REPORT_FORMATS[format];
      setJob({ phase: 'saving', done: input.visits.length, total: input.visits.length, large });
      const reply = await bridge.saveFile({
        suggestedName: reportFileName(
          format,
          generatedAt,
          request.template === 'dossier' ? dossierFileSlug(request.model) : FILE_SLUGS[template],
        ),
        filterName: f.filterName,
        extensions: [f.extension],
        content,
      });
      if (reply.status === 'saved') {
        const visits = `${visitCount} visit${visitCount === 1 ? '' : 's'}`;
        toast.notify(`${SAVED_NAMES[template]} saved as ${reply.fileName} (${f.label}, ${visits})`);
      }
    } catch (e) {
      if (e instanceof ReportCancelledError) toast.notify('Report cancelled; nothing was saved');
      else toast.notify(`The report could not be exported: ${e instanceof Error ? e.message : String(e)}`, { kind: 'error' });
    } finally {
      abortRef.current = null;
      setJob(null);
    }
  }

  const visitList = choices.data?.visits ?? [];

  return (
    <section className="reports-page" aria-labelledby="reports-heading">
      <div className="page-head">
        <h1 id="reports-heading">Reports</h1>
      </div>
      <p className="muted">
        The brief tells where things stand as of a day, on a page or two; the visit dossier puts one visit on a page, with the earlier
        visits both ways; the annex is the full record of the chosen visits, with evidence, meetings and notes.
      </p>

      <form
        className="report-form"
        onSubmit={(e) => {
          e.preventDefault();
          void exportReport();
        }}
      >
        <fieldset className="panel report-template" aria-labelledby={templateLabel}>
          <legend id={templateLabel}>Report</legend>
          <div className="format-grid report-templates" role="radiogroup" aria-label="Report">
            {REPORT_TEMPLATES.map((t) => (
              <label key={t} className={`format-choice${template === t ? ' selected' : ''}`}>
                <input
                  type="radio"
                  name="template"
                  value={t}
                  checked={template === t}
                  onChange={() => chooseTemplate(t)}
                  aria-labelledby={`${templateLabel}-${t}`}
                  aria-describedby={`${templateLabel}-${t}-hint`}
                />
                <span className="format-label" id={`${templateLabel}-${t}`}>
                  {REPORT_TEMPLATE_LABELS[t]}
                </span>
                <span className="format-hint muted" id={`${templateLabel}-${t}-hint`}>
                  {TEMPLATE_HINTS[t]}
                </span>
              </label>
            ))}
          </div>
          {template === 'brief' && (
            <div className="toolbar report-filters">
              <Field label="As of" hint="The day the brief speaks of">
                <input type="date" value={asOf} required onChange={(e) => setAsOf(e.target.value)} />
              </Field>
              <Field label="Changes since" hint={`${BRIEF_DEFAULT_SINCE_DAYS} days before “As of” unless you choose`}>
                <input type="date" value={since} required onChange={(e) => setSinceChosen(e.target.value)} />
              </Field>
            </div>
          )}
          {datesError && (
            <p className="form-error" role="alert">
              {datesError}
            </p>
          )}
        </fieldset>

        {template === 'dossier' ? (
          <fieldset className="panel report-visits" aria-describedby={visitsLabel}>
            <legend>Visit</legend>
            <div className="toolbar report-filters">
              <Field label="Visit">
                <select value={selection.visitId ?? ''} onChange={(e) => setSelection(e.target.value ? { visitId: e.target.value } : {})}>
                  {!selection.visitId && <option value="">Choose a visit…</option>}
                  {selection.visitId && !oneVisit && choices.data && (
                    <option value={selection.visitId}>A visit that no longer exists</option>
                  )}
                  {visitList.map((v) => (
                    <option key={v.id} value={v.id}>
                      {visitOption(v, people)}
                    </option>
                  ))}
                </select>
              </Field>
              {dossierVisitId && oneVisit && <Link to={`/reports/dossier/${dossierVisitId}`}>Read the dossier on screen</Link>}
            </div>
            <p className="report-preview" id={visitsLabel} aria-live="polite">
              {!dossierVisitId
                ? 'Choose the visit the dossier is about.'
                : n === 0
                  ? 'This visit is no longer there: choose another.'
                  : `The dossier of ${oneVisit ? visitTitle(people.get(oneVisit.travellerId), oneVisit.place) : 'the chosen visit'}, with the earlier visits both ways`}
            </p>
          </fieldset>
        ) : (
          <fieldset className="panel report-visits" aria-describedby={visitsLabel}>
            <legend>Visits</legend>
            <div className="report-modes" role="radiogroup" aria-label="Which visits">
              <label>
                <input type="radio" name="mode" checked={mode === 'all'} onChange={() => chooseMode('all')} /> All visits
              </label>
              <label>
                <input type="radio" name="mode" checked={mode === 'filter'} onChange={() => chooseMode('filter')} /> Visits matching filters
              </label>
              <label>
                <input type="radio" name="mode" checked={mode === 'visit'} onChange={() => chooseMode('visit')} /> One visit
              </label>
            </div>

            {mode === 'filter' && (
              <VisitFilterControls
                className="toolbar report-filters"
                showOverdue
                value={{
                  status: selection.status,
                  country: selection.country,
                  travellerId: selection.travellerId,
                  from: selection.from,
                  to: selection.to,
                  overdue: selection.overdue,
                }}
                onChange={(f) =>
                  setFilter({
                    status: f.status,
                    country: f.country,
                    travellerId: f.travellerId,
                    from: f.from,
                    to: f.to,
                    overdue: f.overdue,
                  })
                }
              />
            )}

            {mode === 'visit' && (
              <div className="toolbar report-filters">
                <Field label="Visit">
                  <select value={selection.visitId ?? ''} onChange={(e) => setSelection(e.target.value ? { visitId: e.target.value } : {})}>
                    {!selection.visitId && <option value="">Choose a visit…</option>}
                    {selection.visitId && !oneVisit && choices.data && (
                      <option value={selection.visitId}>A visit that no longer exists</option>
                    )}
                    {visitList.map((v) => (
                      <option key={v.id} value={v.id}>
                        {visitOption(v, people)}
                      </option>
                    ))}
                  </select>
                </Field>
              </div>
            )}

            <p className="report-preview" id={visitsLabel} aria-live="polite">
              {count.error
                ? `The visits could not be counted: ${count.error.message}`
                : n === undefined
                  ? 'Counting visits…'
                  : `${selectionLabel}: ${n === 1 ? '1 visit' : `${n} visits`}`}
            </p>
          </fieldset>
        )}

        <fieldset className="panel report-formats" aria-labelledby={formatsLabel}>
          <legend id={formatsLabel}>Format</legend>
          <div className="format-grid">
            {FORMAT_ORDER.map((id) => {
              const f = id === 'pdf' ? PDF : REPORT_FORMATS[id];
              const annexOnly = writesOnlyDocuments(template) && !briefWrites(id);
              return (
                <label key={id} className={`format-choice${format === id ? ' selected' : ''}${annexOnly ? ' disabled' : ''}`}>
                  <input
                    type="radio"
                    name="format"
                    value={id}
                    disabled={annexOnly}
                    checked={format === id}
                    onChange={() => setFormat(id)}
                    aria-labelledby={`${formatsLabel}-${id}`}
                    aria-describedby={`${formatsLabel}-${id}-hint`}
                  />
                  <span className="format-label" id={`${formatsLabel}-${id}`}>
                    {f.label}
                  </span>
                  <span className="format-hint muted" id={`${formatsLabel}-${id}-hint`}>
                    {annexOnly ? `${f.hint} (annex only)` : f.hint}
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>

        <div className="panel report-actions">
          <Field label="Title" hint="On the cover of the report">
            <input type="text" value={title} maxLength={200} onChange={(e) => setTitleTyped(e.target.value)} />
          </Field>
          <button type="submit" className="button primary" disabled={!!job || nothing || n === undefined || !!datesError || !!formatError}>
            {format === 'pdf' ? 'Open print view' : 'Export'}
          </button>
          {nothing && n !== undefined && template !== 'dossier' && (
            <span className="muted">No visits match: choose other visits to export.</span>
          )}
        </div>
      </form>

      {job && (
        <div className="report-progress panel" role="status" aria-live="polite">
          <p>
            {job.phase === 'loading'
              ? 'Reading the visits…'
              : job.phase === 'building'
                ? `Building the report: ${job.done} of ${job.total} visits`
                : job.phase === 'writing'
                  ? 'Writing the file…'
                  : 'Saving…'}
          </p>
          {job.large && (
            <div
              className="progress-track"
              role="progressbar"
              aria-label="Report progress"
              aria-valuemin={0}
              aria-valuemax={job.total}
              aria-valuenow={job.done}
              aria-valuetext={`${job.done} of ${job.total} visits`}
            >
              <div className="progress-fill" style={{ width: `${job.total ? Math.round((job.done / job.total) * 100) : 0}%` }} />
            </div>
          )}
          {(job.large || job.phase === 'writing') && (
            <button type="button" onClick={() => abortRef.current?.abort()}>
              Cancel
            </button>
          )}
        </div>
      )}
    </section>
  );
}
