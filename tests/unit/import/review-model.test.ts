import { describe, expect, it } from 'vitest';
import type { ExtractionResult } from '../../../shared/extract/types';
import { dayDate, windowDate } from '../../../shared/model';
import {
  acceptedProposals,
  applyEditForm,
  counts,
  cueOf,
  decide,
  decideAll,
  defaultTitle,
  editFormOf,
  evidenceParts,
  isHtmlInput,
  parsePublicationDate,
  rowsFromResult,
  urlError,
} from '../../../renderer/features/import/review-model';

const text = 'Obama cancels trip\nUS President Barack Obama has canceled his trip to the Philippines next week.';
const quote = 'US President Barack Obama has canceled his trip to the Philippines next week.';
const result: ExtractionResult = {
  text,
  referenceDate: '2013-10-02',
  referenceSource: 'caller',
  datelinePlace: null,
  people: [],
  visits: [
    {
      traveller: { name: 'Barack Obama', title: 'President', country: 'US', mentions: ['Obama'], knownPersonId: 'k1' },
      country: 'PH',
      city: null,
      status: 'cancelled',
      start: windowDate('2013-10-07', '2013-10-13', 'next week'),
      end: null,
      datePhrase: 'next week',
      evidence: { start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, quote },
      cues: [
        { kind: 'status', start: text.indexOf('canceled'), end: text.indexOf('canceled') + 8, quote: 'canceled' },
        { kind: 'date', start: text.indexOf('next week'), end: text.indexOf('next week') + 9, quote: 'next week' },
      ],
      confidence: 0.9,
    },
    {
      traveller: { name: 'Barack Obama', title: 'President', country: 'US', mentions: [], knownPersonId: null },
      country: 'MY',
      city: null,
      status: 'cancelled',
      start: null,
      end: null,
      datePhrase: null,
      evidence: { start: 0, end: 4, quote: 'Obam' },
      cues: [{ kind: 'status', start: 11, end: 18, quote: 'cancels' }],
      confidence: 0.5,
    },
  ],
};

describe('review model', () => {
  it('marks the words that decided the status and the date, until the user changes that field', () => {
    const [row, other] = rowsFromResult(result);
    expect(cueOf(row!, 'status')?.quote).toBe('canceled');
    expect(cueOf(row!, 'date')?.quote).toBe('next week');
    expect(evidenceParts(row!)).toEqual([
      { text: 'US President Barack Obama has ', cue: null },
      { text: 'canceled', cue: 'status' },
      { text: ' his trip to the Philippines ', cue: null },
      { text: 'next week', cue: 'date' },
      { text: '.', cue: null },
    ]);
    // A cue outside the quoted sentence is not inside the quote, but still explains the field.
    expect(evidenceParts(other!)).toEqual([{ text: 'Obam', cue: null }]);
    expect(cueOf(other!, 'status')?.quote).toBe('cancels');
    // Once the user changes the status, its words no longer explain it; the date's still do.
    const edited = applyEditForm(row!.proposal, { ...editFormOf(row!.proposal), status: 'postponed' });
    if (!edited.ok) throw new Error('edit refused');
    const changed = { ...row!, proposal: edited.value };
    expect(cueOf(changed, 'status')).toBeNull();
    expect(cueOf(changed, 'date')?.quote).toBe('next week');
    expect(
      evidenceParts(changed)
        .filter((p) => p.cue)
        .map((p) => p.text),
    ).toEqual(['next week']);
  });

  it('starts undecided; accept, reject and the bulk actions decide what is saved', () => {
    let rows = rowsFromResult(result);
    expect(counts(rows)).toEqual({ pending: 2, accepted: 0, rejected: 0 });
    expect(acceptedProposals(rows)).toEqual([]);
    rows = decideAll(rows, 'accepted');
    rows = decide(rows, 'p1', 'rejected');
    expect(counts(rows)).toEqual({ pending: 0, accepted: 1, rejected: 1 });
    expect(acceptedProposals(rows).map((p) => p.country)).toEqual(['PH']);
    // The extraction itself is never modified.
    expect(result.visits[0]!.traveller.mentions).toEqual(['Obama']);
  });

  it('edits validate field by field and keep the date phrase when the date is unchanged', () => {
    const p = rowsFromResult(result)[0]!.proposal;
    const form = editFormOf(p);
    expect(form).toMatchObject({ name: 'Barack Obama', country: 'PH', status: 'cancelled', start: '2013-10-07..2013-10-13', end: '' });
    const same = applyEditForm(p, form);
    expect(same.ok && same.value.start).toEqual(p.start);
    expect(same.ok && same.value.traveller.knownPersonId).toBe('k1');

    const bad = applyEditForm(p, { ...form, name: ' ', country: '', start: '2013-02-30', end: '' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(['country', 'name', 'start']);
    const backwards = applyEditForm(p, { ...form, start: '2013-10-10', end: '2013-10-01' });
    expect(!backwards.ok && backwards.errors.end).toBe('The end is before the start');

    const edited = applyEditForm(p, {
      ...form,
      name: 'B. Obama',
      country: 'MY',
      city: ' Kuala Lumpur ',
      status: 'postponed',
      start: '2013-10-11',
      end: '',
    });
    expect(edited.ok).toBe(true);
    if (edited.ok) {
      expect(edited.value).toMatchObject({
        country: 'MY',
        city: 'Kuala Lumpur',
        status: 'postponed',
        start: dayDate('2013-10-11'),
        end: null,
      });
      // Renamed: the extractor's match no longer holds, and the old name stays an alias.
      expect(edited.value.traveller.knownPersonId).toBeNull();
      expect(edited.value.traveller.mentions).toContain('Barack Obama');
    }
  });

  it('titles an article by its first line, without a leading date line', () => {
    expect(defaultTitle(text)).toBe('Obama cancels trip');
    expect(defaultTitle(' date 2018-08-30 30 August 2018\n\nKenya: Theresa May Arrives in Nairobi\n\nBody.')).toBe(
      'Kenya: Theresa May Arrives in Nairobi',
    );
    expect(
      defaultTitle(
        ' date 2020-07-22 TEHRAN: Iran´s supreme leader told Iraq´s visiting premier on Tuesday. Then Tehran said it will not interfere in anything that Baghdad does with Washington, and much more.',
      ),
    ).toBe('TEHRAN: Iran´s supreme leader told Iraq´s visiting premier on Tuesday.');
    expect(defaultTitle('   ')).toBe('Imported article');
    expect(defaultTitle('x'.repeat(400)).length).toBeLessThanOrEqual(160);
  });

  it('checks the publication date, the URL and tells HTML from text', () => {
    expect(parsePublicationDate('')).toEqual({ ok: true, value: null });
    expect(parsePublicationDate('2013-10-02')).toEqual({ ok: true, value: '2013-10-02' });
    expect(parsePublicationDate('2013-02-30').ok).toBe(false);
    expect(urlError('javascript:alert(1)')).toMatch(/http/);
    expect(urlError('https://example.org/a')).toBeNull();
    expect(isHtmlInput('<!DOCTYPE html><p>x</p>', null)).toBe(true);
    expect(isHtmlInput('Text with <img src=x onerror=alert(1)> inside', null)).toBe(false);
    expect(isHtmlInput('plain', 'page.HTM')).toBe(true);
    expect(isHtmlInput('<html>', 'notes.txt')).toBe(false);
  });
});
