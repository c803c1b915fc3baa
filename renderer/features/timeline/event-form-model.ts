import { formatFuzzyDate, fuzzyDateToInput, parseFuzzyDate, type ContextEvent, type Person, type Source } from '../../../shared/model';
import { countryName, placeFor } from '../../../shared/places';
import type { EventDraft } from '../../db';

/**
 * What the context event dialog holds: exactly what the user typed (the date as text), so a
 * refused save loses nothing. `eventDraftFromForm` turns it into an EventDraft or messages per field.
 */
export interface EventFormState {
  title: string;
  date: string;
  country: string;
  city: string;
  description: string;
  personIds: string[];
  sourceIds: string[];
}

export type EventField = keyof EventFormState;

export const EVENT_FIELDS: readonly EventField[] = ['title', 'date', 'country', 'city', 'description', 'personIds', 'sourceIds'];

export const EVENT_LABELS: Record<EventField, string> = {
  title: 'Title',
  date: 'Date',
  country: 'Country',
  city: 'City',
  description: 'Description',
  personIds: 'People',
  sourceIds: 'Sources',
};

export function eventFormState(e: ContextEvent | null): EventFormState {
  return {
    title: e?.title ?? '',
    date: e ? fuzzyDateToInput(e.date) : '',
    country: e?.place?.country ?? '',
    city: e?.place?.city ?? '',
    description: e?.description ?? '',
    personIds: [...(e?.personIds ?? [])],
    sourceIds: [...(e?.sourceIds ?? [])],
  };
}

export type EventFormErrors = Partial<Record<EventField, string>>;

export function eventDraftFromForm(s: EventFormState): { ok: true; draft: EventDraft } | { ok: false; errors: EventFormErrors } {
  const errors: EventFormErrors = {};
  const title = s.title.trim();
  if (!title) errors.title = 'Give the event a title';
  else if (title.length > 300) errors.title = `The title is too long (${title.length} characters, at most 300)`;
  const date = s.date.trim() ? parseFuzzyDate(s.date) : ({ ok: false, error: 'Give the date, as precisely as it is known' } as const);
  if (!date.ok) errors.date = date.error;
  const city = s.city.trim();
  if (city && !s.country) errors.country = 'Choose the country of this city';
  if (city.length > 120) errors.city = 'The city is too long (at most 120 characters)';
  if (s.description.length > 5000) errors.description = `The description is too long (${s.description.length} characters, at most 5000)`;
  if (Object.keys(errors).length > 0 || !date.ok) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      title,
      date: date.value,
      place: s.country ? placeFor(s.country, city || null) : null,
      description: s.description,
      personIds: [...new Set(s.personIds)],
      sourceIds: [...new Set(s.sourceIds)],
    },
  };
}

/** A field's value in words, as the conflict panel shows it. */
export function describeEventField(field: EventField, s: EventFormState, people: readonly Person[], sources: readonly Source[]): string {
  switch (field) {
    case 'personIds':
      return s.personIds.map((id) => people.find((p) => p.id === id)?.name ?? 'a person not in the list').join(', ');
    case 'sourceIds':
      return s.sourceIds.map((id) => sources.find((x) => x.id === id)?.title ?? 'a source not in the list').join('; ');
    case 'country':
      return s.country ? countryName(s.country) : '';
    case 'date': {
      const d = parseFuzzyDate(s.date);
      return d.ok ? formatFuzzyDate(d.value) : s.date.trim();
    }
    default:
      return s[field].trim();
  }
}

/** A repository refusal's fields (record paths such as "place.country", "personIds.1") as the dialog's fields. */
export function eventErrorsFromFields(fields: Record<string, string>): EventFormErrors {
  const out: EventFormErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    const head = path.startsWith('place.') ? (path === 'place.city' ? 'city' : 'country') : path.split('.')[0];
    if ((EVENT_FIELDS as readonly string[]).includes(head ?? '')) out[head as EventField] ??= message;
  }
  return out;
}
