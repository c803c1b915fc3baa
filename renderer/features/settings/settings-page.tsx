import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import type { AppInfo } from '../../../shared/bridge';
import { MAX_FILE_BYTES } from '../../../shared/bridge';
import { localTimeLabel, localToday } from '../../../shared/model';
import { bridge } from '../../bridge';
import { Dialog, useToast } from '../../components';
import { exportBackupText, parseBackup, restoreBackup, type BackupParseResult } from '../../db';
import { THEME_PREFERENCES, type ThemePreference } from '../../app/theme';
import { useThemePreference } from '../../app/use-theme';

type ParsedOk = Extract<BackupParseResult, { ok: true }>;

const TABLE_LABELS: Record<string, [string, string]> = {
  visits: ['visit', 'visits'],
  people: ['person', 'people'],
  sources: ['source', 'sources'],
  meetings: ['meeting', 'meetings'],
  events: ['event', 'events'],
  evidence: ['evidence quote', 'evidence quotes'],
  notes: ['note', 'notes'],
};
const ORDER = ['visits', 'people', 'sources', 'meetings', 'events', 'evidence', 'notes'];

function countsSentence(counts: Record<string, number>): string {
  return ORDER.filter((k) => k in counts)
    .map((k) => {
      const n = counts[k] ?? 0;
      const [one, many] = TABLE_LABELS[k] ?? [k, k];
      return `${n} ${n === 1 ? one : many}`;
    })
    .join(', ');
}

function sentenceCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function CountsTable({ counts, label }: { counts: Record<string, number>; label: string }) {
  return (
    <table aria-label={label} className="counts">
      <tbody>
        {ORDER.filter((k) => k in counts).map((k) => (
          <tr key={k}>
            <th scope="row">{sentenceCase(TABLE_LABELS[k]?.[1] ?? k)}</th>
            <td className="num">{counts[k]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function useStorageInfo() {
  const [info, setInfo] = useState<{ persistent: boolean | null; usage: number | null; quota: number | null }>({
    persistent: null,
    usage: null,
    quota: null,
  });
  useEffect(() => {
    let live = true;
    const storage = navigator.storage as StorageManager | undefined;
    void Promise.all([storage?.persisted?.().catch(() => null) ?? null, storage?.estimate?.().catch(() => null) ?? null]).then(
      ([persistent, estimate]) => {
        if (live) setInfo({ persistent, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return info;
}

function megabytes(n: number): string {
  return n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GB` : `${(n / 1024 ** 2).toFixed(1)} MB`;
}

const THEME_LABELS: Record<ThemePreference, string> = { system: 'Same as the system', light: 'Light', dark: 'Dark' };

/** Theme: follow the system, or pin light or dark (remembered; every window follows at once). */
function ThemeSettings() {
  const toast = useToast();
  const { preference, setPreference, loaded } = useThemePreference();
  return (
    <section className="panel" aria-labelledby="theme-h">
      <h2 id="theme-h">Appearance</h2>
      <fieldset className="theme-choice" disabled={!loaded}>
        <legend>Theme</legend>
        {THEME_PREFERENCES.map((p) => (
          <label key={p}>
            <input
              type="radio"
              name="theme"
              value={p}
              checked={preference === p}
              onChange={() => void setPreference(p).catch((e: unknown) => toast.fail(e))}
            />
            {THEME_LABELS[p]}
          </label>
        ))}
      </fieldset>
    </section>
  );
}

/** Settings: appearance, backup and restore of all data, and what is running. */
export function SettingsPage() {
  const toast = useToast();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const [app, setApp] = useState<AppInfo | null>(null);
  const storage = useStorageInfo();
  const [busy, setBusy] = useState<null | 'export' | 'open' | 'restore' | 'restore-writing'>(null);
  const [problems, setProblems] = useState<{ fileName: string; errors: string[] } | null>(null);
  const [candidate, setCandidate] = useState<{ fileName: string; parsed: ParsedOk } | null>(null);
  // The modal dialog covers the toasts: the export made from inside it reports here too.
  const [lastExport, setLastExport] = useState<string | null>(null);
  const restoreButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    bridge.appInfo().then(
      (info) => live && setApp(info),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const onExport = useCallback(async () => {
    setBusy('export');
    try {
      const info = await bridge.appInfo();
      const { text, counts } = await exportBackupText(info.version);
      const reply = await bridge.saveFile({
        suggestedName: `legation-backup-${localToday()}.json`,
        filterName: 'Legation backup',
        extensions: ['json'],
        content: text,
      });
      if (reply.status === 'saved') {
        const message = `Backup saved as ${reply.fileName}: ${countsSentence(counts)}.`;
        setLastExport(message);
        toast.notify(message);
      }
    } catch (e) {
      toast.fail(e);
    } finally {
      setBusy(null);
    }
  }, [toast]);

  const onChooseBackup = useCallback(async () => {
    setProblems(null);
    setCandidate(null);
    setLastExport(null);
    setBusy('open');
    try {
      const reply = await bridge.openFile({ filterName: 'Legation backup', extensions: ['json'], maxBytes: MAX_FILE_BYTES });
      if (reply.status === 'cancelled') return;
      if (reply.status === 'refused') {
        setProblems({ fileName: reply.fileName, errors: [reply.message] });
        return;
      }
      const parsed = parseBackup(reply.text);
      if (!parsed.ok) setProblems({ fileName: reply.fileName, errors: parsed.errors });
      else setCandidate({ fileName: reply.fileName, parsed });
    } catch (e) {
      toast.fail(e);
    } finally {
      setBusy(null);
    }
  }, [toast]);

  const onConfirmRestore = async () => {
    if (!candidate) return;
    setBusy('restore');
    try {
      await restoreBackup(candidate.parsed, { fileName: candidate.fileName, onWriting: () => setBusy('restore-writing') });
      toast.notify(`Restored ${candidate.fileName}: ${countsSentence(candidate.parsed.counts)}.`);
      setCandidate(null);
    } catch (e) {
      // All or nothing: a failed restore changed nothing.
      toast.fail(e);
    } finally {
      setBusy(null);
    }
  };

  // The application menu opens /settings?action=export|restore: act once per arrival, then drop
  // the parameter so going back or re-rendering does not repeat it.
  const handled = useRef<string | null>(null);
  const action = params.get('action');
  useEffect(() => {
    if (!action || handled.current === location.key) return;
    handled.current = location.key;
    setParams(
      (p) => {
        p.delete('action');
        return p;
      },
      { replace: true },
    );
    // Run after this effect: the action itself updates state (busy, results).
    queueMicrotask(() => {
      if (action === 'export') void onExport();
      if (action === 'restore') {
        // A browser shows a file chooser only after a click; the desktop app can open its dialog.
        if (bridge.runtime === 'electron' || navigator.userActivation?.isActive) void onChooseBackup();
        else restoreButton.current?.focus();
      }
    });
  }, [action, location.key, setParams, onExport, onChooseBackup]);

  return (
    <section className="settings">
      <h1>Settings</h1>

      <ThemeSettings />

      <section className="panel" aria-labelledby="backup-h">
        <h2 id="backup-h">Backup</h2>
        <p>
          A backup is one file with all your visits, people, sources, evidence and notes. Keep one before big changes and before restoring.
        </p>
        <div className="button-row">
          <button type="button" className="primary" onClick={() => void onExport()} disabled={busy !== null}>
            {busy === 'export' ? 'Exporting…' : 'Export backup'}
          </button>
          <button type="button" ref={restoreButton} onClick={() => void onChooseBackup()} disabled={busy !== null}>
            Restore backup
          </button>
        </div>
        {problems && (
          <div className="backup-problems" role="alert" aria-labelledby="problems-h">
            <h3 id="problems-h">This backup was not restored</h3>
            <p>
              <strong>{problems.fileName}</strong> cannot be used; nothing was changed. The problems found:
            </p>
            <ul>
              {problems.errors.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
            <button type="button" onClick={() => setProblems(null)}>
              Dismiss
            </button>
          </div>
        )}
      </section>

      <Dialog
        title="Replace all data with this backup?"
        open={candidate !== null}
        onClose={() => busy !== 'restore' && busy !== 'restore-writing' && setCandidate(null)}
      >
        {candidate && (
          <div className="restore-confirm">
            <p>
              <strong>{candidate.fileName}</strong>
              {candidate.parsed.backup.exportedAt && <> was exported on {localTimeLabel(candidate.parsed.backup.exportedAt)}</>}
              {candidate.parsed.backup.app.version && <> by Legation {candidate.parsed.backup.app.version}</>}. It contains:
            </p>
            <CountsTable counts={candidate.parsed.counts} label="Backup contents" />
            <p className="warning">
              Restoring replaces <strong>everything</strong> now in Legation with this backup; undo cannot bring the current data back. If
              you may want it later, export a backup first.
            </p>
            {lastExport && (
              <p className="export-done" role="status">
                {lastExport}
              </p>
            )}
            <div className="button-row">
              <button type="button" onClick={() => void onExport()} disabled={busy !== null}>
                Export current data first
              </button>
              <button type="button" className="danger" onClick={() => void onConfirmRestore()} disabled={busy !== null}>
                {busy === 'restore' ? 'Restoring…' : busy === 'restore-writing' ? 'Writing the backup…' : 'Replace all data'}
              </button>
              <button type="button" onClick={() => setCandidate(null)} disabled={busy === 'restore' || busy === 'restore-writing'}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </Dialog>

      <section className="panel" aria-labelledby="about-h">
        <h2 id="about-h">About</h2>
        <dl className="facts">
          <dt>Application</dt>
          <dd>{app ? `${app.name} ${app.version}` : '…'}</dd>
          <dt>Running as</dt>
          <dd>{app ? `${app.runtime === 'electron' ? 'Desktop app' : 'Web browser'} (${app.platform})` : '…'}</dd>
          <dt>Storage</dt>
          <dd>
            {storage.persistent === null
              ? 'unknown'
              : storage.persistent
                ? 'Persistent: the system will not clear your data to free space.'
                : 'Not persistent: under storage pressure the system may clear it. Export backups regularly.'}
            {storage.usage !== null && storage.quota !== null && (
              <span className="muted">
                {' '}
                Using {megabytes(storage.usage)} of {megabytes(storage.quota)} available.
              </span>
            )}
          </dd>
        </dl>
      </section>
    </section>
  );
}
