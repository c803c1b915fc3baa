import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { Link, useNavigate } from 'react-router';
import { COUNTRIES } from '../../../shared/places';
import type { Source } from '../../../shared/model';
import { Field, useToast } from '../../components';
import { createSource, describeStorageError, updateSource, ValidationError } from '../../db';
import { sourceFormState, validateSourceForm, type SourceFormState } from './source-draft';

const COUNTRIES_BY_NAME = [...COUNTRIES].sort((a, b) => a.name.localeCompare(b.name));

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
        <select value={state.datelineCountry} onChange={(e) => set({ datelineCountry: e.target.value })}>
          <option value="">—</option>
          {COUNTRIES_BY_NAME.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
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
  return { state, set, errors, setErrors, formError, setFormError, saving, setSaving };
}

/** Edits a source's description in place on the reader (the text itself stays as quoted). */
export function SourceDetailsEditor({ source, onDone }: { source: Source; onDone: () => void }) {
  const toast = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const f = useSourceForm(sourceFormState(source), formRef);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    f.setFormError(null);
    const checked = validateSourceForm(f.state, source.kind);
    if (!checked.ok) {
      f.setErrors(checked.errors);
      f.setFormError('The source was not saved: correct the fields marked below.');
      return;
    }
    f.setErrors({});
    f.setSaving(true);
    try {
      const { text: _text, kind: _kind, ...patch } = checked.draft;
      await updateSource(source.id, patch);
      toast.notify('Source details saved', { undo: true });
      onDone();
    } catch (err) {
      if (err instanceof ValidationError) f.setErrors(err.fields);
      f.setFormError(describeStorageError(err));
    } finally {
      f.setSaving(false);
    }
  };
  return (
    <form ref={formRef} className="panel source-details-form" aria-label="Source details" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h2>Edit source details</h2>
      {f.formError && (
        <p className="form-error" role="alert">
          {f.formError}
        </p>
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
