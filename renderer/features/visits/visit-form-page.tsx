import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  KIND_LABELS,
  VISIT_KINDS,
  VISIT_STATUSES,
  firstStatusDayError,
  localToday,
  visitTitle,
  type Person,
  type Visit,
  type VisitKind,
  type VisitStatus,
} from '../../../shared/model';
import { CITIES, capitalOf, findCity, placeFor } from '../../../shared/places';
import {
  Dialog,
  Field,
  FieldConflictPanel,
  FuzzyDateInput,
  QuickAddPerson,
  StatusBadge,
  fuzzyDateHint,
  useToast,
  type ConflictChoices,
} from '../../components';
import { CountryCombobox } from '../../components/country-select';
import { PeopleCombobox, PersonCombobox } from '../../components/person-select';
import {
  ConflictError,
  ValidationError,
  createVisitFromDraft,
  describeStorageError,
  findDuplicateVisits,
  getVisit,
  listPeople,
  updateVisitFromDraft,
  useQuery,
  type DuplicateVisit,
} from '../../db';
import {
  FIELD_LABELS,
  FIELD_ORDER,
  draftFromForm,
  emptyForm,
  errorsFromFields,
  formFromVisit,
  sameForm,
  type VisitFormErrors,
  type VisitFormField,
  type VisitFormValues,
} from './visit-form-model';
import { conflictRows, mergedValues, needsChoice, takenFromOther, visitConflict, type VisitConflict } from './visit-conflict';

/** /visits/new: an empty form (a `?traveller=` link from a person's page pre-selects them). */
export function NewVisitPage() {
  const [sp] = useSearchParams();
  const people = useQuery(() => listPeople(), []);
  const initial = useMemo(() => emptyForm(sp.get('traveller') ?? ''), [sp]);
  if (people.error) return <LoadError message={people.error.message} />;
  if (!people.data) return <p className="loading">Loading…</p>;
  return <VisitForm initial={initial} people={people.data} visitId={null} heading="New visit" />;
}

/** /visits/:id/edit: the form starts from the stored visit, read once (later edits elsewhere do not overwrite typing). */
export function EditVisitPage() {
  const { id = '' } = useParams();
  const people = useQuery(() => listPeople(), []);
  const visit = useQuery(async () => (await getVisit(id)) ?? null, [id]);
  const [initial, setInitial] = useState<{ id: string; values: VisitFormValues; version: string; heading: string } | null>(null);
  if (people.error || visit.error) return <LoadError message={(people.error ?? visit.error)?.message ?? ''} />;
  if (!people.data || visit.data === undefined) return <p className="loading">Loading…</p>;
  if (initial === null || initial.id !== id) {
    if (visit.data === null) {
      return (
        <section className="not-found">
          <h1>Visit not found</h1>
          <p>This visit does not exist: it may have been deleted, here or in another window.</p>
          <p>
            <Link to="/visits">Back to the list of visits</Link>
          </p>
        </section>
      );
    }
    const traveller = people.data.find((p) => p.id === visit.data?.travellerId);
    // Captured once per visit id: rendering derives it, no effect needed.
    setInitial({
      id,
      values: formFromVisit(visit.data),
      version: visit.data.updatedAt,
      heading: `Edit visit: ${visitTitle(traveller, visit.data.place)}`,
    });
    return <p className="loading">Loading…</p>;
  }
  return (
    <VisitForm
      key={id}
      initial={initial.values}
      version={initial.version}
      latest={visit.data}
      people={people.data}
      visitId={id}
      heading={initial.heading}
    />
  );
}

function LoadError({ message }: { message: string }) {
  return (
    <section>
      <h1>Visit</h1>
      <p className="form-error" role="alert">
        The data could not be read: {message}
      </p>
    </section>
  );
}

function VisitForm({
  initial,
  version = '',
  latest = null,
  people,
  visitId,
  heading,
}: {
  initial: VisitFormValues;
  /** The stored visit's version (`updatedAt`) the form opened at; a save carries it. */
  version?: string;
  /** The visit as stored now, live (null once deleted). */
  latest?: Visit | null;
  people: Person[];
  visitId: string | null;
  heading: string;
}) {
  const navigate = useNavigate();
  const toast = useToast();
  const [values, setValues] = useState<VisitFormValues>(initial);
  // The stored version the form's edits apply to: as it opened, and after a conflict the version
  // the user merged with. "Unsaved changes" compares with its values, whatever later arrives in
  // the props; a save carries its version, and is refused if the visit has moved on since.
  const [base, setBase] = useState({ values: initial, version });
  const baseline = base.values;
  // The visit changed in another window since `base`: what changed, field by field, until resolved.
  const [conflict, setConflict] = useState<VisitConflict | null>(null);
  // What the user had typed before taking the other window's version (to bring it back).
  const [discarded, setDiscarded] = useState<VisitFormValues | null>(null);
  const [errors, setErrors] = useState<VisitFormErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  // A new visit's first status can be dated (when the plan was announced); empty: the day it is recorded.
  const [firstOn, setFirstOn] = useState('');
  const [firstOnError, setFirstOnError] = useState<string | null>(null);
  // Set when the form took in a save from another window on its own (nothing had been typed).
  const [refreshed, setRefreshed] = useState(false);
  const gone = visitId !== null && latest === null;
  const untouched = sameForm(values, base.values);
  // Saved in another window while nothing is typed here: show the new version (derived in render,
  // as React's "adjusting state when a prop changes"). With typing, the save merges instead. Any
  // other version counts, an older one too: an undo elsewhere puts the visit back as it was.
  if (latest && latest.updatedAt !== base.version && untouched && !conflict && !busy) {
    const next = formFromVisit(latest);
    setValues(next);
    setBase({ values: next, version: latest.updatedAt });
    setRefreshed(true);
  }
  const changedElsewhere = !!latest && !conflict && latest.updatedAt !== base.version && !untouched;
  const [confirmLeave, setConfirmLeave] = useState(false);
  // Visits the new one probably duplicates, found when saving: nothing is written until the user chooses.
  const [duplicates, setDuplicates] = useState<DuplicateVisit[] | null>(null);
  const openExisting = useRef<HTMLButtonElement>(null);
  // The warning's first choice takes the keyboard once the dialog is open (its own effect opens it,
  // before this one runs; the browser would otherwise focus the first link in it).
  useEffect(() => {
    if (duplicates) openExisting.current?.focus();
  }, [duplicates]);
  // People created inline are shown at once, before the live list catches up.
  const [added, setAdded] = useState<Person[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const allPeople = useMemo(() => {
    const ids = new Set(people.map((p) => p.id));
    return [...people, ...added.filter((p) => !ids.has(p.id))];
  }, [people, added]);

  const set = <K extends keyof VisitFormValues>(key: K, value: VisitFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const dirty = !sameForm(values, baseline);
  const backTo = visitId ? `/visits/${visitId}` : '/visits';

  // After a refused save, take the keyboard to the first field that needs attention.
  useEffect(() => {
    if (attempt === 0) return;
    const el =
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? formRef.current?.querySelector<HTMLElement>('.form-error');
    el?.focus();
  }, [attempt]);

  const save = async (e?: FormEvent, form: VisitFormValues = values, from: typeof base = base, anyway = false) => {
    e?.preventDefault();
    if (busy) return;
    const r = draftFromForm(form, placeFor);
    if (!r.ok) {
      setErrors(r.errors);
      setAttempt((n) => n + 1);
      return;
    }
    const dayError = visitId ? null : firstStatusDayError(firstOn, localToday());
    if (dayError) {
      setFirstOnError(dayError);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      let id: string;
      let merged: VisitFormField[] = [];
      if (visitId) {
        const { status: _status, ...rest } = r.draft;
        try {
          id = (await updateVisitFromDraft(visitId, rest, from.version)).id;
        } catch (err) {
          if (!(err instanceof ConflictError)) throw err;
          // Changed elsewhere since the form opened: merge field by field. Fields changed on one
          // side only merge on their own; if any changed on both, the user chooses (nothing saved).
          const c = visitConflict(from.values, form, err.current as Visit);
          const next = { values: c.theirsValues, version: c.theirs.updatedAt };
          if (needsChoice(c)) {
            setConflict(c);
            setErrors({});
            setBusy(false);
            return;
          }
          const mergedForm = mergedValues(form, c);
          setValues(mergedForm);
          setBase(next);
          const again = draftFromForm(mergedForm, placeFor);
          if (!again.ok) {
            setErrors(again.errors);
            setAttempt((n) => n + 1);
            setBusy(false);
            return;
          }
          const { status: _s, ...merge } = again.draft;
          id = (await updateVisitFromDraft(visitId, merge, next.version)).id;
          merged = takenFromOther(c);
        }
      } else {
        const [found = []] = anyway ? [] : await findDuplicateVisits([r.draft]);
        if (found.length > 0) {
          setDuplicates(found);
          setBusy(false);
          return;
        }
        id = (await createVisitFromDraft(r.draft, firstOn || undefined)).id;
      }
      toast.notify(
        merged.length > 0
          ? `Visit saved, merged with another window’s changes to ${merged.map((f) => FIELD_LABELS[f].toLowerCase()).join(', ')}`
          : 'Visit saved',
        { undo: true },
      );
      await navigate(`/visits/${id}`);
    } catch (err) {
      // Keep every typed value; say what is wrong next to the fields and at the top.
      const fieldErrors = err instanceof ValidationError ? errorsFromFields(err.fields) : {};
      setErrors({ ...fieldErrors, form: describeStorageError(err) });
      setAttempt((n) => n + 1);
      setBusy(false);
    }
  };

  /** Resolves the conflict with the user's choices: the merge becomes the form, based on the other window's version. */
  const resolve = (choices: ConflictChoices<VisitFormField>, andSave: boolean) => {
    if (!conflict) return;
    const merged = mergedValues(values, conflict, choices);
    const next = { values: conflict.theirsValues, version: conflict.theirs.updatedAt };
    setValues(merged);
    setBase(next);
    setConflict(null);
    if (andSave) void save(undefined, merged, next);
  };

  const takeTheirs = () => {
    if (!conflict) return;
    setDiscarded(values);
    setValues(conflict.theirsValues);
    setBase({ values: conflict.theirsValues, version: conflict.theirs.updatedAt });
    setConflict(null);
  };

  const cancel = () => {
    if (dirty) setConfirmLeave(true);
    else void navigate(backTo);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    }
  };

  const cityHint = useMemo(() => cityHintFor(values.country, values.city), [values.country, values.city]);
  const cityOptions = useMemo(
    () => (values.country ? CITIES.filter((c) => c.country === values.country).slice(0, 200) : []),
    [values.country],
  );
  const summary = FIELD_ORDER.filter((f) => errors[f]).map((f) => ({ field: f, message: errors[f] ?? '' }));

  return (
    <section className="visit-form-page" aria-labelledby="visit-form-heading">
      <h1 id="visit-form-heading">{heading}</h1>
      {gone && (
        <p className="form-error" role="alert">
          This visit was deleted in another window. Saving will fail; copy what you need, or undo the deletion there.
        </p>
      )}
      {changedElsewhere && !gone && (
        <p className="field-conflict-note" role="status">
          This visit was changed in another window since you opened this form. Your edits are kept: saving will merge them, and ask you
          where both windows changed the same field.
        </p>
      )}
      {refreshed && !changedElsewhere && !conflict && (
        <p className="field-conflict-note" role="status">
          The form shows the changes saved in another window.
        </p>
      )}
      {discarded && !conflict && (
        <div className="field-conflict-note" role="status">
          <span>The form shows the other window’s version; your edits were set aside.</span>
          <button
            type="button"
            onClick={() => {
              setValues(discarded);
              setDiscarded(null);
            }}
          >
            Bring my edits back
          </button>
        </div>
      )}
      {conflict && (
        <FieldConflictPanel
          what="visit"
          rows={conflictRows(conflict, base.values, values, allPeople)}
          busy={busy}
          onSave={(choices) => resolve(choices, true)}
          onReview={(choices) => resolve(choices, false)}
          onTakeTheirs={takeTheirs}
        />
      )}
      <form
        ref={formRef}
        className="visit-form panel"
        onSubmit={(e) => void save(e)}
        onKeyDown={onKeyDown}
        noValidate
        aria-describedby="visit-form-keys"
      >
        {(summary.length > 0 || errors.form) && (
          <div className="form-error" role="alert" tabIndex={-1}>
            <strong>{errors.form ?? 'The visit was not saved. Please correct:'}</strong>
            {summary.length > 0 && (
              <ul>
                {summary.map((s) => (
                  <li key={s.field}>
                    {FIELD_LABELS[s.field]}: {s.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}

        <div className="visit-form-grid">
          <div className="traveller-field">
            <Field label="Traveller" error={errors.travellerId}>
              <PersonCombobox
                people={allPeople}
                value={values.travellerId}
                onChange={(id) => set('travellerId', id)}
                // A new visit starts at its first field (the New visit shortcut, menu and link all land here).
                autoFocus={visitId === null}
              />
            </Field>
            <QuickAddPerson
              onCreated={(p) => {
                setAdded((a) => [...a, p]);
                set('travellerId', p.id);
              }}
            />
          </div>
          <Field label="Kind" error={errors.kind}>
            <select value={values.kind} onChange={(e) => set('kind', e.target.value as VisitKind)}>
              {VISIT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Host country" error={errors.country} hint="Type a few letters, then choose with the arrow keys and Enter.">
            <CountryCombobox value={values.country} onChange={(code) => set('country', code)} />
          </Field>
          <Field label="City" error={errors.city} hint={cityHint}>
            <input value={values.city} onChange={(e) => set('city', e.target.value)} list="visit-city-options" autoComplete="off" />
          </Field>
          <datalist id="visit-city-options">
            {cityOptions.map((c) => (
              <option key={`${c.name}-${c.lat}`} value={c.name} />
            ))}
          </datalist>
          <Field label="Start" error={errors.start} hint={fuzzyDateHint(values.start)}>
            <FuzzyDateInput value={values.start} onChange={(t) => set('start', t)} />
          </Field>
          <Field label="End" error={errors.end} hint={fuzzyDateHint(values.end, 'Leave empty for a one-day visit or if not known.')}>
            <FuzzyDateInput value={values.end} onChange={(t) => set('end', t)} />
          </Field>
          {visitId === null && (
            <Field label="Status" error={errors.status} hint="Later changes go through “Change status”, which keeps the history.">
              <select value={values.status} onChange={(e) => set('status', e.target.value as VisitStatus)}>
                {VISIT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {visitId === null && (
            <Field
              label="First announced or reported on (optional)"
              error={firstOnError ?? undefined}
              hint="The day this status was first announced or reported, e.g. when the plan was made public. Empty: today."
            >
              <input
                type="date"
                value={firstOn}
                max={localToday()}
                onChange={(e) => {
                  setFirstOn(e.target.value);
                  setFirstOnError(firstStatusDayError(e.target.value, localToday()));
                }}
              />
            </Field>
          )}
          <Field label="Tags" error={errors.tags} hint="Separate with commas, e.g. security, oil">
            <input value={values.tags} onChange={(e) => set('tags', e.target.value)} autoComplete="off" />
          </Field>
          <div className="wide">
            <Field label="Purpose" error={errors.purpose}>
              <textarea rows={3} value={values.purpose} onChange={(e) => set('purpose', e.target.value)} />
            </Field>
          </div>
          <div className="wide">
            <Field label="People met / hosts" error={errors.hostIds} hint="Type a name and press Enter to add; Backspace removes the last.">
              <PeopleCombobox
                people={allPeople}
                value={values.hostIds}
                exclude={values.travellerId ? [values.travellerId] : []}
                onChange={(ids) => set('hostIds', ids)}
              />
            </Field>
          </div>
        </div>

        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            Save visit
          </button>
          <button type="button" onClick={cancel}>
            Cancel
          </button>
          <span id="visit-form-keys" className="muted">
            Ctrl+Enter saves
          </span>
        </div>
      </form>

      {/* Always mounted, so that closing it gives the keyboard back to where it was (the browser does). */}
      <Dialog title="This visit may already be recorded" open={duplicates !== null} onClose={() => setDuplicates(null)}>
        {duplicates && (
          <>
            <p>
              {duplicates.length === 1
                ? 'A visit of the same traveller to the same country, at dates that overlap these, is already recorded:'
                : `${duplicates.length} visits of the same traveller to the same country, at dates that overlap these, are already recorded:`}
            </p>
            <ul className="duplicate-list">
              {duplicates.map((d) => (
                <li key={d.visit.id}>
                  <Link to={`/visits/${d.visit.id}`}>{d.label}</Link> <StatusBadge status={d.visit.status} />
                </li>
              ))}
            </ul>
            <p>Nothing has been saved yet.</p>
            <div className="dialog-actions">
              <button
                ref={openExisting}
                type="button"
                className="primary"
                onClick={() => void navigate(`/visits/${duplicates[0]!.visit.id}`)}
              >
                Open the existing visit
              </button>
              <button
                type="button"
                onClick={() => {
                  setDuplicates(null);
                  void save(undefined, values, base, true);
                }}
              >
                Save anyway
              </button>
              <button type="button" onClick={() => setDuplicates(null)}>
                Keep editing
              </button>
            </div>
          </>
        )}
      </Dialog>
      {confirmLeave && (
        <Dialog title="Discard your changes?" open onClose={() => setConfirmLeave(false)}>
          <p>What you typed in this form has not been saved.</p>
          <div className="dialog-actions">
            <button type="button" className="danger" onClick={() => void navigate(backTo)}>
              Discard changes
            </button>
            <button type="button" className="primary" autoFocus onClick={() => setConfirmLeave(false)}>
              Keep editing
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}

/** What the City field says: how it will be stored. The capital is suggested, never filled in. */
function cityHintFor(country: string, city: string): string {
  if (!country) return 'Choose the country first.';
  if (city.trim() === '') {
    const capital = capitalOf(country);
    return capital?.city ? `Leave empty if not known (the capital, ${capital.city}, is not assumed).` : 'Leave empty if not known.';
  }
  return findCity(city, country)
    ? 'Known place: its coordinates are added.'
    : 'Not in the gazetteer: kept as written, without coordinates.';
}
