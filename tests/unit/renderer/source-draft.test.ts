import { describe, expect, it } from 'vitest';
import { sourceFormState, validateSourceForm } from '../../../renderer/features/sources/source-draft';

describe('source form', () => {
  it('builds a draft with the dateline place from the gazetteer', () => {
    const r = validateSourceForm({
      ...sourceFormState(),
      title: 'Talks',
      publisher: ' Reuters ',
      publishedOn: '2020-07-22',
      datelineCountry: 'IR',
      datelineCity: 'Tehran',
      text: 'Body',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.draft).toMatchObject({
      kind: 'article',
      title: 'Talks',
      publisher: 'Reuters',
      url: null,
      publishedOn: '2020-07-22',
      text: 'Body',
    });
    expect(r.draft.datelinePlace).toMatchObject({ country: 'IR', city: 'Tehran' });
  });

  it('refuses addresses that are not web addresses, impossible dates and a city without country', () => {
    const r = validateSourceForm({
      ...sourceFormState(),
      title: '',
      url: 'javascript:alert(1)',
      publishedOn: '2020-02-30',
      datelineCity: 'Tehran',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toMatchObject({
      title: 'Title is required',
      url: 'Use a web address starting with http:// or https://',
      publishedOn: 'This day does not exist in the calendar',
      datelineCountry: 'Choose the country of the dateline city',
    });
  });
});
