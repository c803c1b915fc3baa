import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { BUNDLED_HSG, HSG_IMPORT_TIMESTAMP, type HsgCounts } from '../../../shared/importers';
import { localTimeLabel } from '../../../shared/model';
import { useToast } from '../../components';
import {
  canResume,
  describeStorageError,
  fingerprintFiles,
  lastDatasetImport,
  datasetDatabaseName,
  datasetImportUndo,
  pushUndo,
  undoDatasetImport,
  useQuery,
  type DatasetImportRun,
  type DatasetSaveResult,
  type DatasetTable,
} from '../../db';
import { loadBundledHsg } from './bundled-hsg';
import { DatasetImportCancelled, startDatasetImport, type DatasetImportTask } from './dataset-import-client';
import type { ParseStage } from './hsg.worker';

const META_KEY = 'import:hsg';
const LABEL = 'Office of the Historian data';

const number = new Intl.NumberFormat('en');

/** A file to import and the name it goes by (with its folder when a folder was picked). */
interface Picked {
  name: string;
  file: File;
}
const picked = (f: File): Picked => ({ name: f.webkitRelativePath || f.name, file: f });
const fmt = (n: number) => number.format(n);

function plural(n: number, one: string, many: string): string {
  return `${fmt(n)} ${n === 1 ? one : many}`;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

interface Summary {
  save: DatasetSaveResult | null;
  counts: HsgCounts;
  warnings: string[];
  errors: string[];
  /** Files picked that are not XML (a whole folder brings schemas and READMEs). */
  notXml: number;
  parseMs: number;
  saveMs: number;
  /** Set when saving failed part-way. */
  failure: string | null;
}

type Phase =
  | { kind: 'idle'; note: string | null }
  | { kind: 'parsing'; done: number; total: number; files: number; stage?: ParseStage }
  /** `done` committed (what the text says), `writing` more of the batch in hand written (the bar moves with them). */
  | { kind: 'saving'; done: number; total: number; stopping: boolean; writing?: number }
  | { kind: 'done'; summary: Summary };

const TABLE_ROWS: { key: DatasetTable; label: string }[] = [
  { key: 'visits', label: 'Visits' },
  { key: 'people', label: 'People' },
  { key: 'sources', label: 'Sources' },
];

function LastRun({ run, onResume, busy }: { run: DatasetImportRun; onResume: () => void; busy: boolean }) {
  const when = localTimeLabel(run.finishedAt ?? run.startedAt);
  const created = run.counts.created;
  const total = run.offered.sources + run.offered.people + run.offered.visits;
  if (run.state === 'finished') {
    return (
      <p className="muted">
        Last import: {when}, {plural(created.visits, 'visit', 'visits')} and {plural(created.people, 'person', 'people')} created.
      </p>
    );
  }
  const how = run.state === 'running' ? 'was cut off (the app closed while saving)' : run.state === 'failed' ? 'failed' : 'was stopped';
  if (canResume(run)) {
    const names = run.fileNames ?? [];
    const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ` and ${plural(names.length - 3, 'other', 'others')}` : '');
    return (
      <div className="dataset-last-warning dataset-resume" role="region" aria-label="Unfinished import">
        <p>
          The import of {plural(run.files, 'file', 'files')} ({when}) {how}: it stopped at {fmt(run.done)} of {fmt(run.total)} records.
          Everything up to there is saved, in whole batches.
        </p>
        <p className="muted">Resume asks for the same files again{shown ? ` (${shown})` : ''}, checks they are unchanged, and continues.</p>
        <div className="button-row">
          <button type="button" className="primary" onClick={onResume} disabled={busy}>
            Resume…
          </button>
        </div>
      </div>
    );
  }
  return (
    <p className="dataset-last-warning">
      The last import ({when}) {how} after saving {fmt(run.done)} of {fmt(total)} records. Import the same files again to complete it: what
      was saved is recognised and skipped.
    </p>
  );
}

function ProgressView({
  label,
  done,
  total,
  onCancel,
  stopping,
}: {
  label: string;
  done: number;
  total: number;
  onCancel: () => void;
  stopping: boolean;
}) {
  const pct = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <section className="panel dataset-progress" aria-labelledby="dataset-progress-label">
      <p id="dataset-progress-label" className="dataset-progress-label">
        {label}
      </p>
      <div
        className="dataset-progress-track"
        role="progressbar"
        aria-labelledby="dataset-progress-label"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${pct}%`}
      >
        <div className="dataset-progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <div className="button-row">
        <button type="button" onClick={onCancel} disabled={stopping}>
          {stopping ? 'Stopping after this batch…' : 'Cancel'}
        </button>
      </div>
    </section>
  );
}

function SummaryView({
  summary,
  onUndo,
  onAgain,
  undoing,
}: {
  summary: Summary;
  onUndo: () => void;
  onAgain: () => void;
  undoing: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { save, counts } = summary;
  const run = save?.run ?? null;
  const createdTotal = run ? run.counts.created.visits + run.counts.created.people + run.counts.created.sources : 0;
  const title = summary.failure
    ? 'Import failed part-way'
    : run?.state === 'interrupted'
      ? 'Import stopped'
      : counts.records === 0
        ? 'Nothing imported'
        : 'Import finished';
  return (
    <section className="panel dataset-summary" aria-labelledby="dataset-summary-heading">
      <h2 id="dataset-summary-heading" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {summary.failure && (
        <p role="alert" className="form-error">
          Saving stopped: {summary.failure} What was saved before stays; import the same files again to complete it.
        </p>
      )}
      {run?.resumedFrom !== undefined && (
        <p>
          Resumed: the first {fmt(run.resumedFrom)} records were saved by the earlier run and were not read again; the counts include them.
          Undo removes what this run created.
        </p>
      )}
      {run?.state === 'interrupted' && (
        <p>
          Stopped after saving {fmt(run.done)} of {fmt(run.offered.sources + run.offered.people + run.offered.visits)} records. Import the
          same files again to complete it: what was saved is recognised and skipped.
        </p>
      )}
      <p>
        Read {plural(counts.files, 'file', 'files')} with {plural(counts.records, 'record', 'records')} (
        {plural(counts.visitRecords, 'visit by a foreign leader', 'visits by foreign leaders')},{' '}
        {plural(counts.tripRecords, 'trip abroad', 'trips abroad')}) in {seconds(summary.parseMs)}
        {save ? `; saved in ${seconds(summary.saveMs)}` : ''}.
        {counts.multiLegRecords > 0 &&
          ` ${plural(counts.multiLegRecords, 'trip went', 'trips went')} to several places: each place is its own visit, grouped as one tour.`}
        {counts.recordsSkipped > 0 && ` ${plural(counts.recordsSkipped, 'record was', 'records were')} skipped (see the warnings).`}
        {summary.notXml > 0 &&
          ` ${plural(summary.notXml, 'chosen file is', 'chosen files are')} not XML and ${summary.notXml === 1 ? 'was' : 'were'} left aside.`}
      </p>
      {run && (
        <table className="counts dataset-counts" aria-label="Imported records">
          <thead>
            <tr>
              <th scope="col">Records</th>
              <th scope="col" className="num">
                Created
              </th>
              <th scope="col" className="num">
                Already present
              </th>
              <th scope="col" className="num">
                Updated
              </th>
            </tr>
          </thead>
          <tbody>
            {TABLE_ROWS.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td className="num">{fmt(run.counts.created[r.key])}</td>
                <td className="num">{fmt(run.counts.present[r.key])}</td>
                <td className="num">{fmt(run.counts.updated[r.key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {run && (run.linkedPeople ?? 0) + (run.possibleDuplicates ?? 0) > 0 && (
        <p className="dataset-people-matched">
          {(run.linkedPeople ?? 0) > 0 &&
            `${plural(run.linkedPeople ?? 0, 'person of the data set is', 'people of the data set are')} already recorded: their visits were linked to them, not to a copy. `}
          {(run.possibleDuplicates ?? 0) > 0 && (
            <>
              {plural(run.possibleDuplicates ?? 0, 'person', 'people')} may be someone already recorded (a spelling differs): see{' '}
              <Link to="/people">People → Possible duplicates</Link>.
            </>
          )}
        </p>
      )}
      {run && run.counts.present.visits + run.counts.present.people > 0 && (
        <p className="muted">
          Records already present were left as they are (including any you edited or deleted); only records still exactly as an earlier
          import left them are updated.
        </p>
      )}
      {summary.errors.length > 0 && (
        <div role="alert" className="dataset-errors">
          <h3>{plural(summary.errors.length, 'file was', 'files were')} not imported</h3>
          <ul>
            {summary.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {summary.warnings.length > 0 && (
        <details className="dataset-warnings">
          <summary>{plural(summary.warnings.length, 'warning', 'warnings')}</summary>
          <ul>
            {summary.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
      <div className="button-row">
        {run && run.counts.created.visits + run.counts.present.visits > 0 && (
          <Link className="button primary" to="/visits?q=hsg">
            See the imported visits
          </Link>
        )}
        <Link className="button" to="/reconcile">
          Match with planned visits (Reconcile)
        </Link>
        <button type="button" onClick={onAgain}>
          Import more files
        </button>
        {createdTotal > 0 && (
          <button type="button" onClick={onUndo} disabled={undoing}>
            {undoing ? 'Undoing…' : 'Undo this import'}
          </button>
        )}
      </div>
    </section>
  );
}

/**
 * Import a dataset: the U.S. Office of the Historian's records of foreign leaders' visits and of
 * the president's and secretary of state's trips abroad. Files are read and converted in a worker
 * (the page stays responsive), then saved in batches with progress; both steps can be cancelled.
 */
export function DatasetImportPage() {
  const toast = useToast();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle', note: null });
  const [undoing, setUndoing] = useState(false);
  const task = useRef<DatasetImportTask | null>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const resumeInput = useRef<HTMLInputElement>(null);
  /** The cut-off run the next pick resumes (set by "Resume…", cleared by any pick). */
  const resuming = useRef<DatasetImportRun | null>(null);
  /** Bumped by each start and by Cancel: a start that finds it changed after an await gives up. */
  const attempts = useRef(0);
  const lastRun = useQuery(() => lastDatasetImport(META_KEY), []);

  // Leaving the page stops the work: the worker is ended, saving stops after its current batch.
  useEffect(
    () => () => {
      task.current?.end();
    },
    [],
  );

  const start = useCallback(async (chosen: Picked[], resume: DatasetImportRun | null) => {
    // Sorted by name: the same files give the same record list, whichever way they were picked.
    const xml = chosen.filter((f) => f.file.name.toLowerCase().endsWith('.xml')).sort((a, b) => a.name.localeCompare(b.name));
    const notXml = chosen.length - xml.length;
    if (xml.length === 0) {
      setPhase({
        kind: 'idle',
        note: chosen.length ? 'None of the chosen files is an XML file. Choose files from the data set’s visits or travels folders.' : null,
      });
      return;
    }
    const attempt = ++attempts.current;
    setPhase({ kind: 'parsing', done: 0, total: 0, files: xml.length });
    let fingerprint: string;
    try {
      fingerprint = await fingerprintFiles(await Promise.all(xml.map((f) => f.file.arrayBuffer())));
      if (attempt !== attempts.current) return; // cancelled meanwhile
    } catch (e) {
      setPhase({ kind: 'idle', note: `The chosen files could not be read: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    if (resume && resume.fingerprint !== fingerprint) {
      setPhase({
        kind: 'idle',
        note:
          `These are not the files of the unfinished import (it read ${plural(resume.files, 'file', 'files')}; ` +
          `${plural(xml.length, 'XML file was', 'XML files were')} chosen now, or their contents changed). Nothing was saved. ` +
          'Choose the same files to resume it, or use “Choose files…” to import these.',
      });
      return;
    }
    task.current?.cancel();
    setPhase({ kind: 'parsing', done: 0, total: 0, files: xml.length });
    let current: DatasetImportTask;
    try {
      current = startDatasetImport(
        xml,
        {
          dbName: datasetDatabaseName(),
          metaKey: META_KEY,
          label: LABEL,
          importedAt: HSG_IMPORT_TIMESTAMP,
          fingerprint,
          fileNames: xml.map((f) => f.name),
          resume,
        },
        {
          onParseProgress: (done, total, stage) => setPhase({ kind: 'parsing', done, total, files: xml.length, stage }),
          onParsed: (summary) => {
            if (summary.records > 0) setPhase({ kind: 'saving', done: 0, total: summary.records, stopping: false });
          },
          onSaveProgress: (done, total, writing) =>
            setPhase((p) =>
              p.kind === 'saving' ? { ...p, done, total, writing } : { kind: 'saving', done, total, writing, stopping: false },
            ),
        },
      );
    } catch (e) {
      setPhase({ kind: 'idle', note: `The importer could not start: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    task.current = current;
    current.done.then(
      (outcome) => {
        if (task.current === current) task.current = null;
        const { summary, save } = outcome;
        // The worker has no undo stack: the window keeps the way back (Ctrl/Cmd+Z and the Undo button).
        if (save && save.created.sources.length + save.created.people.length + save.created.visits.length > 0)
          pushUndo(datasetImportUndo(LABEL, save.created, HSG_IMPORT_TIMESTAMP));
        setPhase({
          kind: 'done',
          summary: {
            save,
            counts: summary.counts,
            warnings: summary.warnings,
            errors: summary.errors,
            notXml,
            parseMs: outcome.parseMs,
            saveMs: outcome.saveMs,
            failure: outcome.failure ? describeStorageError(outcome.failure) : null,
          },
        });
      },
      (e: unknown) => {
        if (task.current === current) task.current = null;
        if (e instanceof DatasetImportCancelled) return;
        setPhase({ kind: 'idle', note: `The files could not be imported: ${e instanceof Error ? e.message : String(e)}` });
      },
    );
  }, []);

  const onPick = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])].map(picked);
    // Clear the input so that choosing the same files again (a re-import) fires a change too.
    e.target.value = '';
    const resume = resuming.current;
    resuming.current = null;
    void start(files, resume);
  };

  /** The copy that ships with the app, through the same importer, progress and undo as picked files. */
  const readBundled = async (): Promise<Picked[] | null> => {
    const attempt = ++attempts.current;
    setPhase({ kind: 'parsing', done: 0, total: 0, files: BUNDLED_HSG.files });
    try {
      const files = await loadBundledHsg();
      return attempt === attempts.current ? files : null;
    } catch (e) {
      if (attempt === attempts.current) setPhase({ kind: 'idle', note: e instanceof Error ? e.message : String(e) });
      return null;
    }
  };

  const onBundled = async () => {
    const files = await readBundled();
    if (files) await start(files, null);
  };

  // Opened by the first-launch banner's "Load the Office of the Historian records": start the
  // bundled import at once, once (the state is cleared, so a reload or Back does not start it again).
  const location = useLocation();
  const navigate = useNavigate();
  const loadBundled = (location.state as { loadBundled?: unknown } | null)?.loadBundled === true;
  const latestOnBundled = useRef(onBundled);
  useEffect(() => {
    latestOnBundled.current = onBundled;
  });
  useEffect(() => {
    if (!loadBundled) return;
    void navigate('.', { replace: true, state: null });
    void latestOnBundled.current();
  }, [loadBundled, navigate]);

  const onResume = async () => {
    const run = lastRun.data;
    if (!canResume(run)) return;
    // A run of the bundled copy resumes from it; any other asks for the same files again.
    if (run.fileNames?.length === BUNDLED_HSG.files) {
      const files = await readBundled();
      if (!files) return;
      if ((await fingerprintFiles(await Promise.all(files.map((f) => f.file.arrayBuffer())))) === run.fingerprint) {
        await start(files, run);
        return;
      }
      setPhase({ kind: 'idle', note: null });
    }
    resuming.current = run;
    resumeInput.current?.click();
  };

  const onCancel = () => {
    if (phase.kind === 'parsing') {
      attempts.current++;
      task.current?.cancel();
      task.current = null;
      setPhase({ kind: 'idle', note: 'Import cancelled while reading the files; nothing was saved.' });
    } else if (phase.kind === 'saving') {
      task.current?.stop();
      setPhase({ ...phase, stopping: true });
    }
  };

  const onUndo = async () => {
    if (phase.kind !== 'done' || !phase.summary.save) return;
    setUndoing(true);
    try {
      const removed = await undoDatasetImport(phase.summary.save.created, HSG_IMPORT_TIMESTAMP);
      toast.notify(`Import undone: ${plural(removed, 'record', 'records')} removed.`);
      setPhase({ kind: 'idle', note: null });
    } catch (e) {
      toast.fail(e);
    } finally {
      setUndoing(false);
    }
  };

  const busy = phase.kind === 'parsing' || phase.kind === 'saving';

  return (
    <div className="dataset-import">
      <p className="crumbs">
        <Link to="/import">Import</Link>
      </p>
      <h1>Import a dataset</h1>
      <section className="panel dataset-intro">
        <p>
          The U.S. Department of State’s <strong>Office of the Historian</strong> publishes, in the public domain, records of{' '}
          <strong>visits by foreign leaders</strong> to the United States since 1874 and of the <strong>trips abroad</strong> of U.S.
          presidents and secretaries of state. Each record becomes a completed visit with its dates, its traveller (titles kept as roles)
          and its remarks, citing the data set as its source; a trip to several cities becomes one visit per city, grouped as a tour.
        </p>
        <p className="muted">
          Legation ships with a copy of the whole data set ({fmt(BUNDLED_HSG.visits)} visits). To import a newer download, choose the XML
          files from its <code>visits</code>, <code>travels/president-travels</code> and <code>travels/secretary-travels</code> folders, or
          the whole folder. Importing the same files again creates nothing new, and never changes records you have edited.
        </p>
        <div className="button-row">
          <button type="button" className="primary" onClick={() => void onBundled()} disabled={busy}>
            {BUNDLED_HSG.label}, {fmt(BUNDLED_HSG.visits)} visits
          </button>
          <button type="button" onClick={() => filesInput.current?.click()} disabled={busy}>
            Choose files…
          </button>
          <button type="button" onClick={() => folderInput.current?.click()} disabled={busy}>
            Choose a folder…
          </button>
        </div>
        <input
          ref={filesInput}
          className="visually-hidden"
          type="file"
          multiple
          accept=".xml,application/xml,text/xml"
          aria-label="XML files to import"
          tabIndex={-1}
          onChange={onPick}
        />
        <input
          ref={folderInput}
          className="visually-hidden"
          type="file"
          multiple
          // A folder pick (Chromium and Electron); React does not know the attribute, hence the spread.
          {...{ webkitdirectory: '' }}
          aria-label="Folder to import"
          tabIndex={-1}
          onChange={onPick}
        />
        {phase.kind === 'idle' && phase.note && (
          <p role="status" className="dataset-note">
            {phase.note}
          </p>
        )}
        <input
          ref={resumeInput}
          className="visually-hidden"
          type="file"
          multiple
          accept=".xml,application/xml,text/xml"
          aria-label="The same XML files, to resume"
          tabIndex={-1}
          onChange={onPick}
        />
        {phase.kind === 'idle' && lastRun.data && <LastRun run={lastRun.data} onResume={() => void onResume()} busy={busy} />}
      </section>
      {phase.kind === 'parsing' && (
        <ProgressView
          label={
            phase.total === 0
              ? `Reading ${plural(phase.files, 'file', 'files')}…`
              : phase.stage === 'loading'
                ? `Reading ${fmt(phase.done)} of ${plural(phase.total, 'file', 'files')}…`
                : phase.stage === 'building'
                  ? `Making visits from ${fmt(phase.done)} of ${fmt(phase.total)} records…`
                  : phase.stage === 'checking'
                    ? `Checking ${fmt(phase.done)} of ${fmt(phase.total)} records…`
                    : `Parsing ${fmt(phase.done)} of ${fmt(phase.total)} records…`
          }
          done={phase.done}
          total={phase.total}
          onCancel={onCancel}
          stopping={false}
        />
      )}
      {phase.kind === 'saving' && (
        <ProgressView
          label={`Saving… ${fmt(phase.done)} of ${fmt(phase.total)} records`}
          done={phase.done + (phase.writing ?? 0)}
          total={phase.total}
          onCancel={onCancel}
          stopping={phase.stopping}
        />
      )}
      {phase.kind === 'done' && (
        <SummaryView
          summary={phase.summary}
          undoing={undoing}
          onUndo={() => void onUndo()}
          onAgain={() => setPhase({ kind: 'idle', note: null })}
        />
      )}
    </div>
  );
}
