import {
  fuzzyDateToInput,
  parseFuzzyDate,
  visitDraftSchema,
  type FuzzyDate,
  type Place,
  type Visit,
  type VisitDraft,
  type VisitKind,
  type VisitStatus,
} from '../../../shared/model';

/**
 * What the visit form holds: exactly what the user typed (dates as text, tags as one line), so an
 * error never rewrites or loses their input. `draftFromForm` turns it into a VisitDraft, or into
 * messages keyed by form field.
 */
export interface VisitFormValues {
  travellerId: string;
  country: string;
  city: string;
  kind: VisitKind;
  purpose: string;
  start: string;
  end: string;
  status: VisitStatus;
  tags: string;
  hostIds: string[];
}

export type VisitFormField = keyof VisitFormValues;
/** Messages per field; `form` holds one that belongs to no single field. */
export type VisitFormErrors = Partial<Record<VisitFormField | 'form', string>>;

export const FIELD_LABELS: Record<VisitFormField, string> = {
  travellerId: 'Traveller',
  country: 'Host country',
  city: 'City',
  kind: 'Kind',
  purpose: 'Purpose',
  start: 'Start',
  end: 'End',
  status: 'Status',
  tags: 'Tags',
  hostIds: 'People met / hosts',
};

/** The order errors are listed in the summary: the order of the form. */
export const FIELD_ORDER: readonly VisitFormField[] = [
  'travellerId',
  'country',
  'city',
  'kind',
  'purpose',
  'start',
  'end',
  'status',
  'tags',
  'hostIds',
];

export function emptyForm(travellerId = ''): VisitFormValues {
  return {
    travellerId,
    country: '',
    city: '',
    kind: 'official',
    purpose: '',
    start: '',
    end: '',
    status: 'planned',
    tags: '',
    hostIds: [],
  };
}

export function formFromVisit(v: Visit): VisitFormValues {
  return {
    travellerId: v.travellerId,
    country: v.place.country,
    city: v.place.city ?? '',
    kind: v.kind,
    purpose: v.purpose,
    start: fuzzyDateToInput(v.start),
    end: fuzzyDateToInput(v.end),
    status: v.status,
    tags: v.tags.join(', '),
    hostIds: [...v.hostIds],
  };
}

export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(',')) {
    const t = raw.trim();
    const key = t.toLowerCase();
    if (t && !seen.has(key)) {
      seen.add(key);
      out.push(t);
    }
  }
  return out;
}

/** An optional fuzzy date field: empty is "not known" (null), anything else must parse. */
export function parseOptionalDate(text: string): { ok: true; value: FuzzyDate | null } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, value: null };
  return parseFuzzyDate(text);
}

function fieldOfPath(path: string): VisitFormField | null {
  const head = path.split('.')[0] ?? '';
  if (head === 'place') return path.startsWith('place.city') ? 'city' : 'country';
  return (FIELD_ORDER as readonly string[]).includes(head) ? (head as VisitFormField) : null;
}

export type PlaceResolver = (country: string, city: string | null) => Place;

/**
 * Validates the form with the shared visitDraftSchema. The place (with coordinates) comes from the
 * gazetteer; an empty city stays empty: the form never fills in the capital on its own.
 */
export function draftFromForm(
  values: VisitFormValues,
  resolvePlace: PlaceResolver,
): { ok: true; draft: VisitDraft } | { ok: false; errors: VisitFormErrors } {
  const errors: VisitFormErrors = {};
  if (!values.travellerId) errors.travellerId = 'Choose a traveller (or add a new person)';
  if (!values.country) errors.country = 'Choose the host country';
  const start = parseOptionalDate(values.start);
  const end = parseOptionalDate(values.end);
  if (!start.ok) errors.start = start.error;
  if (!end.ok) errors.end = end.error;
  const city = values.city.trim() === '' ? null : values.city.trim();
  let place: Place | null = null;
  if (values.country) {
    try {
      place = resolvePlace(values.country, city);
    } catch (e) {
      errors.country = e instanceof Error ? e.message : 'Unknown country';
    }
  }
  const candidate = {
    travellerId: values.travellerId,
    place: place ?? { country: values.country, city, lat: null, lon: null },
    kind: values.kind,
    purpose: values.purpose,
    start: start.ok ? start.value : null,
    end: end.ok ? end.value : null,
    tags: parseTags(values.tags),
    hostIds: values.hostIds,
    status: values.status,
  };
  const r = visitDraftSchema.safeParse(candidate);
  if (!r.success) {
    for (const issue of r.error.issues) {
      const field = fieldOfPath(issue.path.join('.'));
      // The checks above already said it in the user's words (an empty id is "choose", not "UUID").
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  if (!r.success) {
    if (Object.keys(errors).length === 0) errors.form = r.error.issues[0]?.message ?? 'The visit is not valid';
    return { ok: false, errors };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, draft: r.data };
}

/** Maps a repository ValidationError's `fields` (paths such as "place.country") to form fields. */
export function errorsFromFields(fields: Record<string, string>): VisitFormErrors {
  const out: VisitFormErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    const f = fieldOfPath(path);
    if (f && !out[f]) out[f] = message;
  }
  return out;
}

export function sameForm(a: VisitFormValues, b: VisitFormValues): boolean {
  return FIELD_ORDER.every((k) => (k === 'hostIds' ? a.hostIds.join() === b.hostIds.join() : a[k] === b[k]));
}
