import { useId, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { addDays, formatVisitDates, isValidDay, localToday, visitTitle, type Person, type Visit } from '../../../shared/model';
import {
  BRIEF_DEFAULT_SINCE_DAYS,
  REPORT_FORMATS,
  REPORT_TEMPLATES,
  REPORT_TEMPLATE_LABELS,
  describeSelection,
  selectionFromParams,
  selectionToParams,
  type ReportSelection,
  type ReportTemplate,
} from '../../../shared/reports';
import { Field, VisitFilterControls } from '../../components';
import { Combobox } from '../../components/combobox';
import { listPeople, listVisits, useQuery } from '../../db';
import { CHUNKED_THRESHOLD, DEFAULT_TITLES } from './build-report';
import { countReportVisits } from './report-data';
import { ReportProgressBar } from './report-document';
import {
  FORMAT_ORDER,
  briefWrites,
  datesError as datesErrorOf,
  formatError as formatErrorOf,
  modeOf,
  printViewPath,
  writesOnlyDocuments,
  type FormatChoice,
  type Mode,
} from './reports-model';
import { prepareReport, reportWording, useReportExport } from './use-report-export';

const PDF = { label: 'PDF (print)', hint: 'Opens the print-styled report and prints it; choose “Save as PDF”' };
const TEMPLATE_HINTS: Readonly<Record<ReportTemplate, string>> = {
  brief: 'A summary, what is coming up, overdue plans and what moved: one line a visit, sources as endnotes',
  dossier: 'One visit on one page: who, where, when, its history, meetings, earlier visits both ways, notes',
  annex: 'Every visit in full: status history with reasons, meetings and quotes, evidence, notes',
};

/**
 * The visit a dossier or a one-visit report is of, typed to find by traveller, place or date among
 * all the visits (a combobox: there may be thousands).
 */
function VisitPicker({
  visits,
  people,
  value,
  onChange,
}: {
  visits: readonly Visit[];
  people: Map<string, Person>;
  value: string;
  onChange: (id: string) => void;
}) {
  const options = useMemo(
    () =>
      visits.map((v) => ({ id: v.id, label: `${visitTitle(people.get(v.travellerId), v.place)} (${formatVisitDates(v.start, v.end)})` })),
    [visits, people],
  );
  return (
    <Field label="Visit">
      <Combobox
        options={options}
        value={value}
        onChange={onChange}
        listLabel="Visits"
        placeholder="Type a traveller, place or date…"
        missingLabel="A visit that no longer exists"
      />
    </Field>
  );
}

/**
 * Reports: choose the visits (all, the Visits list's filters, or one visit), a format and a title,
 * and export. The selection lives in the URL (`?visit=<id>` or `?status=&country=&traveller=&from=&to=`,
 * the Visits list's own parameters), so a link can open this screen preselected.
 */
export function ReportsPage() {
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
  const { job, run, cancel } = useReportExport();
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
  const since = sinceChosen ?? (isValidDay(asOf) ? addDays(asOf, -BRIEF_DEFAULT_SINCE_DAYS) : '');
  const datesError = datesErrorOf(template, asOf, since);
  const formatError = formatErrorOf(template, format);
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

  function exportReport() {
    if (job || datesError || formatError) return;
    if (format === 'pdf') {
      const path = printViewPath({ template, selection, dossierVisitId, title: reportTitle, asOf, since });
      if (path) void navigate(path);
      return;
    }
    const expected = n ?? 0;
    void run(
      format,
      { phase: 'loading', done: 0, total: expected, large: expected > CHUNKED_THRESHOLD },
      (progress, signal) =>
        prepareReport({ template, format, selection, dossierVisitId, title: reportTitle, selectionLabel, asOf, since }, progress, signal),
      reportWording(template),
    );
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
          exportReport();
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

        <fieldset className="panel report-visits" aria-describedby={visitsLabel}>
          <legend>{template === 'dossier' ? 'Visit' : 'Visits'}</legend>
          {template !== 'dossier' && (
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
          )}

          {template !== 'dossier' && mode === 'filter' && (
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

          {(template === 'dossier' || mode === 'visit') && (
            <div className="toolbar report-filters report-visit">
              <VisitPicker
                visits={visitList}
                people={people}
                value={selection.visitId ?? ''}
                onChange={(id) => setSelection(id ? { visitId: id } : {})}
              />
              {dossierVisitId && oneVisit && <Link to={`/reports/dossier/${dossierVisitId}`}>Read the dossier on screen</Link>}
            </div>
          )}

          <p className="report-preview" id={visitsLabel} aria-live="polite">
            {template === 'dossier'
              ? !dossierVisitId
                ? 'Choose the visit the dossier is about.'
                : n === 0
                  ? 'This visit is no longer there: choose another.'
                  : `The dossier of ${oneVisit ? visitTitle(people.get(oneVisit.travellerId), oneVisit.place) : 'the chosen visit'}, with the earlier visits both ways`
              : count.error
                ? `The visits could not be counted: ${count.error.message}`
                : n === undefined
                  ? 'Counting visits…'
                  : `${selectionLabel}: ${n === 1 ? '1 visit' : `${n} visits`}`}
          </p>
        </fieldset>

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
          {job.large && <ReportProgressBar done={job.done} total={job.total} />}
          {(job.large || job.phase === 'writing') && (
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          )}
        </div>
      )}
    </section>
  );
}
