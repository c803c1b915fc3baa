import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { KnownPerson } from '../../../shared/extract/types';
import { describeStorageError, listPeople, type ArticleImportResult } from '../../db';
import type { Draft, Review } from './import-state';
import { InputStage } from './input-stage';
import { ReviewStage } from './review-stage';
import { defaultTitle, isHtmlInput, parsePublicationDate, rowsFromResult } from './review-model';
import { SavedStage } from './saved-stage';
import { useExtraction } from './use-extraction';

/** Where the page is: the article (input-stage.tsx), its review (review-stage.tsx), or what was saved (saved-stage.tsx). */
type Stage =
  { kind: 'input' } | { kind: 'review'; review: Review } | { kind: 'saved'; saved: ArticleImportResult; names: Record<string, string> };

interface PageState {
  draft: Draft;
  stage: Stage;
}

const EMPTY_DRAFT: Draft = { text: '', fileName: null, publishedOn: '', title: '', publisher: '', url: '' };

/**
 * What the page holds survives leaving the screen and coming back (the review is work the user
 * has done), for as long as the window is open. Nothing of it is in the database until saved.
 */
let kept: PageState = { draft: EMPTY_DRAFT, stage: { kind: 'input' } };

/** /import: paste or open an article, review the visits it reports, save the accepted ones. */
export function ImportPage() {
  const [state, setState] = useState<PageState>(kept);
  useEffect(() => {
    kept = state;
  }, [state]);
  const { draft, stage } = state;
  const setDraft = useCallback((patch: Partial<Draft>) => setState((s) => ({ ...s, draft: { ...s.draft, ...patch } })), []);
  const setStage = useCallback((next: Stage) => setState((s) => ({ ...s, stage: next })), []);
  const extraction = useExtraction();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);

  const findVisits = async () => {
    setError(null);
    setNotice(null);
    const text = draft.text;
    if (text.trim() === '') {
      setError('Paste the text of an article, or open a .txt or .html file, first.');
      textRef.current?.focus();
      return;
    }
    const date = parsePublicationDate(draft.publishedOn);
    if (!date.ok) {
      setDateError(date.error);
      return;
    }
    setDateError(null);
    let knownPeople: KnownPerson[] = [];
    try {
      knownPeople = (await listPeople()).map((p) => ({ id: p.id, name: p.name, aliases: p.aliases, country: p.country }));
    } catch (e) {
      // Matching known people is a help, not a requirement: read the article without it.
      setNotice(`Existing people could not be read (${describeStorageError(e)}); every traveller will be proposed as new.`);
    }
    const format = isHtmlInput(text, draft.fileName) ? 'html' : 'text';
    const outcome = await extraction.run({ format, input: text, publishedOn: date.value, knownPeople });
    if (!outcome.ok) {
      if ('cancelled' in outcome) setNotice('Stopped. Nothing was read; your text is still here.');
      else setError(`The article could not be read: ${outcome.error}`);
      return;
    }
    setState((s) => ({
      draft: { ...s.draft, title: s.draft.title.trim() ? s.draft.title : defaultTitle(outcome.result.text) },
      stage: {
        kind: 'review',
        review: {
          result: outcome.result,
          plainText: outcome.plainText,
          rawInput: text,
          rows: rowsFromResult(outcome.result),
          ms: outcome.ms,
          importAnyway: false,
        },
      },
    }));
  };

  return (
    <section className="import-page">
      <div className="page-head">
        <h1>Import</h1>
        <Link to="/import/dataset">Import a dataset (Office of the Historian)</Link>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="import-notice" role="status">
          {notice}
        </p>
      )}
      {stage.kind === 'input' && (
        <InputStage
          draft={draft}
          setDraft={setDraft}
          textRef={textRef}
          running={extraction.running}
          dateError={dateError}
          onFind={() => void findVisits()}
          onCancel={extraction.cancel}
          onError={setError}
        />
      )}
      {stage.kind === 'review' && (
        <ReviewStage
          draft={draft}
          setDraft={setDraft}
          review={stage.review}
          setReview={(review) => setStage({ kind: 'review', review })}
          onBack={() => {
            setError(null);
            setStage({ kind: 'input' });
          }}
          onSaved={(saved, names) => {
            setError(null);
            setStage({ kind: 'saved', saved, names });
          }}
        />
      )}
      {stage.kind === 'saved' && (
        <SavedStage
          saved={stage.saved}
          names={stage.names}
          onAnother={() => {
            setError(null);
            setNotice(null);
            setState({ draft: EMPTY_DRAFT, stage: { kind: 'input' } });
          }}
        />
      )}
    </section>
  );
}
