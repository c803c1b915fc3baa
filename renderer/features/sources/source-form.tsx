import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { Link, useNavigate } from 'react-router';
import { applyFieldMerge, mergeFields, type FieldMerge } from '../../../shared/merge';
import { countryName } from '../../../shared/places';
import type { Source } from '../../../shared/model';
import { CountryCombobox, Field, FieldConflictPanel, useToast, type ConflictChoices, type ConflictRow } from '../../components';
import { ConflictError, createSource, describeStorageError, updateSource, ValidationError } from '../../db';
import { sourceFormState, validateSourceForm, type SourceFormState } from './source-draft';

/** The fields the details editor saves (the text itself never changes), with their labels. */
type DetailField = 'title' | 'publisher' | 'url' | 'publishedOn' | 'datelineCountry' | 'datelineCity';
const DETAIL_LABELS: Record<DetailField, string> = {
  title: 'Title',
  publisher: 'Publisher',
  url: 'URL',
  publishedOn: 'Published on',
  datelineCountry: 'Dateline country',
  datelineCity: 'Dateline city',
};
const DETAIL_FIELDS = Object.keys(DETAIL_LABELS) as DetailField[];

interface DetailsConflict {
  theirs: Source;
  theirsState: SourceFormState;
  merges: FieldMerge<DetailField, string>[];
}

/** Three-way, field by field: the form as opened (`base`), as typed (`mine`), the source as stored now. */
function detailsConflict(base: SourceFormState, mine: SourceFormState, theirs: Source): DetailsConflict {
  const theirsState = sourceFormState(theirs);
  return { theirs, theirsState, merges: mergeFields(DETAIL_FIELDS, base, mine, theirsState).filter((m) => m.kind !== 'same') };
}

function detailsRows(c: DetailsConflict): ConflictRow<DetailField>[] {
  const words = (f: DetailField, v: string) => (f === 'datelineCountry' && v ? countryName(v) : v.trim());
  return c.merges.map((m) => ({
    field: m.field,
    label: DETAIL_LABELS[m.field],
    kind: m.kind,
    before: words(m.field, m.base),
    mine: words(m.field, m.mine),
    theirs: words(m.field, m.theirs),
  }));
}

function DescriptionFields({
  state,
  set,
  errors,
}: {
  state: SourceFormState;
  set: (p: Partial<SourceFormState>) => void;
  errors: Record<string, string>;
}) {
  return (
    <div className="form-grid">
      <Field label="Title" error={errors.title}>
        <input value={state.title} onChange={(e) => set({ title: e.target.value })} />
      </Field>
      <Field label="Publisher" error={errors.publisher} hint="The outlet or agency, when the article names it or you know it.">
        <input value={state.publisher} onChange={(e) => set({ publisher: e.target.value })} placeholder="e.g. Reuters" />
      </Field>
      <Field label="URL" error={errors.url}>
        <input value={state.url} onChange={(e) => set({ url: e.target.value })} placeholder="https://…" type="url" />
      </Field>
      <Field label="Published on" error={errors.publishedOn} hint="YYYY-MM-DD">
        <input value={state.publishedOn} onChange={(e) => set({ publishedOn: e.target.value })} placeholder="YYYY-MM-DD" size={11} />
      </Field>
      <Field label="Dateline country" error={errors.datelineCountry}>
        <CountryCombobox
          value={state.datelineCountry}
          onChange={(code) => set({ datelineCountry: code })}
          emptyLabel="No country"
          historical
        />
      </Field>
      <Field label="Dateline city" error={errors.datelineCity}>
        <input value={state.datelineCity} onChange={(e) => set({ datelineCity: e.target.value })} placeholder="e.g. Tehran" />
      </Field>
    </div>
  );
}

function useSourceForm(initial: SourceFormState, formRef: RefObject<HTMLFormElement | null>) {
  const [state, setState] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (p: Partial<SourceFormState>) => setState((s) => ({ ...s, ...p }));
  // After a refused save, take the user to the first field that needs fixing.
  useEffect(() => {
    if (Object.keys(errors).length) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors, formRef]);
  return { state, setState, set, errors, setErrors, formError, setFormError, saving, setSaving };
}

/** Edits a source's description in place on the reader (the text itself stays as quoted). */
export function SourceDetailsEditor({ source, onDone }: { source: Source; onDone: () => void }) {
  const toast = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const f = useSourceForm(sourceFormState(source), formRef);
  // The stored version the edits apply to: a save carries it and is refused if the source changed
  // since (in another window); fields changed on one side then merge, both sides ask.
  const [base, setBase] = useState(() => ({ state: f.state, version: source.updatedAt }));
  const [conflict, setConflict] = useState<DetailsConflict | null>(null);
  const save = async (form: SourceFormState, from: typeof base) => {
    f.setFormError(null);
    const checked = validateSourceForm(form, source.kind);
    if (!checked.ok) {
      f.setErrors(checked.errors);
      f.setFormError('The source was not saved: correct the fields marked below.');
      return;
    }
    f.setErrors({});
    f.setSaving(true);
    try {
      const { text: _text, kind: _kind, ...patch } = checked.draft;
      try {
        await updateSource(source.id, patch, from.version);
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
        const c = detailsConflict(from.state, form, err.current as Source);
        if (c.merges.some((m) => m.kind === 'conflict')) {
          setConflict(c);
          return;
        }
        await saveMerged(form, c, {});
        return;
      }
      toast.notify('Source details saved', { undo: true });
      onDone();
    } catch (err) {
      if (err instanceof ValidationError) f.setErrors(err.fields);
      f.setFormError(describeStorageError(err));
    } finally {
      f.setSaving(false);
    }
  };
  /** Saves the merge of the form with the stored source, on top of the stored version. */
  const saveMerged = async (form: SourceFormState, c: DetailsConflict, choices: ConflictChoices<DetailField>) => {
    const merged = applyFieldMerge(form, c.merges, choices);
    const next = { state: c.theirsState, version: c.theirs.updatedAt };
    f.setState(merged);
    setBase(next);
    setConflict(null);
    await save(merged, next);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(f.state, base);
  };
  return (
    <form ref={formRef} className="panel source-details-form" aria-label="Source details" onSubmit={onSubmit} noValidate>
      <h2>Edit source details</h2>
      {f.formError && (
        <p className="form-error" role="alert">
          {f.formError}
        </p>
      )}
      {conflict && (
        <FieldConflictPanel
          what="source"
          rows={detailsRows(conflict)}
          busy={f.saving}
          onSave={(choices) => void saveMerged(f.state, conflict, choices)}
          onTakeTheirs={() => {
            f.setState(conflict.theirsState);
            setBase({ state: conflict.theirsState, version: conflict.theirs.updatedAt });
            setConflict(null);
          }}
        />
      )}
      <DescriptionFields state={f.state} set={f.set} errors={f.errors} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={f.saving}>
          Save details
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** /sources/new: paste an article by hand to keep it for reading and quoting. */
export function NewSourcePage() {
  const navigate = useNavigate();
  const toast = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const f = useSourceForm(sourceFormState(), formRef);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    f.setFormError(null);
    const errors: Record<string, string> = {};
    if (!f.state.text.trim()) errors.text = 'Paste the text of the article';
    const checked = validateSourceForm(f.state);
    if (!checked.ok || errors.text) {
      f.setErrors({ ...(checked.ok ? {} : checked.errors), ...errors });
      f.setFormError('The source was not saved: correct the fields marked below.');
      return;
    }
    f.setErrors({});
    f.setSaving(true);
    try {
      const saved = await createSource(checked.draft);
      toast.notify('Source added', { undo: true });
      void navigate(`/sources/${saved.id}`);
    } catch (err) {
      if (err instanceof ValidationError) f.setErrors(err.fields);
      f.setFormError(describeStorageError(err));
    } finally {
      f.setSaving(false);
    }
  };
  return (
    <form ref={formRef} className="source-new" aria-label="New source" onSubmit={(e) => void onSubmit(e)} noValidate>
      <p className="crumbs">
        <Link to="/sources">Sources</Link>
      </p>
      <h1>New source</h1>
      {f.formError && (
        <p className="form-error" role="alert">
          {f.formError}
        </p>
      )}
      <div className="panel">
        <DescriptionFields state={f.state} set={f.set} errors={f.errors} />
        <Field
          label="Text"
          error={f.errors.text}
          hint="The full article as published. It is kept as plain text; quotes point into it, so it cannot be changed later."
        >
          <textarea rows={16} value={f.state.text} onChange={(e) => f.set({ text: e.target.value })} />
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={f.saving}>
          Save source
        </button>
        <Link className="button" to="/sources">
          Cancel
        </Link>
      </div>
    </form>
  );
}
