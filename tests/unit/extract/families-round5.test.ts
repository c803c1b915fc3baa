import { describe, expect, it } from 'vitest';
import { extractArticle, type ExtractedVisit } from '../../../shared/extract';

/**
 * Families added in rules round 5: who a relative clause is about, travel told without a travel
 * verb, and whether a trip that began a day or two ago is still under way. Sentences written for
 * these tests; people and places invented or generic. Each line: "traveller → XX status start".
 */
function summary(text: string, publishedOn = '2031-03-05'): string[] {
  return extractArticle(text, { publishedOn }).visits.map(
    (v: ExtractedVisit) => `${v.traveller.name} → ${v.country} ${v.status} ${v.start ? v.start.from : '-'}`,
  );
}

// 2031-03-05 is a Wednesday: "Tuesday" is the day before, "Thursday" the day after.

describe('who a relative clause is about', () => {
  it('reads "<named after by>, who will visit X" as that person’s trip', () => {
    expect(summary('The session was led by Chancellor Otto Brandt, who will visit Japan on March 20.')).toEqual([
      'Otto Brandt → JP planned 2031-03-20',
    ]);
    expect(summary('The talks were chaired by Otto Brandt of Austria, who is due to travel to Japan on March 20.')).toEqual([
      'Otto Brandt → JP planned 2031-03-20',
    ]);
  });

  it('keeps a month that is also a given name when a title stands before it', () => {
    expect(summary('Prime Minister Jan Novak will visit Kenya on March 20.')).toEqual(['Jan Novak → KE planned 2031-03-20']);
    expect(summary('President May Tan will visit Japan in May.')).toEqual(['May Tan → JP planned 2031-05-01']);
    // Without a title the month stays a month.
    expect(summary('In May Prime Minister Lena Vogt visited Japan.')).toEqual(['Lena Vogt → JP completed 2030-05-01']);
  });
});

describe('travel told without a travel verb', () => {
  it('reads "on her way to", "en route to", "is headed to" as under way', () => {
    expect(summary('Chancellor Otto Brandt is on his way to Oslo.')).toEqual(['Otto Brandt → NO underway 2031-03-01']);
    expect(summary('President Ana Ruiz of Peru is en route to Chile.')).toEqual(['Ana Ruiz → CL underway 2031-03-01']);
    expect(summary('President Ana Ruiz of Peru is headed to Chile for talks on trade.')).toEqual(['Ana Ruiz → CL underway 2031-03-01']);
  });

  it('reads "set off for" and "sets out for" as setting out, and "will set off" as a plan', () => {
    expect(summary('President Ana Ruiz of Peru set off for Chile on Tuesday.')).toEqual(['Ana Ruiz → CL underway 2031-03-04']);
    expect(summary('President Ana Ruiz of Peru will set off for Chile next week.')).toEqual(['Ana Ruiz → CL planned 2031-03-10']);
    expect(summary('President Ana Ruiz of Peru sets out for Chile on Thursday on her first trip abroad.')).toEqual([
      'Ana Ruiz → CL planned 2031-03-06',
    ]);
  });
});

describe('a trip that began a day or two ago', () => {
  it('is under way while the reference day lies inside the stay it announced', () => {
    expect(summary('Chancellor Otto Brandt flew to Oslo on Tuesday for a three-day visit.')).toEqual([
      'Otto Brandt → NO underway 2031-03-04',
    ]);
    expect(summary('Chancellor Otto Brandt left for Oslo on Tuesday for a three-day visit.')).toEqual([
      'Otto Brandt → NO underway 2031-03-04',
    ]);
    expect(summary('Chancellor Otto Brandt arrived in Oslo on Tuesday for two days of talks.')).toEqual([
      'Otto Brandt → NO underway 2031-03-04',
    ]);
  });

  it('is over once the stay has ended', () => {
    expect(summary('Chancellor Otto Brandt arrived in Oslo on Monday for a two-day visit.')).toEqual([
      'Otto Brandt → NO completed 2031-03-03',
    ]);
    expect(summary('Prime Minister Lena Vogt of Norway wrapped up a two-day visit to Spain on Tuesday.')).toEqual([
      'Lena Vogt → ES completed 2031-03-03',
    ]);
  });

  it('takes a visitor who arrived yesterday, with no end told, to be there still; not one who arrived last week', () => {
    expect(summary('Chancellor Otto Brandt arrived in Oslo yesterday.')).toEqual(['Otto Brandt → NO underway 2031-03-04']);
    expect(summary('Chancellor Otto Brandt arrived in Oslo last Thursday.')).toEqual(['Otto Brandt → NO completed 2031-02-27']);
    expect(summary('Prime Minister Lena Vogt of Norway returned home on Tuesday from a visit to Spain.')).toEqual([
      'Lena Vogt → ES completed 2031-03-04',
    ]);
  });

  it('reads the present tense of news with a weekday as the nearer of the two days', () => {
    expect(summary('Chancellor Otto Brandt arrives in Oslo on Thursday for a two-day visit.')).toEqual([
      'Otto Brandt → NO planned 2031-03-06',
    ]);
  });

  it('does not take "postponed for two days" for the length of a stay', () => {
    const [visit] = extractArticle('Chancellor Otto Brandt’s visit to Oslo on March 20 was postponed for two days.', {
      publishedOn: '2031-03-05',
    }).visits;
    expect(visit?.status).toBe('postponed');
    expect(visit?.end ?? null).toBeNull();
  });
});

describe('a guest told in the passive', () => {
  it('reads "X was received / welcomed / greeted by Y" as X’s visit, to the place named or Y’s country', () => {
    expect(summary('President Ana Ruiz of Peru was received by Prime Minister Ravi Menon at the airport in New Delhi on Tuesday.')).toEqual(
      ['Ana Ruiz → IN completed 2031-03-04'],
    );
    expect(summary('President Ana Ruiz of Peru will be received by King Carl Gustaf of Sweden on Friday.')).toEqual([
      'Ana Ruiz → SE planned 2031-03-07',
    ]);
    expect(summary('President Ana Ruiz was greeted at the airport by Prime Minister Ravi Menon of India.')).toEqual([
      'Ana Ruiz → IN completed -',
    ]);
  });

  it('does not read a thing welcomed, or reporters greeted, as a visit', () => {
    expect(summary('The proposal was welcomed by President Ana Ruiz of Peru.')).toEqual([]);
    expect(summary('President Ana Ruiz greeted reporters in Lima on Tuesday.')).toEqual([]);
  });
});

describe('a trip put on hold, and plans by the end of the year', () => {
  it('reads "put on hold", "on ice" and "shelved" as postponed', () => {
    expect(summary('President Ana Ruiz of Peru’s trip to India has been put on hold.')).toEqual(['Ana Ruiz → IN postponed 2031-03-01']);
    expect(summary('President Ana Ruiz of Peru has shelved her visit to India.')).toEqual(['Ana Ruiz → IN postponed -']);
    expect(summary('President Ana Ruiz of Peru put her visit to India on ice.')).toEqual(['Ana Ruiz → IN postponed -']);
    expect(summary('President Ana Ruiz of Peru visited India while talks on trade were on hold.')).toEqual(['Ana Ruiz → IN completed -']);
  });

  it('reads "by the end of the year" as any day from tomorrow to 31 December', () => {
    const [visit] = extractArticle('President Ana Ruiz of Peru plans to visit India by the end of the year.', {
      publishedOn: '2031-03-05',
    }).visits;
    expect(visit?.start).toMatchObject({ from: '2031-03-06', to: '2031-12-31' });
  });
});

describe('reported plans and substitutes', () => {
  it('reads the name after "said" as the subject when a verb of its own follows', () => {
    expect(summary('Officials said President Ana Ruiz of Peru will visit India on Friday.')).toEqual(['Ana Ruiz → IN planned 2031-03-07']);
    expect(summary('Indian officials said President Ana Ruiz of Peru was expected in New Delhi on Friday.')).toEqual([
      'Ana Ruiz → IN planned 2031-03-07',
    ]);
    // The one who said it, after the quote, is still the speaker; a "who" clause is about them.
    expect(summary('"The visit is important," said President Ana Ruiz, who will travel to India on Friday.')).toEqual([
      'Ana Ruiz → IN planned 2031-03-07',
    ]);
  });

  it('reads "will instead send X to" as X’s trip in the leader’s place', () => {
    expect(summary('President Ana Ruiz of Peru will instead send her foreign minister, Jorge Paz, to the summit in India.')).toEqual([
      'Ana Ruiz → IN cancelled -',
      'Jorge Paz → IN planned -',
    ]);
  });

  it('reads "will not take place" and "won’t go ahead" as cancelled, and "will go ahead" as planned', () => {
    expect(summary('President Ana Ruiz of Peru’s planned visit to India will not take place.')).toEqual(['Ana Ruiz → IN cancelled -']);
    expect(summary('The visit to India by President Ana Ruiz of Peru, planned for April, won’t go ahead.')).toEqual([
      'Ana Ruiz → IN cancelled 2031-04-01',
    ]);
    expect(summary('President Ana Ruiz of Peru’s visit to India will go ahead as planned.')).toEqual(['Ana Ruiz → IN planned -']);
  });

  it('reads "moved to June" and "pushed back to next year" as postponed, keeping the date first set', () => {
    expect(summary('President Ana Ruiz of Peru’s visit to India, originally set for April, has been moved to June.')).toEqual([
      'Ana Ruiz → IN postponed 2031-04-01',
    ]);
    expect(summary('President Ana Ruiz of Peru moved to Lima in 2001 and visited India in 2019.')).toEqual([
      'Ana Ruiz → IN completed 2019-01-01',
    ]);
  });
});
