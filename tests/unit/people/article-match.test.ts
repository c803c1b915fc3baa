import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { dayDate } from '../../../shared/model';
import { db } from '../../../renderer/db/instance';
import { ensureSeeded } from '../../../renderer/db/seed';
import { clearUndo, createPerson, previewArticleImport, saveArticleImport, type ImportVisitProposal } from '../../../renderer/db';

// Made-up people and news.
const TEXT = 'Prime Minister Ingrid Halvorsen will visit Kenya on June 3. President Daniel Carter will visit Chile on June 10.';
const quote = (q: string) => ({ start: TEXT.indexOf(q), end: TEXT.indexOf(q) + q.length, quote: q });
const traveller = (name: string) => ({ name, title: null, country: null, mentions: [], knownPersonId: null });
const halvorsen: ImportVisitProposal = {
  traveller: traveller('Ingrid Halvorsen'),
  country: 'KE',
  city: null,
  status: 'planned',
  start: dayDate('2019-06-03'),
  end: null,
  evidence: quote('Prime Minister Ingrid Halvorsen will visit Kenya on June 3.'),
};
const carter: ImportVisitProposal = {
  traveller: traveller('Daniel Carter'),
  country: 'CL',
  city: null,
  status: 'planned',
  start: dayDate('2019-06-10'),
  end: null,
  evidence: quote('President Daniel Carter will visit Chile on June 10.'),
};
const source = { title: 'Trips', publisher: null, url: null, publishedOn: '2019-05-02', datelinePlace: null };

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  clearUndo();
  await ensureSeeded(db);
});

describe('article import and the people matcher', () => {
  it('links a certain match, offers an uncertain one, and follows the review’s choice', async () => {
    const ingrid = await createPerson({ name: 'Ingrid K. Halvorsen', aliases: [], roles: [], country: 'NO', note: '' });
    const karter = await createPerson({ name: 'Daniel Karter', aliases: [], roles: [], country: 'US', note: '' });

    const preview = await previewArticleImport(TEXT, [halvorsen, carter]);
    expect(preview.rows[0]).toMatchObject({ person: { id: ingrid.id }, candidates: [] });
    expect(preview.rows[1]).toMatchObject({
      person: null,
      candidates: [{ id: karter.id, name: 'Daniel Karter', reason: 'spelling variant' }],
    });

    // Left alone, the uncertain one is a new person; the certain one is linked.
    const first = await saveArticleImport({ text: TEXT, source, proposals: [halvorsen, carter] });
    expect(first.linkedPeople.map((p) => p.id)).toEqual([ingrid.id]);
    expect(first.createdPeople.map((p) => p.name)).toEqual(['Daniel Carter']);

    // Chosen in the review: linked to the one chosen; "new person" overrides even a certain match.
    const chosen = await saveArticleImport(
      {
        text: TEXT,
        source,
        proposals: [
          { ...halvorsen, traveller: { ...halvorsen.traveller, createNew: true }, country: 'TZ' },
          { ...carter, traveller: { ...carter.traveller, knownPersonId: karter.id }, country: 'PE' },
        ],
      },
      { allowDuplicateSource: true },
    );
    expect(chosen.linkedPeople.map((p) => p.id)).toEqual([karter.id]);
    expect(chosen.createdPeople.map((p) => p.name)).toEqual(['Ingrid Halvorsen']);
  });
});
