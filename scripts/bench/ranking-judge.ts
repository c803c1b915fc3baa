/**
 * Writes bench/ranking/queries.json: the ranking set's judgments. Each query carries the need a
 * user has in mind and the rule the judge (a person, reading the records) settled on for it; this
 * script applies that rule to every record of the bundled Office of the Historian data, so that the
 * judgments cover every record, not only those some engine returned. The rules were written before
 * either engine's results were looked at, and read against the records they select.
 *
 *   npx tsx scripts/bench/ranking-judge.ts
 *
 * Grades: 2 = what the user asked for; 1 = related (the person named in another's record, the
 * right person in the wrong place or year); 0 = everything else (not listed).
 */
import { writeFileSync } from 'node:fs';
import type { Person, Visit } from '../../shared/model';
import { importHsg } from '../../shared/importers/hsg';
import { readBundledHsg } from '../cli/bundled-hsg';

interface View {
  key: string;
  label: string;
  type: 'visit' | 'person' | 'source';
  /** Names of the person (a person) or the traveller (a visit), with aliases. */
  who: string;
  country: string;
  city: string;
  kind: string;
  year: string;
  text: string;
}

const data = importHsg(readBundledHsg());
const people = new Map(data.people.map((p) => [p.id, p]));
const nameOf = (p: Person | undefined) => (p ? [p.name, ...p.aliases].join(' ; ') : '');
const views: View[] = [
  ...data.visits.map((v: Visit): View => {
    const t = people.get(v.travellerId);
    return {
      key: `visit:${v.id}`,
      label: `${t?.name ?? '?'} → ${v.place.country}${v.place.city ? ` ${v.place.city}` : ''}, ${v.start?.from ?? '?'}: ${v.purpose.slice(0, 60)}`,
      type: 'visit',
      who: nameOf(t),
      country: v.place.country,
      city: v.place.city ?? '',
      kind: v.kind,
      year: v.start?.from.slice(0, 4) ?? '',
      text: v.purpose,
    };
  }),
  ...data.people.map((p): View => ({
    key: `person:${p.id}`,
    label: `person ${p.name}${p.aliases.length ? ` (${p.aliases.join(', ')})` : ''}, ${p.roles.map((r) => r.title).join(', ')}`,
    type: 'person',
    who: nameOf(p),
    country: p.country ?? '',
    city: '',
    kind: '',
    year: '',
    text: p.note,
  })),
  ...data.sources.map((s): View => ({
    key: `source:${s.id}`,
    label: `source ${s.title}`,
    type: 'source',
    who: '',
    country: '',
    city: '',
    kind: '',
    year: '',
    text: s.title,
  })),
];

type Rule = (v: View) => 0 | 1 | 2;

/** A person asked for by name: their record and their own visits (2), records that mention them (1). */
function personRule(who: RegExp, mention: RegExp = who): Rule {
  return (v) => (who.test(v.who) ? 2 : v.type === 'visit' && mention.test(v.text) ? 1 : 0);
}
/** A person and a year: their visits that year and that year's records mentioning them (2); their other visits and their record (1). */
function personYearRule(who: RegExp, mention: RegExp, year: string): Rule {
  return (v) => {
    const theirs = who.test(v.who);
    if (v.type === 'visit' && v.year === year && (theirs || mention.test(v.text))) return 2;
    return theirs ? 1 : 0;
  };
}
/** A city: visits there (2); visits whose text names it (1). */
function cityRule(city: RegExp, mention: RegExp = city): Rule {
  return (v) => (v.type === 'visit' && city.test(v.city) ? 2 : v.type === 'visit' && mention.test(v.text) ? 1 : 0);
}
/** A topic in the visit's text. */
function textRule(full: RegExp, partial?: RegExp): Rule {
  return (v) => (v.type !== 'visit' ? 0 : full.test(v.text) ? 2 : partial?.test(v.text) ? 1 : 0);
}

const KHRUSHCHEV = /khrushchev/i;
const GORBACHEV = /gorbachev/i;
const MITTERRAND = /mitterrand/i;
const GANDHI = /gandhi/i;
const ALBRIGHT = /albright/i;

const QUERIES: { q: string; kind: string; need: string; rule: string; judge: Rule }[] = [
  {
    q: 'de gaulle',
    kind: 'person',
    need: 'Charles de Gaulle: who he was and his visits',
    rule: 'his person records and visits 2; visits naming him 1',
    judge: personRule(/gaulle/i),
  },
  {
    q: 'kissinger',
    kind: 'person',
    need: 'Henry Kissinger and his travels as Secretary of State',
    rule: 'his person record and trips 2; records naming him 1',
    judge: personRule(/kissinger/i),
  },
  {
    q: 'margaret thatcher',
    kind: 'person',
    need: "Margaret Thatcher's visits",
    rule: 'her record and visits 2; visits naming Thatcher 1',
    judge: personRule(/thatcher/i),
  },
  {
    q: 'khrushchev',
    kind: 'person',
    need: 'Nikita Khrushchev (his 1959 visit, meetings with him)',
    rule: 'his record and visit 2; visits naming him 1',
    judge: personRule(KHRUSHCHEV),
  },
  {
    q: 'gorbachev',
    kind: 'person',
    need: 'Mikhail Gorbachev',
    rule: 'his record and visits 2; visits naming him 1 (Alfons Gorbach, an Austrian chancellor, 0)',
    judge: personRule(GORBACHEV),
  },
  {
    q: 'pope john paul',
    kind: 'person',
    need: 'Pope John Paul II',
    rule: 'his record and visits 2; visits naming Pope John Paul 1',
    judge: personRule(/john paul/i, /pope john paul/i),
  },
  {
    q: 'queen elizabeth',
    kind: 'person',
    need: 'Queen Elizabeth II',
    rule: 'her record and visits 2; visits naming Queen Elizabeth 1',
    judge: personRule(/^elizabeth ii/i, /queen elizabeth/i),
  },
  {
    q: 'nehru',
    kind: 'person',
    need: "Jawaharlal Nehru's visits",
    rule: 'his record and visits 2; visits naming him 1',
    judge: personRule(/nehru/i),
  },
  {
    q: 'netanyahu',
    kind: 'person',
    need: 'Benjamin Netanyahu (recorded under two spellings)',
    rule: 'both records and their visits 2; visits naming him 1',
    judge: personRule(/netanyahu/i),
  },
  {
    q: 'nelson mandela',
    kind: 'person',
    need: "Nelson Mandela's visits",
    rule: 'his record and visits 2; visits naming Mandela 1',
    judge: personRule(/mandela/i),
  },
  {
    q: 'nixon china',
    kind: 'person+place',
    need: "Nixon's trip to China",
    rule: "Nixon's visits to China 2; visits naming Nixon and China, Nixon's record 1",
    judge: (v) =>
      /nixon/i.test(v.who) && v.country === 'CN'
        ? 2
        : /nixon/i.test(v.who) && v.type === 'person'
          ? 1
          : v.type === 'visit' && /nixon/i.test(v.text) && /china/i.test(v.text)
            ? 1
            : 0,
  },
  {
    q: 'sadat camp david',
    kind: 'person+place',
    need: 'Sadat and the Camp David talks',
    rule: "visits naming both, or Sadat at Camp David 2; Sadat's other visits and record 1",
    judge: (v) => {
      const sadat = /sadat/i.test(v.who) || /sadat/i.test(v.text);
      if (v.type === 'visit' && sadat && /camp david/i.test(v.text)) return 2;
      return /sadat/i.test(v.who) ? 1 : 0;
    },
  },
  {
    q: 'berlin',
    kind: 'place',
    need: 'visits to Berlin',
    rule: 'visits to Berlin, West or East Berlin 2; visits whose text names Berlin 1',
    judge: cityRule(/berlin/i),
  },
  {
    q: 'tokyo',
    kind: 'place',
    need: 'visits to Tokyo',
    rule: 'visits to Tokyo 2; visits whose text names Tokyo 1',
    judge: cityRule(/^tokyo$/i, /tokyo/i),
  },
  {
    q: 'geneva',
    kind: 'place',
    need: 'visits to Geneva (conferences there)',
    rule: 'visits to Geneva 2; visits naming Geneva 1',
    judge: cityRule(/^geneva$/i, /geneva/i),
  },
  {
    q: 'camp david',
    kind: 'place',
    need: 'meetings at Camp David',
    rule: 'visits whose text names Camp David 2',
    judge: textRule(/camp david/i),
  },
  {
    q: 'moscow summit',
    kind: 'place+topic',
    need: 'the summits in Moscow',
    rule: 'visits to Moscow for a summit, or naming a Moscow summit 2; other visits to Moscow 1',
    judge: (v) => {
      if (v.type !== 'visit') return 0;
      const moscow = /moscow/i.test(v.city);
      if ((moscow && /summit/i.test(v.text)) || /moscow summit/i.test(v.text)) return 2;
      return moscow ? 1 : 0;
    },
  },
  {
    q: 'saudi arabia',
    kind: 'place',
    need: 'visits to Saudi Arabia',
    rule: 'visits to SA 2; visits naming Saudi Arabia, Saudi people 1',
    judge: (v) =>
      v.type === 'visit' && v.country === 'SA'
        ? 2
        : (v.type === 'visit' && /saudi/i.test(v.text)) || (v.type === 'person' && v.country === 'SA')
          ? 1
          : 0,
  },
  {
    q: 'state visit',
    kind: 'topic',
    need: 'state visits',
    rule: 'visits of kind state 2; visits whose text says "state visit" otherwise 1',
    judge: (v) => (v.type !== 'visit' ? 0 : v.kind === 'state' ? 2 : /state visit/i.test(v.text) ? 1 : 0),
  },
  {
    q: 'nato ministerial',
    kind: 'topic',
    need: 'NATO ministerial meetings',
    rule: 'visits to a NATO or North Atlantic Council ministerial meeting 2; other NATO or North Atlantic Council meetings 1',
    judge: (v) => {
      if (v.type !== 'visit') return 0;
      const nato = /nato|north atlantic/i.test(v.text);
      return nato && /ministerial/i.test(v.text) ? 2 : nato ? 1 : 0;
    },
  },
  {
    q: 'economic summit',
    kind: 'topic',
    need: 'the economic summits (G7)',
    rule: 'visits naming an Economic Summit 2; naming the G7/G8 1',
    judge: textRule(/economic summit/i, /\bg-?[78]\b/i),
  },
  { q: 'funeral', kind: 'topic', need: 'funerals attended', rule: 'visits whose text names a funeral 2', judge: textRule(/funeral/i) },
  {
    q: 'un general assembly',
    kind: 'topic',
    need: 'visits for the UN General Assembly',
    rule: 'visits naming the UN General Assembly 2; naming the United Nations 1',
    judge: textRule(/(un|u\.n\.|united nations) general assembly|general assembly/i, /\bun\b|\bu\.n\.|united nations/i),
  },
  { q: 'asean', kind: 'topic', need: 'ASEAN meetings', rule: 'visits naming ASEAN 2', judge: textRule(/asean/i) },
  {
    q: 'kennedy 1961',
    kind: 'person+year',
    need: 'John F. Kennedy in 1961',
    rule: 'his 1961 visits and 1961 visits naming President Kennedy 2; his other visits and record 1',
    judge: personYearRule(/john f\. kennedy/i, /president kennedy/i, '1961'),
  },
  {
    q: 'reagan 1985',
    kind: 'person+year',
    need: 'Ronald Reagan in 1985',
    rule: 'his 1985 visits and 1985 visits naming Reagan 2; his other visits and record 1',
    judge: personYearRule(/ronald reagan/i, /reagan/i, '1985'),
  },
  {
    q: 'china 1972',
    kind: 'place+year',
    need: 'visits to China in 1972',
    rule: 'visits to China in 1972 2; 1972 visits naming China, other visits to China 1',
    judge: (v) =>
      v.type !== 'visit'
        ? 0
        : v.country === 'CN' && v.year === '1972'
          ? 2
          : (v.year === '1972' && /china/i.test(v.text)) || v.country === 'CN'
            ? 1
            : 0,
  },
  { q: 'kruschev', kind: 'misspelling', need: 'Khrushchev, misspelt', rule: 'as "khrushchev"', judge: personRule(KHRUSHCHEV) },
  {
    q: 'mitterand',
    kind: 'misspelling',
    need: 'François Mitterrand, misspelt',
    rule: 'his record and visits 2; visits naming him 1',
    judge: personRule(MITTERRAND),
  },
  {
    q: 'ghandi',
    kind: 'misspelling',
    need: 'Indira or Rajiv Gandhi, misspelt',
    rule: 'their records and visits 2; visits naming Gandhi 1',
    judge: personRule(GANDHI),
  },
  {
    q: 'madeline albright',
    kind: 'misspelling',
    need: 'Madeleine Albright, misspelt',
    rule: 'her record and trips 2; visits naming Albright 1',
    judge: personRule(ALBRIGHT),
  },
  { q: 'gorbachov', kind: 'misspelling', need: 'Gorbachev, another transliteration', rule: 'as "gorbachev"', judge: personRule(GORBACHEV) },
];

const out = {
  about:
    'Ranking set for full-text search over the bundled Office of the Historian records (assets/datasets/historyatstate). ' +
    'Keys are search document ids (type:recordId; the importer derives record ids from the data set, so they are stable). ' +
    'Grades: 2 what the user asked for, 1 related, unlisted 0. Each query states the need and the rule the judgments follow; ' +
    'scripts/bench/ranking-judge.ts applied the rules to every record. Labels are for reading only.',
  queries: QUERIES.map(({ q, kind, need, rule, judge }) => {
    const judged = views
      .map((v) => ({ v, g: judge(v) }))
      .filter((x) => x.g > 0)
      .sort((a, b) => b.g - a.g || (a.v.key < b.v.key ? -1 : 1));
    return {
      q,
      kind,
      need,
      rule,
      judgments: judged.map(({ v, g }) => [v.key, g, v.label.length > 72 ? `${v.label.slice(0, 71)}…` : v.label]),
    };
  }),
};
writeFileSync('bench/ranking/queries.json', `${JSON.stringify(out, null, 1)}\n`);
for (const q of out.queries) {
  const n2 = q.judgments.filter((j) => j[1] === 2).length;
  process.stdout.write(`${q.q}: ${n2} grade 2, ${q.judgments.length - n2} grade 1\n`);
}
