import { describe, expect, it } from 'vitest';
import { extractArticle, type ExtractedVisit } from '../../../shared/extract';

/**
 * Families of phrasings added in rules round 3 (sentences written for these tests; people and
 * institutions invented). Each line: "traveller → XX status start".
 */
function summary(text: string, publishedOn = '2024-03-08'): string[] {
  return extractArticle(text, { publishedOn }).visits.map(
    (v: ExtractedVisit) => `${v.traveller.name} → ${v.country} ${v.status} ${v.start ? v.start.from : '-'}`,
  );
}
/** Without the start: "traveller → XX status". */
const statuses = (text: string, publishedOn?: string) => summary(text, publishedOn).map((s) => s.split(' ').slice(0, -1).join(' '));
/** Only "traveller → XX". */
const places = (text: string, publishedOn?: string) => summary(text, publishedOn).map((s) => s.split(' ').slice(0, -2).join(' '));

describe('who travels and where (round 3)', () => {
  it('reads a compass word and a country as one place, never as a person ("North Korea", "South Sudan")', () => {
    expect(places('President Ilse Brandt of Austria will visit South Korea on Tuesday.')).toEqual(['Ilse Brandt → KR']);
    expect(places('Chancellor Ilse Brandt of Austria flew to South Sudan and then to North Macedonia.')).toEqual([
      'Ilse Brandt → SS',
      'Ilse Brandt → MK',
    ]);
  });

  it('never makes "the" and a capitalised word (a parliament, a palace) a traveller', () => {
    expect(
      places('Chancellor Ilse Brandt of Austria will visit Norway on Monday and address the Veldraad.').map((s) => s.split(' → ')[0]),
    ).toEqual(['Ilse Brandt']);
  });

  it('does not hand "his visit" of someone with no trip of their own to the last traveller', () => {
    expect(
      places('President Ilse Brandt of Austria will visit Peru in May. Prime Minister Tomas Reyl of Malta has postponed his visit.'),
    ).toEqual(['Ilse Brandt → PE']);
  });

  it('takes a country named inside a region ("a tour of Southeast Asia, including A and B", "that includes A")', () => {
    expect(statuses('Prime Minister Tomas Reyl of Malta has postponed his tour of Southeast Asia, including Vietnam and Laos.')).toEqual([
      'Tomas Reyl → VN postponed',
      'Tomas Reyl → LA postponed',
    ]);
    expect(places('Prime Minister Tomas Reyl of Malta has postponed his visit to West Africa that includes Ghana.')).toEqual([
      'Tomas Reyl → GH',
    ]);
  });

  it('never makes the person met the traveller ("besides meeting X, Y will...")', () => {
    expect(
      places('Besides meeting President Ilse Brandt, Prime Minister Tomas Reyl of Malta will attend a trade fair in Paris on May 3.').map(
        (s) => s.split(' → ')[0],
      ),
    ).toEqual(['Tomas Reyl']);
  });

  it('reads no destination after a travel noun that has no object ("the visit strengthened ties between A and B")', () => {
    expect(
      places(
        'Prime Minister Tomas Reyl of Malta concluded his visit to Peru today. The Prime Minister\u2019s visit strengthened the ties between Malta and Peru.',
      ),
    ).toEqual(['Tomas Reyl → PE']);
  });

  it('reads the country an invitation is extended to as the guest, not the destination', () => {
    expect(
      places('President Ilse Brandt will visit Peru in May. She said she valued the invitation extended to Austria by her hosts.'),
    ).toEqual(['Ilse Brandt → PE']);
  });
});

describe('dates (round 3)', () => {
  it('reads a weekday of a plan told in the simple past as the closer one ("was due to visit on Sunday")', () => {
    // 2024-03-12 is a Tuesday: the Sunday two days before, not the one five days ahead.
    expect(summary('President Lena Marsh of Chile was due to visit Peru on Sunday, but the trip was postponed.', '2024-03-12')).toEqual([
      'Lena Marsh → PE postponed 2024-03-10',
    ]);
  });

  it('still reads a meeting that "had been set for Tuesday", called off on a Thursday, as the coming Tuesday', () => {
    expect(
      summary('President Lena Marsh of Chile on Thursday cancelled a visit to Peru that had been set for Tuesday.', '2024-03-14'),
    ).toEqual(['Lena Marsh → PE cancelled 2024-03-19']);
  });

  it('does not take the date of a named event for the trip ("the June 2023 Andean Trade Summit")', () => {
    expect(
      summary(
        'President Lena Marsh of Chile will visit Peru. Her trip to Peru will build on the success of the June 2023 Andean Trade Summit.',
      ),
    ).toEqual(['Lena Marsh → PE planned -']);
  });

  it('does not take a fronted date of an invitation or announcement for the trip ("In January, X confirmed the invitation")', () => {
    expect(
      summary(
        'In January, Prime Minister Oren Talbot of Canada confirmed the invitation for President Lena Marsh of Chile to visit Canada.',
      ),
    ).toEqual(['Lena Marsh → CA planned -']);
  });
});

describe('status and traveller (round 3)', () => {
  it('reads a plan told after the travel noun ("her visit to X will take place in June")', () => {
    expect(summary('President Lena Marsh of Chile said her visit to Peru will take place in June.')).toEqual([
      'Lena Marsh → PE planned 2024-06-01',
    ]);
  });

  it('makes the person invited the traveller ("invited X to visit", "the invitation for X to visit")', () => {
    expect(summary('Prime Minister Oren Talbot of Canada invited President Lena Marsh of Chile to visit Canada in May.')).toEqual([
      'Lena Marsh → CA planned 2024-05-01',
    ]);
  });
});

describe('a part is not the whole; a later plan supersedes a former one (round 3)', () => {
  const text =
    'Prime Minister Oren Talbot of Canada had been planning to arrive in India on Sunday and then visit Agra on Monday. ' +
    'An official said only that Talbot would not visit Agra. ' +
    'A statement said Talbot would arrive in India on Monday before starting three days of talks on Tuesday.';

  it('keeps the visit planned when only one city or site is called off, dated by the plan that stands', () => {
    // 2003-09-05 is a Friday: the new arrival is Monday the 8th, not the former Sunday.
    expect(summary(text, '2003-09-05')).toEqual(['Oren Talbot → IN planned 2003-09-08']);
  });

  it('still cancels the visit when the country itself is called off', () => {
    expect(statuses('President Lena Marsh of Chile has cancelled her visit to Peru. She will not visit Cusco either.')).toEqual([
      'Lena Marsh → PE cancelled',
    ]);
  });
});

describe('coming home (round 3)', () => {
  it('completes the trip to X on "returned home from X", "is back from X", "arrived back from X", "arrives from X"', () => {
    expect(statuses('Prime Minister Tomas Reyl returned home from Peru on Sunday.', '2024-03-12')).toEqual(['Tomas Reyl → PE completed']);
    expect(statuses('President Lena Marsh is back from Peru after a three-day visit.', '2024-03-12')).toEqual([
      'Lena Marsh → PE completed',
    ]);
    expect(statuses('President Lena Marsh arrived back from Peru on Monday.', '2024-03-12')).toEqual(['Lena Marsh → PE completed']);
    expect(statuses('President Oren Talbot arrives from Peru; says official visit was productive', '2024-03-12')).toEqual([
      'Oren Talbot → PE completed',
    ]);
  });

  it('never makes the place someone returns to a visit ("returned to <capital>", "has to return to <country>")', () => {
    expect(places('President Oren Talbot of Canada visited Peru last week. He returned to Ottawa on Sunday.', '2024-03-12')).toEqual([
      'Oren Talbot → PE',
    ]);
    expect(places('"I have to return to Chile," President Oren Talbot said after his talks in Peru.', '2024-03-12')).toEqual([
      'Oren Talbot → PE',
    ]);
  });

  it('keeps a return that is itself a visit ("return to X for a second visit", back to a country of the same tour)', () => {
    expect(places('President Oren Talbot will tour Peru and then return to Chile for a second visit.', '2024-03-12')).toEqual([
      'Oren Talbot → PE',
      'Oren Talbot → CL',
    ]);
  });

  it('reads "cut short his visit" as a trip that took place', () => {
    expect(statuses('President Oren Talbot cut short his official visit to Peru on Monday.', '2024-03-12')).toEqual([
      'Oren Talbot → PE completed',
    ]);
  });
});

describe('old trips mentioned in passing (round 3)', () => {
  it('does not turn a trip referred back to but dated years away into a visit of its own', () => {
    expect(
      summary('President Lena Marsh of Chile will make her first trip to Peru on Tuesday. Her last trip there was in December 2013.'),
    ).toEqual(['Lena Marsh → PE planned 2024-03-12']);
    expect(
      summary(
        'President Lena Marsh of Chile will visit Peru on Tuesday. She and President Oren Talbot of Peru held their first summit in April 2019.',
      ),
    ).toEqual(['Lena Marsh → PE planned 2024-03-12']);
  });
});

describe('lists and tours (round 3)', () => {
  it('counts each country of "X or Y"', () => {
    expect(statuses('President Lena Marsh of Chile will visit Peru or Bolivia next month.', '2024-03-12')).toEqual([
      'Lena Marsh → PE planned',
      'Lena Marsh → BO planned',
    ]);
  });

  it('counts each country of "a tour of X, Y and Z"', () => {
    expect(statuses('President Lena Marsh of Chile will begin a tour of Peru, Bolivia and Ecuador on Monday.', '2024-03-12')).toEqual([
      'Lena Marsh → PE planned',
      'Lena Marsh → BO planned',
      'Lena Marsh → EC planned',
    ]);
  });

  it('keeps the legs of a tour still ahead planned while the first is under way or done', () => {
    expect(
      statuses(
        'President Lena Marsh of Chile arrived in Peru on Monday at the start of a tour that will also take her to Bolivia and Ecuador.',
        '2024-03-12',
      ),
    ).toEqual(['Lena Marsh → PE underway', 'Lena Marsh → BO planned', 'Lena Marsh → EC planned']);
    expect(
      statuses(
        'President Lena Marsh of Chile arrived in Peru last Wednesday at the start of a tour that will also take her to Bolivia and Ecuador.',
        '2024-03-12',
      ),
    ).toEqual(['Lena Marsh → PE completed', 'Lena Marsh → BO planned', 'Lena Marsh → EC planned']);
    expect(
      statuses('President Lena Marsh of Chile is currently visiting Peru and will then travel to Bolivia on Friday.', '2024-03-12'),
    ).toEqual(['Lena Marsh → PE underway', 'Lena Marsh → BO planned']);
  });

  it('reads "made state visits to X and Y" as completed', () => {
    expect(statuses('Last year, President Lena Marsh of Chile made state visits to Peru and Bolivia.', '2024-03-12')).toEqual([
      'Lena Marsh → PE completed',
      'Lena Marsh → BO completed',
    ]);
  });
});

describe('status words (round 3)', () => {
  it('reads "will go ahead with her visit as scheduled" as planned', () => {
    expect(
      statuses('President Lena Marsh of Chile will go ahead with her visit to Peru as scheduled, her office said.', '2024-03-12'),
    ).toEqual(['Lena Marsh → PE planned']);
  });

  it('reads "the date will be fixed later" after a trip called off as postponed', () => {
    expect(
      statuses('President Lena Marsh of Chile will not travel to Peru next week as planned. A new date will be fixed later.', '2024-03-12'),
    ).toEqual(['Lena Marsh → PE postponed']);
    expect(
      statuses(
        'President Lena Marsh of Chile has cancelled her trip to Peru next week. The date of the visit will be fixed later.',
        '2024-03-12',
      ),
    ).toEqual(['Lena Marsh → PE postponed']);
  });

  it('leaves a plan whose date is still to be fixed planned', () => {
    expect(statuses('President Lena Marsh of Chile will visit Peru. The date will be fixed later.', '2024-03-12')).toEqual([
      'Lena Marsh → PE planned',
    ]);
  });
});

describe('one trip, one proposal (round 3)', () => {
  it('gathers every mention of the same traveller, country and time into one proposal with its evidence', () => {
    const r = extractArticle(
      'President Lena Marsh of Chile will visit Peru on Tuesday. The trip to Peru will focus on trade. During the visit, Marsh will meet business leaders in Lima.',
      { publishedOn: '2024-03-08' },
    );
    expect(r.visits.map((v) => `${v.traveller.name} → ${v.country} ${v.city ?? '-'} ${v.start?.from ?? '-'}`)).toEqual([
      'Lena Marsh → PE Lima 2024-03-12',
    ]);
    expect(r.visits[0]!.cues.map((c) => c.kind).sort()).toEqual(['date', 'status']);
  });

  it('gathers a monarch named with and without title and numeral', () => {
    expect(
      summary(
        'King Aldric III of Sweden will travel to Norway on Wednesday. Aldric and Queen Mira will address the Storting. King Aldric will make his first visit as monarch on Wednesday when he travels to Norway for a three day visit.',
        '2024-03-12',
      ),
    ).toEqual(['Aldric III → NO planned 2024-03-13']);
  });
});

describe('who travels, continued (round 3)', () => {
  it('reads "the latter" and "the former" as the last and the one before', () => {
    expect(
      statuses(
        'President Lena Marsh of Chile received a call from Prime Minister Oren Talbot, in which the latter regretted not being able to attend the summit in Lima next week.',
        '2024-03-12',
      ),
    ).toEqual(['Oren Talbot → PE cancelled']);
  });

  it('continues the person who opened the previous sentence with a sentence-initial pronoun', () => {
    expect(
      statuses(
        'President Lena Marsh of Chile said in a statement that Prime Minister Oren Talbot of Canada had apologised. She also said she would visit Canada later this year.',
        '2024-03-12',
      ),
    ).toEqual(['Lena Marsh → CA planned']);
  });

  it('never merges a title with a country into a named person of the same sentence who stands apart from it', () => {
    expect(
      statuses(
        'Prime Minister Oren Talbot would not attend the summit in Lima next week, the office of the Peruvian prime minister confirmed on Tuesday.',
        '2024-03-12',
      ),
    ).toEqual(['Oren Talbot → PE cancelled']);
    // Standing right by the name, the title is the same person.
    expect(summary('Oren Talbot, the Canadian prime minister, will visit Peru in May.', '2024-03-12')).toEqual([
      'Oren Talbot → PE planned 2024-05-01',
    ]);
  });

  it('reads "PM" as a title, never as a country code', () => {
    expect(statuses('PM Oren Talbot is currently in Geneva, where he addressed a forum on Tuesday.', '2024-03-12')).toEqual([
      'Oren Talbot → CH underway',
    ]);
  });
});

describe('motion words (round 3)', () => {
  it('reads "is currently in X" and "was in X" of a person as a presence abroad', () => {
    expect(statuses('President Lena Marsh of Chile is currently in Peru for talks.', '2024-03-12')).toEqual(['Lena Marsh → PE underway']);
  });

  it('reads a date between "leave" and its way ("will leave on Wednesday en route to X", "left Sunday night for X")', () => {
    expect(
      summary('Prime Minister Oren Talbot of Canada will leave on Wednesday en route to Lima, Peru, to attend a summit.', '2024-03-12'),
    ).toEqual(['Oren Talbot → PE planned 2024-03-13']);
    expect(summary('President Oren Talbot of Canada left Sunday night for Peru.', '2024-03-12')).toEqual([
      'Oren Talbot → PE completed 2024-03-10',
    ]);
  });
});

describe('a leg still going ahead; regnal numbers (round 3)', () => {
  it('keeps a leg planned when it is "still going ahead" beside a postponement', () => {
    expect(
      statuses(
        'King Aldric III of Sweden will visit Norway next week. The palace said the change was a \u201cpostponement\u201d, with the Norwegian leg of the trip still going ahead.',
        '2023-03-28',
      ),
    ).toEqual(['Aldric III → NO planned']);
    expect(
      statuses(
        'King Aldric III of Sweden will visit Norway and Finland next week. The palace said the Finnish visit was postponed, with the Norwegian leg of the trip still going ahead.',
        '2023-03-28',
      ),
    ).toEqual(['Aldric III → NO planned', 'Aldric III → FI postponed']);
  });

  it('reads a name with a regnal number ("Aldric III") as a person, not an acronym', () => {
    expect(places('King Aldric III of Sweden will visit Norway and Finland next week.', '2023-03-28')).toEqual([
      'Aldric III → NO',
      'Aldric III → FI',
    ]);
  });
});

describe('one trip of several legs; the nearer of two status words (round 3)', () => {
  it('gives the dates told of "the trip" to every destination it named', () => {
    expect(
      summary(
        'President Lena Marsh of Chile will postpone her trip to Peru and Bolivia. The trip, originally planned for July 2 to 7, will be rescheduled though no new date has been set.',
        '2024-06-10',
      ),
    ).toEqual(['Lena Marsh → PE postponed 2024-07-02', 'Lena Marsh → BO postponed 2024-07-02']);
  });

  it('reads "cancelled several engagements and postponed a trip to X" as a postponed trip', () => {
    expect(
      statuses(
        'President Lena Marsh of Chile will visit Bolivia in July. She has cancelled several engagements and postponed a scheduled trip to Peru in June.',
        '2024-06-10',
      ),
    ).toEqual(['Lena Marsh → BO planned', 'Lena Marsh → PE postponed']);
  });
});

describe('an old trip to the same country (round 3)', () => {
  it('keeps an undated trip told as done apart from the coming visit to the same country', () => {
    expect(
      statuses(
        'Chancellor Ilse Brandt of Austria will visit Peru on Friday. Years ago she made a tour of the region. She first travelled to Chile and Peru before heading to Bolivia.',
        '2024-03-12',
      ),
    ).toEqual(['Ilse Brandt → PE planned', 'Ilse Brandt → CL completed', 'Ilse Brandt → PE completed', 'Ilse Brandt → BO completed']);
  });
});
