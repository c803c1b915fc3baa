import { useEffect, useState, type DragEvent, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { encodingProblem, sniffEncoding } from '../../../shared/text/encoding';
import { bridge } from '../../bridge';
import { Field } from '../../components';
import type { Draft, SetDraft } from './import-state';
import { isHtmlInput, urlError } from './review-model';

/** Largest article file the page reads (a long web page is well under 1 MB). */
const MAX_ARTICLE_BYTES = 10 * 1024 * 1024;
const EXTENSIONS = ['txt', 'html', 'htm'];

/** A size as the box and the progress line give it: "1 KB" at least, "1.2 MB" past a megabyte. */
function kb(n: number): string {
  return n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Whole seconds since `running` turned true (0 when not running), for the progress line. */
function useElapsed(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    const began = performance.now();
    const t = setInterval(() => setSeconds(Math.floor((performance.now() - began) / 1000)), 250);
    return () => {
      clearInterval(t);
      setSeconds(0);
    };
  }, [running]);
  return seconds;
}

/** The first stage of /import: the article (pasted, dropped or chosen) and its source details, then "Find visits". */
export function InputStage({
  draft,
  setDraft,
  textRef,
  running,
  dateError,
  onFind,
  onCancel,
  onError,
}: {
  draft: Draft;
  setDraft: SetDraft;
  textRef: RefObject<HTMLTextAreaElement | null>;
  running: boolean;
  dateError: string | null;
  onFind: () => void;
  onCancel: () => void;
  onError: (message: string | null) => void;
}) {
  const elapsed = useElapsed(running);
  const [dragging, setDragging] = useState(false);
  const urlProblem = urlError(draft.url);

  const takeFile = (fileName: string, text: string) => {
    onError(null);
    setDraft({ text, fileName });
    textRef.current?.focus();
  };

  const chooseFile = async () => {
    try {
      const reply = await bridge.openFile({ filterName: 'Articles', extensions: EXTENSIONS, maxBytes: MAX_ARTICLE_BYTES });
      if (reply.status === 'opened') takeFile(reply.fileName, reply.text);
      else if (reply.status === 'refused') onError(reply.message);
    } catch (e) {
      onError(`The file could not be opened: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    if (running) return;
    const files = [...e.dataTransfer.files];
    const file = files[0];
    if (!file) return;
    if (files.length > 1) return onError('Drop one file at a time.');
    if (!/\.(txt|html?)$/i.test(file.name))
      return onError(`${file.name} is not a .txt or .html file: only text and web pages can be read.`);
    if (file.size > MAX_ARTICLE_BYTES)
      return onError(`${file.name} is ${kb(file.size)}; the limit is ${kb(MAX_ARTICLE_BYTES)}. It was not read.`);
    file.arrayBuffer().then(
      (buffer) => {
        // Refused in the same words as a file chosen with the button (the bridge) or given to the CLI.
        const bytes = new Uint8Array(buffer);
        const problem = encodingProblem(file.name, sniffEncoding(bytes));
        if (problem) onError(problem);
        else takeFile(file.name, new TextDecoder('utf-8').decode(bytes));
      },
      (err: unknown) => onError(`${file.name} could not be read: ${err instanceof Error ? err.message : String(err)}`),
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!running) onFind();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      if (!running) onFind();
    }
  };

  const html = isHtmlInput(draft.text, draft.fileName);
  return (
    <form className="import-form" aria-label="Article to import" onSubmit={submit} noValidate>
      <p className="muted">
        Paste a news article or open a .txt or .html file. Legation proposes the visits the article reports; you review them, and nothing is
        saved until you accept.
      </p>
      <div
        className={`import-drop${dragging ? ' import-drop-active' : ''}`}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) {
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
            setDragging(true);
          }
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <Field
          label="Article text"
          hint={
            draft.fileName
              ? `From ${draft.fileName} (${kb(new Blob([draft.text]).size)}${html ? ', a web page: its text is read' : ''}).`
              : 'Ctrl+Enter finds the visits.'
          }
        >
          <textarea
            ref={textRef}
            rows={14}
            value={draft.text}
            readOnly={running}
            spellCheck={false}
            onKeyDown={onKeyDown}
            onChange={(e) => setDraft({ text: e.target.value, fileName: null })}
            placeholder="Paste the article here, or drop a .txt or .html file on this box"
          />
        </Field>
        <div className="import-drop-line">
          <span className="muted">Drop a .txt or .html file here, or</span>
          <button type="button" onClick={() => void chooseFile()} disabled={running}>
            Choose file…
          </button>
        </div>
      </div>
      <div className="form-grid import-details">
        <Field
          label="Publication date"
          error={dateError ?? undefined}
          hint="Relative dates (“on Tuesday”, “next week”) are read from this day. Leave empty to use a date line in the text."
        >
          <input type="date" value={draft.publishedOn} onChange={(e) => setDraft({ publishedOn: e.target.value })} disabled={running} />
        </Field>
        <Field label="Title" hint="Leave empty to use the first line of the article.">
          <input value={draft.title} onChange={(e) => setDraft({ title: e.target.value })} disabled={running} />
        </Field>
        <Field label="Publisher">
          <input
            value={draft.publisher}
            onChange={(e) => setDraft({ publisher: e.target.value })}
            placeholder="e.g. Reuters"
            disabled={running}
          />
        </Field>
        <Field label="URL" error={urlProblem ?? undefined}>
          <input
            type="url"
            value={draft.url}
            onChange={(e) => setDraft({ url: e.target.value })}
            placeholder="https://…"
            disabled={running}
          />
        </Field>
      </div>
      {running ? (
        <div className="import-progress" role="status">
          <progress aria-label="Reading the article" />
          <span>
            Reading the article…{elapsed > 0 ? ` ${elapsed} s` : ''} ({kb(new Blob([draft.text]).size)})
          </span>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      ) : (
        <div className="form-actions">
          <button type="submit" className="primary">
            Find visits
          </button>
          {draft.text !== '' && (
            <button type="button" onClick={() => setDraft({ text: '', fileName: null })}>
              Clear text
            </button>
          )}
        </div>
      )}
    </form>
  );
}
