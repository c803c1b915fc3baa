import { describe, expect, it } from 'vitest';
import { extractArticle, type ExtractedVisit } from '../../../shared/extract';

/** "traveller → XX status start" for each proposal (sentences written for these tests; people invented). */
function summary(text: string, publishedOn: string): string[] {
  return extractArticle(text, { publishedOn }).visits.map(
    (v: ExtractedVisit) => `${v.traveller.name} → ${v.country} ${v.status} ${v.start ? v.start.from : '-'}`,
  );
}

describe('dates relative to the article', () => {
  // 2024-03-08 is a Friday.
  it('reads the article\u2019s own weekday as that day, ahead or behind', () => {
    expect(summary('Prime Minister Oren Talbot of Canada will fly to Ghana on Friday.', '2024-03-08')).toEqual([
      'Oren Talbot → GH planned 2024-03-08',
    ]);
    expect(summary('Prime Minister Oren Talbot of Canada arrived in Ghana on Friday.', '2024-03-08')).toEqual([
      'Oren Talbot → GH underway 2024-03-08',
    ]);
  });

  it('reads the date of a plan given in the past perfect as the nearest one, not last year\u2019s', () => {
    expect(
      summary('President Lena Marsh of Chile has cancelled her trip. She had been due to arrive in Peru on March 15.', '2024-03-08'),
    ).toEqual(['Lena Marsh → PE cancelled 2024-03-15']);
    expect(summary('President Lena Marsh of Chile had been scheduled to visit Peru on March 2.', '2024-03-08')[0]).toMatch(/2024-03-02$/);
  });

  it('does not take the day a plan was announced for the trip\u2019s date', () => {
    expect(
      summary(
        'According to the schedule announced by the palace in January, President Lena Marsh of Chile was to visit Peru.',
        '2024-03-08',
      ),
    ).toEqual(['Lena Marsh → PE planned -']);
  });

  it('keeps the first date of a postponed trip when the article says no new date is set', () => {
    expect(
      summary(
        'President Lena Marsh of Chile has postponed her visit to Peru. The trip, originally planned for April 2 to 5, will be rescheduled though no new date has been set.',
        '2024-03-08',
      ),
    ).toEqual(['Lena Marsh → PE postponed 2024-04-02']);
  });
});

describe('who travels', () => {
  it('maps the titles of an office to its holder ("the Holy Father", "the pontiff")', () => {
    expect(
      summary(
        'Pope Gregory will visit Peru in May. The Holy Father has also postponed his journey to Chile, and the pontiff will visit Bolivia in June.',
        '2024-03-08',
      ).map((s) => s.split(' → ')[0]),
    ).toEqual(['Gregory', 'Gregory', 'Gregory']);
  });

  it('never makes a spokesperson or a source quoted with "according to" the traveller', () => {
    expect(
      summary(
        'According to palace spokesperson Ivo Brandt, the President will hold talks in Paris. President Lena Marsh of Chile leaves on Monday.',
        '2024-03-08',
      ).filter((s) => s.startsWith('Ivo Brandt')),
    ).toEqual([]);
  });

  it('reads "she" as the subject of the sentence before when no trip has been read yet', () => {
    expect(
      summary(
        'Chilean President Lena Marsh visited a clinic on Wednesday. Her office said soon afterwards she was cancelling a trip to Peru on Thursday.',
        '2024-03-06',
      ),
    ).toEqual(['Lena Marsh → PE cancelled 2024-03-07']);
  });
});

describe('who travels, round 2', () => {
  it('reads the agent of "a visit by X to Y" as the traveller, not the minister reporting it', () => {
    expect(
      summary(
        'Foreign Minister Ada Kern of Chile today said a visit by Peruvian President Tomas Ruiz to Chile was postponed.',
        '2024-03-08',
      ).map((x) => x.split(' → ')[0]),
    ).toEqual(['Tomas Ruiz']);
  });

  it('drops courtesy words before a name ("Ibu", "Pak") and reads "bin" as optional between two names', async () => {
    const { namesEqual, isShortFormOf } = await import('../../../shared/extract');
    expect(isShortFormOf('Ibu Sari', 'Sari Wulandari')).toBe(true);
    expect(namesEqual('Khalid Nasser', 'Khalid bin Nasser')).toBe(true);
    expect(namesEqual('Nasser', 'Khalid bin Nasser')).toBe(false);
  });
});

describe('status across sentences', () => {
  it('gives the plans told right after a trip called off that trip’s fate', () => {
    expect(
      summary('President Lena Marsh of Chile has cancelled her Andean tour. She was to visit Peru, Bolivia and Ecuador.', '2024-03-08').map(
        (x) => x.split(' ').slice(3, 5).join(' '),
      ),
    ).toEqual(['PE cancelled', 'BO cancelled', 'EC cancelled']);
  });

  it('does not carry it onto a plan said as still ahead', () => {
    expect(
      summary('President Lena Marsh of Chile has cancelled her trip. She will visit Peru in May.', '2024-03-08').map(
        (x) => x.split(' ')[4],
      ),
    ).toEqual(['planned']);
  });
});

describe('where', () => {
  it('reads a destination after a describing word ("neighbouring", "war-torn")', () => {
    expect(summary('Chilean President Lena Marsh is cancelling a trip to neighbouring Peru.', '2024-03-06')[0]).toMatch(
      /^Lena Marsh → PE cancelled/,
    );
    expect(summary('Chilean President Lena Marsh travelled to war-torn Yemen last week.', '2024-03-06')[0]).toMatch(
      /^Lena Marsh → YE completed/,
    );
  });
});
