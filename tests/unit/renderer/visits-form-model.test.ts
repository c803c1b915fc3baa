import { describe, expect, it } from 'vitest';
import { fuzzyDateHint } from '../../../renderer/components/fuzzy-date-input';
import {
  draftFromForm,
  emptyForm,
  errorsFromFields,
  formFromVisit,
  parseTags,
  sameForm,
} from '../../../renderer/features/visits/visit-form-model';
import { noteExcerpt } from '../../../renderer/features/visits/note-excerpt';
import { createVisit, dayDate, monthDate, windowDate } from '../../../shared/model';
import { placeFor } from '../../../shared/places';

const PERSON = '5eed0000-0000-4000-8000-000000000011';
const ok = { ...emptyForm(PERSON), country: 'FR', city: 'Paris', start: '2020-09-10', purpose: 'Talks' };

describe('draftFromForm', () => {
  it('turns the typed values into a valid draft, with the place from the gazetteer', () => {
    const r = draftFromForm({ ...ok, end: '2020-09', tags: 'summit, EU, summit ,, eu' }, placeFor);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.draft.place.country).toBe('FR');
    expect(r.draft.place.city).toBe('Paris');
    expect(r.draft.place.lat).not.toBeNull();
    expect(r.draft.start).toEqual(dayDate('2020-09-10'));
    expect(r.draft.end).toEqual(monthDate(2020, 9));
    expect(r.draft.tags).toEqual(['summit', 'EU']);
  });

  it('never fills in the capital when the city is left empty', () => {
    const r = draftFromForm({ ...ok, city: '  ' }, placeFor);
    expect(r.ok && r.draft.place).toEqual({ country: 'FR', city: null, lat: null, lon: null });
  });

  it('says what is wrong next to each field', () => {
    const r = draftFromForm({ ...emptyForm(), start: '2020-02-30', end: 'soon' }, placeFor);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.travellerId).toMatch(/Choose a traveller/);
    expect(r.errors.country).toMatch(/host country/);
    expect(r.errors.start).toBe('2020-02-30 does not exist in the calendar');
    expect(r.errors.end).toMatch(/is not a date/);
  });

  it('refuses an end before the start with the schema’s message', () => {
    const r = draftFromForm({ ...ok, end: '2020-09-01' }, placeFor);
    expect(!r.ok && r.errors.end).toBe('The end date is before the start date');
  });

  it('maps repository field paths to form fields', () => {
    expect(errorsFromFields({ 'place.country': 'bad', 'place.city': 'long', 'tags.2': 'too long', end: 'x', weird: 'y' })).toEqual({
      country: 'bad',
      city: 'long',
      tags: 'too long',
      end: 'x',
    });
  });
});

describe('form values of a stored visit', () => {
  it('show the dates as the user would type them and compare equal to themselves', () => {
    let n = 0;
    const clock = { newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, now: () => '2020-07-22T12:00:00.000Z' };
    const draft = {
      travellerId: PERSON,
      place: placeFor('US', 'Washington'),
      kind: 'official' as const,
      purpose: '',
      start: windowDate('2020-07-22', '2020-09-02', 'within weeks'),
      end: null,
      tags: ['a', 'b'],
      hostIds: [],
      status: 'planned' as const,
    };
    const v = createVisit(draft, clock, '2020-07-22');
    const f = formFromVisit(v);
    expect(f.start).toBe('2020-07-22..2020-09-02');
    expect(f.tags).toBe('a, b');
    expect(sameForm(f, formFromVisit(v))).toBe(true);
    expect(sameForm(f, { ...f, hostIds: [PERSON] })).toBe(false);
  });

  it('parses tags without duplicates', () => {
    expect(parseTags(' oil,  Oil, security , ')).toEqual(['oil', 'security']);
  });
});

describe('labels', () => {
  it('reads a fuzzy date back to the user as they type', () => {
    expect(fuzzyDateHint('2020-07')).toBe('Read as: July 2020 (month only)');
    expect(fuzzyDateHint('')).toMatch(/^Leave empty if not known/);
    expect(fuzzyDateHint('2020-13-40')).toMatch(/YYYY-MM-DD/);
  });

  it('excerpts a note as plain text, without its title line or Markdown marks', () => {
    expect(noteExcerpt('# Title\n\nSee **this** [article](https://x.test) > quoted')).toBe('See this article quoted');
  });
});
