import { formatFuzzyDate, fuzzyDateToInput, type Meeting, type Person } from '../../../shared/model';
import { countryName, placeFor } from '../../../shared/places';
import type { MeetingDraft } from '../../db';
import { parseOptionalDate } from './visit-form-model';

/**
 * What the meeting dialog holds: exactly what the user typed (the date as text), so a refused
 * save loses nothing. `meetingDraftFromForm` turns it into a MeetingDraft or messages per field.
 */
export interface MeetingFormState {
  participantIds: string[];
  date: string;
  country: string;
  city: string;
  summary: string;
}

export type MeetingField = keyof MeetingFormState;

export const MEETING_FIELDS: readonly MeetingField[] = ['participantIds', 'date', 'country', 'city', 'summary'];

export const MEETING_LABELS: Record<MeetingField, string> = {
  participantIds: 'Who met',
  date: 'Date',
  country: 'Country',
  city: 'City',
  summary: 'Summary',
};

export function meetingFormState(m: Meeting | null, participantIds: string[] = []): MeetingFormState {
  if (!m) return { participantIds, date: '', country: '', city: '', summary: '' };
  return {
    participantIds: [...m.participantIds],
    date: fuzzyDateToInput(m.date),
    country: m.place?.country ?? '',
    city: m.place?.city ?? '',
    summary: m.summary,
  };
}

export type MeetingFormErrors = Partial<Record<MeetingField, string>>;

export function meetingDraftFromForm(s: MeetingFormState): { ok: true; draft: MeetingDraft } | { ok: false; errors: MeetingFormErrors } {
  const errors: MeetingFormErrors = {};
  const ids = [...new Set(s.participantIds)];
  if (ids.length < 2) errors.participantIds = 'A meeting has at least two people: add who met whom';
  const date = parseOptionalDate(s.date);
  if (!date.ok) errors.date = date.error;
  const city = s.city.trim();
  if (city && !s.country) errors.country = 'Choose the country of this city';
  if (city.length > 120) errors.city = 'The city is too long (at most 120 characters)';
  if (s.summary.length > 5000) errors.summary = `The summary is too long (${s.summary.length} characters, at most 5000)`;
  if (Object.keys(errors).length > 0 || !date.ok) return { ok: false, errors };
  return {
    ok: true,
    draft: { participantIds: ids, date: date.value, place: s.country ? placeFor(s.country, city || null) : null, summary: s.summary },
  };
}

/** A field's value in words, as the conflict panel shows it. */
export function describeMeetingField(field: MeetingField, s: MeetingFormState, people: readonly Person[]): string {
  switch (field) {
    case 'participantIds':
      return s.participantIds.map((id) => people.find((p) => p.id === id)?.name ?? 'a person not in the list').join(', ');
    case 'country':
      return s.country ? countryName(s.country) : '';
    case 'date': {
      const d = parseOptionalDate(s.date);
      return d.ok && d.value ? formatFuzzyDate(d.value) : s.date.trim();
    }
    default:
      return s[field].trim();
  }
}

/** A repository refusal's fields (record paths such as "place.country", "participantIds.1") as the dialog's fields. */
export function meetingErrorsFromFields(fields: Record<string, string>): MeetingFormErrors {
  const out: MeetingFormErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    const head = path.startsWith('place.') ? (path === 'place.city' ? 'city' : 'country') : path.split('.')[0];
    if ((MEETING_FIELDS as readonly string[]).includes(head ?? '')) out[head as MeetingField] ??= message;
  }
  return out;
}
