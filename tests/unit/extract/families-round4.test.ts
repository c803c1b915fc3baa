import { describe, expect, it } from 'vitest';
import { extractArticle, type ExtractedVisit } from '../../../shared/extract';

/**
 * Families added in rules round 4: legs of a tour dated by later sentences, and days counted from
 * another ("the following day"). Sentences written for these tests; people and places invented or
 * generic. Each line: "traveller → XX status start".
 */
function summary(text: string, publishedOn = '2031-03-05'): string[] {
  return extractArticle(text, { publishedOn }).visits.map(
    (v: ExtractedVisit) => `${v.traveller.name} → ${v.country} ${v.status} ${v.start ? v.start.from : '-'}`,
  );
}

// 2031-03-05 is a Wednesday: "this Friday" is 7 March.
const TOUR =
  'Foreign Minister Ana Ortiz of Chile begins a tour of Europe this Friday that includes official visits to Germany, Poland and Austria.';

describe('legs of a tour dated further down', () => {
  it('dates a leg by a later sentence naming its parliament, with no travel word', () => {
    expect(summary(`${TOUR} On Monday, March 10, Ortiz will address the Polish Senate.`)).toEqual([
      'Ana Ortiz → DE planned 2031-03-07',
      'Ana Ortiz → PL planned 2031-03-10',
      'Ana Ortiz → AT planned 2031-03-07',
    ]);
  });

  it('dates a leg by the nationality of the leader met there, told with a pronoun', () => {
    expect(summary(`${TOUR} She will meet Austrian Chancellor Karl Huber on March 12.`)).toContain('Ana Ortiz → AT planned 2031-03-12');
  });

  it('counts "the following day" and "that same day" from the last day named', () => {
    const text = `${TOUR} On Monday, March 10, Ortiz will address the Polish Senate. The following day she will meet Austrian Chancellor Karl Huber in Vienna.`;
    expect(summary(text)).toContain('Ana Ortiz → AT planned 2031-03-11');
    const same = `${TOUR} On Monday, March 10, Ortiz will address the Polish Senate. That same day she will travel to Vienna.`;
    expect(summary(same)).toContain('Ana Ortiz → AT planned 2031-03-10');
  });

  it('counts from the latest day a sentence names (an itinerary moves forward)', () => {
    const text =
      'Foreign Minister Ana Ortiz of Chile begins a tour this Friday that includes official visits to Germany and France. ' +
      'On Saturday she will travel to Madrid, where the following day, March 9, she will attend a forum to be held on March 8 and 9. ' +
      'That same day, she will travel to a resort on the coast, where she will be received by the French president.';
    expect(summary(text)).toContain('Ana Ortiz → FR planned 2031-03-09');
  });

  it('prefers the day said of one leg over the whole trip’s start', () => {
    const text = `${TOUR} Ortiz will arrive in Warsaw on March 11 for talks.`;
    expect(summary(text)).toContain('Ana Ortiz → PL planned 2031-03-11');
  });

  it('does not take the day of a statement, nor a sentence about someone else', () => {
    expect(summary(`${TOUR} The Polish Senate said on Monday that Ortiz would be welcome.`)).toContain('Ana Ortiz → PL planned 2031-03-07');
    expect(summary(`${TOUR} On March 10, Prime Minister Lena Vogt of Norway will address the Polish Senate.`)).toContain(
      'Ana Ortiz → PL planned 2031-03-07',
    );
  });

  it('does not date a leg by a day before the trip begins', () => {
    expect(summary(`${TOUR} On March 2, Ortiz praised the Polish Senate.`)).toContain('Ana Ortiz → PL planned 2031-03-07');
  });
});

describe('the Pope', () => {
  it('is the head of state of the Holy See: an audience with him is a visit there, dated by its own sentence', () => {
    const text =
      'Foreign Minister Ana Ortiz of Chile begins a tour this Friday that includes official visits to Germany, France and the Vatican. ' +
      'In Berlin, Ortiz will be received by the chancellor. She will also be received in audience by Pope Pius XIV on Saturday.';
    expect(summary(text)).toContain('Ana Ortiz → VA planned 2031-03-08');
  });

  it('does not visit his own state', () => {
    expect(summary('Pope Pius XIV will travel to the Vatican on Sunday and to Peru in May.')).toEqual(['Pius XIV → PE planned 2031-05-01']);
  });
});

describe('who, and what became of the trip (round 4)', () => {
  it('reads a title set off by commas before a name as that person ("the Canadian prime minister, Anne Tremblay,")', () => {
    for (const lead of [
      'The Canadian prime minister, Anne Tremblay,',
      "Canada's prime minister, Anne Tremblay,",
      'The prime minister of Canada, Anne Tremblay,',
    ]) {
      expect(summary(`${lead} will head to Norway on Monday.`)).toEqual(['Anne Tremblay → NO planned 2031-03-10']);
    }
  });

  it('reads the passive verb of a sentence whose subject is the visit, across the visitor and an aside about the plan', () => {
    expect(summary('The visit of German Chancellor Lena Vogt to India, scheduled for April 14-16, has been put off indefinitely.')).toEqual(
      ['Lena Vogt → IN postponed 2031-04-14'],
    );
    expect(summary("Lena Vogt's visit to India, originally planned for late April, was cancelled.")).toEqual([
      'Lena Vogt → IN cancelled 2031-04-21',
    ]);
  });

  it('dates a trip called off on a weekday by the nearer of the two (the day just gone, when it is nearer)', () => {
    expect(summary('President Paul Girard of France called off his trip to Algeria at the last minute on Tuesday.')).toEqual([
      'Paul Girard → DZ cancelled 2031-03-04',
    ]);
    expect(summary('President Paul Girard of France has postponed his trip to Algeria that was due to begin on Friday.')).toEqual([
      'Paul Girard → DZ postponed 2031-03-07',
    ]);
  });
});

describe('a guest hosted, and a presence told ahead (round 4)', () => {
  it('makes the guest the traveller, to the place named after them, else to the host’s country', () => {
    expect(summary('Prime Minister Jack Wilson of Australia hosted Japanese Prime Minister Kenji Sato in Canberra on Monday.')).toEqual([
      'Kenji Sato → AU completed 2031-03-03',
    ]);
    expect(summary('Prime Minister Jack Wilson of Australia will host his Japanese counterpart, Kenji Sato, on March 20.')).toEqual([
      'Kenji Sato → AU planned 2031-03-20',
    ]);
    expect(summary('Norway will welcome President Ivan Petrov of Bulgaria to Oslo next month.')).toEqual([
      'Ivan Petrov → NO planned 2031-04-01',
    ]);
  });

  it('does not read a call, a letter or a decision received as a guest', () => {
    expect(summary('Prime Minister Jack Wilson of Australia received a call from President Ivan Petrov of Bulgaria on Monday.')).toEqual(
      [],
    );
    expect(summary("Prime Minister Jack Wilson of Australia welcomed President Ivan Petrov's decision on Monday.")).toEqual([]);
  });

  it('reads "is due in", "is expected in", "is scheduled to be in", "will be in" as a visit ahead', () => {
    expect(summary('Prime Minister Kenji Sato of Japan is due in Seoul on Friday for talks.')).toEqual([
      'Kenji Sato → KR planned 2031-03-07',
    ]);
    expect(summary('Prime Minister Kenji Sato of Japan is expected in Lima next week.')).toEqual(['Kenji Sato → PE planned 2031-03-10']);
    expect(summary('Prime Minister Kenji Sato of Japan is scheduled to be in Jakarta from March 10 to 12.')).toEqual([
      'Kenji Sato → ID planned 2031-03-10',
    ]);
    expect(summary('Prime Minister Kenji Sato of Japan will be in Rome on Monday.')).toEqual(['Kenji Sato → IT planned 2031-03-10']);
    expect(summary('Prime Minister Kenji Sato of Japan will be in charge of the talks.')).toEqual([]);
  });
});

describe('more ways of saying when (round 4)', () => {
  const when = (phrase: string) => {
    const v = extractArticle(`President Ivan Petrov of Bulgaria will visit Japan ${phrase}.`, { publishedOn: '2031-03-05' }).visits[0];
    return v?.start ? `${v.start.from}..${v.start.to}` : '-';
  };
  it('reads the seasons (northern, by month), the halves of the year, weekends, "in two weeks" and "on the 20th"', () => {
    expect(when('in the autumn')).toBe('2031-09-01..2031-11-30');
    expect(when('next spring')).toBe('2032-03-01..2032-05-31');
    expect(when('in the winter')).toBe('2031-12-01..2032-02-29');
    expect(when('in the second half of the year')).toBe('2031-07-01..2031-12-31');
    expect(when('over the weekend')).toBe('2031-03-08..2031-03-09');
    expect(when('in two weeks')).toBe('2031-03-17..2031-03-23');
    expect(when('in three days')).toBe('2031-03-08..2031-03-08');
    expect(when('on the 20th')).toBe('2031-03-20..2031-03-20');
    expect(when('on the 2nd')).toBe('2031-04-02..2031-04-02');
  });

  it('does not read a name or the other sense of a season word as a date', () => {
    expect(when('for the Spring Festival')).toBe('-');
    expect(when('after the fall of the government')).toBe('-');
  });
});

describe('what the words say of the trip (round 4)', () => {
  it('reads "began a visit", "kicked off a tour" as under way, dated by the day just gone', () => {
    expect(summary('President Ivan Petrov of Bulgaria began a visit to Japan on Monday.')).toEqual([
      'Ivan Petrov → JP underway 2031-03-03',
    ]);
  });

  it('reads "has no plans to visit" as no trip', () => {
    expect(summary('President Ivan Petrov of Bulgaria has no plans to visit Japan this year.')).toEqual([]);
    expect(summary('President Ivan Petrov of Bulgaria is not planning to travel to Japan.')).toEqual([]);
  });
});

describe('a stand-in, and a town named by its country (round 4)', () => {
  it('makes the person sent in a leader’s place the traveller, and the leader not', () => {
    expect(
      summary(
        'President Ivan Petrov of Bulgaria will not attend the summit in Lima next week and will send Foreign Minister Dana Kova in his place.',
      ),
    ).toEqual(['Ivan Petrov → PE cancelled 2031-03-10', 'Dana Kova → PE planned 2031-03-10']);
    expect(summary('President Ivan Petrov of Bulgaria will be represented at the summit in Lima by Foreign Minister Dana Kova.')).toEqual([
      'Ivan Petrov → PE cancelled -',
      'Dana Kova → PE planned -',
    ]);
  });

  it('reads "the Finnish city of X" as a town in Finland, known to the gazetteer or not', () => {
    expect(summary('President Ivan Petrov of Bulgaria will travel to the Finnish city of Rovaniemi on Monday.')).toEqual([
      'Ivan Petrov → FI planned 2031-03-10',
    ]);
    expect(summary('President Ivan Petrov of Bulgaria will travel to the Norwegian port city of Vardholm on Monday.')).toEqual([
      'Ivan Petrov → NO planned 2031-03-10',
    ]);
  });
});
